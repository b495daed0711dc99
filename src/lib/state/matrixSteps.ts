/**
 * The metric matrix of a period under a scenario, in slices (slices.ts): what
 * ScoringState.matrixFor gives, but deriving with deriveMetricsSteps, so a page that needs the
 * metrics of another scenario or quarter (Compare, the person trend) never freezes for the
 * most of a second a derivation over 1,000,000 rows takes. From the app's cache when this data
 * already gave it; remembered there once derived.
 */
import { deriveMetricsSteps } from '../engine/metrics';
import type { MetricMatrix, Period, Scenario } from '../engine/types';
import { matrixKey } from './derivedCache';
import { metricsKey } from './scenarioKeys';
import type { ScoringApp } from './scoring.svelte';

/**
 * Null while a cold open's raw rows are still loading (nothing to derive from yet), or when
 * the data changed during the derivation (the caller's run is restarted for the new data then).
 * `const m = yield* matrixSteps(scoring.app, period, scenario);`
 */
export function* matrixSteps(app: ScoringApp, period: Period, scenario: Scenario): Generator<void, MetricMatrix | null, void> {
  const key = matrixKey(period, metricsKey(scenario));
  const hit = app.derived?.get(key);
  if (hit) return hit;
  if (app.partial) return null;
  const dataset = app.dataset;
  const m = yield* deriveMetricsSteps(dataset, period, scenario);
  // Not remembered for data it was not derived from.
  if (app.dataset !== dataset) return null;
  app.rememberMatrix?.(key, m);
  return m;
}
