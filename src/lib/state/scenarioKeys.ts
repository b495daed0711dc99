/**
 * What parts of a scenario each cached step of ScoringState reads, as comparable keys: the
 * slider's fast path depends on a weight change leaving metricsKey and modelKey unchanged.
 */
import type { Scenario } from '../engine/types';

/** The parts of a scenario deriveMetrics reads: `metricsKey(a) === metricsKey(b)` ⇒ same matrix. */
export function metricsKey(s: Scenario): string {
  return JSON.stringify([
    s.high_value_threshold, s.strategic_industries, s.strategic_industry_multiplier, s.role_coefficients,
    s.indicators.map((i) => i.metrics.map((m) => [m.id, m.define ?? null])),
  ]);
}

/**
 * metricsKey without the project parameters (strategic industries, multiplier, high-value
 * threshold, role coefficients): equal keys ⇒ rederiveProjectMetrics (engine/metrics.ts) turns
 * one matrix into the other's.
 */
export function metricsKeyBesidesProjects(s: Scenario): string {
  return JSON.stringify(s.indicators.map((i) => i.metrics.map((m) => [m.id, m.define ?? null])));
}

/**
 * The parts prepareScoring reads: everything except base weights, grades, forced distribution,
 * names, the bonus pay (share, coefficients) and the promotion rule, which only the results read.
 */
export function modelKey(s: Scenario): string {
  const {
    name: _n, name_zh: _z, note: _o, note_zh: _oz, grades: _g, forced_distribution: _f, category_bands: _c, bonus: _b, promotion: _p, ...rest
  } = s;
  return JSON.stringify({ ...rest, indicators: s.indicators.map((i) => ({ ...i, weight: 0, label_zh: '', label_en: '' })) });
}

/** Everything of a scenario except its base weights (what "unsaved changes" compares besides weights). */
export function rulesKey(s: Scenario): string {
  return JSON.stringify({ ...s, indicators: s.indicators.map((i) => ({ ...i, weight: 0 })) });
}

/** The scenario with `weights` as its base weights (indicator order); the input is not changed. */
export function withWeights(s: Scenario, weights: ArrayLike<number>): Scenario {
  return { ...s, indicators: s.indicators.map((ind, j) => ({ ...ind, weight: weights[j] })) };
}
