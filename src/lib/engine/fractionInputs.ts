/**
 * What prepareScoring (score.ts) computes each indicator's fraction column and the bonus points
 * from, kept in the model it returns. A scheme edit usually changes one or two of these inputs
 * (a sub-weight changes one indicator's, a level/domain weight adjustment none, a project
 * parameter the indicators holding win rate, sales contribution or high-value rate), so the next
 * preparation copies every column whose inputs are equal instead of computing it again.
 * The inputs are everything the computing loops read, so equal inputs give the same numbers,
 * bit for bit (score.reuse.test.ts compares both ways over random schemes).
 */
import { DOMAINS, LEVELS } from './codes';
import { indicatorRule } from './attainment';
import { metricTarget } from './scenario';
import type { Indicator, MetricMatrix, Period, Scenario } from './types';

/** One indicator's inputs: rule, directions, sub-weights, targets per combo, metric columns. */
export interface IndicatorInputs {
  id: string;
  /** cap, bonus_slope, penalty_slope, zero_below; then per metric: direction (1 = higher), sub-weight, a target per combo */
  numbers: Float64Array;
  /** the matrix column of each metric (an all-N/A column when the matrix lacks it) */
  columns: Float64Array[];
}

/** The bonus points' inputs: max_points and the matrix column of each enabled item that has one, in order. */
export interface BonusInputs { numbers: Float64Array; columns: Float64Array[] }

/** Everything a model's fraction and bonus points were computed from. */
export interface PreparedInputs { comboOf: Uint8Array; indicators: IndicatorInputs[]; bonus: BonusInputs }

/** Targets sit after the rule (4 numbers); each metric takes 2 + one per combo. */
const RULE_NUMBERS = 4;
/** Level and domain of each combo, in score.ts's order (combo = level * 3 + domain). */
const COMBO_LEVELS_DOMAINS = LEVELS.flatMap((level) => DOMAINS.map((domain) => [level, domain] as const));
const perMetric = 2 + COMBO_LEVELS_DOMAINS.length;

/** The inputs of indicator `ind` of `scenario` over `matrix`; `missing` is the all-N/A column. */
export function indicatorInputs(scenario: Scenario, ind: Indicator, matrix: MetricMatrix, period: Period, missing: Float64Array): IndicatorInputs {
  const rule = indicatorRule(scenario, ind.id);
  const numbers = new Float64Array(RULE_NUMBERS + ind.metrics.length * perMetric);
  numbers.set([rule.cap, rule.bonus_slope, rule.penalty_slope, rule.zero_below]);
  ind.metrics.forEach((x, q) => {
    const at = RULE_NUMBERS + q * perMetric;
    numbers[at] = x.direction === 'higher' ? 1 : 0;
    numbers[at + 1] = x.subweight;
    COMBO_LEVELS_DOMAINS.forEach(([level, domain], c) => { numbers[at + 2 + c] = metricTarget(scenario, ind, x, level, domain, period); });
  });
  return { id: ind.id, numbers, columns: ind.metrics.map((x) => matrix.values[x.id] ?? missing) };
}

/** The targets of metric `q` in `inputs`, one per combo (level * 3 + domain). */
export function targetsOf(inputs: IndicatorInputs, q: number): Float64Array {
  const at = RULE_NUMBERS + q * perMetric + 2;
  return inputs.numbers.subarray(at, at + COMBO_LEVELS_DOMAINS.length);
}

/** The bonus points' inputs of `scenario` over `matrix`. */
export function bonusInputs(scenario: Scenario, matrix: MetricMatrix): BonusInputs {
  const numbers: number[] = [];
  const columns: Float64Array[] = [];
  for (const item of scenario.bonus_items) {
    const col = matrix.values[item.metric];
    if (!item.enabled || !col) continue;
    numbers.push(item.max_points);
    columns.push(col);
  }
  return { numbers: Float64Array.from(numbers), columns };
}

/** Same length and every number the same (NaN equals NaN; 0 and -0 differ, as they can in a division). */
export function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Equal numbers and equal columns (the same array, or the same values: a re-derived column often is). */
export function sameInputs(a: { numbers: Float64Array; columns: Float64Array[] }, b: { numbers: Float64Array; columns: Float64Array[] }): boolean {
  return sameNumbers(a.numbers, b.numbers) && a.columns.length === b.columns.length
    && a.columns.every((col, q) => sameNumbers(col, b.columns[q]));
}
