import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/types';
import { countAbove, nearMisses, scoreBins, thresholdMarks, totalCeiling } from './histogram';

describe('scoreBins', () => {
  it('bins the chosen rows from 0 to 100 in fixed steps', () => {
    const totals = Float64Array.of(72, 74, 91, 5, NaN);
    const bins = scoreBins(totals, [0, 1, 2, 4], 10);
    expect(bins).toHaveLength(10);
    expect(bins[7]).toEqual({ x0: 70, x1: 80, count: 2 });
    expect(bins[9]).toEqual({ x0: 90, x1: 100, count: 1 });
    expect(bins[0].count).toBe(0); // row 3 (5 points) was not chosen
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('puts a value on a bin edge into the upper bin and 100 into the last one', () => {
    const bins = scoreBins(Float64Array.of(80, 100, 0), [0, 1, 2], 10);
    expect(bins[8].count).toBe(1);
    expect(bins[9].count).toBe(1);
    expect(bins[0].count).toBe(1);
  });

  it('extends past 100 when a total with bonus or cap is higher', () => {
    const bins = scoreBins(Float64Array.of(117.3), [0], 5);
    expect(bins.at(-1)).toEqual({ x0: 115, x1: 120, count: 1 });
  });

  it('returns empty bins for nobody', () => {
    const bins = scoreBins(new Float64Array(0), [], 5);
    expect(bins).toHaveLength(20);
    expect(bins.every((b) => b.count === 0)).toBe(true);
  });
});

describe('thresholds', () => {
  it('marks each grade threshold', () => {
    expect(thresholdMarks({ S: 90, A: 80, B: 70, C: 60 }).map((m) => m.value)).toEqual([90, 80, 70, 60]);
  });

  it('counts people just below a threshold', () => {
    const marks = thresholdMarks({ S: 90, A: 80, B: 70, C: 60 });
    const totals = Float64Array.of(79.5, 79, 78.99, 80, 89.99, NaN);
    expect(nearMisses(totals, [0, 1, 2, 3, 4, 5], marks, 1)).toEqual({ S: 1, A: 2, B: 0, C: 0 });
  });
});

describe('countAbove', () => {
  it('counts totals strictly above the limit among the chosen rows, skipping empty ones', () => {
    const totals = Float64Array.of(99.99, 100, 100.01, 117, NaN);
    expect(countAbove(totals, [0, 1, 2, 3, 4])).toBe(2);
    expect(countAbove(totals, [0, 1, 2])).toBe(1);
    expect(countAbove(totals, [3], 120)).toBe(0);
  });
});

describe('totalCeiling', () => {
  const ind = (id: string, weight: number) => ({ id, weight }) as Scenario['indicators'][number];
  const rule = { cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0 };
  it('is 100 × the largest cap of a weighted indicator plus the enabled bonus items', () => {
    const s = {
      indicators: [ind('a', 10), ind('b', 0), ind('c', 5)],
      scoring: { ...rule, overrides: { b: { cap: 2 }, c: { cap: 1.5 } } },
      bonus_items: [
        { id: 'x', metric: 'm', max_points: 5, enabled: true },
        { id: 'y', metric: 'm', max_points: 7, enabled: false },
      ],
    };
    // b's cap 2 does not count: its weight is 0
    expect(totalCeiling(s)).toEqual({ cap: 1.5, bonus: 5, max: 155 });
  });

  it('falls back to the scenario cap when no indicator is weighted', () => {
    expect(totalCeiling({ indicators: [ind('a', 0)], scoring: { ...rule, overrides: {} }, bonus_items: [] })).toEqual({ cap: 1.2, bonus: 0, max: 120 });
  });
});
