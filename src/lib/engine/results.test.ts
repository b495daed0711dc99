import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultsToCsv } from './exportCsv';
import { buildDataset, type Rows, type StaffRow } from './metrics.testkit';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import { computeResults, PEOPLE_PER_SLICE, resultsFromMatrix, resultsFromMatrixSteps } from './results';
import { metricsDataset } from './metricsDataset.testkit';
import { deriveMetrics } from './metrics';
import { baseWeights } from './score';
import type { MetricMatrix, Period, Scenario } from './types';

const preset = (id: string) => BUILT_IN_PRESETS.find((p) => p.id === id)!.scenario;
const standard = preset('standard');

/** Staff rows plus a win_rate-only scenario: total = min(120, 100 × win_rate / 60) for everyone. */
const winOnly: Scenario = {
  ...standard,
  indicators: [standard.indicators[0]],
  profiles: { level: {}, domain: {} },
};
function setup(staff: StaffRow[], winRates: number[], period: Period = parsePeriod('2026Q1')) {
  const ds = buildDataset({ staff });
  const matrix: MetricMatrix = {
    period,
    staffIndex: Int32Array.from(staff, (_, i) => i),
    values: { win_rate: Float64Array.from(winRates) },
  };
  return { ds, matrix };
}

describe('resultsFromMatrix', () => {
  const staff: StaffRow[] = [
    { staff_id: 'B2', team: '华东', salary: 20000 },
    { staff_id: 'A1', team: '华东', salary: 10000 },
    { staff_id: 'C3', team: '', salary: undefined },
    { staff_id: 'D4', team: '华北', salary: 30000 },
    { staff_id: 'E5', team: '华北', salary: 30000 },
  ];
  // totals: 90, 75, 100, no data, 50
  const rates = [54, 45, 60, NaN, 30];

  it('gives one result per matrix row, sorted by staff_id, with grades and consequences', () => {
    const { ds, matrix } = setup(staff, rates);
    const { results } = resultsFromMatrix(ds, matrix, winOnly);
    expect(results.map((r) => [r.staff_id, r.total, r.grade, r.rank])).toEqual([
      ['A1', 75, 'B', 3], ['B2', 90, 'S', 2], ['C3', 100, 'S', 1], ['D4', null, null, null], ['E5', 50, 'D', 4],
    ]);
    const byId = Object.fromEntries(results.map((r) => [r.staff_id, r]));
    expect(byId.A1.final_grade).toBe('B'); // threshold grade: use_forced_distribution is false
    expect(byId.A1.bonus_amount).toBe(10000 * 3 * 0.25 * 1.0);
    expect(byId.C3.bonus_amount).toBeNull(); // salary unknown
    expect(byId.E5.bonus_amount).toBe(0); // D
    expect(byId.E5.improvement_plan).toBe(true);
    expect(byId.B2.promotion_eligible).toBe(false); // a quarter
    expect(byId.A1.points).toEqual({ win_rate: 75 });
  });

  it('a person with no data: no total, no grade, no rank, coverage 0, flags false, left out of bands', () => {
    const { ds, matrix } = setup(staff, rates);
    const { results, bands } = resultsFromMatrix(ds, matrix, winOnly);
    const d4 = results.find((r) => r.staff_id === 'D4')!;
    expect(d4).toMatchObject({
      total: null, coverage: 0, grade: null, forced_grade: null, final_grade: null, rank: null, points: { win_rate: null },
      bonus_points: null, bonus_amount: null, promotion_eligible: false, improvement_plan: false,
    });
    // 4 graded: n_S = 0, n_SA = round(1.2) = 1, n_SAB = round(3.6) = 4
    expect(bands).toEqual([
      { band: 'S', target: 0, actual: 2, gap: 2 },
      { band: 'A', target: 1, actual: 0, gap: -1 },
      { band: 'B', target: 3, actual: 1, gap: -2 },
      { band: 'CD', target: 0, actual: 1, gap: 1 },
    ]);
  });

  it('with forced distribution by team: ranks and quotas per team, final grade = forced grade', () => {
    const s: Scenario = { ...winOnly, forced_distribution: { ...winOnly.forced_distribution, group_by: 'team', use_forced_distribution: true } };
    const { ds, matrix } = setup(staff, rates);
    const { results, bands } = resultsFromMatrix(ds, matrix, s);
    const byId = Object.fromEntries(results.map((r) => [r.staff_id, r]));
    // 华东 (B2 90, A1 75): N = 2 → n_S 0, n_SA 1, n_SAB 2. 无团队 (C3): N = 1 → B. 华北 (E5): B.
    expect([byId.B2.rank, byId.A1.rank, byId.C3.rank, byId.E5.rank]).toEqual([1, 2, 1, 1]);
    expect([byId.B2.forced_grade, byId.A1.forced_grade, byId.C3.forced_grade, byId.E5.forced_grade]).toEqual(['A', 'B', 'B', 'B']);
    expect(byId.E5.grade).toBe('D');
    expect(byId.E5.final_grade).toBe('B');
    expect(byId.E5.improvement_plan).toBe(false);
    expect(bands.map((b) => b.target)).toEqual([0, 1, 3, 0]);
    expect(bands.map((b) => b.actual)).toEqual([0, 1, 3, 0]);
  });

  it('a year: promotion for non-senior S/A/B', () => {
    const { ds, matrix } = setup([{ staff_id: 'J', level: 'junior' }, { staff_id: 'S', level: 'senior' }], [54, 54], parsePeriod('2026'));
    const { results } = resultsFromMatrix(ds, matrix, winOnly);
    expect(results.map((r) => r.promotion_eligible)).toEqual([true, false]);
  });

  it('opts.baseWeights replaces the scenario weights (slider preview)', () => {
    const ds = buildDataset({ staff: [{ staff_id: 'X' }] });
    const matrix: MetricMatrix = {
      period: parsePeriod('2026Q1'), staffIndex: Int32Array.of(0),
      values: { win_rate: Float64Array.of(60), adoption_rate: Float64Array.of(35) },
    };
    const two: Scenario = { ...winOnly, indicators: [standard.indicators[0], standard.indicators[3]] };
    expect(resultsFromMatrix(ds, matrix, two).results[0].total).toBeCloseTo((18 * 100 + 10 * 50) / 28, 2);
    const w = baseWeights(two);
    w[1] = 0;
    expect(resultsFromMatrix(ds, matrix, two, { baseWeights: w }).results[0].total).toBe(100);
  });
});

// ---- the spec's sample data set and its expected exports ------------------------------------

const sample = new URL('../../../test/fixtures/sample/', import.meta.url);
/** The sample files have no quoted cells, so a plain split reads them. */
function readRows(kind: string): Record<string, string | number | boolean | undefined>[] {
  const [header, ...lines] = readFileSync(new URL(`${kind}.csv`, sample), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const numeric = new Set(['salary', 'amount', 'proposals_made', 'proposals_adopted', 'bid_score', 'completeness', 'score', 'scale_max', 'count']);
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => {
    const col = cols[i];
    if (cell === '') return [col, undefined];
    if (numeric.has(col)) return [col, Number(cell)];
    if (col === 'strategic' || col === 'first_pass') return [col, cell === 'true'];
    return [col, cell];
  })));
}

describe('computeResults on the spec sample reproduces the expected exports', () => {
  const kinds = ['staff', 'projects', 'requests', 'reviews', 'ratings', 'activities'] as const;
  const ds = buildDataset(Object.fromEntries(kinds.map((k) => [k, readRows(k)])) as Rows);
  it.each([['standard', '2026Q1'], ['standard', '2026Q2'], ['standard', '2026'], ['annual-longterm', '2026']])('%s %s', (id, periodId) => {
    const scenario = preset(id);
    const { results } = computeResults(ds, periodId, scenario);
    const csv = resultsToCsv(results, scenario, parsePeriod(periodId), { bom: false });
    expect(csv.split('\n')).toEqual(readFileSync(new URL(`expected/${id}-${periodId}.csv`, sample), 'utf8').split('\n'));
  });
});

describe('resultsFromMatrixSteps', () => {
  it('pauses after the model, after scoring, after grading, every PEOPLE_PER_SLICE rows and before sorting, and ends with resultsFromMatrix\'s results', () => {
    const ds = metricsDataset(2 * PEOPLE_PER_SLICE + 10);
    const matrix = deriveMetrics(ds, parsePeriod('2026Q1'), standard);
    const run = resultsFromMatrixSteps(ds, matrix, standard);
    let pauses = 0;
    let r = run.next();
    for (; !r.done; r = run.next()) pauses++;
    expect(pauses).toBe(6);
    const whole = resultsFromMatrix(ds, matrix, standard);
    expect(r.value.results).toEqual(whole.results);
    expect(r.value.bands).toEqual(whole.bands);
  });
});
