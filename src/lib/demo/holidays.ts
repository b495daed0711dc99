/**
 * Mainland China public holidays and adjusted workdays (调休上班) for the demo years, as
 * published by the State Council General Office (国务院办公厅关于2025年/2026年部分节假日安排的通知).
 * The demo's holidays file is written from this table, and the generator uses it to keep
 * requests and meetings off days nobody works.
 */
import { dayNumber, formatDay } from '../engine/dataset';

export interface HolidayBlock {
  name_zh: string;
  /** first and last day of the official break, inclusive, 'yyyy-mm-dd' */
  from: string;
  to: string;
  /** weekend days declared working days to make up for the break */
  workdays: string[];
}

export const CN_HOLIDAYS: Readonly<Record<number, readonly HolidayBlock[]>> = {
  // 国办发明电〔2024〕12号
  2025: [
    { name_zh: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
    { name_zh: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
    { name_zh: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
    { name_zh: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
    { name_zh: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
    { name_zh: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
  ],
  // 国务院办公厅 2025年11月4日
  2026: [
    { name_zh: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
    { name_zh: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
    { name_zh: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
    { name_zh: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
    { name_zh: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
    { name_zh: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
    { name_zh: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

export interface HolidayDay { date: string; kind: 'holiday' | 'workday'; name_zh: string }

const parseDay = (s: string): number => dayNumber(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));

/**
 * Every day of the official breaks (kind `holiday`, weekend days of a break included) and
 * every adjusted workday (kind `workday`) of the given years, sorted by date.
 * @example holidayDays([2026])[0]; // { date: '2026-01-01', kind: 'holiday', name_zh: '元旦' }
 */
export function holidayDays(years: readonly number[]): HolidayDay[] {
  const out: HolidayDay[] = [];
  for (const year of years) {
    const blocks = CN_HOLIDAYS[year];
    if (!blocks) throw new Error(`没有 ${year} 年的节假日数据 / no holiday data for ${year}`);
    for (const b of blocks) {
      for (let d = parseDay(b.from); d <= parseDay(b.to); d++) out.push({ date: formatDay(d), kind: 'holiday', name_zh: b.name_zh });
      for (const w of b.workdays) out.push({ date: w, kind: 'workday', name_zh: b.name_zh });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * A working-day test over day numbers: Monday–Friday, minus holidays, plus adjusted
 * workdays (spec §7's rule, for the years in the table).
 * @example const isWork = workingDayTest([2026]); isWork(dayNumber(2026, 2, 14)); // true (调休上班)
 */
export function workingDayTest(years: readonly number[]): (day: number) => boolean {
  const special = new Map<number, boolean>();
  for (const h of holidayDays(years)) special.set(parseDay(h.date), h.kind === 'workday');
  return (day) => {
    const s = special.get(day);
    if (s !== undefined) return s;
    // day 0 (1970-01-01) was a Thursday
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday >= 1 && weekday <= 5;
  };
}
