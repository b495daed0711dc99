/**
 * A small seeded pseudo-random generator for the demo and benchmark data. Math.random
 * cannot be seeded, and the demo must be byte-identical for one seed, so every random
 * choice in src/lib/demo goes through one of these.
 */

import { mulberry32 } from '../engine/mulberry32';

/**
 * Convenience draws over one mulberry32 stream.
 * @example const rng = new Random(7); rng.int(1, 6); rng.pick(['a', 'b']); rng.normal();
 */
export class Random {
  readonly next: () => number;
  // Box–Muller yields normals in pairs; keeping the second one halves the cost.
  private spare: number | null = null;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Float in [min, max). */
  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** Picks xs[i] with probability weights[i] / Σ weights. */
  weighted<T>(xs: readonly T[], weights: readonly number[]): T {
    if (xs.length === 0 || xs.length !== weights.length) throw new Error('weighted: lists must be non-empty and of equal length');
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < xs.length; i++) {
      r -= weights[i];
      if (r < 0) return xs[i];
    }
    return xs[xs.length - 1];
  }

  /** Standard normal draw (mean 0, sd 1), scaled when mean/sd are given. */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return mean + sd * r * Math.cos(2 * Math.PI * v);
  }

  /** Poisson draw with mean lambda (Knuth; fine for the small means used here). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Number of successes in n trials of probability p. */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** A shuffled copy; the input is not mutated. */
  shuffle<T>(xs: readonly T[]): T[] {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** Logistic function, for turning a latent score into a probability. `logistic(0) === 0.5`. */
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** `clamp(120, 0, 100) === 100`. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
