/**
 * Consequences of the final grade (spec §7): performance bonus and its budget check,
 * promotion eligibility, improvement plan, and the feedback meeting's due date.
 */
import type { Grade, Level } from './codes';
import type { HolidaysTable } from './dataset';
import { round2 } from './rounding';
import { atLeast, SPEC_PROMOTION_RULE, type PromotionRule } from './promotion';
import type { Period, PersonResult, Scenario } from './types';
import { addWorkingDays, firstWorkingDayAfter } from './workingDays';

/**
 * salary × months × bonus_share × coefficient, rounded per §5; null when the salary is
 * unknown (NaN) or there is no grade (NaN coefficient). Not prorated for joiners/leavers.
 * `bonusAmount(28000, 3, 0.25, 1.5) === 31500`.
 */
export function bonusAmount(salary: number, months: number, share: number, coefficient: number): number | null {
  if (!Number.isFinite(salary) || !Number.isFinite(coefficient)) return null;
  return round2(salary * months * share * coefficient);
}

export interface BonusPoolLine {
  /** '' = people without a team */
  team: string;
  /** Σ bonus_amount of the team's people who have one */
  total: number;
  /** the same people's bonus at coefficient 1: salary × months × bonus_share */
  pool: number;
  people: number;
}

/**
 * Budget check: the total of the bonus amounts against the pool at coefficient 1, by team
 * and overall. Only people with an amount (known salary and a grade) count on either side.
 * `salary` is the staff table's column (indexed by `staffIndex`).
 * `bonusPool(results, ds.staff.salary, scenario, period).overall.total`.
 */
export function bonusPool(results: PersonResult[], salary: ArrayLike<number>, scenario: Scenario, period: Period): { teams: BonusPoolLine[]; overall: BonusPoolLine } {
  const byTeam = new Map<string, BonusPoolLine>();
  const overall: BonusPoolLine = { team: '', total: 0, pool: 0, people: 0 };
  for (const r of results) {
    if (r.bonus_amount === null) continue;
    const pool = salary[r.staffIndex] * period.months * scenario.bonus.bonus_share;
    let line = byTeam.get(r.team);
    if (!line) byTeam.set(r.team, (line = { team: r.team, total: 0, pool: 0, people: 0 }));
    for (const l of [line, overall]) {
      l.total += r.bonus_amount;
      l.pool += pool;
      l.people++;
    }
  }
  const teams = [...byTeam.values()].sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  for (const l of [...teams, overall]) {
    l.total = round2(l.total);
    l.pool = round2(l.pool);
  }
  return { teams, overall };
}

/**
 * 可晋升资深: the period is a year, the level is not senior, the final grade is at least the
 * rule's minimum (spec: S, A or B), and `conditionsMet` — the rule's tenure and earlier years
 * (promotion.ts promotionConditionsMet; always met under the spec's rule).
 * `promotionEligible(parsePeriod('2026'), 'mid', 'B') === true`.
 */
export function promotionEligible(
  period: Period, level: Level, finalGrade: Grade | null, rule: PromotionRule = SPEC_PROMOTION_RULE, conditionsMet = true,
): boolean {
  return period.kind === 'year' && level !== 'senior' && atLeast(finalGrade, rule.min_grade) && conditionsMet;
}

/** 需参加能力提升计划: final grade C or D. `improvementPlan('C') === true`, `improvementPlan(null) === false`. */
export function improvementPlan(finalGrade: Grade | null): boolean {
  return finalGrade === 'C' || finalGrade === 'D';
}

/** Default publication day of a period's results: the first working day after it ends. */
export function defaultPublishedOn(period: Period, holidays: HolidaysTable): number {
  return firstWorkingDayAfter(period.end, holidays);
}

/** The feedback meeting (绩效面谈) is due 5 working days after publication. */
export function feedbackDueOn(publishedOn: number, holidays: HolidaysTable): number {
  return addWorkingDays(publishedOn, 5, holidays);
}
