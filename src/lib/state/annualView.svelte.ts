/**
 * The annual view of the quarters for the chosen period's year: each quarter's final results
 * (a closed quarter's snapshot, else computed under the current scenario with its overrides
 * applied) and the year's, joined per person (viewmodel/annualGrades.ts). Computed only when
 * a page reads `rows`; a quarter without any data has no grades (count metrics would score it 0).
 */
import { resultsFromMatrix } from '../engine/results';
import { parsePeriod } from '../engine/periods';
import type { Period, PersonResult } from '../engine/types';
import { annualGrades, type AnnualRow } from '../viewmodel/annualGrades';
import type { CalibrationState } from './calibration.svelte';
import type { ScoringState } from './scoring.svelte';

export class AnnualView {
  readonly scoring: ScoringState;
  readonly calibration: CalibrationState;

  constructor(scoring: ScoringState, calibration: CalibrationState) {
    this.scoring = scoring;
    this.calibration = calibration;
  }

  /** The year of the chosen period, or null. */
  year = $derived.by((): number | null => this.scoring.period?.year ?? null);

  /** Per staff_id: Q1–Q4 final grades and the annual one. */
  rows = $derived.by((): Map<string, AnnualRow> => {
    const year = this.year;
    if (year === null || this.scoring.app.partial) return new Map();
    const withData = new Set(this.scoring.app.periods.map((p) => p.id));
    const quarters = ([1, 2, 3, 4] as const).map((q) => this.#final(parsePeriod(`${year}Q${q}`), withData));
    return annualGrades(quarters, this.#final(parsePeriod(String(year)), withData));
  });

  #final(period: Period, withData: Set<string>): readonly PersonResult[] | null {
    const closed = this.calibration.closedFor(period.id);
    if (closed) return closed.results;
    if (!withData.has(period.id)) return null;
    const scoring = this.scoring;
    // The chosen period's computed rows are already there.
    let raw: readonly PersonResult[] = scoring.computedResults;
    if (scoring.period?.id !== period.id) {
      const matrix = scoring.matrixFor(period, scoring.currentScenario);
      if (!matrix) return null;
      raw = resultsFromMatrix(scoring.app.dataset, matrix, scoring.currentScenario, { baseWeights: scoring.weights }).results;
    }
    return this.calibration.applied(raw, scoring.currentScenario, period, scoring.app.dataset.staff.salary);
  }
}
