/**
 * The promotion rule (可晋升资深, spec §7), editable in a scenario: the spec's rule — a year,
 * not senior, final grade S, A or B — is the default; a scheme may ask for a better minimum
 * grade, for that grade in several consecutive years, and for a minimum tenure. A scenario
 * without `promotion` uses the spec's rule, so the spec's exports stay exact.
 */
import { GRADES, type Grade } from './codes';
import { addMonthsToDay } from './periods';
import type { Period, Scenario } from './types';

export interface PromotionRule {
  /** the lowest final grade that qualifies */
  min_grade: Grade;
  /** this year and the years before it, each at min_grade or better (1 = this year only) */
  consecutive_periods: number;
  /** whole months from hired_on to the period's end (0 = no minimum) */
  min_tenure_months: number;
}

/** Spec §7: S, A or B this year, no tenure minimum. */
export const SPEC_PROMOTION_RULE: PromotionRule = { min_grade: 'B', consecutive_periods: 1, min_tenure_months: 0 };

/** The rule a scenario promotes by: `promotionRule(standard) === SPEC_PROMOTION_RULE`. */
export const promotionRule = (s: Pick<Scenario, 'promotion'>): PromotionRule => s.promotion ?? SPEC_PROMOTION_RULE;

/** `atLeast('A', 'B') === true`, `atLeast(null, 'D') === false`. */
export function atLeast(grade: Grade | null | undefined, min: Grade): boolean {
  return grade != null && GRADES.indexOf(grade) <= GRADES.indexOf(min);
}

/**
 * True when someone hired on day `hiredOn` has served `months` whole months by the period's
 * end. An unknown hire date (NaN) meets only a minimum of 0: the rule cannot be checked.
 * `servedMonths(dayOf('2024-01-01'), parsePeriod('2025'), 24) === true`.
 */
export function servedMonths(hiredOn: number, period: Period, months: number): boolean {
  if (months <= 0) return true;
  if (!Number.isFinite(hiredOn)) return false;
  return addMonthsToDay(hiredOn, months) <= period.end + 1;
}

export interface PromotionFacts {
  hiredOn: number;
  /** final grades of the years before, most recent first; needed when consecutive_periods > 1 */
  prior?: readonly (Grade | null)[];
}

/**
 * What the rule asks besides this period's grade — the tenure and the years before — so a
 * calibrated grade can be judged without them (consequences.ts promotionEligible).
 * `promotionConditionsMet({ ...SPEC_PROMOTION_RULE, min_tenure_months: 12 }, year, { hiredOn: NaN }) === false`.
 */
export function promotionConditionsMet(rule: PromotionRule, period: Period, facts: PromotionFacts): boolean {
  if (!servedMonths(facts.hiredOn, period, rule.min_tenure_months)) return false;
  for (let k = 0; k < rule.consecutive_periods - 1; k++) if (!atLeast(facts.prior?.[k], rule.min_grade)) return false;
  return true;
}
