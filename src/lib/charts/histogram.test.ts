import { describe, expect, it } from 'vitest';
import { nearMisses, scoreBins, thresholdMarks } from './histogram';

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
