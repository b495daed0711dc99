import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round2, round2Exact, roundInt } from './rounding';

describe('round2 (spec §5: 9 decimals first, then half away from zero)', () => {
  it.each([
    [6.274999999999999, 6.28], // binary noise below .275 counts as .275
    [6.275, 6.28],
    [6.2749999, 6.27], // a real difference at the 7th decimal is kept
    [1.005, 1.01],
    [-1.005, -1.01],
    [-6.274999999999999, -6.28],
    [0.125, 0.13],
    [114.735, 114.74],
    [0.1 + 0.2, 0.3],
    [2.675, 2.68],
    [99.99499999, 99.99],
    [99.995, 100],
    [0, 0],
    [-0.001, 0], // +0, never -0
    [12345678.125, 12345678.13], // beyond the fast path
    [1e22, 1e22],
  ])('round2(%s) = %s', (x, want) => {
    expect(round2(x)).toBe(want);
  });

  it('keeps NaN and infinities', () => {
    expect(round2(NaN)).toBeNaN();
    expect(round2(Infinity)).toBe(Infinity);
    expect(round2(-Infinity)).toBe(-Infinity);
  });

  it('the fast path agrees with the exact decimal route on any number', () => {
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
      expect(round2(x)).toBe(round2Exact(x));
    }));
  });

  it('agrees with the exact route on half-cent ties', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (c) => {
      const x = (c + 0.5) / 100;
      expect(round2(x)).toBe(round2Exact(x));
      // half away from zero: +x.xx5 goes up, −x.xx5 goes down
      expect(round2(x)).toBe(c >= 0 ? (c + 1) / 100 : -Math.abs(c) / 100);
    }));
  });

  it('gives a number whose 2-decimal text is itself (safe for toFixed(2))', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
      const r = round2(x);
      expect(Number(r.toFixed(2))).toBe(r);
    }));
  });
});

describe('roundInt (quota counts)', () => {
  it.each([
    [2.5, 3],
    [-2.5, -3],
    [0.49999999999, 1], // 0.5 after dropping noise beyond 9 decimals
    [0.4999, 0],
    [0.1 * 25, 3], // 2.5000000000000004
    [0.15 * 10, 2], // 1.5
    [0.35 * 10, 4], // 3.4999999999999996 → 3.5 → 4
    [7, 7],
  ])('roundInt(%s) = %s', (x, want) => {
    expect(roundInt(x)).toBe(want);
  });
});
