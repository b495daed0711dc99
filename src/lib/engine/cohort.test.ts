import { describe, expect, it } from 'vitest';
import { deriveMetrics } from './metrics';
import { buildDataset, testScenario, type ProjectRow, type Rows } from './metrics.testkit';
import { parsePeriod } from './periods';

/**
 * Cohort metrics for person A in 2026Q1: the cohort window is [2025-01-01, 2026-01-01).
 * B is another in-scope presales, LEFT left before 2026 (out of scope, still a participant).
 */
function cohort(projects: ProjectRow[], period = '2026Q1') {
  const rows: Rows = {
    staff: [{ staff_id: 'A' }, { staff_id: 'B' }, { staff_id: 'LEFT', left_on: '2025-12-31' }],
    projects,
  };
  const m = deriveMetrics(buildDataset(rows), parsePeriod(period), testScenario());
  return { repeat: m.values.customer_repeat_rate[0], ltv: m.values.ltv_growth_share[0], b: m.values.customer_repeat_rate[1] };
}

let seq = 0;
const won = (staff_id: string, customer_id: string, decided_on: string, amount = 100_000, project_id = `P${++seq}`): ProjectRow =>
  ({ project_id, staff_id, customer_id, decided_on, amount, status: 'won' });

describe('customer cohort window', () => {
  it.each([
    ['P.start − 12 months is included', '2025-01-01', true],
    ['the day before that is excluded', '2024-12-31', false],
    ['the day before P.start is included', '2025-12-31', true],
    ['P.start itself is excluded', '2026-01-01', false],
  ])('%s (%s)', (_, decided_on, inCohort) => {
    const r = cohort([won('A', 'C1', decided_on)]);
    if (inCohort) expect(r.repeat).toBe(0);
    else expect(r.repeat).toBeNaN();
  });

  it('for a later quarter: the same day one year before its start', () => {
    expect(cohort([won('A', 'C1', '2025-04-01')], '2026Q2').repeat).toBe(0);
    expect(cohort([won('A', 'C1', '2025-03-31')], '2026Q2').repeat).toBeNaN();
  });

  it('only won participations of the person make the cohort', () => {
    const r = cohort([
      { project_id: 'L1', staff_id: 'A', customer_id: 'C1', status: 'lost', decided_on: '2025-05-01' },
      { project_id: 'O1', staff_id: 'A', customer_id: 'C2', status: 'open', decided_on: '2025-05-01' },
      won('B', 'C3', '2025-05-01'),
    ]);
    expect(r.repeat).toBeNaN();
    expect(r.ltv).toBeNaN();
    expect(r.b).toBe(0);
  });
});

describe('customer_repeat_rate', () => {
  it.each([
    ['a follow-up exactly 365 days later qualifies', '2025-03-01', '2026-03-01', 100],
    ['366 days later does not', '2025-03-01', '2026-03-02', 0],
    ['the same day is not "after"', '2025-03-01', '2025-03-01', 0],
    ['the next day is', '2025-03-01', '2025-03-02', 100],
    ['an earlier project does not count', '2025-03-01', '2025-02-28', 0],
    ['a follow-up inside P counts too', '2025-12-31', '2026-02-01', 100],
  ])('%s', (_, cohortDay, followUp, expected) => {
    expect(cohort([won('A', 'C1', cohortDay), won('B', 'C1', followUp)]).repeat).toBe(expected);
  });

  it('any participants: an out-of-scope colleague\'s project counts, an unknown staff_id\'s does not', () => {
    expect(cohort([won('A', 'C1', '2025-03-01'), won('LEFT', 'C1', '2025-06-01')]).repeat).toBe(100);
    expect(cohort([won('A', 'C1', '2025-03-01'), won('GHOST', 'C1', '2025-06-01')]).repeat).toBe(0);
  });

  it('another project of the same customer, not another row of the same project', () => {
    expect(cohort([won('A', 'C1', '2025-03-01', 1, 'X'), won('B', 'C1', '2025-03-01', 1, 'X')]).repeat).toBe(0);
    expect(cohort([won('A', 'C1', '2025-03-01'), { ...won('B', 'C1', '2025-06-01'), status: 'lost' }]).repeat).toBe(0);
  });

  it('with several cohort projects of one customer, any may qualify it', () => {
    // 2025-02-01 + 365 = 2026-02-01 (too early for 2026-09-01); 2025-10-01 + 365 = 2026-10-01 (covers it)
    expect(cohort([won('A', 'C1', '2025-02-01'), won('A', 'C1', '2025-10-01'), won('B', 'C1', '2026-09-01')]).repeat).toBe(100);
  });

  it('the share over distinct cohort customers', () => {
    const r = cohort([
      won('A', 'C1', '2025-01-01'), won('B', 'C1', '2026-01-01'), // 365 days (2025 is not a leap year)
      won('A', 'C2', '2025-12-31'), won('B', 'C2', '2027-01-01'), // 366 days
      won('A', 'C3', '2025-06-01'), won('A', 'C3', '2025-06-01'), // same day only
    ]);
    expect(r.repeat).toBeCloseTo(100 / 3, 12);
  });
});

describe('ltv_growth_share', () => {
  // cohort project on d = 2025-06-01: before = [2024-06-01, 2025-06-01], after = (2025-06-01, 2026-06-01]
  const base = (afterAmount: number, extra: ProjectRow[] = []) =>
    cohort([won('A', 'C1', '2025-06-01', 500_000), won('B', 'C1', '2024-06-01', 500_000), won('B', 'C1', '2026-06-01', afterAmount), ...extra]).ltv;

  it.each([
    ['after exactly 1.2 × before grows', 1_200_000, 100],
    ['just under 1.2 × does not', 1_199_999, 0],
  ])('%s', (_, afterAmount, expected) => {
    expect(base(afterAmount)).toBe(expected);
  });

  it('window edges: d − 365 and d + 365 are in, one day further is out', () => {
    expect(base(1_200_000, [won('B', 'C1', '2024-05-31', 9_000_000)])).toBe(100); // outside before
    expect(base(1_200_000, [won('B', 'C1', '2024-06-01', 1)])).toBe(0); // inside before
    expect(base(0, [won('B', 'C1', '2026-06-02', 9_000_000)])).toBe(0); // outside after
    expect(base(0, [won('B', 'C1', '2025-06-02', 1_200_000)])).toBe(100); // first day of after
  });

  it('each project once, whatever its number of participant rows', () => {
    const twoRows = [won('B', 'C1', '2025-09-01', 1_100_000, 'X'), won('LEFT', 'C1', '2025-09-01', 1_100_000, 'X')];
    expect(cohort([won('A', 'C1', '2025-06-01', 1_000_000), ...twoRows]).ltv).toBe(0);
    const cohortTwice = [won('A', 'C1', '2025-06-01', 1_000_000, 'Y'), won('B', 'C1', '2025-06-01', 1_000_000, 'Y')];
    expect(cohort([...cohortTwice, won('B', 'C1', '2025-09-01', 1_200_000)]).ltv).toBe(100);
  });

  it('no growth without after, even from nothing', () => {
    expect(cohort([won('A', 'C1', '2025-06-01', 0)]).ltv).toBe(0);
    expect(cohort([won('A', 'C1', '2025-06-01', 0), won('B', 'C1', '2025-07-01', 1)]).ltv).toBe(100);
  });

  it('d is the customer\'s latest cohort project', () => {
    // d = 2025-10-01: before = 300k (both cohort projects), after = (2025-10-01, 2026-10-01] = 360k
    const projects = [won('A', 'C1', '2025-02-01', 100_000), won('A', 'C1', '2025-10-01', 200_000), won('B', 'C1', '2026-09-01', 360_000)];
    expect(cohort(projects).ltv).toBe(100);
    // d = 2025-10-01: before = 1M, after = 360k. Taking d = 2025-02-01 would find before = 100k,
    // after = 900k (the later cohort project) and count a growth.
    const shrink = [won('A', 'C1', '2025-02-01', 100_000), won('A', 'C1', '2025-10-01', 900_000), won('B', 'C1', '2026-09-01', 360_000)];
    expect(cohort(shrink).ltv).toBe(0);
  });

  it('the share over distinct cohort customers; empty cohort is N/A', () => {
    const r = cohort([
      won('A', 'C1', '2025-06-01', 100), won('LEFT', 'C1', '2025-07-01', 120),
      won('A', 'C2', '2025-06-01', 100), won('LEFT', 'C2', '2025-07-01', 119),
    ]);
    expect(r.ltv).toBe(50);
    expect(r.repeat).toBe(100);
    expect(r.b).toBeNaN();
  });
});

describe('customer history', () => {
  it('counts each project once however many rows one day holds (long same-day runs)', () => {
    // 40 projects of 2 rows each on one follow-up day: 40 × 30k = 1.2M after, against 1M before
    const followUps = Array.from({ length: 40 }, (_, k) => [
      won('B', 'C1', '2025-09-01', 30_000, `F${k}`), won('LEFT', 'C1', '2025-09-01', 30_000, `F${k}`),
    ]).flat();
    expect(cohort([won('A', 'C1', '2025-06-01', 1_000_000), ...followUps]).ltv).toBe(100);
    expect(cohort([won('A', 'C1', '2025-06-01', 1_000_001), ...followUps]).ltv).toBe(0);
  });

  it('sorts a long history by date whatever the row order', () => {
    const history = Array.from({ length: 30 }, (_, k) => won('B', 'C1', `2024-${String(12 - (k % 12)).padStart(2, '0')}-0${1 + (k % 9)}`, 1));
    expect(cohort([...history, won('A', 'C1', '2025-06-01', 1), won('LEFT', 'C1', '2026-06-01', 1)]).repeat).toBe(100);
    expect(cohort([won('LEFT', 'C1', '2026-06-02', 1), ...history, won('A', 'C1', '2025-06-01', 1)]).repeat).toBe(0);
  });
});
