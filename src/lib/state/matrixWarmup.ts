/**
 * The metric matrix of the period and scenario in view, derived in slices (slices.ts) whatever
 * page is open, and remembered in the app's cache (derivedCache.ts): a big store's next cold open
 * starts from it, and the page that asks for the matrix next finds it there. App.svelte runs it
 * whenever the data set, the period or the metric parts of the scenario change — e.g. right
 * after an import on the Data page, where deriving it in one go (scoring.matrix) was a task of
 * ~40 ms at 200,000 rows on a quiet PC and several times that on a busy one.
 */
import type { MetricMatrix, Period, Scenario } from '../engine/types';
import { matrixKey } from './derivedCache';
import { matrixSteps } from './matrixSteps';
import { runSlices, type Cancel } from './slices';
import { metricsKey } from './scenarioKeys';
import type { ScoringApp } from './scoring.svelte';

/**
 * `matrixSteps` that stops as soon as the cache holds the matrix (a page derived it meanwhile,
 * in one go): no second derivation runs behind it.
 */
export function* warmMatrixSteps(app: ScoringApp, period: Period, scenario: Scenario): Generator<void, MetricMatrix | null, void> {
  const key = matrixKey(period, metricsKey(scenario));
  const steps = matrixSteps(app, period, scenario);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield;
    const hit = app.derived?.get(key);
    if (hit) return hit;
  }
}

/**
 * Derives (or finds) the matrix in slices; null when cancelled or the data changed meanwhile.
 * @example const job = { cancelled: false }; void warmMatrix(app, scoring.period, scoring.scenario, job);
 */
export function warmMatrix(app: ScoringApp, period: Period, scenario: Scenario, cancel: Cancel, pause?: () => Promise<void>): Promise<MetricMatrix | null> {
  return runSlices(warmMatrixSteps(app, period, scenario), cancel, pause);
}
