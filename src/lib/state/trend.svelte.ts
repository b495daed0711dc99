/**
 * One person's history beyond the chosen period (个人趋势): the totals of the four quarters of
 * its year under the current weights, and the win rate by industry. The four quarters' metrics
 * are derived over every stored row, so with a big store they wait until HR asks (personTrend.ts).
 */
import { untrack } from 'svelte';
import { deriveMetrics, winRateByIndustry } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { prepareScoring, scoreWithWeights } from '../engine/score';
import type { Period } from '../engine/types';
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

  /** The quarters of the chosen period's year, each prepared once (weights re-score them cheaply). */
  #quarterModels = $derived.by(() => {
    const scoring = this.#scoring;
    const p = scoring.period;
    void scoring.metricsKey;
    void scoring.modelKey;
    const { dataset: ds, partial } = scoring.app;
    // Not from the cache (four quarters would push the current period out of it), so not while the raw rows load.
    if (!p || partial) return [];
    const s = untrack(() => scoring.scenario);
    return ([1, 2, 3, 4] as const).map((q) => {
      const period = parsePeriod(`${p.year}Q${q}`);
      const model = prepareScoring(ds, deriveMetrics(ds, period, s), s);
      const rowOf = new Map(Array.from(model.staffIndex, (r, i) => [r, i] as const));
      return { period, model, rowOf };
    });
  });

  /**
   * One person's totals for the four quarters of the chosen period's year; null = not in scope,
   * no total, or a quarter without any data (count metrics would otherwise score a future quarter 0).
   */
  quarterTotals(staffRow: number): { period: Period; total: number | null }[] {
    const withData = new Set(this.#scoring.app.periods.map((p) => p.id));
    const weights = this.#scoring.weights;
    return this.#quarterModels.map(({ period, model, rowOf }) => {
      const i = rowOf.get(staffRow);
      if (i === undefined || !withData.has(period.id)) return { period, total: null };
      const t = scoreWithWeights(model, weights).total[i];
      return { period, total: Number.isNaN(t) ? null : t };
    });
  }

  /** Win rate by industry for one staff row in the chosen period. */
  industryWinRates(staffRow: number) {
    const { period: p, app, currentScenario } = this.#scoring;
    return p && !app.partial ? winRateByIndustry(app.dataset, staffRow, p, currentScenario) : [];
  }
}
