/**
 * Sanity check of deriveMetrics against the spec's sample data (test/fixtures/sample).
 * The expected exports hold points, not metric values, so this test re-scores the derived
 * metrics with a minimal, independent reading of spec §4–§5 and compares every indicator's
 * points (±0.01, they are rounded to 2 decimals) and the bonus points (ltv_growth_share).
 * A wrong metric anywhere shows up as a wrong point. The full pipeline (import, scoring,
 * export) is test/conformance.test.ts's business, not this file's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Domain, Level, Role, Status } from './codes';
import type { Dataset } from './dataset';
import { deriveMetrics } from './metrics';
import { buildDataset, type Rows } from './metrics.testkit';
import { parsePeriod } from './periods';
import type { Period, Scenario } from './types';

const sample = fileURLToPath(new URL('../../../test/fixtures/sample/', import.meta.url));

/** The sample files have no quoted cells; a header-keyed split is enough here. */
function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(sample, name), 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  const keys = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

const opt = (s: string) => (s === '' ? undefined : Number(s));
const flag = (s: string) => (s === '' ? undefined : s === 'true');

function loadSample(): Dataset {
  const rows: Rows = {
    staff: readCsv('staff.csv').map((r) => ({
      staff_id: r.staff_id, name: r.name, level: r.level as Level, domain: r.domain as Domain, team: r.team,
      salary: opt(r.salary), hired_on: r.hired_on, left_on: r.left_on,
    })),
    projects: readCsv('projects.csv').map((r) => ({
      project_id: r.project_id, staff_id: r.staff_id, role: r.role as Role, customer_id: r.customer_id, industry: r.industry,
      amount: Number(r.amount), status: r.status as Status, decided_on: r.decided_on, strategic: flag(r.strategic),
      proposals_made: opt(r.proposals_made), proposals_adopted: opt(r.proposals_adopted),
    })),
    requests: readCsv('requests.csv').map((r) => ({
      request_id: r.request_id, staff_id: r.staff_id, type: r.type as 'bid', requested_at: r.requested_at,
      responded_at: r.responded_at, delivered_at: r.delivered_at, bid_score: opt(r.bid_score),
    })),
    reviews: readCsv('reviews.csv').map((r) => ({
      staff_id: r.staff_id, kind: r.kind as 'solution', reviewed_on: r.reviewed_on,
      completeness: opt(r.completeness), first_pass: flag(r.first_pass),
    })),
    ratings: readCsv('ratings.csv').map((r) => ({
      staff_id: r.staff_id, rated_on: r.rated_on, source: r.source as 'customer', score: Number(r.score), scale_max: opt(r.scale_max),
    })),
    activities: readCsv('activities.csv').map((r) => ({ staff_id: r.staff_id, date: r.date, type: r.type, count: opt(r.count) })),
  };
  return buildDataset(rows);
}

const UNIT_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** Points per indicator id (null = N/A or weight 0) and bonus points, spec §4–§5. */
function score(scenario: Scenario, period: Period, level: Level, domain: Domain, metric: (id: string) => number) {
  const lp = scenario.profiles.level[level] ?? {};
  const dp = scenario.profiles.domain[domain] ?? {};
  const parts: { id: string; w: number; f: number | null }[] = [];
  for (const ind of scenario.indicators) {
    const w = Math.max(0, ind.weight + (lp.weights?.[ind.id] ?? 0) + (dp.weights?.[ind.id] ?? 0));
    const rule = { ...scenario.scoring, ...scenario.scoring.overrides[ind.id] };
    let num = 0;
    let den = 0;
    for (const m of ind.metrics) {
      const x = metric(m.id);
      if (Number.isNaN(x)) continue;
      const base = dp.targets?.[m.id] ?? lp.targets?.[m.id] ?? m.target;
      const t = m.unit ? (base * period.months) / UNIT_MONTHS[m.unit] : base;
      const a = m.direction === 'higher' ? x / t : x === 0 ? rule.cap : t / x;
      const v = m.subweight ?? 1;
      num += v * Math.min(a, rule.cap);
      den += v;
    }
    const A = den > 0 ? num / den : null;
    const f = A === null ? null
      : A >= 1 ? Math.min(rule.cap, 1 + rule.bonus_slope * (A - 1))
      : A < rule.zero_below ? 0 : Math.max(0, 1 - rule.penalty_slope * (1 - A));
    parts.push({ id: ind.id, w, f });
  }
  const present = parts.reduce((s, p) => s + (p.w > 0 && p.f !== null ? p.w : 0), 0);
  const points: Record<string, number | null> = {};
  for (const p of parts) points[p.id] = p.w > 0 && p.f !== null && present > 0 ? (100 * p.w * p.f) / present : null;
  let bonus = 0;
  for (const b of scenario.bonus_items) {
    const x = metric(b.metric);
    if (b.enabled && !Number.isNaN(x)) bonus += (b.max_points * x) / 100;
  }
  return { points, bonus };
}

describe('deriveMetrics on the spec sample data', () => {
  const ds = loadSample();
  const expectedFiles = readdirSync(join(sample, 'expected')).filter((f) => f.endsWith('.csv'));

  it('PS1001 2026Q1 win_rate by hand: every decided participation in Q1, no strategic industry', () => {
    const decided = readCsv('projects.csv').filter(
      (r) => r.staff_id === 'PS1001' && (r.status === 'won' || r.status === 'lost') && r.decided_on >= '2026-01-01' && r.decided_on <= '2026-03-31',
    );
    expect(decided.length).toBeGreaterThan(0);
    const wonShare = (100 * decided.filter((r) => r.status === 'won').length) / decided.length;
    const m = deriveMetrics(ds, parsePeriod('2026Q1'), JSON.parse(readFileSync(new URL('./presets/standard.json', import.meta.url), 'utf8')));
    expect(m.values.win_rate[0]).toBeCloseTo(wonShare, 12);
  });

  it('has expected exports to compare with', () => {
    expect(expectedFiles.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of expectedFiles) {
    it(`reproduces every indicator's points of ${file}`, () => {
      const [, scenarioName, periodId] = /^(.*)-(\d{4}(?:Q[1-4])?)\.csv$/.exec(file)!;
      const scenario: Scenario = JSON.parse(readFileSync(new URL(`./presets/${scenarioName}.json`, import.meta.url), 'utf8'));
      const period = parsePeriod(periodId);
      const matrix = deriveMetrics(ds, period, scenario);
      const rowOf = new Map([...matrix.staffIndex].map((staffRow, i) => [ds.staff.staff_id[staffRow], i]));
      const expected = readCsv(`expected/${file}`);
      expect(matrix.staffIndex.length).toBe(expected.length);
      const mismatches: string[] = [];
      for (const row of expected) {
        const i = rowOf.get(row.staff_id)!;
        const { points, bonus } = score(scenario, period, row.level as Level, row.domain as Domain, (id) => matrix.values[id][i]);
        for (const [id, p] of Object.entries(points)) {
          const cell = row[`${id}_points`];
          if (cell === undefined) continue; // weight 0 for everyone: not exported
          const ok = cell === '' ? p === null : p !== null && Math.abs(p - Number(cell)) <= 0.0051;
          if (!ok) mismatches.push(`${row.staff_id} ${id}: expected ${cell || 'N/A'}, got ${p?.toFixed(4) ?? 'N/A'}`);
        }
        if (row.bonus_points !== '' && Math.abs(bonus - Number(row.bonus_points)) > 0.0051) {
          mismatches.push(`${row.staff_id} bonus_points: expected ${row.bonus_points}, got ${bonus.toFixed(4)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});
