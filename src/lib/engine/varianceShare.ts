/**
 * The "防唯中标论" check (seed: do not judge presales by the win rate alone): how much of
 * the spread of the totals each indicator accounts for. With T = Σ_j P_j (an indicator's
 * points P_j, N/A counted as 0 points, bonus items left out), Var(T) = Σ_j Cov(P_j, T), so
 * share_j = Cov(P_j, T) / Var(T) adds up to 1 over the indicators. A share can be negative
 * (an indicator that runs against the others) or exceed a weight's share: it measures what
 * separates people, not what the weights say. One indicator above half of the variance
 * means the ranking is effectively that indicator's ranking.
 */
import type { PersonResult } from './types';
import type { Scores, ScoringModel } from './score';

export interface VarianceShare { id: string; share: number }

export interface VarianceCheck {
  /** per indicator, in the order given; NaN when the totals do not vary (or fewer than 2 people) */
  shares: VarianceShare[];
  /** people counted: those with a total */
  n: number;
  /** population variance of the pre-bonus totals */
  variance: number;
  /** the indicator with the largest share above the threshold, else null */
  dominant: string | null;
  warning: boolean;
  threshold: number;
}

/** The decomposition over `n` people and `ids.length` indicators; `point(i, j)` is NaN-free. */
function decompose(ids: readonly string[], n: number, point: (i: number, j: number) => number, threshold: number): VarianceCheck {
  const k = ids.length;
  const mean = new Float64Array(k);
  let meanT = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const p = point(i, j);
      mean[j] += p;
      meanT += p;
    }
  }
  for (let j = 0; j < k; j++) mean[j] /= n;
  meanT /= n;
  // Centred second pass: totals sit near 80 with a spread of a few points, where Σx² − n·mean² loses digits.
  const cov = new Float64Array(k);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    let t = 0;
    for (let j = 0; j < k; j++) t += point(i, j);
    const dt = t - meanT;
    variance += dt * dt;
    for (let j = 0; j < k; j++) cov[j] += (point(i, j) - mean[j]) * dt;
  }
  variance = n > 0 ? variance / n : 0;
  // A spread below float noise of totals is no spread: shares would be noise divided by noise.
  const flat = n < 2 || variance <= 1e-18 * Math.max(1, meanT * meanT);
  const shares = ids.map((id, j) => ({ id, share: flat ? NaN : cov[j] / n / variance }));
  let dominant: string | null = null;
  let best = threshold;
  for (const s of shares) if (s.share > best) { best = s.share; dominant = s.id; }
  return { shares, n, variance, dominant, warning: dominant !== null, threshold };
}

/** The share above which one indicator is said to decide the ranking (issue: "more than half"). */
export const DOMINANCE_SHARE = 0.5;

/**
 * Variance shares over chosen rows of an n×k points matrix (NaN = no points, counted 0) —
 * what the overview shows for the people its filters keep.
 * `varianceSharesOfRows(['a','b'], 2, Float64Array.of(10, 5, 30, 5), [0, 1]).shares` → a: 1, b: 0.
 */
export function varianceSharesOfRows(
  ids: readonly string[], k: number, points: Float64Array, rows: ArrayLike<number>, threshold = DOMINANCE_SHARE,
): VarianceCheck {
  return decompose(ids, rows.length, (i, j) => {
    const p = points[rows[i] * k + j];
    return p === p ? p : 0;
  }, threshold);
}

/**
 * Variance shares from the scoring hot path's unrounded points (score.ts), people with a
 * total only. `varianceShares(model, scores).warning` → true when one indicator explains > 50%.
 */
export function varianceShares(model: ScoringModel, scores: Scores, opts: { threshold?: number } = {}): VarianceCheck {
  const { k } = model;
  const rows: number[] = [];
  for (let i = 0; i < model.n; i++) if (scores.total[i] === scores.total[i]) rows.push(i);
  const pts = scores.points;
  return decompose(model.indicatorIds, rows.length, (i, j) => {
    const p = pts[rows[i] * k + j];
    return p === p ? p : 0;
  }, opts.threshold ?? 0.5);
}

/**
 * The same from result rows (their points are rounded to 2 decimals, so T is the sum of
 * the rounded points). `varianceSharesFromResults(results, exportedIndicators(s).map((i) => i.id))`.
 */
export function varianceSharesFromResults(
  results: readonly PersonResult[], indicatorIds: readonly string[], opts: { threshold?: number } = {},
): VarianceCheck {
  const graded = results.filter((r) => r.total !== null);
  return decompose(indicatorIds, graded.length, (i, j) => graded[i].points[indicatorIds[j]] ?? 0, opts.threshold ?? 0.5);
}
