/**
 * `npm run score -- --data <folder> --scenario <file.json|preset id> --period <2026Q1|2026> --out <results.csv>`
 * The headless twin of the app: the same import (detection, normalisation, validation) and
 * the same engine, so HR can reproduce published results and the tests can compare with
 * the spec's expected exports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readCsvFolder } from '../src/lib/data/readFolder';
import { parseMappings, type ColumnMapping, type MappingError } from '../src/lib/data/mapping';
import { parsePeriod } from '../src/lib/engine/periods';
import { parseScenarioText } from '../src/lib/engine/scenario';
import { errorText } from '../src/lib/i18n/bilingualError';
import { BUILT_IN_PRESETS } from '../src/lib/engine/presets';
import { computeResults } from '../src/lib/engine/results';
import { resultsToCsv } from '../src/lib/engine/exportCsv';
import type { Issue } from '../src/lib/data/issues';

export interface CommandOutput { code: number; out: string[]; err: string[] }

const USAGE = `用法 / usage: npm run score -- --data <CSV 文件夹> --scenario <方案.json 或内置方案 id> --period <2026Q1|2026> [--out <结果.csv>] [--lang zh|en] [--mapping <字段映射.json>]
内置方案 / built-in presets: ${BUILT_IN_PRESETS.map((p) => p.id).join(', ')}`;

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s, 2) : [a.slice(2), argv[++i]];
      args[k] = v ?? '';
    }
  }
  return args;
}

function formatIssue(i: Issue, lang: 'zh' | 'en'): string {
  const where = [i.file, i.row != null ? `${lang === 'zh' ? '第' : 'row '}${i.row}${lang === 'zh' ? '行' : ''}` : '', i.column ?? '']
    .filter(Boolean).join(' · ');
  const value = i.value != null && i.value !== '' ? ` [${i.value}]` : '';
  const tag = { error: lang === 'zh' ? '错误' : 'error', warning: lang === 'zh' ? '警告' : 'warning', notice: lang === 'zh' ? '提示' : 'notice' }[i.severity];
  return `${tag}: ${where}${value}: ${lang === 'zh' ? i.message_zh : i.message_en}`;
}

/** Runs the command; returns exit code and lines instead of exiting, so tests can call it. */
export function scoreCommand(argv: string[]): CommandOutput {
  const out: string[] = [];
  const err: string[] = [];
  const args = parseArgs(argv);
  const lang = args.lang === 'en' ? 'en' : 'zh';
  if (!args.data || !args.scenario || !args.period) {
    err.push(USAGE);
    return { code: 2, out, err };
  }
  let scenarioText: string;
  const preset = BUILT_IN_PRESETS.find((p) => p.id === args.scenario);
  try {
    scenarioText = preset ? JSON.stringify(preset.scenario) : readFileSync(args.scenario, 'utf8');
  } catch {
    err.push(lang === 'zh' ? `无法读取方案文件 ${args.scenario}` : `Cannot read scenario file ${args.scenario}`);
    return { code: 2, out, err };
  }
  let scenario;
  try {
    scenario = parseScenarioText(scenarioText);
  } catch (e) {
    err.push(`${args.scenario}: ${errorText(e)[lang]}`);
    return { code: 2, out, err };
  }
  let period;
  try {
    period = parsePeriod(args.period);
  } catch (e) {
    err.push((e as Error).message);
    return { code: 2, out, err };
  }
  let mappings: ColumnMapping[] = [];
  if (args.mapping) {
    try {
      mappings = parseMappings(readFileSync(args.mapping, 'utf8'));
    } catch (e) {
      const me = e as MappingError;
      err.push(`${args.mapping}: ${lang === 'zh' ? me.message_zh ?? me.message : me.message_en ?? me.message}`);
      return { code: 2, out, err };
    }
  }
  let folder;
  try {
    folder = readCsvFolder(args.data, { mappings });
  } catch (e) {
    err.push(lang === 'zh' ? `无法读取数据文件夹 ${args.data}: ${(e as Error).message}` : `Cannot read data folder ${args.data}: ${(e as Error).message}`);
    return { code: 2, out, err };
  }
  for (const r of folder.results) {
    const kind = r.kind ?? (lang === 'zh' ? '未识别' : 'unrecognised');
    out.push(`${r.fileName}: ${kind}, ${r.rowCount} ${lang === 'zh' ? '行' : 'rows'}, ${r.encoding}`);
  }
  const issues = [...folder.results.flatMap((r) => r.issues), ...folder.issues];
  for (const i of issues) (i.severity === 'error' ? err : out).push(formatIssue(i, lang));
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors > 0) {
    err.push(lang === 'zh' ? `${errors} 个错误：未计算结果。请修正后重试。` : `${errors} error(s): no results computed. Fix them and run again.`);
    return { code: 1, out, err };
  }
  const { results } = computeResults(folder.dataset, period.id, scenario);
  const csv = resultsToCsv(results, scenario, period, { bom: true });
  if (args.out) {
    writeFileSync(args.out, csv);
    out.push(lang === 'zh' ? `已写入 ${results.length} 人的结果：${args.out}` : `Wrote results for ${results.length} people: ${args.out}`);
  } else {
    out.push(csv);
  }
  return { code: 0, out, err };
}
