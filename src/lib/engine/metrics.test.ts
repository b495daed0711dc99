import { describe, expect, it } from 'vitest';
import { METRICS } from './metricCatalog';
import { deriveMetrics, deriveMetricsSteps, ROWS_PER_SLICE, winRateByIndustry } from './metrics';
import { mulberry32 } from './mulberry32';
import { buildDataset, testScenario, type ProjectRow, type Rows } from './metrics.testkit';
import { parsePeriod } from './periods';
import type { Indicator, Scenario } from './types';

const STAFF = [{ staff_id: 'A' }, { staff_id: 'B' }];

/** Derive for 2026Q1 (unless told) and read one value by staff_id. */
function derive(rows: Rows, scenario: Scenario = testScenario(), period = '2026Q1') {
  const ds = buildDataset({ staff: STAFF, ...rows });
  const matrix = deriveMetrics(ds, parsePeriod(period), scenario);
  const value = (metric: string, staffId: string) => {
    const i = [...matrix.staffIndex].findIndex((row) => ds.staff.staff_id[row] === staffId);
    if (i < 0) throw new Error(`${staffId} is not in scope`);
    return matrix.values[metric][i];
  };
  return { ds, matrix, value };
}

describe('deriveMetrics — shape', () => {
  it('returns every built-in metric, in catalog order, for each in-scope person', () => {
    const { matrix } = derive({});
    expect(Object.keys(matrix.values)).toEqual(METRICS.map((m) => m.id));
    expect([...matrix.staffIndex]).toEqual([0, 1]);
    for (const col of Object.values(matrix.values)) expect(col).toHaveLength(2);
  });

  it('N/A vs 0: with no records, count metrics are 0 and every other metric N/A (except sales_contribution = 0)', () => {
    const { value } = derive({});
    for (const m of METRICS) {
      if (m.count) expect(value(m.id, 'A'), m.id).toBe(0);
      else expect(value(m.id, 'A'), m.id).toBeNaN();
    }
  });

  it('handles an empty staff table', () => {
    const matrix = deriveMetrics(buildDataset({}), parsePeriod('2026'), testScenario());
    expect(matrix.staffIndex).toHaveLength(0);
    expect(matrix.values.win_rate).toHaveLength(0);
  });
});

describe('deriveMetrics — scope', () => {
  const rows: Rows = {
    staff: [
      { staff_id: 'hired-after', hired_on: '2026-04-01' },
      { staff_id: 'A', hired_on: '2026-03-31' },
      { staff_id: 'left-before', left_on: '2025-12-31' },
      { staff_id: 'B', left_on: '2026-01-01' },
    ],
    activities: [
      { staff_id: 'hired-after', date: '2026-02-01', type: 'visit' },
      { staff_id: 'A', date: '2026-02-01', type: 'visit', count: 2 },
      { staff_id: 'B', date: '2026-02-01', type: 'visit', count: 5 },
      { staff_id: 'GHOST', date: '2026-02-01', type: 'visit' },
    ],
  };
  it('keeps the in-scope staff in staff-table order, hired/left boundaries inclusive', () => {
    const ds = buildDataset(rows);
    const m = deriveMetrics(ds, parsePeriod('2026Q1'), testScenario());
    expect([...m.staffIndex].map((r) => ds.staff.staff_id[r])).toEqual(['A', 'B']);
    expect([...m.values.visits]).toEqual([2, 5]);
  });
  it('the same people are in scope for different periods', () => {
    const ds = buildDataset(rows);
    const m = deriveMetrics(ds, parsePeriod('2025Q4'), testScenario());
    expect([...m.staffIndex].map((r) => ds.staff.staff_id[r])).toEqual(['left-before', 'B']);
  });
});

describe('deriveMetrics — projects', () => {
  const won = 'won' as const;
  const lost = 'lost' as const;

  it('win_rate counts decided participations in P only', () => {
    const { value } = derive({
      projects: [
        { project_id: 'P1', staff_id: 'A', status: won, decided_on: '2026-01-01' },
        { project_id: 'P2', staff_id: 'A', status: lost, decided_on: '2026-03-31' },
        { project_id: 'P3', staff_id: 'A', status: lost, decided_on: '2026-02-01' },
        { project_id: 'P4', staff_id: 'A', status: 'open', decided_on: '2026-02-01' },
        { project_id: 'P5', staff_id: 'A', status: 'cancelled', decided_on: '2026-02-01' },
        { project_id: 'P6', staff_id: 'A', status: won, decided_on: '2026-04-01' },
        { project_id: 'P7', staff_id: 'A', status: won, decided_on: '2025-12-31' },
        { project_id: 'P8', staff_id: 'GHOST', status: won, decided_on: '2026-02-01' },
        { project_id: 'P9', staff_id: 'B', status: 'open', decided_on: '2026-02-01' },
      ],
    });
    expect(value('win_rate', 'A')).toBeCloseTo(100 / 3, 12);
    expect(value('win_rate', 'B')).toBeNaN(); // only an open project: no decided participation
    expect(value('high_value_rate', 'B')).toBeNaN();
    expect(value('sales_contribution', 'B')).toBe(0);
  });

  it.each([
    // [strategic_industries, multiplier, won industry, lost industry, expected]
    [[], 1.5, '金融', 'Internet', 50],
    [['金融'], 1.5, '金融', 'Internet', 60], // 1.5 / (1.5 + 1)
    [['金融'], 1.5, ' 金融 ', 'Internet', 60], // the cell is trimmed
    [[' 金融'], 1.5, '金融', 'Internet', 60], // so is the scenario's list
    [['金融'], 1.5, '金融业', 'Internet', 50], // exact match, not a prefix
    [['金融'], 1.5, 'Internet', '金融', 40], // 1 / (1 + 1.5)
    [['金融'], 2, '金融', '金融', 50], // the weight cancels within one industry
    [['金融', '电信'], 3, '电信', 'Internet', 75],
  ])('win_rate strategic weighting %j ×%d: won %j, lost %j → %d', (industries, multiplier, wonIn, lostIn, expected) => {
    const scenario = testScenario({ strategic_industries: industries, strategic_industry_multiplier: multiplier });
    const { value } = derive({
      projects: [
        { project_id: 'P1', staff_id: 'A', status: won, decided_on: '2026-02-01', industry: wonIn },
        { project_id: 'P2', staff_id: 'A', status: lost, decided_on: '2026-02-01', industry: lostIn },
      ],
    }, scenario);
    expect(value('win_rate', 'A')).toBeCloseTo(expected, 12);
  });

  it('sales_contribution = Σ amount × role coefficient over won participations in P', () => {
    const projects: Rows['projects'] = [
      { project_id: 'P1', staff_id: 'A', role: 'lead', status: won, decided_on: '2026-02-01', amount: 1_000_000 },
      { project_id: 'P2', staff_id: 'A', role: 'support', status: won, decided_on: '2026-03-01', amount: 500_000 },
      { project_id: 'P3', staff_id: 'A', role: 'lead', status: lost, decided_on: '2026-03-01', amount: 9_000_000 },
      { project_id: 'P4', staff_id: 'A', role: 'lead', status: 'open', decided_on: '2026-03-01', amount: 9_000_000 },
      { project_id: 'P5', staff_id: 'A', role: 'lead', status: won, decided_on: '2026-04-01', amount: 9_000_000 },
    ];
    expect(derive({ projects }).value('sales_contribution', 'A')).toBeCloseTo(400_000, 6);
    const custom = testScenario({ role_coefficients: { lead: 0.5, support: 0.1 } });
    expect(derive({ projects }, custom).value('sales_contribution', 'A')).toBeCloseTo(550_000, 6);
  });

  it('high_value_rate: won with amount ≥ threshold or strategic, over decided', () => {
    const projects: Rows['projects'] = [
      { project_id: 'P1', staff_id: 'A', status: won, decided_on: '2026-02-01', amount: 1_000_000 }, // exactly the threshold
      { project_id: 'P2', staff_id: 'A', status: won, decided_on: '2026-02-01', amount: 999_999, strategic: true },
      { project_id: 'P3', staff_id: 'A', status: won, decided_on: '2026-02-01', amount: 999_999 }, // strategic empty = false
      { project_id: 'P4', staff_id: 'A', status: won, decided_on: '2026-02-01', amount: 600_000, strategic: false },
      { project_id: 'P5', staff_id: 'A', status: lost, decided_on: '2026-02-01', amount: 5_000_000, strategic: true },
    ];
    expect(derive({ projects }).value('high_value_rate', 'A')).toBeCloseTo(40, 12);
    const lower = testScenario({ high_value_threshold: 600_000 });
    expect(derive({ projects }, lower).value('high_value_rate', 'A')).toBeCloseTo(80, 12);
  });

  it('adoption_rate: Σ adopted / Σ made over decided participations; empty cells are 0', () => {
    const { value } = derive({
      projects: [
        { project_id: 'P1', staff_id: 'A', status: won, decided_on: '2026-02-01', proposals_made: 4, proposals_adopted: 3 },
        { project_id: 'P2', staff_id: 'A', status: lost, decided_on: '2026-02-01', proposals_made: 6, proposals_adopted: 1 },
        { project_id: 'P3', staff_id: 'A', status: won, decided_on: '2026-02-01' },
        { project_id: 'P4', staff_id: 'A', status: 'open', decided_on: '2026-02-01', proposals_made: 90, proposals_adopted: 90 },
        { project_id: 'P5', staff_id: 'B', status: won, decided_on: '2026-02-01', proposals_made: 0, proposals_adopted: 0 },
      ],
    });
    expect(value('adoption_rate', 'A')).toBeCloseTo(40, 12);
    expect(value('adoption_rate', 'B')).toBeNaN(); // Σ made = 0
    expect(value('win_rate', 'B')).toBe(100);
  });
});

describe('deriveMetrics — requests', () => {
  it.each([
    ['exactly 24:00:00 is on time', '2026-01-06 09:00:00', 100],
    ['24:00:01 is late', '2026-01-06 09:00:01', 0],
    ['an immediate response is on time', '2026-01-05 09:00:00', 100],
    ['no response is late', undefined, 0],
  ])('response_24h: %s', (_, responded_at, expected) => {
    const { value } = derive({ requests: [{ staff_id: 'A', type: 'consultation', requested_at: '2026-01-05 09:00:00', responded_at }] });
    expect(value('response_24h', 'A')).toBe(expected);
  });

  it.each([
    ['solution', 'exactly 48 h', '2026-02-03 10:00:00', 100],
    ['bid', '48 h + 1 s', '2026-02-03 10:00:01', 0],
    ['bid', 'not delivered', undefined, 0],
    ['solution', 'across a month end', '2026-02-02 09:00:00', 100],
  ])('delivery_on_time: %s %s', (type, _, delivered_at, expected) => {
    const { value } = derive({
      requests: [{ staff_id: 'A', type: type as 'solution' | 'bid', requested_at: '2026-02-01 10:00', delivered_at }],
    });
    expect(value('delivery_on_time', 'A')).toBe(expected);
  });

  it('mixes: consultations count for response only, bids with a score for bid_score', () => {
    const { value } = derive({
      requests: [
        { staff_id: 'A', type: 'consultation', requested_at: '2026-01-05 09:00', responded_at: '2026-01-05 10:00', delivered_at: '2026-01-05 10:00' },
        { staff_id: 'A', type: 'solution', requested_at: '2026-01-05 09:00', responded_at: '2026-01-07 10:00', delivered_at: '2026-01-06 09:00', bid_score: 10 },
        { staff_id: 'A', type: 'bid', requested_at: '2026-01-05 09:00', bid_score: 80 },
        { staff_id: 'A', type: 'bid', requested_at: '2026-01-05 09:00', responded_at: '2026-01-05 09:30', delivered_at: '2026-01-08 09:00', bid_score: 90 },
        { staff_id: 'A', type: 'bid', requested_at: '2026-01-05 09:00', responded_at: '2026-01-05 09:30', delivered_at: '2026-01-06 09:00' },
        // period by requested_at: the last second of Q1 is in, the first of Q2 is out
        { staff_id: 'A', type: 'consultation', requested_at: '2026-03-31 23:59:59', responded_at: '2026-04-01 08:00' },
        { staff_id: 'A', type: 'bid', requested_at: '2026-04-01 00:00:00', bid_score: 0 },
        { staff_id: 'A', type: 'bid', requested_at: '2025-12-31 23:59:59', bid_score: 0 },
      ],
    });
    expect(value('response_24h', 'A')).toBeCloseTo((100 * 4) / 6, 12);
    expect(value('delivery_on_time', 'A')).toBeCloseTo((100 * 2) / 4, 12);
    expect(value('bid_score', 'A')).toBe(85);
    expect(value('response_24h', 'B')).toBeNaN();
    expect(value('delivery_on_time', 'B')).toBeNaN();
    expect(value('bid_score', 'B')).toBeNaN();
  });

  it('delivery_on_time and bid_score are N/A with only consultations or unscored bids', () => {
    const { value } = derive({
      requests: [
        { staff_id: 'A', type: 'consultation', requested_at: '2026-01-05 09:00', delivered_at: '2026-01-05 10:00' },
        { staff_id: 'B', type: 'bid', requested_at: '2026-01-05 09:00' },
      ],
    });
    expect(value('delivery_on_time', 'A')).toBeNaN();
    expect(value('response_24h', 'A')).toBe(0);
    expect(value('bid_score', 'B')).toBeNaN();
    expect(value('delivery_on_time', 'B')).toBe(0);
  });
});

describe('deriveMetrics — reviews, ratings, activities', () => {
  it('research_completeness and first_pass_rate', () => {
    const { value } = derive({
      reviews: [
        { staff_id: 'A', kind: 'research_report', reviewed_on: '2026-01-10', completeness: 80 },
        { staff_id: 'A', kind: 'research_report', reviewed_on: '2026-03-31', completeness: 90 },
        { staff_id: 'A', kind: 'research_report', reviewed_on: '2026-04-01', completeness: 0 },
        { staff_id: 'A', kind: 'solution', reviewed_on: '2026-02-01', first_pass: true },
        { staff_id: 'A', kind: 'solution', reviewed_on: '2026-02-01', first_pass: false },
        { staff_id: 'A', kind: 'solution', reviewed_on: '2026-02-01', first_pass: false },
        { staff_id: 'A', kind: 'solution', reviewed_on: '2026-02-01', first_pass: true },
        { staff_id: 'B', kind: 'solution', reviewed_on: '2026-02-01', first_pass: false },
      ],
    });
    expect(value('research_completeness', 'A')).toBe(85);
    expect(value('first_pass_rate', 'A')).toBe(50);
    expect(value('research_completeness', 'B')).toBeNaN();
    expect(value('first_pass_rate', 'B')).toBe(0);
  });

  it('rating means: value = 100 × score / scale_max, scale_max empty = 5', () => {
    const { value } = derive({
      ratings: [
        { staff_id: 'A', rated_on: '2026-01-11', source: 'assessment', score: 4.5 }, // 90
        { staff_id: 'A', rated_on: '2026-02-11', source: 'assessment', score: 80, scale_max: 100 }, // 80
        { staff_id: 'A', rated_on: '2026-02-11', source: 'knowledge_test', score: 9, scale_max: 10 },
        { staff_id: 'A', rated_on: '2026-02-11', source: 'customer', score: 3, scale_max: 5 },
        { staff_id: 'A', rated_on: '2026-02-11', source: 'customer', score: 0 },
        { staff_id: 'A', rated_on: '2026-03-31', source: 'sales_support', score: 5 },
        { staff_id: 'A', rated_on: '2026-04-01', source: 'cross_team', score: 5 }, // Q2
      ],
    });
    expect(value('assessment_score', 'A')).toBeCloseTo(85, 12);
    expect(value('knowledge_test', 'A')).toBeCloseTo(90, 12);
    expect(value('customer_satisfaction', 'A')).toBeCloseTo(30, 12);
    expect(value('sales_satisfaction', 'A')).toBe(100);
    expect(value('cross_team_score', 'A')).toBeNaN();
  });

  it('activity counts: Σ count, empty count = 1, unknown types ignored', () => {
    const acts: [string, number | undefined][] = [
      ['visit', undefined], ['visit', 3], ['insight_report', 2], ['requirement_feedback', 5],
      ['kb_contribution', 1], ['certification', 1], ['training', undefined], ['training', 2],
      ['suggestion_adopted', 1], ['innovation_case', 2], ['process_improvement', undefined], ['something_else', 7],
    ];
    const { value } = derive({
      activities: [
        ...acts.map(([type, count]) => ({ staff_id: 'A', date: '2026-02-01', type, count })),
        { staff_id: 'A', date: '2026-04-01', type: 'visit', count: 100 },
      ],
    });
    const expected = {
      visits: 4, insight_reports: 2, requirement_feedback: 5, kb_contributions: 1, certifications: 1,
      training_sessions: 3, innovation_count: 4,
    };
    for (const [id, n] of Object.entries(expected)) {
      expect(value(id, 'A'), id).toBe(n);
      expect(value(id, 'B'), id).toBe(0);
    }
  });
});

const indicator = (metrics: Indicator['metrics']): Indicator => ({
  id: 'workshop', category: 'process', weight: 5, label_zh: '工作坊', label_en: 'Workshop', metrics,
});

describe('deriveMetrics — custom metrics', () => {
  const scenario = testScenario({}, [indicator([
    { id: 'demos', target: 3, direction: 'higher', subweight: 1, define: { kind: 'activity_count', types: ['saas_demo', 'visit'] } },
    { id: 'saas_demo_conversion', target: 30, direction: 'higher', subweight: 1, define: { kind: 'activity_ratio', numerator: ['saas_demo_won'], denominator: ['saas_demo'] } },
    { id: 'customer_mean', target: 90, direction: 'higher', subweight: 1, define: { kind: 'rating_mean', source: 'customer' } },
    { id: 'bogus_source', target: 90, direction: 'higher', subweight: 1, define: { kind: 'rating_mean', source: 'nobody' } },
    { id: 'nps', target: 50, direction: 'higher', subweight: 1, define: { kind: 'column' } },
    { id: 'visits', target: 1, direction: 'higher', subweight: 1, define: { kind: 'activity_count', types: ['saas_demo'] } },
  ])]);
  const rows: Rows = {
    activities: [
      { staff_id: 'A', date: '2026-02-01', type: 'saas_demo', count: 4 },
      { staff_id: 'A', date: '2026-02-01', type: 'saas_demo_won' },
      { staff_id: 'A', date: '2026-02-02', type: 'visit', count: 2 },
      { staff_id: 'B', date: '2026-02-01', type: 'saas_demo_won', count: 3 },
    ],
    ratings: [{ staff_id: 'A', rated_on: '2026-02-01', source: 'customer', score: 4 }],
  };

  it('are appended after the built-in metrics', () => {
    const { matrix } = derive(rows, scenario);
    expect(Object.keys(matrix.values)).toEqual([...METRICS.map((m) => m.id), 'demos', 'saas_demo_conversion', 'customer_mean', 'bogus_source', 'nps']);
  });

  it.each([
    ['demos', 'A', 6], ['demos', 'B', 0],
    ['saas_demo_conversion', 'A', 25], ['saas_demo_conversion', 'B', NaN],
    ['customer_mean', 'A', 80], ['customer_mean', 'B', NaN],
    ['bogus_source', 'A', NaN],
    ['nps', 'A', NaN], ['nps', 'B', NaN],
    ['visits', 'A', 2], // a define on a built-in id does not replace it
  ])('%s of %s = %d', (metric, staffId, expected) => {
    expect(derive(rows, scenario).value(metric, staffId)).toBe(expected);
  });
});

describe('deriveMetrics — metrics-file overrides', () => {
  const scenario = testScenario({}, [indicator([
    { id: 'nps', target: 50, direction: 'higher', subweight: 1, define: { kind: 'column' } },
  ])]);
  const rows: Rows = {
    staff: [{ staff_id: 'A' }, { staff_id: 'B' }, { staff_id: 'gone', left_on: '2025-06-30' }],
    projects: [
      { project_id: 'P1', staff_id: 'A', status: 'won', decided_on: '2026-02-01' },
      { project_id: 'P2', staff_id: 'B', status: 'lost', decided_on: '2026-02-01' },
    ],
    activities: [{ staff_id: 'A', date: '2026-02-01', type: 'visit', count: 3 }],
    metrics: [
      { staff_id: 'A', period: '2026Q1', win_rate: 77, visits: undefined, nps: 42 },
      { staff_id: 'B', period: '2026Q2', win_rate: 10, nps: 1 },
      { staff_id: 'B', period: ' 2026q1 ', bid_score: 0, unknown_metric: 5 },
      { staff_id: 'gone', period: '2026Q1', win_rate: 1 },
      { staff_id: 'GHOST', period: '2026Q1', win_rate: 1 },
      { staff_id: 'B', period: 'not a period', win_rate: 1 },
    ],
  };

  it('a non-empty cell replaces the derived value, an empty one keeps it', () => {
    const { value, matrix } = derive(rows, scenario);
    expect(value('win_rate', 'A')).toBe(77);
    expect(value('visits', 'A')).toBe(3);
    expect(value('nps', 'A')).toBe(42);
    expect(value('win_rate', 'B')).toBe(0); // the Q2 row does not apply to Q1
    expect(value('nps', 'B')).toBeNaN();
    expect(value('bid_score', 'B')).toBe(0); // period cell matched after normalising; 0 is a value
    expect(matrix.values.unknown_metric).toBeUndefined();
    expect(matrix.staffIndex).toHaveLength(2);
  });

  it('applies the rows of the period asked for', () => {
    const { value } = derive(rows, scenario, '2026Q2');
    expect(value('win_rate', 'B')).toBe(10);
    expect(value('nps', 'B')).toBe(1);
    expect(value('win_rate', 'A')).toBeNaN();
  });

  it('works with a metrics file alone (workshop mode)', () => {
    const { value } = derive({ metrics: [{ staff_id: 'A', period: '2026', sales_contribution: 1_500_000, response_24h: 96.5 }] }, scenario, '2026');
    expect(value('sales_contribution', 'A')).toBe(1_500_000);
    expect(value('response_24h', 'A')).toBe(96.5);
    expect(value('response_24h', 'B')).toBeNaN();
  });
});

describe('winRateByIndustry', () => {
  it('breaks one person\'s decided participations in P down by trimmed industry', () => {
    const ds = buildDataset({
      staff: STAFF,
      projects: [
        { project_id: 'P1', staff_id: 'A', status: 'won', decided_on: '2026-02-01', industry: '金融' },
        { project_id: 'P2', staff_id: 'A', status: 'lost', decided_on: '2026-02-01', industry: ' 金融' },
        { project_id: 'P3', staff_id: 'A', status: 'won', decided_on: '2026-02-01', industry: '金融 ' },
        { project_id: 'P4', staff_id: 'A', status: 'lost', decided_on: '2026-02-01', industry: 'Internet' },
        { project_id: 'P5', staff_id: 'A', status: 'won', decided_on: '2026-02-01', industry: '电信' },
        { project_id: 'P6', staff_id: 'A', status: 'open', decided_on: '2026-02-01', industry: '能源' },
        { project_id: 'P7', staff_id: 'A', status: 'won', decided_on: '2026-05-01', industry: '能源' },
        { project_id: 'P8', staff_id: 'B', status: 'won', decided_on: '2026-02-01', industry: '金融' },
      ],
    });
    const q1 = parsePeriod('2026Q1');
    expect(winRateByIndustry(ds, 0, q1, testScenario())).toEqual([
      { industry: '金融', decided: 3, won: 2, rate: 200 / 3 },
      { industry: 'Internet', decided: 1, won: 0, rate: 0 },
      { industry: '电信', decided: 1, won: 1, rate: 100 },
    ]);
    expect(winRateByIndustry(ds, 1, parsePeriod('2026Q2'), testScenario())).toEqual([]);
    expect(winRateByIndustry(ds, 99, q1, testScenario())).toEqual([]);
  });
});

describe('deriveMetricsSteps', () => {
  it('pauses every ROWS_PER_SLICE rows of a table and ends with the same matrix as deriveMetrics', () => {
    // More project rows than two slices, spread over 2025–2026 so the cohort metrics have data.
    const rnd = mulberry32(7);
    const staff = Array.from({ length: 300 }, (_, i) => ({ staff_id: `PS${1000 + i}` }));
    const statuses = ['won', 'lost', 'open'] as const;
    const projects: ProjectRow[] = Array.from({ length: 2 * ROWS_PER_SLICE + 123 }, (_, r) => ({
      project_id: `P${r >> 1}`, staff_id: `PS${1000 + Math.floor(rnd() * 320)}`, status: statuses[Math.floor(rnd() * 3)],
      decided_on: `${rnd() < 0.5 ? 2025 : 2026}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`,
      role: rnd() < 0.5 ? 'lead' : 'support', customer_id: `C${Math.floor(rnd() * 900)}`, industry: '金融', amount: Math.round(rnd() * 1e6),
    }));
    const ds = buildDataset({ staff, projects, activities: [{ staff_id: 'PS1000', date: '2026-02-02', type: 'visit' }] });
    const period = parsePeriod('2026Q1');
    const scenario = testScenario();
    const run = deriveMetricsSteps(ds, period, scenario);
    let pauses = 0;
    let r = run.next();
    for (; !r.done; r = run.next()) pauses++;
    // At least one pause per slice of the projects table (three of them here).
    expect(pauses).toBeGreaterThanOrEqual(3);
    const whole = deriveMetrics(ds, period, scenario);
    expect(Array.from(r.value.staffIndex)).toEqual(Array.from(whole.staffIndex));
    expect(Object.keys(r.value.values)).toEqual(Object.keys(whole.values));
    for (const id of Object.keys(whole.values)) expect(Array.from(r.value.values[id]), id).toEqual(Array.from(whole.values[id]));
    // The data reached every branch that matters: decided projects and cohorts.
    expect(whole.values.win_rate.some((v) => v > 0 && v < 100)).toBe(true);
    expect(whole.values.customer_repeat_rate.some((v) => v === v)).toBe(true);
  });
});
