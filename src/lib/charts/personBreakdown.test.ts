import { describe, expect, it } from 'vitest';
import { customUnit, indicatorBreakdown } from './personBreakdown';
import { emptyDataset } from '../engine/dataset';
import { DOMAIN, LEVEL } from '../engine/codes';
import { presetScenario } from '../engine/presets';
import { parsePeriod } from '../engine/periods';
import { prepareScoring, scoreWithWeights, baseWeights } from '../engine/score';
import type { MetricMatrix } from '../engine/types';

/** One junior consultant in 2026Q1 with hand-picked metric values (most N/A). */
function fixture() {
  const s = presetScenario('standard');
  const ds = emptyDataset();
  ds.staff = {
    length: 1, staff_id: ['P1'], name: ['甲'], level: Float64Array.of(LEVEL.junior), domain: Float64Array.of(DOMAIN.consulting),
    team: [''], manager: [''], salary: Float64Array.of(NaN), hired_on: Float64Array.of(NaN), left_on: Float64Array.of(NaN),
  };
  const v = (x: number) => Float64Array.of(x);
  const matrix: MetricMatrix = {
    period: parsePeriod('2026Q1'),
    staffIndex: Int32Array.of(0),
    values: {
      win_rate: v(25), // junior target 50 → a 0.5
      sales_contribution: v(1_800_000), // junior 300 000 per month × 3 = 900 000 → a 2, capped 1.2
      visits: v(12), // 4 per month × 3 = 12 → a 1
    },
  };
  const model = prepareScoring(ds, matrix, s);
  const scores = scoreWithWeights(model, baseWeights(s));
  return { s, matrix, model, scores };
}

describe('indicatorBreakdown', () => {
  it('puts the weakest indicator first and N/A ones last, with targets from the profile', () => {
    const { s, matrix, model, scores } = fixture();
    const lines = indicatorBreakdown(model, scores, matrix, s, 0);
    expect(lines[0].id).toBe('win_rate');
    expect(lines[0].fraction).toBeCloseTo(0.5, 12);
    expect(lines[0].metrics[0]).toMatchObject({ value: 25, target: 50, unit: 'percent' });
    expect(lines[0].metrics[0].attainment).toBeCloseTo(0.5, 12);
    const sales = lines.find((l) => l.id === 'sales_contribution')!;
    expect(sales.metrics[0].target).toBe(900_000);
    expect(sales.metrics[0].attainment).toBeCloseTo(1.2, 12);
    expect(Number.isNaN(lines.at(-1)!.fraction)).toBe(true);
    // weight-0 indicators (customer_repeat_rate, sales_satisfaction) are not listed
    expect(lines.some((l) => l.id === 'sales_satisfaction')).toBe(false);
  });

  it('points are the fraction of the on-target points, and on-target points of scored indicators add to 100', () => {
    const { s, matrix, model, scores } = fixture();
    const lines = indicatorBreakdown(model, scores, matrix, s, 0);
    const scored = lines.filter((l) => !Number.isNaN(l.fraction));
    expect(scored.reduce((a, l) => a + l.atTarget, 0)).toBeCloseTo(100, 9);
    for (const l of scored) expect(l.points).toBeCloseTo(l.fraction * l.atTarget, 9);
    // consulting: sales_contribution 14 − 4 = 10
    expect(lines.find((l) => l.id === 'sales_contribution')!.weight).toBe(10);
  });
});

describe('customUnit', () => {
  it('maps a custom definition to a display unit', () => {
    const base = { id: 'x', target: 1, direction: 'higher' as const, subweight: 1 };
    expect(customUnit({ ...base, define: { kind: 'activity_ratio', numerator: ['a'], denominator: ['b'] } })).toBe('percent');
    expect(customUnit({ ...base, define: { kind: 'activity_count', types: ['a'] } })).toBe('count');
    expect(customUnit({ ...base, define: { kind: 'rating_mean', source: 'customer' } })).toBe('score');
  });
});

describe('pointBarRows', () => {
  it('marks indicators below target, shows N/A as text and keeps the order', async () => {
    const { pointBarRows } = await import('./personBreakdown');
    const line = (id: string, points: number, atTarget: number, fraction: number) =>
      ({ id, points, atTarget, fraction }) as unknown as Parameters<typeof pointBarRows>[0][number];
    const rows = pointBarRows([line('a', 12, 18, 2 / 3), line('b', NaN, NaN, NaN), line('c', 21.6, 18, 1.2)], (id) => id.toUpperCase(), '不适用');
    expect(rows.map((r) => [r.key, r.label, r.value, r.marker, r.note, r.flag])).toEqual([
      ['a', 'A', 12, 18, '12.0 / 18.0', true],
      ['b', 'B', 0, null, '不适用', false],
      ['c', 'C', 21.6, 18, '21.6 / 18.0', false],
    ]);
    // the same two numbers, each in its titled column
    expect(rows.map((r) => r.cells)).toEqual([['12.0', '18.0'], ['不适用', '—'], ['21.6', '18.0']]);
  });

  it('titles the two columns and the bar in either language', async () => {
    const { pointBarHead } = await import('./personBreakdown');
    expect(pointBarHead((x) => x.zh)).toEqual({ label: '考核指标', bar: '条 = 得分，竖线 = 达标（系数 1）时的得分；越过竖线 = 超额完成', cells: ['得分', '达标得分'] });
    expect(pointBarHead((x) => x.en).cells).toEqual(['Points', 'At target']);
  });
});
