/**
 * Periods and scope (spec §1): a period is a quarter (`2026Q1`) or a year (`2026`); days are
 * the day numbers of dataset.ts (days since 1970-01-01, wall clock), a period's `end` inclusive.
 *
 * Calendar arithmetic is done on integers (H. Hinnant's civil-date algorithms) rather than
 * with `Date`, so that the per-row helpers allocate nothing and work for any year.
 */
import type { Dataset } from './dataset';
import { STATUS } from './codes';
import { plausibleYear, todayDay } from './dateWindow';
import type { Period } from './types';

/**
 * Calendar date of a day number packed in one number, `(year * 16 + month) * 32 + day`: the
 * civil-date arithmetic once for `civilFromDay` and for `quarterIndexOfDay`, which must not
 * allocate (it runs for every distinct day of a million rows).
 */
function civilPacked(dayNum: number): number {
  const z = Math.floor(dayNum) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year * 16 + month) * 32 + doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** Calendar date of a day number: `civilFromDay(dayNumber(2026, 3, 31))` → `{ year: 2026, month: 3, day: 31 }`. */
export function civilFromDay(dayNum: number): { year: number; month: number; day: number } {
  const p = civilPacked(dayNum);
  const year = Math.floor(p / 512);
  const rest = p - year * 512;
  return { year, month: rest >> 5, day: rest & 31 };
}

/** `year * 4 + quarter - 1` of a day number, allocating nothing: `quarterIndexOfDay(dayNumber(2026, 4, 1))` → 8105. */
export function quarterIndexOfDay(dayNum: number): number {
  const p = civilPacked(dayNum);
  const year = Math.floor(p / 512);
  const month = (p - year * 512) >> 5;
  return year * 4 + Math.floor((month - 1) / 3);
}

/** Day number of a calendar date; `month` may run past 12 or below 1 (it carries into the year). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const m0 = month - 1;
  const y0 = year + Math.floor(m0 / 12);
  const m = m0 - 12 * Math.floor(m0 / 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const daysInMonth = (year: number, month: number): number => dayFromCivil(year, month + 1, 1) - dayFromCivil(year, month, 1);

/** The quarter a day falls in: `periodOfDay(dayNumber(2026, 4, 1))` → `{ year: 2026, quarter: 2 }`. */
export function periodOfDay(dayNum: number): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const { year, month } = civilFromDay(dayNum);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/**
 * The same day of the month `months` months later (negative: earlier). A day that the target
 * month lacks is clamped to that month's last day, as HR would read "one year before 29 Feb":
 * `addMonthsToDay(dayNumber(2024, 2, 29), -12)` → 2023-02-28; 2026-03-31 + 1 month → 2026-04-30.
 */
export function addMonthsToDay(dayNum: number, months: number): number {
  const { year, month, day } = civilFromDay(dayNum);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const firstMonth = 3 * (quarter - 1) + 1;
  return {
    id: `${year}Q${quarter}`, kind: 'quarter', year, quarter,
    start: dayFromCivil(year, firstMonth, 1), end: dayFromCivil(year, firstMonth + 3, 1) - 1, months: 3,
  };
}

function yearPeriod(year: number): Period {
  return { id: String(year), kind: 'year', year, start: dayFromCivil(year, 1, 1), end: dayFromCivil(year + 1, 1, 1) - 1, months: 12 };
}

/**
 * `parsePeriod('2026Q1')` → the quarter 2026-01-01 … 2026-03-31; `parsePeriod('2026')` → the year.
 * Surrounding spaces and a lower-case `q` are accepted; the returned `id` is canonical (`2026Q1`).
 * Anything else throws, with the message in Chinese and English.
 */
export function parsePeriod(id: string): Period {
  const m = /^([1-9]\d{3})(?:[Qq]([1-4]))?$/.exec(String(id).trim());
  if (!m) {
    throw new Error(
      `无效的期间“${id}”：应为年度（如 2026）或季度（如 2026Q1）。 / ` +
        `Invalid period "${id}": expected a year (e.g. 2026) or a quarter (e.g. 2026Q1).`,
    );
  }
  const year = Number(m[1]);
  return m[2] ? quarterPeriod(year, Number(m[2]) as 1 | 2 | 3 | 4) : yearPeriod(year);
}

/**
 * Spec §1: in scope for P when `hired_on` is empty or ≤ P's last day and `left_on` is empty
 * or ≥ P's first day. `isInScope(ds, 0, parsePeriod('2026Q1'))`.
 */
export function isInScope(ds: Dataset, staffRow: number, p: Period): boolean {
  const hired = ds.staff.hired_on[staffRow];
  const left = ds.staff.left_on[staffRow];
  return !(hired > p.end) && !(left < p.start); // NaN (empty) compares false: in scope
}

/** Rows of a table read between two pauses of `periodsInDataSteps`. */
const PERIOD_ROWS_PER_SLICE = 50_000;

/**
 * Every quarter and year with at least one dated record of a known staff member, in time
 * order with each year right after its four quarters: `2025Q1 … 2025Q4, 2025, 2026Q1, …`.
 * The dates are the period dates of spec §3 (projects: decided_on of won/lost projects only,
 * since open and cancelled ones count for nothing; requests: requested_at; reviews:
 * reviewed_on; ratings: rated_on; activities: date). A metrics-file row adds exactly the
 * period it names (a workshop may run on that file alone); unparseable period cells are skipped.
 * Years before 2000 or after next year (`today` + 1 year) are not offered (dateWindow.ts).
 */
export function periodsInData(ds: Dataset, today: number = todayDay()): Period[] {
  const steps = periodsInDataSteps(ds, today);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `periodsInData` in slices: pauses (`yield`) after every PERIOD_ROWS_PER_SLICE rows of a table,
 * so the page's reload after an import can give the thread back between them.
 */
export function* periodsInDataSteps(ds: Dataset, today: number = todayDay()): Generator<void, Period[], void> {
  const known = new Set(ds.staff.staff_id);
  const quarters = new Set<number>(); // year * 4 + quarter - 1
  const years = new Set<number>();
  function* add(staffIds: string[], days: ArrayLike<number>, n: number, keep?: (row: number) => boolean): Generator<void, void, void> {
    let lastDay = NaN, lastQ = -1;
    for (let slice = 0; slice < n; slice += PERIOD_ROWS_PER_SLICE) {
      for (let r = slice, end = Math.min(n, slice + PERIOD_ROWS_PER_SLICE); r < end; r++) {
        const d = days[r];
        if (d !== d) continue;
        if (d !== lastDay) {
          lastDay = d;
          lastQ = quarterIndexOfDay(d);
        }
        // A quarter already found needs no staff lookup: a million rows cost a few distinct quarters, not a million hash lookups.
        if (quarters.has(lastQ) || !known.has(staffIds[r]) || (keep && !keep(r))) continue;
        quarters.add(lastQ);
      }
      yield;
    }
  }
  const { projects, requests, reviews, ratings, activities, metrics } = ds;
  const status = projects.status;
  yield* add(projects.staff_id, projects.decided_on, projects.length, (r) => status[r] === STATUS.won || status[r] === STATUS.lost);
  const requestDays = new Float64Array(requests.length);
  for (let r = 0; r < requests.length; r++) requestDays[r] = Math.floor(requests.requested_at[r] / 86_400);
  yield* add(requests.staff_id, requestDays, requests.length);
  yield* add(reviews.staff_id, reviews.reviewed_on, reviews.length);
  yield* add(ratings.staff_id, ratings.rated_on, ratings.length);
  yield* add(activities.staff_id, activities.date, activities.length);
  // Dates outside the plausible window (dateWindow.ts: 1900-01-01 placeholders, 9999 ends) offer no period.
  for (const q of quarters) if (!plausibleYear(Math.floor(q / 4), today)) quarters.delete(q);
  for (const q of quarters) years.add(Math.floor(q / 4));

  const explicit = new Map<string, Period>();
  for (let r = 0; r < metrics.length; r++) {
    if (!known.has(metrics.staff_id[r])) continue;
    try {
      const p = parsePeriod(metrics.period[r]);
      if (plausibleYear(p.year, today)) explicit.set(p.id, p);
    } catch {
      // the import reports malformed period cells; here they simply add no period
    }
  }

  const all = new Map<string, Period>(explicit);
  for (const q of quarters) {
    const p = quarterPeriod(Math.floor(q / 4), ((q % 4) + 1) as 1 | 2 | 3 | 4);
    all.set(p.id, p);
  }
  for (const y of years) all.set(String(y), yearPeriod(y));
  // a year sorts after its quarters: it starts with Q1 but ends with Q4
  return [...all.values()].sort((a, b) => a.year - b.year || (a.quarter ?? 5) - (b.quarter ?? 5));
}

/** The most recent quarter in `periods` (by end day), else the most recent period, else ''. */
export function latestQuarterId(periods: readonly Period[]): string {
  let best: Period | null = null;
  for (const p of periods) {
    if (p.kind !== 'quarter') continue;
    if (!best || p.end > best.end) best = p;
  }
  if (!best) for (const p of periods) if (!best || p.end > best.end) best = p;
  return best?.id ?? '';
}
