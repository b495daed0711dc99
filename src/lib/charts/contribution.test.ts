import { describe, expect, it } from 'vitest';
import { DOMINANCE_SHARE, dominantIndicator, indicatorContributions } from './contribution';

describe('indicatorContributions', () => {
  it('splits the spread of the total between indicators', () => {
    // person 0: a 10, b 5; person 1: a 30, b 5 → only a differs.
    const c = indicatorContributions(['a', 'b'], 2, Float64Array.of(10, 5, 30, 5), [0, 1], [1, 1]);
    expect(c[0]).toMatchObject({ id: 'a', weightShare: 50, meanPoints: 20, varianceShare: 1 });
    expect(c[1]).toMatchObject({ id: 'b', meanPoints: 5, varianceShare: 0 });
  });

  it('variance shares add up to 1 and N/A counts as 0 points', () => {
    const pts = Float64Array.of(
      10, NaN, 3,
      20, 8, 1,
      15, 4, 9,
      2, 6, 7,
    );
    const c = indicatorContributions(['a', 'b', 'c'], 3, pts, [0, 1, 2, 3], [18, 14, 13]);
    expect(c.reduce((s, x) => s + x.varianceShare, 0)).toBeCloseTo(1, 12);
    expect(c[1].meanPoints).toBeCloseTo((0 + 8 + 4 + 6) / 4, 12);
    expect(c[0].weightShare).toBeCloseTo(40, 12);
  });

  it('uses only the chosen rows', () => {
    const pts = Float64Array.of(10, 5, 30, 5, 99, 99);
    const c = indicatorContributions(['a', 'b'], 2, pts, [0, 1], [1, 3]);
    expect(c[0].meanPoints).toBe(20);
    expect(c[1].weightShare).toBe(75);
  });

  it('has no variance share when all totals are equal or nobody is shown', () => {
    const same = indicatorContributions(['a', 'b'], 2, Float64Array.of(10, 5, 5, 10), [0, 1], [1, 1]);
    expect(same.every((x) => Number.isNaN(x.varianceShare))).toBe(true);
    const none = indicatorContributions(['a'], 1, new Float64Array(0), [], [0]);
    expect(none[0]).toMatchObject({ meanPoints: 0, weightShare: 0 });
  });

  it('flags the indicator that decides most of the spread', () => {
    const c = indicatorContributions(['win_rate', 'b'], 2, Float64Array.of(0, 5, 30, 6, 15, 4), [0, 1, 2], [1, 1]);
    expect(c[0].varianceShare).toBeGreaterThan(DOMINANCE_SHARE);
    expect(dominantIndicator(c)?.id).toBe('win_rate');
    expect(dominantIndicator([{ id: 'x', weightShare: 50, meanPoints: 1, varianceShare: 0.3 }])).toBeNull();
  });
});
