/**
 * One-at-a-time weight sensitivity (tornado chart): each banded indicator's weight is swept
 * across its seed band while every other base weight stays exactly as it is, and we count
 * who changes final grade against the current weights.
 *
 * The rule, precisely: let S be the sum of the scenario's current base weights. A sweep
 * value v is read in the band's unit (percent points of a 100-point scheme) and becomes the
 * base weight v·S/100 of the swept indicator; the other base weights are not touched, so
 * they keep their ratios and their total. For the standard preset (S = 100) the base weight
 * is v itself. Profile deltas apply on top as always (score.ts).
 */
import type { Grade } from './codes';
import { bandedIndicators, seedBand } from './bands';
import { forcedDistribution } from './forcedDistribution';
import { gradeOf, thresholdGrades } from './grades';
import { allocateScores, baseWeights, scoreWithWeights, type ScoringModel } from './score';
import type { Scenario } from './types';

/** The scenario parts that turn totals into final grades. */
export type GradingRules = Pick<Scenario, 'grades' | 'forced_distribution'>;

/**
 * Final grade indices (GRADES index, 255 = none) of rounded totals, into `out`: the §6
 * forced grade when the scenario uses forced distribution, else the §5 threshold grade.
 * `group` is the forced-distribution group per model row (see `groupIndex`).
 * `finalGradeIndices(scores.total, standard, group, new Uint8Array(n))`.
 */
export function finalGradeIndices(total: Float64Array, rules: GradingRules, group: Int32Array, out: Uint8Array): Uint8Array {
  const fd = rules.forced_distribution;
  // thresholdGrades' parameter is typed for a plain ArrayBuffer; a subarray view works as well.
  if (!fd.use_forced_distribution) thresholdGrades(total, rules.grades, out as Uint8Array<ArrayBuffer>);
  else out.set(forcedDistribution(total, group, fd.shares, rules.grades.C).forced);
  return out;
}

export interface GradeSwitch {
  /** the sweep value (band units) of the first step, walking away from the current weight, with a different grade */
  value: number;
  to: Grade | null;
}

export interface PersonSensitivity {
  /** model row and staff table row */
  row: number;
  staffIndex: number;
  from: Grade | null;
  /** walking from the current weight down to the band's low end; null = no change */
  down: GradeSwitch | null;
  /** walking from the current weight up to the band's high end; null = no change */
  up: GradeSwitch | null;
}

export interface IndicatorSensitivity {
  id: string;
  /** index in the scenario's indicators */
  index: number;
  band: [number, number];
  /** the current weight in band units (100 × base weight / S) */
  current: number;
  /** sweep values, low to high, both ends included */
  steps: number[];
  /** people whose final grade differs from the current one, per step */
  changed: number[];
  /** tornado bars: changed at the band's low and high end */
  low: number;
  high: number;
  /** everyone who changes at some step, by model row */
  people: PersonSensitivity[];
}

/**
 * Sweep every banded indicator (seed band, weight > 0) over `steps` equally spaced values
 * of its band; the model is prepared once by the caller, each step re-scores on it.
 * `sensitivity(prepareScoring(ds, matrix, s), s, groupIndex(ds, matrix.staffIndex, s.forced_distribution.group_by).group)`
 * → one entry per indicator, `low`/`high` for the tornado chart.
 */
export function sensitivity(
  model: ScoringModel, scenario: Scenario, group: Int32Array, opts: { steps?: number } = {},
): SensitivityResult {
  const run = sensitivitySteps(model, scenario, group, opts);
  for (;;) {
    const r = run.next();
    if (r.done) return r.value;
  }
}

export interface SensitivityResult { current: Uint8Array; indicators: IndicatorSensitivity[] }

/** Sweep steps re-scored between two pauses of `sensitivitySteps` (each re-scores and force-distributes everyone). */
export const STEPS_PER_SLICE = 5;

/**
 * `sensitivity` in slices: the generator pauses (`yield`) after every STEPS_PER_SLICE sweep
 * steps and after each indicator, and returns the same result. At 10,000 staff the whole
 * sweep takes a few hundred ms; a page runs one slice per task (state/slices.ts), so none
 * freezes it for long. `drainSlices(sensitivitySteps(model, s, group))` equals `sensitivity(model, s, group)`.
 */
export function* sensitivitySteps(
  model: ScoringModel, scenario: Scenario, group: Int32Array, opts: { steps?: number } = {},
): Generator<void, SensitivityResult, void> {
  const steps = opts.steps ?? 21;
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`sensitivity: steps must be an integer ≥ 2 (got ${steps})`);
  const { n } = model;
  const base = baseWeights(scenario);
  const sum = base.reduce((s, w) => s + w, 0);
  const scores = allocateScores(model);
  const current = finalGradeIndices(scoreWithWeights(model, base, scores).total, scenario, group, new Uint8Array(n));
  const weights = new Float64Array(base);
  // steps × n grade indices of one indicator's sweep, reused for every indicator.
  const grid = new Uint8Array(steps * n);
  const indicators: IndicatorSensitivity[] = [];

  for (const j of bandedIndicators(scenario)) {
    const [lo, hi] = seedBand(scenario.indicators[j].id)!;
    const values = Array.from({ length: steps }, (_, s) => lo + ((hi - lo) * s) / (steps - 1));
    const changed: number[] = [];
    for (let s = 0; s < steps; s++) {
      weights[j] = (values[s] * sum) / 100;
      const g = grid.subarray(s * n, (s + 1) * n);
      finalGradeIndices(scoreWithWeights(model, weights, scores).total, scenario, group, g);
      let c = 0;
      for (let i = 0; i < n; i++) if (g[i] !== current[i]) c++;
      changed.push(c);
      if ((s + 1) % STEPS_PER_SLICE === 0) yield;
    }
    weights[j] = base[j];

    const cur = (100 * base[j]) / sum;
    const below: number[] = [];
    const above: number[] = [];
    values.forEach((v, s) => { if (v < cur) below.unshift(s); else if (v > cur) above.push(s); });
    const firstSwitch = (order: number[], i: number): GradeSwitch | null => {
      for (const s of order) {
        const g = grid[s * n + i];
        if (g !== current[i]) return { value: values[s], to: gradeOf(g) };
      }
      return null;
    };
    const people: PersonSensitivity[] = [];
    for (let i = 0; i < n; i++) {
      const down = firstSwitch(below, i);
      const up = firstSwitch(above, i);
      if (down || up) people.push({ row: i, staffIndex: model.staffIndex[i], from: gradeOf(current[i]), down, up });
    }
    indicators.push({
      id: scenario.indicators[j].id, index: j, band: [lo, hi], current: cur, steps: values, changed,
      low: changed[0], high: changed[steps - 1], people,
    });
    yield;
  }
  return { current, indicators };
}
