/**
 * Weights as the Weights page shows them (spec §4): each weight as a share of the sum (weights
 * are relative), each category's share against the scenario's band, and each indicator's
 * share against the seed's range for it. Out of band is a warning, never a refusal.
 */
import type { Category } from '../engine/codes';
import { CATEGORIES } from '../engine/codes';
import type { Scenario } from '../engine/types';
// The seed's per-indicator ranges live with the engine's analyses, in one place.
import { seedBand } from '../engine/bands';

export interface IndicatorShare { id: string; category: Category; weight: number; share: number; band: [number, number] | null; inBand: boolean }
export interface CategoryShare { category: Category; weight: number; share: number; band: [number, number] | null; inBand: boolean }

// A share of 15.000000000001% is "15%": compare with a tolerance, not exactly.
const EPS = 1e-9;
const within = (x: number, b: [number, number] | null) => !b || (x >= b[0] - EPS && x <= b[1] + EPS);

/**
 * `weightShares(s.indicators, weights, s.category_bands)` with the standard weights (sum 100)
 * → win_rate share 18 in band [15, 20]; category result share 55 in band [50, 60].
 * An indicator with weight 0 and no band is "in band" (it is simply off).
 */
export function weightShares(
  indicators: readonly { id: string; category: Category }[],
  weights: ArrayLike<number>,
  categoryBands: Partial<Scenario['category_bands']>,
): { total: number; indicators: IndicatorShare[]; categories: CategoryShare[] } {
  let total = 0;
  for (let j = 0; j < indicators.length; j++) total += weights[j];
  const pct = (w: number) => (total > 0 ? (100 * w) / total : 0);
  const inds = indicators.map((ind, j) => {
    const b = seedBand(ind.id);
    const band: [number, number] | null = b ? [b[0], b[1]] : null;
    const share = pct(weights[j]);
    return { id: ind.id, category: ind.category, weight: weights[j], share, band, inBand: within(share, band) };
  });
  const categories = CATEGORIES.map((category) => {
    const weight = inds.filter((i) => i.category === category).reduce((s, i) => s + i.weight, 0);
    const band = categoryBands[category] ?? null;
    const share = pct(weight);
    return { category, weight, share, band, inBand: within(share, band) };
  });
  return { total, indicators: inds, categories };
}
