/**
 * One person's history beyond the chosen period (个人趋势): the totals of the four quarters of
 * its year under the current weights, and the win rate by industry. The four quarters' metrics
 * are derived over every stored row, so with a big store they wait until HR asks (personTrend.ts),
 * and they are derived in slices (quarterModels.ts) so that no page freezes meanwhile.
 */
import { untrack } from 'svelte';
import { winRateByIndustry } from '../engine/metrics';
import type { Period } from '../engine/types';
import { QuarterRuns, quarterInputs, quarterTotals, type QuarterInputs, type QuarterModel } from './quarterModels';
import { trendComesAtOnce } from './personTrend';
import type { ScoringState } from './scoring.svelte';

export class TrendState {
  readonly #scoring: ScoringState;
  /** HR asked for the trend of a big store: person pages and reports then show it. */
  asked = $state(false);
  /** Whether pages show the trend: at once for a store up to TREND_AUTO_ROWS, else once asked. */
  shown = $derived.by(() => trendComesAtOnce(this.#scoring.app.dataset) || this.asked);

  /** `new TrendState(scoring)`: the trend follows the scoring's period, scenario and weights. */
  constructor(scoring: ScoringState) {
    this.#scoring = scoring;
  }

  /** Bumped when a run of the quarters has finished: what read them reads them again. */
  #finished = $state(0);
  readonly #runs = new QuarterRuns(() => { this.#finished++; });

  /** What the quarters are computed from: the data, the chosen period's year, the scheme's metric and model parts. */
  #want = $derived.by((): QuarterInputs | null => {
    const scoring = this.#scoring;
    const p = scoring.period;
    void scoring.metricsKey;
    void scoring.modelKey;
    const { dataset: ds, partial } = scoring.app;
    // Not from the cache (four quarters would push the current period out of it), so not while the raw rows load.
    if (!p || partial) return null;
    return quarterInputs(ds, p.year, untrack(() => scoring.scenario));
  });

  /**
   * The quarters of the chosen period's year, each prepared once (weights re-score them
   * cheaply); null while they are derived in slices (quarterModels.ts), which reading starts.
   */
  get models(): QuarterModel[] | null {
    void this.#finished;
    const want = this.#want;
    return want ? this.#runs.ask(want) : null;
  }

  /** True while pages show the trend and its quarters are still being derived. */
  get computing(): boolean {
    return this.shown && this.#want !== null && this.models === null;
  }

  /**
   * One person's totals for the four quarters of the chosen period's year; null = not in scope,
   * no total, or a quarter without any data (count metrics would otherwise score a future
   * quarter 0). `[]` while the quarters are being derived.
   */
  quarterTotals(staffRow: number): { period: Period; total: number | null }[] {
    const models = this.models;
    if (!models) return [];
    return quarterTotals(models, staffRow, this.#scoring.weights, new Set(this.#scoring.app.periods.map((p) => p.id)));
  }

  /** Win rate by industry for one staff row in the chosen period. */
  industryWinRates(staffRow: number) {
    const { period: p, app, currentScenario } = this.#scoring;
    return p && !app.partial ? winRateByIndustry(app.dataset, staffRow, p, currentScenario) : [];
  }
}
