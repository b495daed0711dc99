/**
 * Working days of spec §7: Monday–Friday, minus `holiday` dates, plus `workday` dates
 * (调休上班) of the holidays file. Days are day numbers (dataset.ts).
 */
import { HOLIDAY_KIND } from './codes';
import type { HolidaysTable } from './dataset';

interface Calendar { off: Set<number>; on: Set<number>; last: number | null }
const calendars = new WeakMap<HolidaysTable, Calendar>();

function calendar(holidays: HolidaysTable): Calendar {
  let cal = calendars.get(holidays);
  if (!cal) {
    cal = { off: new Set(), on: new Set(), last: null };
    for (let i = 0; i < holidays.length; i++) {
      const day = holidays.date[i];
      if (day !== day) continue;
      if (cal.last === null || day > cal.last) cal.last = day;
      if (holidays.kind[i] === HOLIDAY_KIND.holiday) cal.off.add(day);
      else if (holidays.kind[i] === HOLIDAY_KIND.workday) cal.on.add(day);
    }
    calendars.set(holidays, cal);
  }
  return cal;
}

/** Day 0 (1970-01-01) was a Thursday; 0 = Sunday … 6 = Saturday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Is `day` a working day? `isWorkingDay(dayNumber(2026, 10, 1), cnHolidays) === false` when 10-01 is a holiday. */
export function isWorkingDay(day: number, holidays: HolidaysTable): boolean {
  const cal = calendar(holidays);
  if (cal.on.has(day)) return true;
  if (cal.off.has(day)) return false;
  const w = weekday(day);
  return w >= 1 && w <= 5;
}

/**
 * The n-th working day after `day` (n > 0), or before it (n < 0); n = 0 returns `day`.
 * `addWorkingDays(dayNumber(2026, 4, 3), 5, none) === dayNumber(2026, 4, 10)` (Friday → next Friday).
 */
export function addWorkingDays(day: number, n: number, holidays: HolidaysTable): number {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = day;
  while (left > 0) {
    d += step;
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** The first working day strictly after `day`. `firstWorkingDayAfter(dayNumber(2026, 3, 31), none) === dayNumber(2026, 4, 1)`. */
export function firstWorkingDayAfter(day: number, holidays: HolidaysTable): number {
  return addWorkingDays(day, 1, holidays);
}

/**
 * The last date the holidays file lists (null without one): after it, working days are plain
 * Monday–Friday, so a public holiday there (元旦, 春节) is counted as a working day.
 * `calendarEnd(holidays2026) === dayNumber(2026, 12, 31)` when that is its last row.
 */
export function calendarEnd(holidays: HolidaysTable): number | null {
  return calendar(holidays).last;
}
