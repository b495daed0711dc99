/**
 * Is one indicator deciding everything? (seed: avoid 唯中标论, "win rate is all that counts".)
 * For each indicator: its share of the weights, the average points it gives, and its share of
 * the differences between people — cov(points_j, total) / var(total). Because the total is
 * the sum of the indicators' points (spec §5, before bonus items), these variance shares add
 * up to 1, so "win_rate explains 62% of the spread" is an exact decomposition, not a heuristic.
 */
import { DOMINANCE_SHARE, varianceSharesOfRows } from '../engine/varianceShare';

export { DOMINANCE_SHARE };

export interface Contribution {
  id: string;
  /** 0–100: base weight / Σ base weights */
  weightShare: number;
  /** mean points over the people shown (an N/A indicator counts 0: it adds nothing to the total) */
  meanPoints: number;
  /** 0–1 share of the variance of the total; NaN when everyone has the same total */
  varianceShare: number;
}

/**
 * `points` is n×k row-major (NaN = empty), `rows` the people to include (graded ones).
 * `indicatorContributions(['a','b'], 2, Float64Array.of(10, 5, 30, 5), [0, 1], [1, 1])` →
 * a: weightShare 50, meanPoints 20, varianceShare 1; b: meanPoints 5, varianceShare 0.
 */
export function indicatorContributions(
  ids: readonly string[],
  k: number,
  points: Float64Array,
  rows: ArrayLike<number>,
  baseWeights: ArrayLike<number>,
): Contribution[] {
  const m = rows.length;
  let wSum = 0;
  for (let j = 0; j < k; j++) wSum += baseWeights[j];
  const sum = new Float64Array(k);
  for (let r = 0; r < m; r++) {
    const base = rows[r] * k;
    for (let j = 0; j < k; j++) {
      const p = points[base + j];
      if (p === p) sum[j] += p;
    }
  }
  const { shares } = varianceSharesOfRows(ids, k, points, rows);
  return ids.map((id, j) => ({
    id,
    weightShare: wSum > 0 ? (100 * baseWeights[j]) / wSum : 0,
    meanPoints: m > 0 ? sum[j] / m : 0,
    varianceShare: shares[j].share,
  }));
}

/** The indicator with the largest variance share when it passes DOMINANCE_SHARE (one half), else null. */
export function dominantIndicator(cs: readonly Contribution[]): Contribution | null {
  let best: Contribution | null = null;
  for (const c of cs) if (c.varianceShare > DOMINANCE_SHARE && (!best || c.varianceShare > best.varianceShare)) best = c;
  return best;
}
