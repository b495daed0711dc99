/**
 * The annual view of the quarters for the chosen period's year: each quarter's final results
 * (a closed quarter's snapshot, else computed under the current scenario with its overrides
 * applied) and the year's, joined per person (viewmodel/annualGrades.ts). Computed when a page
 * reads `rows`, in slices (state/slices.ts: a quarter's metrics over 1,000,000 rows and five
 * periods of 10,000 result rows froze the page for seconds); a quarter without any data has no
 * grades (count metrics would score it 0).
 */
import { resultsFromMatrixSteps } from '../engine/results';
import { parsePeriod } from '../engine/periods';
import type { Period, PersonResult } from '../engine/types';
import { annualGrades, type AnnualRow } from '../viewmodel/annualGrades';
import type { CalibrationState } from './calibration.svelte';
import { matrixSteps } from './matrixSteps';
import type { ScoringState } from './scoring.svelte';
import { runSlices, type Cancel } from './slices';

const NONE: ReadonlyMap<string, AnnualRow> = new Map();

export class AnnualView {
  readonly scoring: ScoringState;
  readonly calibration: CalibrationState;
  /** Bumped when a run has finished: `rows` is read again. */
  #finished = $state(0);
  #done: { inputs: object; rows: ReadonlyMap<string, AnnualRow> } | null = null;
  #running: { inputs: object; job: Cancel } | null = null;

  constructor(scoring: ScoringState, calibration: CalibrationState) {
    this.scoring = scoring;
    this.calibration = calibration;
  }

  /** The year of the chosen period, or null. */
  year = $derived.by((): number | null => this.scoring.period?.year ?? null);

  /** Everything the rows are computed from: a new object whenever any of it changes. */
  #inputs = $derived.by((): { year: number } | null => {
    const year = this.year;
    const s = this.scoring;
    if (year === null || s.app.partial) return null;
    void [s.app.dataset, s.app.periods, s.period, s.currentScenario, s.weights, s.computedResults];
    for (const id of [1, 2, 3, 4].map((q) => `${year}Q${q}`).concat(String(year))) {
      void this.calibration.closedFor(id);
      void this.calibration.overridesFor(id);
    }
    return { year };
  });

  /**
   * Per staff_id: Q1–Q4 final grades and the annual one; empty while they are being computed
   * (reading starts the computation, `computing` says so).
   */
  get rows(): ReadonlyMap<string, AnnualRow> {
    void this.#finished;
    const inputs = this.#inputs;
    if (!inputs) return NONE;
    if (this.#done?.inputs === inputs) return this.#done.rows;
    if (this.#running?.inputs !== inputs) {
      if (this.#running) this.#running.job.cancelled = true;
      const job: Cancel = { cancelled: false };
      this.#running = { inputs, job };
      void runSlices(this.#steps(inputs.year), job).then((rows) => {
        if (!rows) return;
        this.#running = null;
        this.#done = { inputs, rows };
        this.#finished++;
      });
    }
    return NONE;
  }

  /** True while the rows for the current inputs are being computed. */
  get computing(): boolean {
    return this.#inputs !== null && this.rows === NONE;
  }

  *#steps(year: number): Generator<void, Map<string, AnnualRow>, void> {
    const withData = new Set(this.scoring.app.periods.map((p) => p.id));
    const quarters: (readonly PersonResult[] | null)[] = [];
    for (const q of [1, 2, 3, 4]) quarters.push(yield* this.#final(parsePeriod(`${year}Q${q}`), withData));
    const annual = yield* this.#final(parsePeriod(String(year)), withData);
    return annualGrades(quarters, annual);
  }

  *#final(period: Period, withData: Set<string>): Generator<void, readonly PersonResult[] | null, void> {
    const closed = this.calibration.closedFor(period.id);
    if (closed) return closed.results;
    if (!withData.has(period.id)) return null;
    const scoring = this.scoring;
    // The chosen period's computed rows are already there.
    let raw: readonly PersonResult[] = scoring.computedResults;
    if (scoring.period?.id !== period.id) {
      const matrix = yield* matrixSteps(scoring.app, period, scoring.currentScenario);
      if (!matrix) return null;
      yield;
      raw = (yield* resultsFromMatrixSteps(scoring.app.dataset, matrix, scoring.currentScenario, { baseWeights: scoring.weights })).results;
    }
    yield;
    return this.calibration.applied(raw, scoring.currentScenario, period, scoring.app.dataset.staff.salary);
  }
}
