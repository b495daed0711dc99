/**
 * The plausible window of a column (dateWindow.ts for dates, `warnAbove` of schema.ts for
 * counts and amounts): values outside it import, with one warning per column.
 */
import { FIRST_PLAUSIBLE_DAY, lastPlausibleDay } from '../engine/dateWindow';
import { formatDay } from '../engine/dataset';
import { ColumnNote } from './columnNote';
import type { ColumnRule } from './schema';

/** [lo, hi] in the column's stored unit (days, seconds, the number), and the note that counts cells outside. */
export function plausibleWindow(rule: ColumnRule, today?: number): { lo: number; hi: number; odd: ColumnNote | null } {
  const last = lastPlausibleDay(today);
  if (rule.type === 'date') return { lo: FIRST_PLAUSIBLE_DAY, hi: last, odd: new ColumnNote() };
  if (rule.type === 'datetime') return { lo: FIRST_PLAUSIBLE_DAY * 86_400, hi: (last + 1) * 86_400 - 1, odd: new ColumnNote() };
  if (rule.warnAbove !== undefined) return { lo: -Infinity, hi: rule.warnAbove, odd: new ColumnNote() };
  return { lo: -Infinity, hi: Infinity, odd: null };
}

/** The window in words for the warning: `2000-01-01 至 2027-12-08` / `2000-01-01 to 2027-12-08`, or the number's usual maximum. */
export function windowParams(rule: ColumnRule, hi: number): { zh: string; en: string } {
  if (rule.type === 'date' || rule.type === 'datetime') {
    const lastDay = rule.type === 'date' ? hi : Math.floor(hi / 86_400);
    return { zh: `${formatDay(FIRST_PLAUSIBLE_DAY)} 至 ${formatDay(lastDay)}`, en: `${formatDay(FIRST_PLAUSIBLE_DAY)} to ${formatDay(lastDay)}` };
  }
  return { zh: String(hi), en: String(hi) };
}
