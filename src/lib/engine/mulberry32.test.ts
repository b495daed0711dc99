import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32';

describe('mulberry32', () => {
  it('gives the reference sequence for a seed, in [0, 1)', () => {
    const next = mulberry32(42);
    expect(next()).toBe(0.6011037519201636);
    expect(next()).toBe(0.44829055899754167);
    const again = mulberry32(42);
    const xs = Array.from({ length: 10_000 }, () => again());
    expect(xs[0]).toBe(0.6011037519201636);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });

  it('differs between seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});
