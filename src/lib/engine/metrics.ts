/**
 * Metric derivation (spec §3): from the columnar Dataset to one value per in-scope staff
 * member and metric for a period. One pass per table into typed-array accumulators; no
 * object is allocated per row, so a million rows derive in well under a second.
 */
import { KNOWN_ACTIVITY_TYPES, RATING_SOURCE, RATING_SOURCES, REQUEST_TYPE, REVIEW_KIND, ROLE, STATUS } from './codes';
import { cohortMetricsSteps } from './cohort';
import {
  activitySum, customActivityTypes, customMetricDefs, deriveCustomMetrics, ratingMean,
  type ActivityTotals, type RatingTotals,
} from './customMetrics';
import type { Dataset } from './dataset';
import { METRICS } from './metricCatalog';
import { addMonthsToDay, isInScope, parsePeriod } from './periods';
import type { MetricMatrix, Period, Scenario } from './types';

const DAY_SECONDS = 86_400;
const RESPONSE_LIMIT = 24 * 3600; // "≤ 24 h" includes exactly 24:00:00
const DELIVERY_LIMIT = 48 * 3600;
const DEFAULT_SCALE_MAX = 5;

/**
 * Rows of a table read between two pauses of `deriveMetricsSteps`: tens of ms in Chromium on
 * a busy PC, so a slice stays well inside the 100 ms a page may be busy at a time.
 */
export const ROWS_PER_SLICE = 50_000;
/** A computation that pauses between slices and ends with a T. */
export type Steps<T = void> = Generator<void, T, void>;
/** Runs `steps` to its end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The built-in rating means: metric id → rating source. */
const RATING_METRICS: readonly [string, number][] = [
  ['assessment_score', RATING_SOURCE.assessment], ['knowledge_test', RATING_SOURCE.knowledge_test],
  ['cross_team_score', RATING_SOURCE.cross_team], ['customer_satisfaction', RATING_SOURCE.customer],
  ['sales_satisfaction', RATING_SOURCE.sales_support],
];
/** The built-in activity counts: metric id → the activity types it sums. */
const ACTIVITY_METRICS: readonly [string, readonly string[]][] = [
  ['visits', ['visit']], ['insight_reports', ['insight_report']], ['requirement_feedback', ['requirement_feedback']],
  ['kb_contributions', ['kb_contribution']], ['certifications', ['certification']], ['training_sessions', ['training']],
  ['innovation_count', ['suggestion_adopted', 'innovation_case', 'process_improvement']],
];

/** Who is in scope for a period, and where each staff_id's values go. */
export interface Scope {
  /** staff_id → staff row (first row of a duplicated id); ids absent here are ignored */
  staffRow: Map<string, number>;
  /** staff row → output slot 0…n−1, or −1 when out of scope */
  slot: Int32Array;
  staffIndex: Int32Array;
  n: number;
}

export function scopeOf(ds: Dataset, period: Period): Scope {
  const staffRow = new Map<string, number>();
  const slot = new Int32Array(ds.staff.length).fill(-1);
  const rows: number[] = [];
  for (let r = 0; r < ds.staff.length; r++) {
    const id = ds.staff.staff_id[r];
    if (staffRow.has(id)) continue;
    staffRow.set(id, r);
    if (isInScope(ds, r, period)) {
      slot[r] = rows.length;
      rows.push(r);
    }
  }
  return { staffRow, slot, staffIndex: Int32Array.from(rows), n: rows.length };
}

export function slotOf(scope: Scope, staffId: string): number {
  const r = scope.staffRow.get(staffId);
  return r === undefined ? -1 : scope.slot[r];
}

export const ratio = (num: number, den: number): number => (den > 0 ? (100 * num) / den : NaN);

/** Trimmed-exact match of spec §3: w = multiplier for a strategic industry, else 1; cached per raw cell text. */
export function industryWeigher(scenario: Scenario): (industry: string) => number {
  const strategic = new Set(scenario.strategic_industries.map((s) => s.trim()));
  if (strategic.size === 0) return () => 1;
  const cache = new Map<string, number>();
  return (industry) => {
    let w = cache.get(industry);
    if (w === undefined) cache.set(industry, (w = strategic.has(industry.trim()) ? scenario.strategic_industry_multiplier : 1));
    return w;
  };
}

/**
 * win_rate, sales_contribution, high_value_rate, adoption_rate; collects the cohort rows
 * (won participations decided in [P.start − 12 months, P.start)) for cohort.ts.
 */
function* projectMetrics(ds: Dataset, period: Period, scenario: Scenario, scope: Scope, out: Record<string, Float64Array>): Steps {
  const p = ds.projects;
  const n = scope.n;
  const weightSum = new Float64Array(n);
  const wonWeight = new Float64Array(n);
  const decided = new Float64Array(n);
  const highValue = new Float64Array(n);
  const made = new Float64Array(n);
  const adopted = new Float64Array(n);
  const sales = out.sales_contribution;
  const weigh = industryWeigher(scenario);
  const { lead, support } = scenario.role_coefficients;
  const threshold = scenario.high_value_threshold;
  const cohortStart = addMonthsToDay(period.start, -12);
  const cohortRows: number[] = [];
  const cohortSlots: number[] = [];
  const { status, decided_on, staff_id, industry, amount, role, strategic, proposals_made, proposals_adopted } = p;

  for (let slice = 0; slice < p.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(p.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const st = status[r];
      if (st !== STATUS.won && st !== STATUS.lost) continue; // open and cancelled count for nothing
      const d = decided_on[r];
      const inPeriod = d >= period.start && d <= period.end;
      const inCohort = st === STATUS.won && d >= cohortStart && d < period.start;
      if (!inPeriod && !inCohort) continue;
      const i = slotOf(scope, staff_id[r]);
      if (i < 0) continue;
      if (inCohort) {
        cohortRows.push(r);
        cohortSlots.push(i);
        continue;
      }
      const w = weigh(industry[r]);
      decided[i]++;
      weightSum[i] += w;
      const pm = proposals_made[r];
      const pa = proposals_adopted[r];
      if (pm === pm) made[i] += pm; // empty = 0
      if (pa === pa) adopted[i] += pa;
      if (st === STATUS.won) {
        wonWeight[i] += w;
        const a = amount[r] === amount[r] ? amount[r] : 0;
        const ro = role[r];
        sales[i] += a * (ro === ROLE.lead ? lead : ro === ROLE.support ? support : 0);
        if (a >= threshold || strategic[r] === 1) highValue[i]++; // strategic: empty = false
      }
    }
    yield;
  }
  const { win_rate, high_value_rate, adoption_rate } = out;
  for (let i = 0; i < n; i++) {
    win_rate[i] = ratio(wonWeight[i], weightSum[i]);
    high_value_rate[i] = ratio(highValue[i], decided[i]);
    adoption_rate[i] = ratio(adopted[i], made[i]);
  }
  const cohort = yield* cohortMetricsSteps(p, (id) => scope.staffRow.has(id), cohortRows, cohortSlots, n);
  out.customer_repeat_rate.set(cohort.customer_repeat_rate);
  out.ltv_growth_share.set(cohort.ltv_growth_share);
}

/** response_24h, delivery_on_time, bid_score. A request's period is its requested_at day. */
function* requestMetrics(ds: Dataset, period: Period, scope: Scope, out: Record<string, Float64Array>): Steps {
  const q = ds.requests;
  const n = scope.n;
  const total = new Float64Array(n);
  const responded = new Float64Array(n);
  const toDeliver = new Float64Array(n);
  const onTime = new Float64Array(n);
  const bidSum = new Float64Array(n);
  const bidCount = new Float64Array(n);
  const from = period.start * DAY_SECONDS;
  const until = (period.end + 1) * DAY_SECONDS; // exclusive: seconds of the day after P
  const { requested_at, responded_at, delivered_at, type, bid_score, staff_id } = q;
  for (let slice = 0; slice < q.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(q.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const t = requested_at[r];
      if (!(t >= from && t < until)) continue;
      const i = slotOf(scope, staff_id[r]);
      if (i < 0) continue;
      total[i]++;
      if (responded_at[r] - t <= RESPONSE_LIMIT) responded[i]++; // never responded: NaN, late
      const ty = type[r];
      if (ty === REQUEST_TYPE.solution || ty === REQUEST_TYPE.bid) {
        toDeliver[i]++;
        if (delivered_at[r] - t <= DELIVERY_LIMIT) onTime[i]++; // not delivered: late
      }
      if (ty === REQUEST_TYPE.bid && bid_score[r] === bid_score[r]) {
        bidSum[i] += bid_score[r];
        bidCount[i]++;
      }
    }
    yield;
  }
  const { response_24h, delivery_on_time, bid_score: bid } = out;
  for (let i = 0; i < n; i++) {
    response_24h[i] = ratio(responded[i], total[i]);
    delivery_on_time[i] = ratio(onTime[i], toDeliver[i]);
    bid[i] = bidCount[i] > 0 ? bidSum[i] / bidCount[i] : NaN;
  }
}

/**
 * research_completeness (mean over research reports that carry a completeness) and
 * first_pass_rate (share of solution reviews whose first_pass is true; an empty first_pass
 * counts as not passed — the import requires it for solutions).
 */
function* reviewMetrics(ds: Dataset, period: Period, scope: Scope, out: Record<string, Float64Array>): Steps {
  const v = ds.reviews;
  const n = scope.n;
  const completeSum = new Float64Array(n);
  const completeCount = new Float64Array(n);
  const solutions = new Float64Array(n);
  const passed = new Float64Array(n);
  const { reviewed_on, kind, completeness, first_pass, staff_id } = v;
  for (let slice = 0; slice < v.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(v.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const d = reviewed_on[r];
      if (!(d >= period.start && d <= period.end)) continue;
      const i = slotOf(scope, staff_id[r]);
      if (i < 0) continue;
      if (kind[r] === REVIEW_KIND.research_report) {
        if (completeness[r] === completeness[r]) {
          completeSum[i] += completeness[r];
          completeCount[i]++;
        }
      } else if (kind[r] === REVIEW_KIND.solution) {
        solutions[i]++;
        if (first_pass[r] === 1) passed[i]++;
      }
    }
    yield;
  }
  const { research_completeness, first_pass_rate } = out;
  for (let i = 0; i < n; i++) {
    research_completeness[i] = completeCount[i] > 0 ? completeSum[i] / completeCount[i] : NaN;
    first_pass_rate[i] = ratio(passed[i], solutions[i]);
  }
}

/** Σ and number of rating values (100 × score / scale_max, scale_max empty = 5) per source and person. */
function* ratingTotals(ds: Dataset, period: Period, scope: Scope): Steps<RatingTotals> {
  const g = ds.ratings;
  const n = scope.n;
  const sources = RATING_SOURCES.length;
  const sum = new Float64Array(sources * n);
  const count = new Float64Array(sources * n);
  const { rated_on, source, score, scale_max, staff_id } = g;
  for (let slice = 0; slice < g.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(g.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const d = rated_on[r];
      if (!(d >= period.start && d <= period.end)) continue;
      const s = source[r];
      if (!(s >= 0 && s < sources) || score[r] !== score[r]) continue;
      const i = slotOf(scope, staff_id[r]);
      if (i < 0) continue;
      const max = scale_max[r] === scale_max[r] ? scale_max[r] : DEFAULT_SCALE_MAX;
      sum[s * n + i] += (100 * score[r]) / max;
      count[s * n + i]++;
    }
    yield;
  }
  return { sum, count, n };
}

/** Σ count (empty = 1) per tracked activity type and person; other types are skipped. */
function* activityTotals(ds: Dataset, period: Period, scope: Scope, extraTypes: string[]): Steps<ActivityTotals> {
  const a = ds.activities;
  const n = scope.n;
  const typeIndex = new Map<string, number>();
  for (const t of [...KNOWN_ACTIVITY_TYPES, ...extraTypes]) if (!typeIndex.has(t)) typeIndex.set(t, typeIndex.size);
  const sums = new Float64Array(typeIndex.size * n);
  const { date, type, count, staff_id } = a;
  for (let slice = 0; slice < a.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(a.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const d = date[r];
      if (!(d >= period.start && d <= period.end)) continue;
      const k = typeIndex.get(type[r]);
      if (k === undefined) continue;
      const i = slotOf(scope, staff_id[r]);
      if (i < 0) continue;
      sums[k * n + i] += count[r] === count[r] ? count[r] : 1;
    }
    yield;
  }
  return { typeIndex, sums, n };
}

/** Metrics-file rows of this period: a non-empty cell replaces the derived value (spec §2). */
export function* applyMetricsFile(ds: Dataset, period: Period, scope: Scope, values: Record<string, Float64Array>): Steps {
  const m = ds.metrics;
  const columns = Object.keys(m.values)
    .filter((id) => Object.hasOwn(values, id))
    .map((id) => [values[id], m.values[id]] as const);
  if (m.length === 0 || columns.length === 0) return;
  const canonical = new Map<string, string | null>();
  for (let slice = 0; slice < m.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(m.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      const raw = m.period[r];
      let id = canonical.get(raw);
      if (id === undefined) {
        try {
          id = parsePeriod(raw).id;
        } catch {
          id = null; // the import reports it; such a row overrides nothing
        }
        canonical.set(raw, id);
      }
      if (id !== period.id) continue;
      const i = slotOf(scope, m.staff_id[r]);
      if (i < 0) continue;
      for (const [target, source] of columns) if (source[r] === source[r]) target[i] = source[r];
    }
    yield;
  }
}

/**
 * Every metric of spec §3 — the built-in ones in METRICS order, then the scenario's custom
 * ones — for the staff in scope for `period` (`staffIndex`: their staff rows, in staff-table
 * order), with the metrics file's overrides applied last. NaN = N/A; count metrics are never NaN.
 *
 * `deriveMetrics(ds, parsePeriod('2026Q1'), scenario).values.win_rate[0]` → win rate of the
 * first in-scope person. Records whose staff_id is not in the staff table are ignored.
 */
export function deriveMetrics(ds: Dataset, period: Period, scenario: Scenario): MetricMatrix {
  return drain(deriveMetricsSteps(ds, period, scenario));
}

/**
 * `deriveMetrics` in slices: pauses (`yield`) after every ROWS_PER_SLICE rows of each table
 * and returns the same matrix. A page runs one slice per task (state/slices.ts): a period's
 * metrics over 1,000,000 rows take most of a second in Chromium, too long for one task.
 * `drainSlices(deriveMetricsSteps(ds, p, s))` equals `deriveMetrics(ds, p, s)`.
 */
export function* deriveMetricsSteps(ds: Dataset, period: Period, scenario: Scenario): Steps<MetricMatrix> {
  const scope = scopeOf(ds, period);
  const n = scope.n;
  const values: Record<string, Float64Array> = {};
  for (const m of METRICS) values[m.id] = new Float64Array(n);

  yield* projectMetrics(ds, period, scenario, scope, values);
  yield* requestMetrics(ds, period, scope, values);
  yield* reviewMetrics(ds, period, scope, values);

  const ratings = yield* ratingTotals(ds, period, scope);
  for (const [id, source] of RATING_METRICS) for (let i = 0; i < n; i++) values[id][i] = ratingMean(ratings, source, i);

  const defs = customMetricDefs(scenario);
  const acts = yield* activityTotals(ds, period, scope, customActivityTypes(defs));
  for (const [id, types] of ACTIVITY_METRICS) for (let i = 0; i < n; i++) values[id][i] = activitySum(acts, types, i);

  Object.assign(values, deriveCustomMetrics(defs, acts, ratings));
  yield* applyMetricsFile(ds, period, scope, values);
  return { period, staffIndex: scope.staffIndex, values };
}

/**
 * One person's decided participations in `period` by industry (trimmed), most decided first:
 * `[{ industry: '金融', decided: 4, won: 3, rate: 75 }, …]`. Within one industry the strategic
 * weight of win_rate is the same for every project, so `rate` = 100 × won / decided is also
 * that industry's weighted win rate. Empty for a row that is not in the staff table.
 */
export function winRateByIndustry(
  ds: Dataset, staffRow: number, period: Period, _scenario: Scenario,
): { industry: string; decided: number; won: number; rate: number }[] {
  const id = ds.staff.staff_id[staffRow];
  if (id === undefined) return [];
  const p = ds.projects;
  const tally = new Map<string, { decided: number; won: number }>();
  for (let r = 0; r < p.length; r++) {
    const st = p.status[r];
    const d = p.decided_on[r];
    if ((st !== STATUS.won && st !== STATUS.lost) || !(d >= period.start && d <= period.end) || p.staff_id[r] !== id) continue;
    const industry = p.industry[r].trim();
    let t = tally.get(industry);
    if (!t) tally.set(industry, (t = { decided: 0, won: 0 }));
    t.decided++;
    if (st === STATUS.won) t.won++;
  }
  return [...tally]
    .map(([industry, t]) => ({ industry, decided: t.decided, won: t.won, rate: (100 * t.won) / t.decided }))
    .sort((a, b) => b.decided - a.decided || (a.industry < b.industry ? -1 : a.industry > b.industry ? 1 : 0));
}
