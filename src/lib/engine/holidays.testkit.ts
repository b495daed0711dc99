/**
 * Holiday tables for the working-day tests (only *.test.ts files import this): a table from
 * readable rows, and 2026's National Day as the calendar has it.
 */
import { HOLIDAY_KIND } from './codes';
import { dayNumber, type HolidaysTable } from './dataset';

/** The day number of an ISO date: `isoDay('2026-10-01')`. */
export const isoDay = (s: string): number => {
  const [y, m, dd] = s.split('-').map(Number);
  return dayNumber(y, m, dd);
};

/** `holidayTable([['2026-10-01', 'holiday'], ['2026-10-10', 'workday']])`. */
export const holidayTable = (rows: [string, 'holiday' | 'workday'][]): HolidaysTable => ({
  length: rows.length,
  date: Float64Array.from(rows, ([x]) => isoDay(x)),
  kind: Float64Array.from(rows, ([, k]) => HOLIDAY_KIND[k]),
});

/** 2026 National Day: Oct 1–7 off (the weekend days among them not listed), Saturday Oct 10 worked instead. */
export const NATIONAL_DAY_2026 = holidayTable([
  ['2026-10-01', 'holiday'], ['2026-10-02', 'holiday'], ['2026-10-05', 'holiday'], ['2026-10-06', 'holiday'],
  ['2026-10-07', 'holiday'], ['2026-10-10', 'workday'],
]);
