import { describe, expect, it } from 'vitest';
import { clamp, logistic, Random } from './random';

describe('Random', () => {
  it('int stays in [min, max] and reaches both ends', () => {
    const rng = new Random(5);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('normal has mean ≈ 0 and sd ≈ 1, scaled by mean and sd', () => {
    const rng = new Random(9);
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    const ys = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    expect(Math.abs(ys.reduce((a, b) => a + b, 0) / ys.length - 10)).toBeLessThan(0.06);
  });

  it('poisson and binomial have the right means; poisson(0) is 0', () => {
    const rng = new Random(11);
    const p = Array.from({ length: 20_000 }, () => rng.poisson(3.5));
    expect(Math.abs(p.reduce((a, b) => a + b, 0) / p.length - 3.5)).toBeLessThan(0.06);
    expect(rng.poisson(0)).toBe(0);
    const b = Array.from({ length: 5000 }, () => rng.binomial(10, 0.3));
    expect(Math.abs(b.reduce((a, c) => a + c, 0) / b.length - 3)).toBeLessThan(0.08);
    expect(b.every((k) => k >= 0 && k <= 10)).toBe(true);
  });

  it('weighted follows the weights and never picks a zero weight', () => {
    const rng = new Random(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
  });

  it('rejects empty or mismatched lists', () => {
    const rng = new Random(1);
    expect(() => rng.pick([])).toThrow(/empty/);
    expect(() => rng.weighted(['a'], [1, 2])).toThrow(/equal length/);
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const copy = input.slice();
    const out = new Random(4).shuffle(input);
    expect(input).toEqual(copy);
    expect([...out].sort((a, b) => a - b)).toEqual(copy);
    expect(out).not.toEqual(copy);
  });

  it('is reproducible across instances with the same seed', () => {
    const a = new Random(77), b = new Random(77);
    const draw = (r: Random) => [r.int(0, 100), r.normal(), r.poisson(2), r.pick(['x', 'y', 'z']), r.uniform(1, 2)];
    expect(draw(a)).toEqual(draw(b));
  });
});

describe('logistic and clamp', () => {
  it.each([
    [0, 0.5], [Infinity, 1], [-Infinity, 0],
  ])('logistic(%s) = %s', (x, y) => expect(logistic(x)).toBe(y));
  it('clamps', () => {
    expect([clamp(-1, 0, 10), clamp(5, 0, 10), clamp(11, 0, 10)]).toEqual([0, 5, 10]);
  });
});
