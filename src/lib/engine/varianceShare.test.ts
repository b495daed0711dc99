import { describe, expect, it } from 'vitest';
import { metricsDataset } from './metricsDataset.testkit';
import { buildDataset } from './metrics.testkit';
import { deriveMetrics } from './metrics';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { resultsFromMatrix } from './results';
import { exportedIndicators } from './scenario';
import { varianceShares, varianceSharesFromResults } from './varianceShare';
import type { MetricMatrix, Scenario } from './types';

const standard = presetScenario('standard');
const sumOf = (xs: { share: number }[]) => xs.reduce((s, x) => s + x.share, 0);

describe('varianceShares', () => {
  it('shares add up to 1 on a realistic data set, from scores and from results', () => {
    const ds = metricsDataset(60);
    const matrix = deriveMetrics(ds, parsePeriod('2026Q1'), standard);
    const { results, model, scores } = resultsFromMatrix(ds, matrix, standard);
    const a = varianceShares(model, scores);
    expect(a.n).toBe(60);
    expect(a.variance).toBeGreaterThan(0);
    expect(sumOf(a.shares)).toBeCloseTo(1, 10);
    expect(a.shares.map((s) => s.id)).toEqual(standard.indicators.map((i) => i.id));
    // weight-0 indicators have no points and so no share
    expect(a.shares.find((s) => s.id === 'sales_satisfaction')!.share).toBe(0);
    const b = varianceSharesFromResults(results, exportedIndicators(standard).map((i) => i.id));
    expect(sumOf(b.shares)).toBeCloseTo(1, 10);
    // rounding points to cents barely moves the shares
    for (const s of b.shares) expect(s.share).toBeCloseTo(a.shares.find((x) => x.id === s.id)!.share, 3);
  });

  /** Two indicators, equal weights: win_rate spreads 0…120%, adoption_rate nearly constant. */
  function twoIndicators(adoption: (i: number) => number, threshold?: number) {
    const s: Scenario = {
      ...standard, indicators: [standard.indicators[0], standard.indicators[3]], profiles: { level: {}, domain: {} },
    };
    s.indicators = s.indicators.map((ind) => ({ ...ind, weight: 50 }));
    const n = 11;
    const ds = buildDataset({ staff: Array.from({ length: n }, (_, i) => ({ staff_id: `P${i}` })) });
    const matrix: MetricMatrix = {
      period: parsePeriod('2026Q1'), staffIndex: Int32Array.from({ length: n }, (_, i) => i),
      values: { win_rate: Float64Array.from({ length: n }, (_, i) => 7.2 * i), adoption_rate: Float64Array.from({ length: n }, (_, i) => adoption(i)) },
    };
    const { model, scores } = resultsFromMatrix(ds, matrix, s);
    return varianceShares(model, scores, { threshold });
  }

  it('flags a single indicator that explains more than half of the variance', () => {
    const check = twoIndicators((i) => 70 + (i % 2)); // adoption hardly varies
    expect(check.shares[0].share).toBeGreaterThan(0.95);
    expect(sumOf(check.shares)).toBeCloseTo(1, 12);
    expect(check.dominant).toBe('win_rate');
    expect(check.warning).toBe(true);
  });

  it('splits evenly between indicators that spread people alike, and honours the threshold', () => {
    // adoption at the same attainment as win_rate (8.4 of 70 ↔ 7.2 of 60): half each
    const even = twoIndicators((i) => 8.4 * i, 0.6);
    expect(even.shares[0].share).toBeCloseTo(0.5, 10);
    expect(even.shares[1].share).toBeCloseTo(0.5, 10);
    expect(even.warning).toBe(false);
    expect(even.dominant).toBeNull();
    const lenient = twoIndicators((i) => 70 + (i % 2), 0.9999);
    expect(lenient.shares[0].share).toBeGreaterThan(0.99);
    expect(lenient.warning).toBe(false);
    expect(lenient.threshold).toBe(0.9999);
  });

  it('gives NaN shares and no warning when the totals do not vary or nobody has a total', () => {
    const ds = buildDataset({ staff: [{ staff_id: 'A' }, { staff_id: 'B' }] });
    const winOnly: Scenario = { ...standard, indicators: [standard.indicators[0]], profiles: { level: {}, domain: {} } };
    const same = resultsFromMatrix(ds, { period: parsePeriod('2026Q1'), staffIndex: Int32Array.of(0, 1), values: { win_rate: Float64Array.of(60, 60) } }, winOnly);
    const flat = varianceShares(same.model, same.scores);
    expect(flat.shares[0].share).toBeNaN();
    expect(flat.warning).toBe(false);
    const none = resultsFromMatrix(ds, { period: parsePeriod('2026Q1'), staffIndex: Int32Array.of(0, 1), values: { win_rate: Float64Array.of(NaN, NaN) } }, winOnly);
    expect(varianceShares(none.model, none.scores).n).toBe(0);
    expect(varianceShares(none.model, none.scores).warning).toBe(false);
  });
});
