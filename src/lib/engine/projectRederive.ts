/**
 * The project metrics derived again after an edit of the project parameters (strategic
 * industries and their multiplier, the high-value threshold, role coefficients; #16): only win
 * rate, sales contribution and high-value rate depend on them, and only through the period's
 * decided projects. Those rows are gathered once per dataset and period into compact typed
 * arrays (each industry as a small code), so an edit is one tight pass over them.
 */
import { ROLE, STATUS } from './codes';
import type { Dataset } from './dataset';
import { applyMetricsFile, drain, industryWeigher, ratio, scopeOf, slotOf, type Scope } from './metrics';
import type { MetricMatrix, Period, Scenario } from './types';

/** The metrics a scenario's project parameters (strategic industries and their multiplier, the high-value threshold, role coefficients) change. */
export const PROJECT_PARAMETER_METRICS = ['win_rate', 'sales_contribution', 'high_value_rate'] as const;

/** Role of a decided row as an index into the coefficients of one edit: lead, support, neither. */
const LEAD = 0;
const SUPPORT = 1;
const NEITHER = 2;

/** Decided (won or lost) project rows of one period, in table order, with what the project parameters read of each. */
interface DecidedRows {
  projects: number;
  scope: Scope;
  /** output slot of each decided row */
  slots: Int32Array;
  /** industry code of each row: an index into `industries` (the cell texts as written) */
  industry: Int32Array;
  industries: string[];
  /** 1 = won */
  won: Uint8Array;
  /** amount, N/A read as 0 */
  amount: Float64Array;
  role: Uint8Array;
  /** 1 = flagged strategic in the projects file */
  strategic: Uint8Array;
}
const decidedRowsCache = new WeakMap<Dataset, Map<string, DecidedRows>>();

/** The period's decided project rows, gathered once per dataset and period (datasets are replaced, not changed). */
function decidedRows(ds: Dataset, period: Period): DecidedRows {
  let byPeriod = decidedRowsCache.get(ds);
  if (!byPeriod) decidedRowsCache.set(ds, (byPeriod = new Map()));
  const hit = byPeriod.get(period.id);
  if (hit && hit.projects === ds.projects.length) return hit;
  const scope = scopeOf(ds, period);
  const { status, decided_on, staff_id } = ds.projects;
  const [rows, slots]: number[][] = [[], []];
  for (let r = 0; r < ds.projects.length; r++) {
    const st = status[r];
    if ((st !== STATUS.won && st !== STATUS.lost) || !(decided_on[r] >= period.start && decided_on[r] <= period.end)) continue;
    const i = slotOf(scope, staff_id[r]);
    if (i >= 0) { rows.push(r); slots.push(i); }
  }
  const p = ds.projects;
  const count = rows.length;
  // An industry is one of a few dozen texts: a Map keyed by them stays small (docs/decisions.md).
  const codeOf = new Map<string, number>();
  const industries: string[] = [];
  const out: DecidedRows = {
    projects: p.length, scope, slots: Int32Array.from(slots), industry: new Int32Array(count), industries,
    won: new Uint8Array(count), amount: new Float64Array(count), role: new Uint8Array(count), strategic: new Uint8Array(count),
  };
  for (let k = 0; k < count; k++) {
    const r = rows[k];
    let code = codeOf.get(p.industry[r]);
    if (code === undefined) codeOf.set(p.industry[r], (code = industries.push(p.industry[r]) - 1));
    out.industry[k] = code;
    out.won[k] = p.status[r] === STATUS.won ? 1 : 0;
    out.amount[k] = p.amount[r] === p.amount[r] ? p.amount[r] : 0;
    out.role[k] = p.role[r] === ROLE.lead ? LEAD : p.role[r] === ROLE.support ? SUPPORT : NEITHER;
    out.strategic[k] = p.strategic[r] === 1 ? 1 : 0;
  }
  byPeriod.set(period.id, out);
  return out;
}

/**
 * `prev` (derived for the same dataset and period) with the metrics of PROJECT_PARAMETER_METRICS
 * derived again for `scenario`, metrics-file overrides included: what deriveMetrics would give
 * when `scenario` differs from prev's only in its project parameters, for a fraction of the
 * work (no cohort; the decided rows gathered once). The other columns are prev's own arrays.
 * The per-row rules and the order of the sums are projectMetrics' own, so the numbers are too.
 * `rederiveProjectMetrics(ds, deriveMetrics(ds, p, a), b)` deep-equals `deriveMetrics(ds, p, b)`.
 */
export function rederiveProjectMetrics(ds: Dataset, prev: MetricMatrix, scenario: Scenario): MetricMatrix {
  const d = decidedRows(ds, prev.period);
  const n = d.scope.n;
  const [weightSum, wonWeight, decided, highValue, sales] = [0, 0, 0, 0, 0].map(() => new Float64Array(n));
  const weigh = industryWeigher(scenario);
  const weightOf = Float64Array.from(d.industries, weigh);
  const coefficient = Float64Array.of(scenario.role_coefficients.lead, scenario.role_coefficients.support, 0);
  const threshold = scenario.high_value_threshold;
  const { slots, industry, won, amount, role, strategic } = d;
  for (let k = 0; k < slots.length; k++) {
    const i = slots[k];
    const w = weightOf[industry[k]];
    decided[i]++;
    weightSum[i] += w;
    if (won[k] === 1) {
      wonWeight[i] += w;
      const a = amount[k];
      sales[i] += a * coefficient[role[k]];
      if (a >= threshold || strategic[k] === 1) highValue[i]++;
    }
  }
  const [win, high] = [new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) {
    win[i] = ratio(wonWeight[i], weightSum[i]);
    high[i] = ratio(highValue[i], decided[i]);
  }
  const changed: Record<string, Float64Array> = { win_rate: win, sales_contribution: sales, high_value_rate: high };
  drain(applyMetricsFile(ds, prev.period, d.scope, changed));
  return { period: prev.period, staffIndex: prev.staffIndex, values: { ...prev.values, ...changed } };
}
