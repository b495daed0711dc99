import { describe, expect, it } from 'vitest';
import { bandCompareBars } from './bandCompare';
import type { BandCount } from '../engine/types';

const after: BandCount[] = [
  { band: 'S', target: 2, actual: 4, gap: 2 }, { band: 'A', target: 4, actual: 3, gap: -1 },
  { band: 'B', target: 12, actual: 11, gap: -1 }, { band: 'CD', target: 2, actual: 2, gap: 0 },
];
const before: BandCount[] = after.map((b, i) => ({ ...b, actual: [2, 4, 12, 2][i], gap: 0 }));

describe('bandCompareBars', () => {
  it('draws before, after and target per band on one scale; the tallest fills the plot', () => {
    const { groups, plotBottom } = bandCompareBars(after, before, 400, 120, 20);
    expect(plotBottom).toBe(100);
    expect(groups.map((g) => g.band)).toEqual(['S', 'A', 'B', 'CD']);
    expect(groups[0].bars.map((b) => [b.series, b.value])).toEqual([['original', 2], ['calibrated', 4], ['target', 2]]);
    const b = groups[2].bars;
    expect(b[0].y).toBeCloseTo(4);
    expect(b[0].height).toBeCloseTo(96);
    expect(b[1].height).toBeCloseTo(96 * 11 / 12);
    expect(groups[0].bars[1].x).toBeCloseTo(groups[0].x + groups[0].width / 3);
    expect(groups[1].x).toBeGreaterThan(groups[0].x + groups[0].width);
    expect(groups[0].gap).toBe(2);
  });

  it('keeps bars at zero height when nobody is graded', () => {
    const zero = after.map((b) => ({ ...b, actual: 0, target: 0, gap: 0 }));
    const { groups } = bandCompareBars(zero, zero, 200, 100);
    expect(groups.flatMap((g) => g.bars.map((b) => b.height))).toEqual(Array(12).fill(0));
  });
});
