/**
 * docs/model.md describes the KPI model in the project's words. This checks that it names every
 * metric, indicator and export column of the contract (../shared/spec/kpi-model.md) when the
 * contract sits beside the repo; without it, every metric of the engine's catalogue, every
 * indicator of the built-in standard scenario and every fixed column of the export.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resultsCsvHeader } from '../src/lib/engine/exportCsv';
import { METRICS } from '../src/lib/engine/metricCatalog';
import { BUILT_IN_PRESETS } from '../src/lib/engine/presets';

const model = readFileSync(new URL('../docs/model.md', import.meta.url), 'utf8');
const contractPath = fileURLToPath(new URL('../../shared/spec/kpi-model.md', import.meta.url));

/** The level-2 section of a markdown text whose heading starts with `## ${n}.` */
function section(md: string, n: number): string {
  const start = md.indexOf(`\n## ${n}. `);
  if (start < 0) throw new Error(`no section ${n}`);
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end < 0 ? undefined : end);
}

/** First cells of the table rows of a markdown text (header and rule rows left out). */
function firstCells(md: string, column = 0): string[] {
  return md.split('\n').filter((l) => l.startsWith('|') && !l.startsWith('|---'))
    .slice(1).map((l) => l.split('|')[column + 1].trim().replace(/`/g, '')).filter((c) => /^[a-z_0-9]+$/.test(c));
}

/** The ids the contract names: §3 metric table, §4 indicator table and optional ones, §8 columns. */
function fromContract(spec: string) {
  const metrics = firstCells(section(spec, 3));
  const s4 = section(spec, 4);
  const indicators = [...firstCells(s4, 1), ...[...s4.matchAll(/^(?:Optional indicators[^`]*|.*?)`([a-z_]+)`\s*\((?:process|result);/gm)].map((m) => m[1])];
  const bonusItems = [...s4.matchAll(/Bonus item `([a-z_]+)`/g)].map((m) => m[1]);
  const header = /^`(staff_id,[^`]*)`$/m.exec(section(spec, 8))![1].split(',').filter((c) => c && !c.includes('<'));
  const tail = /then `(bonus_points[^`]*)`/.exec(section(spec, 8))![1].split(',');
  return { metrics, indicators: [...indicators, ...bonusItems], columns: [...header, '<indicator id>_points', ...tail] };
}

function fromEngine() {
  const standard = BUILT_IN_PRESETS.find((p) => p.id === 'standard')!.scenario;
  return {
    metrics: METRICS.map((m) => m.id),
    indicators: [...standard.indicators.map((i) => i.id), ...standard.bonus_items.map((b) => b.id)],
    columns: resultsCsvHeader(standard).filter((c) => !c.endsWith('_points') || c === 'bonus_points').concat('<indicator id>_points'),
  };
}

const names = existsSync(contractPath) ? fromContract(readFileSync(contractPath, 'utf8')) : fromEngine();

describe(`docs/model.md covers the model (${existsSync(contractPath) ? 'the contract' : "the engine's catalogue"})`, () => {
  it('finds the names to look for', () => {
    expect(names.metrics.length).toBeGreaterThanOrEqual(23);
    expect(names.indicators.length).toBeGreaterThanOrEqual(13);
    expect(names.columns.length).toBeGreaterThanOrEqual(17);
  });
  it.each(['metrics', 'indicators', 'columns'] as const)('names every one of the %s', (kind) => {
    const missing = names[kind].filter((id) => !model.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
