/**
 * The metric matrix of the period and scenario in view, derived in slices (slices.ts) whatever
 * page is open, and remembered in the app's cache (derivedCache.ts): a big store's next cold open
 * starts from it, and the page that asks for the matrix next finds it there. App.svelte runs it
 * whenever the data set, the period or the metric parts of the scenario change — e.g. right
 * after an import on the Data page, where deriving it in one go (scoring.matrix) was a task of
 * ~40 ms at 200,000 rows on a quiet PC and several times that on a busy one. Work that reads
 * scoring.matrix without a page asking for it (the result rows computed ahead) waits for `ready`.
 */
import { untrack } from 'svelte';
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

/** What MatrixWarmup reads: AppState and ScoringState satisfy it. */
export interface WarmupInputs {
  app: ScoringApp & { readonly ready?: boolean };
  scoring: { readonly period: Period | null; readonly metricsKey: string; readonly scenario: Scenario };
}

/**
 * From now on (made while a component initialises: App.svelte), whenever the data set, the
 * period or the metric parts of the scenario change, derives the matrix in view in slices.
 * `ready` is true while the app's cache holds the matrix of what is in view: reading
 * scoring.matrix then costs a lookup, not a derivation.
 * @example const warm = new MatrixWarmup({ app, scoring }); … if (warm.ready) void scoring.matrix;
 */
export class MatrixWarmup {
  ready = $state(false);

  constructor({ app, scoring }: WarmupInputs, pause?: () => Promise<void>) {
    $effect(() => {
      this.ready = false;
      if (!app.ready || app.partial) return;
      void app.dataset;
      void scoring.metricsKey;
      const period = scoring.period;
      if (!period) return;
      const job: Cancel = { cancelled: false };
      void warmMatrix(app, period, untrack(() => scoring.scenario), job, pause).then((m) => {
        if (!job.cancelled && m) this.ready = true;
      });
      return () => { job.cancelled = true; };
    });
  }
}
