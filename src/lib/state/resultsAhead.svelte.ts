/**
 * The chosen period's result rows (ScoringState.computedResults) computed ahead, in slices,
 * while HR looks at a page that does not list people (the overview, the weights). At 10,000
 * staff building the rows is ~0.1 s of one task on a quiet PC (more under load): the first page
 * that listed people (People, Bonus, Meetings, a team report) froze while it ran (issue #19).
 * Computed ahead, that page finds them ready; read before they are ready, they are computed at
 * once as before. Either way the rows are the engine's `resultsFromMatrix` (the sliced run is
 * the same generator drained one piece per task).
 */
import { resultsFromMatrix, resultsFromMatrixSteps } from '../engine/results';
import type { Dataset } from '../engine/dataset';
import type { MetricMatrix, PersonResult, Scenario } from '../engine/types';
import { runSlices, type Cancel } from './slices';

/**
 * What one set of result rows is computed from. ScoringState makes a new object whenever one of
 * them changes, so one set of rows belongs to one object (compared by identity).
 */
export interface ResultsInputs {
  readonly dataset: Dataset;
  readonly matrix: MetricMatrix;
  /** the current scenario, slider weights written in */
  readonly scenario: Scenario;
  readonly weights: Float64Array;
}

/** The rows of the last inputs asked for, whoever computed them. */
export class ResultsMemo {
  #inputs: ResultsInputs | null = null;
  #rows: PersonResult[] = [];
  /** The run computing ahead, stopped when the rows arrive another way. */
  #ahead: Cancel | null = null;

  /** true when the rows of `inputs` are here. */
  has(inputs: ResultsInputs): boolean {
    return this.#inputs === inputs;
  }

  /** The rows of `inputs`: those computed ahead, else computed now (and kept). */
  rows(inputs: ResultsInputs): PersonResult[] {
    if (this.#inputs !== inputs) {
      this.put(inputs, resultsFromMatrix(inputs.dataset, inputs.matrix, inputs.scenario, { baseWeights: inputs.weights }).results);
    }
    return this.#rows;
  }

  put(inputs: ResultsInputs, rows: PersonResult[]): void {
    if (this.#ahead) this.#ahead.cancelled = true;
    this.#ahead = null;
    this.#inputs = inputs;
    this.#rows = rows;
  }

  /**
   * Computes the rows of `inputs` in slices (one piece per task) unless they are here; resolves
   * when they are, or with false once `job` was cancelled (or the rows came another way).
   * @example await memo.ahead(scoring.resultsInputs, { cancelled: false });
   */
  async ahead(inputs: ResultsInputs, job: Cancel, pause?: () => Promise<void>): Promise<boolean> {
    if (this.has(inputs)) return true;
    if (this.#ahead) this.#ahead.cancelled = true;
    this.#ahead = job;
    const run = await runSlices(resultsFromMatrixSteps(inputs.dataset, inputs.matrix, inputs.scenario, { baseWeights: inputs.weights }), job, pause);
    if (!run || job.cancelled) return false;
    this.put(inputs, run.results);
    return true;
  }
}

/** How long the inputs stay unchanged (a slider at rest) before the rows are computed ahead. */
export const AHEAD_AFTER_MS = 300;

/**
 * From now on, whenever `inputs()` changes and then stays for AHEAD_AFTER_MS, computes its rows
 * ahead into `memo` (in slices). `inputs()` returns null when nothing should be computed (no
 * period, data still loading). Call while a component initialises (App.svelte): it lives as
 * long as the component.
 * @example computeResultsAhead(() => (app.ready && !app.partial ? scoring.resultsInputs : null), scoring.resultsMemo);
 */
export function computeResultsAhead(inputs: () => ResultsInputs | null, memo: ResultsMemo, afterMs = AHEAD_AFTER_MS, pause?: () => Promise<void>): void {
  $effect(() => {
    const want = inputs();
    if (!want || memo.has(want)) return;
    const job: Cancel = { cancelled: false };
    const timer = setTimeout(() => void memo.ahead(want, job, pause), afterMs);
    return () => {
      job.cancelled = true;
      clearTimeout(timer);
    };
  });
}
