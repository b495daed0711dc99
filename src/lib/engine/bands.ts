/**
 * The seed's weight range per default indicator (spec §4 table, column "seed range"), in
 * percent of the weight total. The workshop analyses (sensitivity sweep, Monte Carlo
 * robustness) move weights only inside these ranges. The optional indicators
 * (sales_satisfaction, customer_repeat_rate) and custom ones have no range: the seed only
 * suggests a value for them, so the analyses hold them at their current share.
 */
import type { Scenario } from './types';

/** `SEED_BANDS.win_rate` → [15, 20]. */
export const SEED_BANDS: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
  win_rate: [15, 20],
  sales_contribution: [10, 15],
  high_value_rate: [10, 15],
  adoption_rate: [5, 10],
  solution_quality: [10, 15],
  support_efficiency: [8, 12],
  insight_knowledge: [5, 10],
  professional_growth: [5, 8],
  teamwork_satisfaction: [3, 5],
  innovation: [2, 5],
});

/** The seed band of an indicator id, or null. `seedBand('innovation')` → [2, 5]; `seedBand('sales_satisfaction')` → null. */
export function seedBand(indicatorId: string): readonly [number, number] | null {
  return Object.hasOwn(SEED_BANDS, indicatorId) ? SEED_BANDS[indicatorId] : null;
}

/**
 * Indicator indices (scenario order) whose weight the analyses vary: those with a seed band
 * and a base weight > 0. An indicator switched off (weight 0) stays off: varying it would
 * answer "what if we added it", not "how robust is this scheme".
 * Standard preset → the 10 weighted indicators.
 */
export function bandedIndicators(s: Scenario): number[] {
  const out: number[] = [];
  s.indicators.forEach((ind, j) => { if (ind.weight > 0 && seedBand(ind.id)) out.push(j); });
  return out;
}
