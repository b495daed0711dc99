/**
 * prepareScoring with the previous model (#16): copying the columns whose inputs did not change
 * gives, bit for bit, what preparing from scratch gives — over random chains of scheme edits
 * (targets, profile targets and weight adjustments, sub-weights, directions, scoring rules,
 * bonus items, indicators reordered or removed) and of matrix changes (a column re-derived with
 * new values, or with the same values in a new array).
 */
import { describe, expect, it } from 'vitest';
import { DOMAINS, LEVELS } from './codes';
import { deriveMetrics } from './metrics';
import { metricsDataset } from './metricsDataset.testkit';
import { mulberry32 } from './mulberry32';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import { prepareScoring, type ScoringModel } from './score';
import type { MetricMatrix, Scenario } from './types';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const ds = metricsDataset(90);
const period = parsePeriod('2026Q1');
const standard = BUILT_IN_PRESETS[0].scenario;

/** The derived matrix plus the bonus item's metric (the data set has none), some of it N/A. */
function baseMatrix(r: Rand): MetricMatrix {
  const m = deriveMetrics(ds, period, standard);
  const n = m.staffIndex.length;
  return { ...m, values: { ...m.values, ltv_growth_share: Float64Array.from({ length: n }, () => (r() < 0.2 ? NaN : r() * 130 - 10)) } };
}

/** One random edit of the scheme's scoring inputs (a fresh object; the input is not changed). */
function editScheme(r: Rand, from: Scenario): Scenario {
  const s = structuredClone(from) as Scenario;
  const ind = pick(r, s.indicators);
  const m = pick(r, ind.metrics);
  const profile = () => (r() < 0.5 ? (s.profiles.level[pick(r, LEVELS)] ??= {}) : (s.profiles.domain[pick(r, DOMAINS)] ??= {}));
  const edits = [
    () => { m.subweight = Math.round(r() * 40) / 10 + 0.1; },
    () => { m.target = Math.round(r() * 100) + 1; },
    () => { m.direction = m.direction === 'higher' ? 'lower' : 'higher'; },
    () => { const p = profile(); (p.targets ??= {})[m.id] = Math.round(r() * 100) + 1; },
    () => { const p = profile(); (p.weights ??= {})[ind.id] = Math.round(r() * 20) - 10; },
    () => { s.scoring.overrides[ind.id] = { cap: pick(r, [1, 1.1, 1.5]), zero_below: pick(r, [0, 0.5]) }; },
    () => { s.scoring = { ...s.scoring, cap: pick(r, [1, 1.2, 1.3]), penalty_slope: pick(r, [1, 2]) }; },
    () => { s.bonus_items = s.bonus_items.map((b) => ({ ...b, enabled: r() < 0.7, max_points: Math.round(r() * 10) })); },
    () => { s.indicators.reverse(); },
    () => { if (s.indicators.length > 2) s.indicators.splice(Math.floor(r() * s.indicators.length), 1); },
    () => { ind.weight = Math.round(r() * 30); }, // a weight: no column changes
  ];
  pick(r, edits)();
  return s;
}

/** One random change of the matrix: a column with new values, the same values in a new array, or none. */
function editMatrix(r: Rand, m: MetricMatrix): MetricMatrix {
  const id = pick(r, Object.keys(m.values));
  const col = m.values[id];
  const roll = r();
  if (roll < 0.4) return m;
  const next = roll < 0.7 ? col.slice() : col.map((v) => (r() < 0.3 ? v + 1 : v));
  return { ...m, values: { ...m.values, [id]: next } };
}

const bytes = (a: Float64Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
function expectSameModel(fast: ScoringModel, full: ScoringModel): void {
  expect(fast.indicatorIds).toEqual(full.indicatorIds);
  expect(bytes(fast.fraction).equals(bytes(full.fraction))).toBe(true);
  expect(bytes(fast.bonusPoints).equals(bytes(full.bonusPoints))).toBe(true);
  expect(bytes(fast.deltas).equals(bytes(full.deltas))).toBe(true);
  expect(bytes(fast.comboOf).equals(bytes(full.comboOf))).toBe(true);
}

describe('prepareScoring with the previous model', () => {
  it('equals preparing from scratch along random chains of edits', () => {
    let copied = 0;
    let computed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = mulberry32(seed);
      let scenario = standard;
      let matrix = baseMatrix(r);
      let model = prepareScoring(ds, matrix, scenario);
      for (let step = 0; step < 8; step++) {
        scenario = editScheme(r, scenario);
        matrix = editMatrix(r, matrix);
        const fast = prepareScoring(ds, matrix, scenario, model);
        expectSameModel(fast, prepareScoring(ds, matrix, scenario));
        computed += fast.computedIndicators!;
        copied += fast.k - fast.computedIndicators!;
        model = fast;
      }
    }
    // Both ways were taken, many times: the comparison above covered copies and computations.
    expect(copied).toBeGreaterThan(1000);
    expect(computed).toBeGreaterThan(100);
  });

  it('computes only the indicator a sub-weight edit touches, and none for a weight adjustment', () => {
    const matrix = baseMatrix(mulberry32(7));
    const before = prepareScoring(ds, matrix, standard);
    expect(before.computedIndicators).toBe(standard.indicators.length);
    const sub = structuredClone(standard) as Scenario;
    sub.indicators.find((i) => i.id === 'solution_quality')!.metrics[1].subweight = 3;
    expect(prepareScoring(ds, matrix, sub, before).computedIndicators).toBe(1);
    const adjusted = structuredClone(standard) as Scenario;
    (adjusted.profiles.domain.consulting!.weights ??= {}).innovation = 2;
    expect(prepareScoring(ds, matrix, adjusted, before).computedIndicators).toBe(0);
  });

  it('computes everything again when people sit in other level/domain combos', () => {
    const matrix = baseMatrix(mulberry32(8));
    const before = prepareScoring(ds, matrix, standard);
    const moved = { ...ds, staff: { ...ds.staff, level: ds.staff.level.map((l) => (l + 1) % LEVELS.length) } };
    const after = prepareScoring(moved, matrix, standard, before);
    expect(after.computedIndicators).toBe(standard.indicators.length);
    expectSameModel(after, prepareScoring(moved, matrix, standard));
  });
});
