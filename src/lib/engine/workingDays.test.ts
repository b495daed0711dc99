import { describe, expect, it } from 'vitest';
import { formatDay, type HolidaysTable } from './dataset';
import { holidayTable, isoDay, NATIONAL_DAY_2026 } from './holidays.testkit';
import { addWorkingDays, calendarEnd, firstWorkingDayAfter, isWorkingDay } from './workingDays';

const d = isoDay;
const table = holidayTable;
const none = table([]);
// National Day 2026 style: Oct 1–7 off, Saturday Oct 10 worked instead.
const national = NATIONAL_DAY_2026;

describe('working days (spec §7)', () => {
  it.each<[string, HolidaysTable, boolean]>([
    ['2026-04-03', none, true], // Friday
    ['2026-04-04', none, false], // Saturday
    ['2026-04-05', none, false], // Sunday
    ['2026-04-06', none, true], // Monday
    ['2026-10-01', national, false], // Thursday, holiday
    ['2026-10-10', national, true], // Saturday, 调休上班
    ['1969-12-31', none, true], // Wednesday before day 0
  ])('%s working: %s', (day, t, want) => {
    expect(isWorkingDay(d(day), t)).toBe(want);
  });

  it.each<[string, number, HolidaysTable, string]>([
    ['2026-04-03', 5, none, '2026-04-10'], // Fri + 5 → next Fri
    ['2026-04-06', 5, none, '2026-04-13'],
    ['2026-04-04', 1, none, '2026-04-06'], // from a Saturday
    ['2026-04-03', 0, none, '2026-04-03'],
    ['2026-04-10', -5, none, '2026-04-03'],
    ['2026-09-30', 1, national, '2026-10-08'], // Oct 1–7 off (Oct 3/4 weekend)
    ['2026-09-30', 3, national, '2026-10-10'], // Thu 8, Fri 9, Sat 10 (worked)
    ['2026-09-30', 5, national, '2026-10-13'],
  ])('%s + %s working days = %s', (day, n, t, want) => {
    expect(formatDay(addWorkingDays(d(day), n, t))).toBe(want);
  });

  it('firstWorkingDayAfter: the default publication day', () => {
    expect(formatDay(firstWorkingDayAfter(d('2026-03-31'), none))).toBe('2026-04-01');
    expect(formatDay(firstWorkingDayAfter(d('2026-10-02'), national))).toBe('2026-10-08');
    expect(formatDay(firstWorkingDayAfter(d('2026-12-31'), table([['2027-01-01', 'holiday']])))).toBe('2027-01-04');
  });
});

describe('calendarEnd', () => {
  it('is the last date the holidays file lists, whatever the row order, and null without one', () => {
    expect(calendarEnd(none)).toBeNull();
    expect(formatDay(calendarEnd(national)!)).toBe('2026-10-10');
    expect(formatDay(calendarEnd(table([['2027-01-01', 'holiday'], ['2026-05-01', 'holiday']]))!)).toBe('2027-01-01');
  });
});
