import { describe, expect, it } from 'vitest';
import { BandCounts, GradedRows } from './stableCounts';
import { bandCounts } from '../engine/forcedDistribution';
import { GRADE_NONE } from '../engine/grades';
import type { Graded } from './gradeAll';

const shares = { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 };
const N = GRADE_NONE;
/** Just what BandCounts reads of a grading. */
const graded = (final: number[], group = final.map(() => 0)) => ({ final: Uint8Array.from(final), group: Int32Array.from(group) }) as unknown as Graded;

describe('GradedRows', () => {
  it('keeps the rows with a grade, in order, and the same array while they stay the same', () => {
    const memo = new GradedRows();
    const rows = Int32Array.of(0, 1, 2, 3, 4);
    const first = memo.of(Uint8Array.of(0, N, 2, 3, N), rows);
    expect([...first]).toEqual([0, 2, 3]);
    // other grades, same people graded: same array
    expect(memo.of(Uint8Array.of(4, N, 1, 1, N), rows)).toBe(first);
    // a filter (fewer rows) or someone without a total any more: a new array
    const filtered = memo.of(Uint8Array.of(4, N, 1, 1, N), Int32Array.of(2, 3));
    expect(filtered).not.toBe(first);
    expect([...filtered]).toEqual([2, 3]);
    const fewer = memo.of(Uint8Array.of(4, N, N, 1, N), Int32Array.of(2, 3));
    expect([...fewer]).toEqual([3]);
    expect(memo.of(null, rows)).toHaveLength(0);
  });
});

describe('BandCounts', () => {
  it('counts as bandCounts does, and gives back the same array until a count changes', () => {
    const memo = new BandCounts();
    const rows = Int32Array.of(0, 1, 2, 3, 4, 5);
    const first = memo.of(graded([0, 1, 2, 2, 3, 4]), rows, 1, shares);
    expect(first).toEqual(bandCounts(Uint8Array.of(0, 1, 2, 2, 3, 4), shares, 6, [6]));
    // people swap bands, the counts stay: same array
    expect(memo.of(graded([1, 0, 2, 2, 4, 3]), rows, 1, shares)).toBe(first);
    // one more in A, one fewer in B: a new array with the new counts
    const next = memo.of(graded([1, 0, 1, 2, 4, 3]), rows, 1, shares);
    expect(next).not.toBe(first);
    expect(next.find((b) => b.band === 'A')!.actual).toBe(2);
    // quotas group by group: two groups of three
    const grouped = memo.of(graded([1, 0, 1, 2, 4, 3], [0, 0, 0, 1, 1, 1]), rows, 2, shares);
    expect(grouped).toEqual(bandCounts(Uint8Array.of(1, 0, 1, 2, 4, 3), shares, 6, [3, 3]));
    // no grading: zero counts
    expect(memo.of(null, rows, 1, shares).every((b) => b.actual === 0)).toBe(true);
  });
});
