import { describe, expect, it } from 'vitest';
import { dayNumber } from '../engine/dataset';
import { CN_HOLIDAYS, holidayDays, workingDayTest } from './holidays';

const weekday = (s: string) => new Date(s + 'T00:00:00Z').getUTCDay();

describe('holidayDays', () => {
  const days = holidayDays([2025, 2026]);

  it('has the official break lengths of 2025 and 2026', () => {
    const lengths = (year: number) => Object.fromEntries(
      CN_HOLIDAYS[year].map((b) => [b.name_zh, days.filter((d) => d.kind === 'holiday' && d.name_zh === b.name_zh && d.date.startsWith(String(year))).length]),
    );
    expect(lengths(2025)).toEqual({ 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 });
    expect(lengths(2026)).toEqual({ 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 });
  });

  it('makes every adjusted workday a weekend day outside the breaks', () => {
    const workdays = days.filter((d) => d.kind === 'workday').map((d) => d.date);
    expect(workdays).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    for (const w of workdays) expect([0, 6]).toContain(weekday(w));
    const holidaySet = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
    expect(workdays.some((w) => holidaySet.has(w))).toBe(false);
  });

  it('is sorted, without duplicate dates', () => {
    const dates = days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('refuses a year it has no data for, in both languages', () => {
    expect(() => holidayDays([2031])).toThrow('没有 2031 年的节假日数据 / no holiday data for 2031');
  });
});

describe('workingDayTest', () => {
  const isWork = workingDayTest([2025, 2026]);
  it.each([
    [2026, 2, 13, true, 'Friday'],
    [2026, 2, 14, true, 'Saturday, 调休上班'],
    [2026, 2, 15, false, 'Sunday in the Spring Festival break'],
    [2026, 2, 23, false, 'Monday in the Spring Festival break'],
    [2026, 3, 7, false, 'ordinary Saturday'],
    [2026, 3, 9, true, 'ordinary Monday'],
    [2025, 10, 8, false, 'Wednesday in the National Day break'],
    [2025, 10, 11, true, 'Saturday, 调休上班'],
  ])('%i-%i-%i is a working day: %s (%s)', (y, m, d, expected) => {
    expect(isWork(dayNumber(y, m, d))).toBe(expected);
  });
});
