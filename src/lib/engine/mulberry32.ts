/**
 * A seeded pseudo-random stream: the robustness study (robustness.ts) draws its weight
 * combinations from it so a run is reproducible, and the demo generator (src/lib/demo/random.ts)
 * builds its draws on it. Math.random cannot be seeded.
 */

/**
 * mulberry32: 32-bit state, period 2^32, fast and good enough for synthetic data (not for
 * anything secret). Returns a function giving floats in [0, 1).
 * @example const next = mulberry32(42); next(); // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
