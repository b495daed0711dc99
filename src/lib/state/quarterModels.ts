/**
 * The person trend's quarters (个人 page and one-page report): the scoring models of the four
 * quarters of a year, derived in slices (state/slices.ts), so asking for the trend never
 * freezes the page (four derivations over 1,000,000 rows take seconds); the last ones computed
 * are kept, so every person page and report of the same data and scheme reuses them.
 */
import type { Dataset } from '../engine/dataset';
import { deriveMetricsSteps } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { prepareScoring, scoreWithWeights, type ScoringModel } from '../engine/score';
import type { Period, Scenario } from '../engine/types';
import { runSlices, type Cancel } from './slices';
import { metricsKey, modelKey } from './scenarioKeys';

export interface QuarterModel {
  period: Period;
  model: ScoringModel;
  /** staff row → model row */
  rowOf: Map<number, number>;
}

/**
 * The four quarters of `year` under `scenario`, one derivation slice per pause. Not from the
 * matrix cache: four quarters would push the chosen period's matrices out of it.
 * `drainSlices(quarterModelSteps(ds, 2026, s)).map((q) => q.period.id)` → ['2026Q1', …, '2026Q4'].
 */
export function* quarterModelSteps(ds: Dataset, year: number, scenario: Scenario): Generator<void, QuarterModel[], void> {
  const out: QuarterModel[] = [];
  for (const q of [1, 2, 3, 4]) {
    const period = parsePeriod(`${year}Q${q}`);
    const matrix = yield* deriveMetricsSteps(ds, period, scenario);
    yield;
    const model = prepareScoring(ds, matrix, scenario);
    out.push({ period, model, rowOf: new Map(Array.from(model.staffIndex, (r, i) => [r, i] as const)) });
    yield;
  }
  return out;
}

/** What a QuarterRuns runs the quarters for: the data, the year, and a key of the scheme parts they read. */
export interface QuarterInputs { ds: Dataset; year: number; scenario: Scenario; key: string }

/** `quarterInputs(ds, 2026, s).key` is the same for two schemes that differ only in weights, grades or names. */
export const quarterInputs = (ds: Dataset, year: number, scenario: Scenario): QuarterInputs =>
  ({ ds, year, scenario, key: `${year}|${metricsKey(scenario)}|${modelKey(scenario)}` });

/**
 * One run of the quarters at a time: `ask(inputs)` returns the models once computed for the
 * same data and key, else null, and starts (or keeps) the run in slices that computes them,
 * dropping a run for other inputs. `onDone` is called when a run has finished.
 */
export class QuarterRuns {
  #done: { ds: Dataset; key: string; models: QuarterModel[] } | null = null;
  #running: { ds: Dataset; key: string; job: Cancel } | null = null;
  readonly #onDone: () => void;

  constructor(onDone: () => void) {
    this.#onDone = onDone;
  }

  ask(want: QuarterInputs): QuarterModel[] | null {
    const done = this.#done;
    if (done && done.ds === want.ds && done.key === want.key) return done.models;
    const running = this.#running;
    if (running && running.ds === want.ds && running.key === want.key) return null;
    if (running) running.job.cancelled = true;
    const job: Cancel = { cancelled: false };
    this.#running = { ds: want.ds, key: want.key, job };
    void runSlices(quarterModelSteps(want.ds, want.year, want.scenario), job).then((models) => {
      if (!models) return;
      this.#running = null;
      this.#done = { ds: want.ds, key: want.key, models };
      this.#onDone();
    });
    return null;
  }
}

/**
 * One person's totals in the four quarters with the current base weights; null = not in scope,
 * no total, or a quarter without any data (`withData`: ids of the periods that have data; count
 * metrics would otherwise score a future quarter 0).
 */
export function quarterTotals(
  models: readonly QuarterModel[], staffRow: number, weights: Float64Array, withData: ReadonlySet<string>,
): { period: Period; total: number | null }[] {
  return models.map(({ period, model, rowOf }) => {
    const i = rowOf.get(staffRow);
    if (i === undefined || !withData.has(period.id)) return { period, total: null };
    const t = scoreWithWeights(model, weights).total[i];
    return { period, total: Number.isNaN(t) ? null : t };
  });
}
