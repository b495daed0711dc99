/**
 * Custom metrics (spec §3, last paragraph): metrics a scenario defines with a `define` object,
 * computed from the same per-person activity and rating totals as the built-in ones.
 */
import { RATING_SOURCE } from './codes';
import { metricInfo, type MetricUnit } from './metricCatalog';
import type { MetricDefine, Scenario } from './types';

export interface CustomMetricDef { id: string; define: MetricDefine }

/**
 * The custom metrics of a scenario, in indicator order. A metric id defined twice keeps its
 * first definition; a `define` on a built-in id is ignored (the built-in definition stands —
 * the scenario parser is expected to refuse such a file, this is only the engine's safe side).
 */
export function customMetricDefs(scenario: Scenario): CustomMetricDef[] {
  const seen = new Set<string>();
  const defs: CustomMetricDef[] = [];
  for (const indicator of scenario.indicators) {
    for (const metric of indicator.metrics) {
      if (!metric.define || seen.has(metric.id) || metricInfo(metric.id)) continue;
      seen.add(metric.id);
      defs.push({ id: metric.id, define: metric.define });
    }
  }
  return defs;
}

/**
 * Display unit of a custom metric, in the terms of metricCatalog.ts:
 * `customMetricUnit({ kind: 'activity_count', types: ['demo'] })` → `{ unit: 'count', count: true }`.
 * A `column` metric's unit is unknown to the engine; it is shown as a plain score.
 */
export function customMetricUnit(define: MetricDefine): { unit: MetricUnit; count: boolean } {
  switch (define.kind) {
    case 'activity_count': return { unit: 'count', count: true };
    case 'activity_ratio': return { unit: 'percent', count: false };
    case 'rating_mean': return { unit: 'score', count: false };
    case 'column': return { unit: 'score', count: false };
  }
}

/** Activity types the custom metrics count, so the activity pass can total them. */
export function customActivityTypes(defs: CustomMetricDef[]): string[] {
  const types: string[] = [];
  for (const { define } of defs) {
    if (define.kind === 'activity_count') types.push(...define.types);
    else if (define.kind === 'activity_ratio') types.push(...define.numerator, ...define.denominator);
  }
  return types;
}

/** Σ count per tracked activity type and person: `sums[typeIndex.get(type) * n + person]`. */
export interface ActivityTotals { typeIndex: Map<string, number>; sums: Float64Array; n: number }
/** Σ rating value and number of ratings per source code and person: `[source * n + person]`. */
export interface RatingTotals { sum: Float64Array; count: Float64Array; n: number }

/** Σ count of `types` for person `i`; a type with no tracked totals counts 0. */
export function activitySum(acts: ActivityTotals, types: readonly string[], i: number): number {
  let total = 0;
  for (const type of types) {
    const k = acts.typeIndex.get(type);
    if (k !== undefined) total += acts.sums[k * acts.n + i];
  }
  return total;
}

/** Mean rating value of source code `source` for person `i`; NaN when there is none. */
export function ratingMean(ratings: RatingTotals, source: number, i: number): number {
  const c = ratings.count[source * ratings.n + i];
  return c > 0 ? ratings.sum[source * ratings.n + i] / c : NaN;
}

/**
 * One column (length n) per custom metric: activity_count is a count (never N/A),
 * activity_ratio N/A when its denominator is 0, rating_mean N/A without ratings (an unknown
 * source: N/A for everyone), column N/A until the metrics file fills it.
 */
export function deriveCustomMetrics(defs: CustomMetricDef[], acts: ActivityTotals, ratings: RatingTotals): Record<string, Float64Array> {
  const n = acts.n;
  const out: Record<string, Float64Array> = {};
  for (const { id, define } of defs) {
    const col = new Float64Array(n);
    switch (define.kind) {
      case 'activity_count':
        for (let i = 0; i < n; i++) col[i] = activitySum(acts, define.types, i);
        break;
      case 'activity_ratio':
        for (let i = 0; i < n; i++) {
          const den = activitySum(acts, define.denominator, i);
          col[i] = den > 0 ? (100 * activitySum(acts, define.numerator, i)) / den : NaN;
        }
        break;
      case 'rating_mean': {
        const source = Object.hasOwn(RATING_SOURCE, define.source) ? RATING_SOURCE[define.source as keyof typeof RATING_SOURCE] : -1;
        for (let i = 0; i < n; i++) col[i] = source < 0 ? NaN : ratingMean(ratings, source, i);
        break;
      }
      case 'column':
        col.fill(NaN);
        break;
    }
    out[id] = col;
  }
  return out;
}
