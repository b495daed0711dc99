import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay } from './dataset';
import { buildDataset } from './metrics.testkit';
import { addMonthsToDay, civilFromDay, dayFromCivil, isInScope, parsePeriod, periodOfDay, periodsInData, periodsInDataSteps, quarterIndexOfDay } from './periods';

describe('parsePeriod', () => {
  it.each([
    ['2026Q1', '2026Q1', 'quarter', '2026-01-01', '2026-03-31', 3],
    ['2026Q2', '2026Q2', 'quarter', '2026-04-01', '2026-06-30', 3],
    ['2024Q1', '2024Q1', 'quarter', '2024-01-01', '2024-03-31', 3],
    ['2026Q4', '2026Q4', 'quarter', '2026-10-01', '2026-12-31', 3],
    ['2026', '2026', 'year', '2026-01-01', '2026-12-31', 12],
    [' 2026q3 ', '2026Q3', 'quarter', '2026-07-01', '2026-09-30', 3],
  ])('%j → %s %s %s…%s', (input, id, kind, start, end, months) => {
    const p = parsePeriod(input);
    expect(p).toMatchObject({ id, kind, months });
    expect([formatDay(p.start), formatDay(p.end)]).toEqual([start, end]);
  });

  it('carries year and quarter', () => {
    expect(parsePeriod('2026Q2')).toMatchObject({ year: 2026, quarter: 2 });
    expect(parsePeriod('2026').quarter).toBeUndefined();
  });

  it.each(['', '2026Q5', '2026Q0', '26Q1', '2026-Q1', '2026H1', 'Q1 2026', '0999', 'abc', '2026Q1x'])('rejects %j in both languages', (bad) => {
    expect(() => parsePeriod(bad)).toThrow(/无效的期间.*Invalid period/);
  });
});

describe('calendar helpers', () => {
  it('periodOfDay maps each month to its quarter', () => {
    const quarters = Array.from({ length: 12 }, (_, m) => periodOfDay(dayNumber(2026, m + 1, 15)).quarter);
    expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
    expect(periodOfDay(dayNumber(2025, 12, 31))).toEqual({ year: 2025, quarter: 4 });
    expect(periodOfDay(dayNumber(2026, 1, 1))).toEqual({ year: 2026, quarter: 1 });
  });

  it('civil conversions agree with Date.UTC over four centuries, before 1970 too', () => {
    for (let d = dayNumber(1800, 1, 1); d <= dayNumber(2200, 12, 31); d += 37) {
      const date = new Date(d * 86_400_000);
      const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      expect(civilFromDay(d)).toEqual(civil);
      expect(dayFromCivil(civil.year, civil.month, civil.day)).toBe(d);
      expect(quarterIndexOfDay(d)).toBe(civil.year * 4 + Math.floor((civil.month - 1) / 3));
    }
  });

  it.each([
    ['2024-02-29', -12, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-01', -12, '2025-01-01'],
    ['2026-04-01', -12, '2025-04-01'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-05-20', 0, '2026-05-20'],
    ['2026-05-20', -25, '2024-04-20'],
  ])('addMonthsToDay(%s, %i) = %s', (from, months, to) => {
    const [y, m, d] = from.split('-').map(Number);
    expect(formatDay(addMonthsToDay(dayNumber(y, m, d), months))).toBe(to);
  });
});

describe('isInScope', () => {
  const q1 = parsePeriod('2026Q1');
  const ds = buildDataset({
    staff: [
      { staff_id: 'always' },
      { staff_id: 'hired-last-day', hired_on: '2026-03-31' },
      { staff_id: 'hired-after', hired_on: '2026-04-01' },
      { staff_id: 'left-first-day', left_on: '2026-01-01' },
      { staff_id: 'left-before', left_on: '2025-12-31' },
      { staff_id: 'within', hired_on: '2026-02-01', left_on: '2026-02-28' },
      { staff_id: 'long-gone', hired_on: '2020-01-01', left_on: '2021-01-01' },
    ],
  });
  it.each([
    [0, true], [1, true], [2, false], [3, true], [4, false], [5, true], [6, false],
  ])('staff row %i → %s', (row, expected) => {
    expect(isInScope(ds, row, q1)).toBe(expected);
  });
  it('a year spans all its quarters', () => {
    expect(isInScope(ds, 2, parsePeriod('2026'))).toBe(true);
    expect(isInScope(ds, 4, parsePeriod('2026'))).toBe(false);
    expect(isInScope(ds, 4, parsePeriod('2025'))).toBe(true);
  });
});

describe('periodsInData', () => {
  it('is empty for an empty data set', () => {
    expect(periodsInData(buildDataset({}))).toEqual([]);
  });

  it('lists every quarter with a dated record, each year after its quarters', () => {
    const ds = buildDataset({
      staff: [{ staff_id: 'A' }],
      projects: [
        { project_id: 'P1', staff_id: 'A', status: 'won', decided_on: '2025-11-30' },
        { project_id: 'P2', staff_id: 'A', status: 'open', decided_on: '2024-05-01' }, // counts for nothing
        { project_id: 'P3', staff_id: 'GHOST', status: 'lost', decided_on: '2023-05-01' }, // unknown staff
      ],
      requests: [{ staff_id: 'A', type: 'bid', requested_at: '2026-03-31 23:59:59' }],
      reviews: [{ staff_id: 'A', kind: 'solution', reviewed_on: '2026-07-01', first_pass: true }],
      ratings: [{ staff_id: 'A', rated_on: '2025-01-01', source: 'customer', score: 4 }],
      activities: [{ staff_id: 'A', date: '2026-04-01', type: 'visit' }],
      metrics: [{ staff_id: 'A', period: '2027', visits: 3 }, { staff_id: 'A', period: 'bogus', visits: 1 }],
    });
    expect(periodsInData(ds).map((p) => p.id)).toEqual([
      '2025Q1', '2025Q4', '2025', '2026Q1', '2026Q2', '2026Q3', '2026', '2027',
    ]);
  });

  it('offers no period for dates outside 2000 … a year after today (1900-01-01 placeholders, 9999 ends)', () => {
    const ds = buildDataset({
      staff: [{ staff_id: 'A' }],
      activities: [
        { staff_id: 'A', date: '1900-01-01', type: 'visit' },
        { staff_id: 'A', date: '1999-12-31', type: 'visit' },
        { staff_id: 'A', date: '2000-01-01', type: 'visit' },
        { staff_id: 'A', date: '2027-06-30', type: 'visit' },
        { staff_id: 'A', date: '2028-01-02', type: 'visit' },
        { staff_id: 'A', date: '2199-12-31', type: 'visit' },
      ],
    });
    const today = dayFromCivil(2026, 12, 7);
    expect(periodsInData(ds, today).map((p) => p.id)).toEqual(['2000Q1', '2000', '2027Q2', '2027']);
  });

  it('in slices: a pause after every 50,000 rows of a table, the same periods at the end', () => {
    const n = 120_001;
    const ds = buildDataset({ staff: [{ staff_id: 'A' }] });
    const date = new Float64Array(n).fill(dayNumber(2026, 2, 1));
    date[n - 1] = dayNumber(2026, 8, 1);
    ds.activities = { length: n, staff_id: new Array<string>(n).fill('A'), date, type: new Array<string>(n).fill('visit'), count: new Float64Array(n) };
    const steps = periodsInDataSteps(ds);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) pauses++;
    // ⌈120,001 / 50,000⌉ = 3 for the activities; every other table is empty
    expect(pauses).toBe(3);
    expect(r.value).toEqual(periodsInData(ds));
    expect(r.value.map((p) => p.id)).toEqual(['2026Q1', '2026Q3', '2026']);
  });
});
