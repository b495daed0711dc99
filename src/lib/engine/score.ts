/**
 * Totals, coverage and points of spec §5 — the slider's hot path.
 *
 * Split in two so a weight slider re-scores without touching metrics or targets:
 * `prepareScoring` turns a metric matrix into each person's score fraction per indicator
 * (depends on data, period, targets and scoring rules, not on weights); `scoreWithWeights`
 * then needs only a pass over n×k typed-array cells per weight change.
 */
import { DOMAINS, LEVELS } from './codes';
import type { Dataset } from './dataset';
import { indicatorAttainment, indicatorRule, metricAttainment, scoreFraction } from './attainment';
import { bonusInputs, indicatorInputs, sameInputs, sameNumbers, targetsOf, type IndicatorInputs, type PreparedInputs } from './fractionInputs';
import { round2 } from './rounding';
import type { Indicator, MetricMatrix, Period, Scenario, ScoringRule } from './types';

/** Level × domain combinations: a person's combo is `level * 3 + domain`. */
export const COMBOS = LEVELS.length * DOMAINS.length;

export interface ScoringModel {
  /** persons (rows of the metric matrix) and indicators (scenario order) */
  n: number;
  k: number;
  indicatorIds: string[];
  period: Period;
  /** row → staff table index, as in the metric matrix */
  staffIndex: Int32Array;
  /** n×k row-major score fraction f; NaN = indicator N/A */
  fraction: Float64Array;
  levelOf: Uint8Array;
  domainOf: Uint8Array;
  /** level*3 + domain per person */
  comboOf: Uint8Array;
  /** COMBOS×k: level delta + domain delta of each indicator */
  deltas: Float64Array;
  /** n: sum of the enabled bonus items (0 when a bonus metric is N/A) */
  bonusPoints: Float64Array;
  /** scratch for scoreWithWeights: COMBOS×k effective weights and COMBOS weight sums */
  comboWeights: Float64Array;
  comboWeightSum: Float64Array;
  /** what fraction and bonusPoints were computed from (prepareScoring's reuse); absent in derived models */
  inputs?: PreparedInputs;
  /** how many indicator columns prepareScoring computed rather than copied from the previous model */
  computedIndicators?: number;
}

export interface Scores {
  /** rounded per §5, bonus included; NaN = no total (coverage 0) */
  total: Float64Array;
  /** 0–100, unrounded */
  coverage: Float64Array;
  /** n×k unrounded points; NaN = N/A or weight 0 for that person */
  points: Float64Array;
}

/**
 * Precompute everything that does not depend on the base weights.
 * `scoreWithWeights(prepareScoring(ds, matrix, s), Float64Array.from(s.indicators, (i) => i.weight))`.
 * With `previous` (the model of the scheme before an edit) every indicator column and the bonus
 * points whose inputs are unchanged are copied from it rather than computed (fractionInputs.ts):
 * `prepareScoring(ds, matrix2, s2, prepareScoring(ds, matrix1, s1))` equals `prepareScoring(ds, matrix2, s2)`.
 */
export function prepareScoring(ds: Dataset, matrix: MetricMatrix, scenario: Scenario, previous?: ScoringModel | null): ScoringModel {
  const n = matrix.staffIndex.length;
  const inds = scenario.indicators;
  const k = inds.length;
  const period = matrix.period;
  const levelOf = new Uint8Array(n);
  const domainOf = new Uint8Array(n);
  const comboOf = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = matrix.staffIndex[i];
    // NaN (never after import validation) falls back to code 0 rather than an out-of-range combo.
    levelOf[i] = ds.staff.level[row] | 0;
    domainOf[i] = ds.staff.domain[row] | 0;
    comboOf[i] = levelOf[i] * DOMAINS.length + domainOf[i];
  }

  const deltas = new Float64Array(COMBOS * k);
  for (let l = 0; l < LEVELS.length; l++) {
    for (let d = 0; d < DOMAINS.length; d++) {
      const lw = scenario.profiles.level[LEVELS[l]]?.weights;
      const dw = scenario.profiles.domain[DOMAINS[d]]?.weights;
      const c = l * DOMAINS.length + d;
      inds.forEach((ind, j) => { deltas[c * k + j] = (lw?.[ind.id] ?? 0) + (dw?.[ind.id] ?? 0); });
    }
  }

  // A column of `previous` is only worth copying when its people sit in the same combos.
  const prev = previous?.inputs && sameNumbers(previous.inputs.comboOf, comboOf) ? previous : null;
  const fraction = new Float64Array(n * k);
  const missing = new Float64Array(n).fill(NaN);
  const indicators = inds.map((ind) => indicatorInputs(scenario, ind, matrix, period, missing));
  const from = indicators.map((inputs) => (prev ? prev.inputs!.indicators.findIndex((x) => x.id === inputs.id && sameInputs(x, inputs)) : -1));
  // Same indicators in the same places (an edit seldom reorders them): one block copy, then the changed columns.
  const inPlace = prev !== null && prev.k === k && from.every((p, j) => p < 0 || p === j);
  if (inPlace) fraction.set(prev.fraction);
  let computed = 0;
  inds.forEach((ind, j) => {
    const p = from[j];
    if (p < 0) {
      fillFraction(fraction, k, j, comboOf, ind, indicatorRule(scenario, ind.id), indicators[j]);
      computed++;
    } else if (!inPlace) {
      const old = prev!.fraction;
      const pk = prev!.k;
      for (let i = 0; i < n; i++) fraction[i * k + j] = old[i * pk + p];
    }
  });

  const bonus = bonusInputs(scenario, matrix);
  let bonusPoints: Float64Array;
  if (prev && sameInputs(prev.inputs!.bonus, bonus)) {
    bonusPoints = prev.bonusPoints.slice();
  } else {
    bonusPoints = new Float64Array(n);
    bonus.columns.forEach((col, b) => {
      const max = bonus.numbers[b];
      for (let i = 0; i < n; i++) {
        const v = col[i];
        // "up to max_points": a share outside 0–100 cannot earn more than the maximum or take points away.
        if (v === v) bonusPoints[i] += (max * Math.min(100, Math.max(0, v))) / 100;
      }
    });
  }

  return {
    n, k, indicatorIds: inds.map((x) => x.id), period, staffIndex: matrix.staffIndex,
    fraction, levelOf, domainOf, comboOf, deltas, bonusPoints,
    comboWeights: new Float64Array(COMBOS * k), comboWeightSum: new Float64Array(COMBOS),
    inputs: { comboOf, indicators, bonus }, computedIndicators: computed,
  };
}

/** Column `j` of the n×k `fraction`: each person's score fraction of indicator `ind` (spec §5). */
function fillFraction(fraction: Float64Array, k: number, j: number, comboOf: Uint8Array, ind: Indicator, rule: ScoringRule, inputs: IndicatorInputs): void {
  const n = comboOf.length;
  const m = ind.metrics.length;
  const subweights = Float64Array.from(ind.metrics, (x) => x.subweight);
  const columns = inputs.columns;
  // Targets differ only by combo (profiles) and period: computed 9 × m times, not n × m.
  const targets = new Float64Array(COMBOS * m);
  for (let q = 0; q < m; q++) {
    const t = targetsOf(inputs, q);
    for (let c = 0; c < COMBOS; c++) targets[c * m + q] = t[c];
  }
  const a = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const c = comboOf[i];
    for (let q = 0; q < m; q++) a[q] = metricAttainment(columns[q][i], targets[c * m + q], ind.metrics[q].direction, rule.cap);
    fraction[i * k + j] = scoreFraction(indicatorAttainment(a, subweights), rule);
  }
}

/** Empty score arrays sized for a model, to pass as `out` and reuse across slider moves. */
export function allocateScores(model: ScoringModel): Scores {
  return {
    total: new Float64Array(model.n),
    coverage: new Float64Array(model.n),
    points: new Float64Array(model.n * model.k),
  };
}

/**
 * Totals for one set of base weights (indicator order). Allocates nothing when `out` is given.
 * A person's weight is max(0, base + deltas); total = round2(100·Σw·f/Σw + bonus) over
 * indicators not N/A with w > 0; coverage = 100·Σw(not N/A)/Σw(all). Coverage 0 → total NaN.
 */
export function scoreWithWeights(model: ScoringModel, baseWeights: Float64Array, out?: Scores): Scores {
  const { n, k, fraction, comboOf, deltas, bonusPoints, comboWeights: W, comboWeightSum: sumAll } = model;
  if (baseWeights.length !== k) throw new RangeError(`expected ${k} base weights, got ${baseWeights.length}`);
  for (let c = 0; c < COMBOS; c++) {
    let s = 0;
    for (let j = 0; j < k; j++) {
      const w = baseWeights[j] + deltas[c * k + j];
      const pos = w > 0 ? w : 0;
      W[c * k + j] = pos;
      s += pos;
    }
    sumAll[c] = s;
  }
  const scores = out ?? allocateScores(model);
  const { total, coverage, points } = scores;
  for (let i = 0; i < n; i++) {
    const off = comboOf[i] * k;
    const row = i * k;
    let sw = 0;
    let swf = 0;
    // One pass: points hold w·f until Σw is known, then get scaled to 100·w·f/Σw.
    for (let j = 0; j < k; j++) {
      const w = W[off + j];
      const f = fraction[row + j];
      if (w > 0 && f === f) {
        const wf = w * f;
        sw += w;
        swf += wf;
        points[row + j] = wf;
      } else {
        points[row + j] = NaN;
      }
    }
    if (sw > 0) {
      total[i] = round2((100 * swf) / sw + bonusPoints[i]);
      coverage[i] = (100 * sw) / sumAll[comboOf[i]];
      const scale = 100 / sw;
      for (let p = row; p < row + k; p++) points[p] *= scale;
    } else {
      total[i] = NaN;
      coverage[i] = 0;
    }
  }
  return scores;
}

/** The scenario's base weights in indicator order. `baseWeights(standard)[0] === 18`. */
export function baseWeights(scenario: Scenario): Float64Array {
  return Float64Array.from(scenario.indicators, (ind) => ind.weight);
}
