/**
 * The §8 results CSV of the chosen period under the current scenario (导出), as the Export page
 * downloads it and previews its first lines. The calibration writes the text: an
 * `override_reason` column follows final_grade when the period has overrides.
 */
import type { CalibrationState } from './calibration.svelte';
import type { ScoringState } from './scoring.svelte';

export class ResultsExport {
  readonly #scoring: ScoringState;
  readonly #calibration: CalibrationState;

  /** `new ResultsExport(scoring, calibration)` (createAppState in appStates.svelte.ts). */
  constructor(scoring: ScoringState, calibration: CalibrationState) {
    this.#scoring = scoring;
    this.#calibration = calibration;
  }

  /** The whole CSV (with BOM); '' without a period. */
  csv(): string {
    const { period: p, computedResults, currentScenario, app } = this.#scoring;
    return p ? this.#calibration.exportCsv(computedResults, currentScenario, p, app.dataset.staff.salary) : '';
  }

  /**
   * The first `lines` data lines of `csv()` (the header not included), without writing the
   * rest: at 10,000 staff the whole text takes ~⅓ s, too long for opening the Export page.
   * With calibration overrides the column set depends on every row, so the whole text is written.
   */
  preview(lines: number): string[] {
    const { period: p, computedResults, currentScenario, app } = this.#scoring;
    if (!p) return [];
    const calibration = this.#calibration;
    const rows = calibration.overridesFor(p.id).length > 0 ? computedResults : computedResults.slice(0, lines);
    return calibration.exportCsv(rows, currentScenario, p, app.dataset.staff.salary)
      .replace(/^\ufeff/, '').split(/\r?\n/).slice(1, 1 + lines);
  }
}
