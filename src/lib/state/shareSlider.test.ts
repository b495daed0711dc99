import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moveShare, shareOf, shareRange } from './shareSlider';

const STANDARD = [18, 12, 12, 8, 13, 10, 8, 8, 6, 5, 0, 0];
const none = (n: number) => new Array<boolean>(n).fill(false);
const total = (w: ArrayLike<number>) => Array.from(w).reduce((s, x) => s + x, 0);
const shares = (w: ArrayLike<number>) => Array.from(w, (_, j) => shareOf(w, j));

describe('moveShare', () => {
  it('puts the moved indicator at the share asked and rescales the others in proportion', () => {
    const w = moveShare([18, 10, 72], 0, 28, none(3));
    expect(w[0]).toBeCloseTo(28, 12);
    expect(w[1] / w[2]).toBeCloseTo(10 / 72, 12);
    expect(total(w)).toBeCloseTo(100, 12);
  });

  it('keeps the weight total, whatever it was', () => {
    const w = moveShare([2, 3, 5], 1, 50, none(3));
    expect(total(w)).toBeCloseTo(10, 12);
    expect(shareOf(w, 1)).toBeCloseTo(50, 12);
  });

  it('clamps a share beyond the scale to its end: 100 % puts every other unlocked weight at 0', () => {
    const w = moveShare(STANDARD, 0, 1e308, none(12));
    expect(shareOf(w, 0)).toBe(100);
    expect(Array.from(w).slice(1).every((x) => x === 0)).toBe(true);
    expect(shareOf(moveShare(STANDARD, 0, -5, none(12)), 0)).toBe(0);
  });

  it('a locked share stays, and bounds how far the others go', () => {
    const locked = none(12);
    locked[1] = true; // sales_contribution 12 %
    expect(shareRange(STANDARD, 0, locked)).toEqual([0, 88]);
    const w = moveShare(STANDARD, 0, 100, locked);
    expect(shareOf(w, 0)).toBeCloseTo(88, 12);
    expect(shareOf(w, 1)).toBeCloseTo(12, 12);
    expect(shareRange(STANDARD, 1, locked)).toEqual([12, 12]);
    // A locked slider does not move at all.
    expect(Array.from(moveShare(STANDARD, 1, 40, locked))).toEqual(STANDARD);
  });

  it('does not switch on an indicator that is off while others can take the rest', () => {
    const w = moveShare(STANDARD, 0, 30, none(12));
    expect(w[10]).toBe(0);
    expect(w[11]).toBe(0);
  });

  it('after one slider took 100 %, moving it down shares the rest like the fallback (the saved weights)', () => {
    const all = moveShare(STANDARD, 0, 100, none(12));
    const back = moveShare(all, 0, 18, none(12), STANDARD);
    STANDARD.forEach((x, j) => expect(back[j]).toBeCloseTo(x, 9));
    // No fallback: the rest is shared equally.
    const equal = moveShare([0, 0, 0], 0, 40, none(3));
    expect(Array.from(equal)).toEqual([40, 30, 30]);
  });

  it('a share so close to 100 % that the others would fall below 10⁻⁶ switches them off (the file could not hold them)', () => {
    const w = moveShare(STANDARD, 0, 99.9999999999, none(12));
    for (let k = 1; k < 12; k++) expect(w[k] === 0 || w[k] >= 1e-6).toBe(true);
  });

  it('does not change the array it is given', () => {
    const from = Float64Array.from(STANDARD);
    moveShare(from, 0, 50, none(12));
    expect(Array.from(from)).toEqual(STANDARD);
  });
});

describe('any sequence of key presses and drags', () => {
  type Step = { kind: 'key'; j: number; key: 'ArrowLeft' | 'ArrowRight' | 'PageUp' | 'PageDown' | 'Home' | 'End' }
    | { kind: 'drag'; j: number; to: number } | { kind: 'lock'; j: number };
  const step = fc.oneof(
    fc.record({ kind: fc.constant('key' as const), j: fc.nat(11), key: fc.constantFrom('ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End') }),
    fc.record({ kind: fc.constant('drag' as const), j: fc.nat(11), to: fc.double({ min: -50, max: 200, noNaN: true }) }),
    fc.record({ kind: fc.constant('lock' as const), j: fc.nat(11) }),
  ) as fc.Arbitrary<Step>;
  // What the range input (min 0, max 100, step 0.5) hands over for each key, from the share shown.
  const keyValue = (share: number, key: string) => {
    const v = { ArrowLeft: share - 0.5, ArrowRight: share + 0.5, PageUp: share + 10, PageDown: share - 10, Home: 0, End: 100 }[key]!;
    return Math.min(100, Math.max(0, Math.round(v * 2) / 2));
  };

  it('keeps every share within 0–100 %, their sum at 100 %, the total, and locked shares', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      let w = Float64Array.from(STANDARD);
      const locked = none(12);
      for (const s of steps) {
        if (s.kind === 'lock') { locked[s.j] = !locked[s.j]; continue; }
        const before = shares(w);
        const to = s.kind === 'key' ? keyValue(before[s.j], s.key) : Math.min(100, Math.max(0, s.to));
        w = moveShare(w, s.j, to, locked, STANDARD);
        const after = shares(w);
        for (const x of after) { expect(x).toBeGreaterThanOrEqual(0); expect(x).toBeLessThanOrEqual(100 + 1e-9); }
        expect(after.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
        expect(total(w)).toBeCloseTo(100, 6);
        locked.forEach((l, k) => { if (l && k !== s.j) expect(after[k]).toBeCloseTo(before[k], 6); });
      }
    }), { numRuns: 500 });
  });
});
