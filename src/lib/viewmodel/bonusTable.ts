/**
 * The Bonus page's per-person lines and the scenario edits of its inputs. The amounts are
 * the engine's (results.ts → consequences.bonusAmount); this file only sorts people into
 * "computed", "no salary" and "no grade", so nobody without a salary is shown as a zero.
 */
import { GRADES, type Grade, type Level } from '../engine/codes';
import type { Period, PersonResult, Scenario } from '../engine/types';
import type { Text } from '../i18n/i18n.svelte';
import { resultsText } from '../i18n/messages/results';
import { fill } from '../i18n/messages/dashboard';

export type BonusStatus = 'ok' | 'no_salary' | 'no_grade';

export interface BonusLine {
  staff_id: string;
  name: string;
  team: string;
  level: Level;
  final_grade: Grade | null;
  /** monthly salary; null = not in the staff file */
  salary: number | null;
  months: number;
  share: number;
  /** coefficient of the final grade; null = no grade */
  coefficient: number | null;
  /** the engine's bonus_amount; null unless status is 'ok' */
  amount: number | null;
  status: BonusStatus;
}

/**
 * One line per result, in the results' order (staff_id). A missing salary wins over a missing
 * grade: HR can fix the salary, not the data behind a grade.
 * `bonusLines(results, ds.staff.salary, scenario, period).filter((l) => l.status === 'no_salary')`.
 */
export function bonusLines(results: readonly PersonResult[], salary: ArrayLike<number>, scenario: Scenario, period: Period): BonusLine[] {
  return results.map((r) => {
    const s = salary[r.staffIndex];
    const known = Number.isFinite(s);
    const g = r.final_grade;
    const status: BonusStatus = !known ? 'no_salary' : g === null ? 'no_grade' : 'ok';
    return {
      staff_id: r.staff_id, name: r.name, team: r.team, level: r.level, final_grade: g,
      salary: known ? s : null, months: period.months, share: scenario.bonus.bonus_share,
      coefficient: g === null ? null : scenario.bonus.coefficients[g],
      amount: status === 'ok' ? r.bonus_amount : null,
      status,
    };
  });
}

export type Parsed = { value: number; error?: undefined } | { value?: undefined; error: Text };

const both = (text: Text, vars: Record<string, string | number>): Text => ({ zh: fill(text.zh, vars), en: fill(text.en, vars) });

/**
 * The bonus share as typed on the page, in percent (0–100) → a 0–1 share.
 * `parseSharePercent('25')` → `{ value: 0.25 }`; `parseSharePercent('120').error.zh` names the value.
 */
export function parseSharePercent(text: string): Parsed {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x) || x < 0 || x > 100) return { error: both(resultsText.invalidShare, { value: text }) };
  // Percent to share without 0.07 * 100 = 7.000000000000001 style noise.
  return { value: Number((x / 100).toPrecision(12)) };
}

/** A grade coefficient as typed (≥ 0). `parseCoefficient('A', '1.2')` → `{ value: 1.2 }`. */
export function parseCoefficient(grade: Grade, text: string): Parsed {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x) || x < 0) return { error: both(resultsText.invalidCoefficient, { grade, value: text }) };
  return { value: x };
}

/** The scenario with another bonus share, for `scoring.edit(...)`: `withBonusShare(s, 0.3).bonus.bonus_share === 0.3`. */
export function withBonusShare(s: Scenario, share: number): Scenario {
  return { ...s, bonus: { ...s.bonus, bonus_share: share } };
}

/** The scenario with one grade coefficient changed: `withCoefficient(s, 'S', 2).bonus.coefficients.S === 2`. */
export function withCoefficient(s: Scenario, grade: Grade, value: number): Scenario {
  return { ...s, bonus: { ...s.bonus, coefficients: { ...s.bonus.coefficients, [grade]: value } } };
}

/** Grades in the page's column order. */
export const BONUS_GRADES: readonly Grade[] = GRADES;
