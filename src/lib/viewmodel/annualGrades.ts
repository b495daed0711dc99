/**
 * The annual view of the quarters: per person, the final grade of each quarter of a year (as
 * every page shows it: calibrated, or the closed snapshot's) beside the final grade of the
 * year itself. The seed runs quarterly and annual cycles side by side; HR reads them together.
 */
import type { Grade } from '../engine/codes';
import type { PersonResult } from '../engine/types';

export interface AnnualRow {
  /** Q1–Q4; null = not in scope that quarter, no grade, or a quarter without data */
  quarters: (Grade | null)[];
  annual: Grade | null;
}

/**
 * Rows by staff_id from the four quarters' final results (null = a quarter without data) and
 * the year's; a person appears when graded in any of them.
 * `annualGrades([q1, q2, null, null], year).get('PS1001')` → `{ quarters: ['B', 'A', null, null], annual: 'A' }`.
 */
export function annualGrades(
  quarters: readonly (readonly PersonResult[] | null)[], annual: readonly PersonResult[] | null,
): Map<string, AnnualRow> {
  const rows = new Map<string, AnnualRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) {
      r = { quarters: [null, null, null, null], annual: null };
      rows.set(id, r);
    }
    return r;
  };
  quarters.forEach((results, q) => {
    for (const p of results ?? []) if (p.final_grade !== null) row(p.staff_id).quarters[q] = p.final_grade;
  });
  for (const p of annual ?? []) if (p.final_grade !== null) row(p.staff_id).annual = p.final_grade;
  return rows;
}
