/**
 * The two long-term metrics of spec §3 (seed FAQ Q2): customer_repeat_rate and
 * ltv_growth_share, over a person's customer cohort.
 *
 * The cohort of a person for period P is the distinct customers of their won participations
 * decided in [P.start − 12 months, P.start). Their follow-up is judged on each customer's whole
 * history of won projects (any participants, each project once, past P's end too), which is
 * built once per call for just the customers some cohort contains.
 */
import { StringCodes } from './stringCodes';
import { STATUS } from './codes';
import type { ProjectsTable } from './dataset';

const YEAR_DAYS = 365;

/** Won projects of the cohort customers, one entry per project_id, sorted by decided_on per customer. */
interface CustomerHistory {
  /** entries of customer c are [start[c], start[c + 1]) */
  start: Int32Array;
  date: Float64Array;
  amount: Float64Array;
}

/** First index in [lo, hi) whose date is > x (or ≥ x when `inclusive`); hi when none. */
function search(date: Float64Array, lo: number, hi: number, x: number, inclusive: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inclusive ? date[mid] < x : date[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stable grouping of `keys` (each in [0, groups)) — returns the order and each group's start. */
function groupBy(keys: ArrayLike<number>, groups: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < keys.length; k++) start[keys[k] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const order = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k++) order[next[keys[k]]++] = k;
  return { order, start };
}

/** Sorts a few row indices by `key[row]` in place (small groups: cheaper than a comparator sort). */
function insertionSortBy(rows: Int32Array, key: Float64Array) {
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    let j = i - 1;
    while (j >= 0 && key[rows[j]] > key[r]) rows[j + 1] = rows[j--];
    rows[j + 1] = r;
  }
}

/** Whether the project of group[k] already occurred in group[from … k−1] (a run of one date: short). */
function seenInRun(projectId: string[], group: Int32Array, from: number, k: number): boolean {
  const pid = projectId[group[k]];
  for (let j = from; j < k; j++) if (projectId[group[j]] === pid) return true;
  return false;
}

/** Project rows read, or customers / people gone through, between two pauses of `cohortMetricsSteps`. */
const ROWS_PER_SLICE = 50_000;
const GROUPS_PER_SLICE = 2_000;

function* buildHistory(
  projects: ProjectsTable,
  isKnownStaff: (staffId: string) => boolean,
  customerIndex: StringCodes,
): Generator<void, CustomerHistory, void> {
  const rows: number[] = [];
  const cust: number[] = [];
  const { status, decided_on, customer_id, staff_id } = projects;
  for (let slice = 0; slice < projects.length; slice += ROWS_PER_SLICE) {
    for (let r = slice, sliceEnd = Math.min(projects.length, slice + ROWS_PER_SLICE); r < sliceEnd; r++) {
      if (status[r] !== STATUS.won || decided_on[r] !== decided_on[r]) continue;
      const c = customerIndex.get(customer_id[r]);
      if (c === undefined || !isKnownStaff(staff_id[r])) continue;
      rows.push(r);
      cust.push(c);
    }
    yield;
  }
  const { order, start: groupStart } = groupBy(cust, customerIndex.size);
  const start = new Int32Array(customerIndex.size + 1);
  const date = new Float64Array(rows.length);
  const amount = new Float64Array(rows.length);
  let out = 0;
  const byDate = (a: number, b: number) => decided_on[a] - decided_on[b];
  for (let c = 0; c < customerIndex.size; c++) {
    if (c % GROUPS_PER_SLICE === GROUPS_PER_SLICE - 1) yield;
    start[c] = out;
    const group = order.subarray(groupStart[c], groupStart[c + 1]);
    for (let k = 0; k < group.length; k++) group[k] = rows[group[k]];
    if (group.length > 16) group.sort(byDate);
    else insertionSortBy(group, decided_on);
    // rows of one project share its date (spec §2): duplicates sit in the same date run
    let runSet: StringCodes | null = null; // only for a long run, where pairwise checks would be quadratic
    for (let runStart = 0, k = 0; k < group.length; k++) {
      const r = group[k];
      if (decided_on[r] !== decided_on[group[runStart]]) {
        runStart = k;
        runSet = null;
      }
      if (k - runStart > 32 && !runSet) {
        runSet = new StringCodes(k - runStart);
        for (let j = runStart; j < k; j++) runSet.add(projects.project_id[group[j]]);
      }
      const pid = projects.project_id[r];
      if (runSet ? runSet.get(pid) !== undefined : seenInRun(projects.project_id, group, runStart, k)) continue;
      runSet?.add(pid);
      const a = projects.amount[r];
      date[out] = decided_on[r];
      amount[out] = a === a ? a : 0;
      out++;
    }
  }
  start[customerIndex.size] = out;
  return { start, date, amount };
}

/**
 * customer_repeat_rate and ltv_growth_share for n people. `cohortRows` are the project rows of
 * won participations decided in [P.start − 12 months, P.start) and `cohortSlots` the person
 * (0…n−1) of each; `isKnownStaff` says whether a row's staff_id is in the staff table (rows of
 * unknown staff are ignored everywhere, follow-up included). Both metrics are N/A (NaN) for an
 * empty cohort.
 */
export function cohortMetrics(
  projects: ProjectsTable,
  isKnownStaff: (staffId: string) => boolean,
  cohortRows: ArrayLike<number>,
  cohortSlots: ArrayLike<number>,
  n: number,
): CohortMetrics {
  const run = cohortMetricsSteps(projects, isKnownStaff, cohortRows, cohortSlots, n);
  for (;;) {
    const r = run.next();
    if (r.done) return r.value;
  }
}

export interface CohortMetrics { customer_repeat_rate: Float64Array; ltv_growth_share: Float64Array }

/** `cohortMetrics` in slices for metrics.ts's `deriveMetricsSteps`: pauses every ROWS_PER_SLICE rows and GROUPS_PER_SLICE customers or people. */
export function* cohortMetricsSteps(
  projects: ProjectsTable,
  isKnownStaff: (staffId: string) => boolean,
  cohortRows: ArrayLike<number>,
  cohortSlots: ArrayLike<number>,
  n: number,
): Generator<void, CohortMetrics, void> {
  const repeat = new Float64Array(n).fill(NaN);
  const ltv = new Float64Array(n).fill(NaN);
  if (cohortRows.length === 0) return { customer_repeat_rate: repeat, ltv_growth_share: ltv };

  // Not a Map: Chromium would keep every customer id in V8's string table (stringCodes.ts).
  const customerIndex = new StringCodes(cohortRows.length);
  const cohortCust = new Int32Array(cohortRows.length);
  for (let k = 0; k < cohortRows.length; k++) cohortCust[k] = customerIndex.add(projects.customer_id[cohortRows[k]]);
  yield;
  const h = yield* buildHistory(projects, isKnownStaff, customerIndex);

  // per-customer scratch, reset lazily by stamping with the person's slot
  const stamp = new Int32Array(customerIndex.size).fill(-1);
  const latest = new Float64Array(customerIndex.size);
  const repeated = new Uint8Array(customerIndex.size);
  const members = new Int32Array(customerIndex.size);
  const { order, start } = groupBy(cohortSlots, n);

  for (let i = 0; i < n; i++) {
    if (i % GROUPS_PER_SLICE === GROUPS_PER_SLICE - 1) yield;
    let size = 0;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const row = cohortRows[order[k]];
      const c = cohortCust[order[k]];
      const d = projects.decided_on[row];
      if (stamp[c] !== i) {
        stamp[c] = i;
        members[size++] = c;
        latest[c] = d;
        repeated[c] = 0;
      } else if (d > latest[c]) latest[c] = d;
      if (!repeated[c]) {
        // another won project strictly after d and at most 365 days after it (a later date
        // is necessarily another project_id)
        const next = search(h.date, h.start[c], h.start[c + 1], d, false);
        if (next < h.start[c + 1] && h.date[next] <= d + YEAR_DAYS) repeated[c] = 1;
      }
    }
    if (size === 0) continue;
    let repeatCount = 0;
    let grewCount = 0;
    for (let s = 0; s < size; s++) {
      const c = members[s];
      repeatCount += repeated[c];
      const d = latest[c];
      let before = 0;
      let after = 0;
      for (let e = search(h.date, h.start[c], h.start[c + 1], d - YEAR_DAYS, true); e < h.start[c + 1]; e++) {
        if (h.date[e] > d + YEAR_DAYS) break;
        if (h.date[e] <= d) before += h.amount[e];
        else after += h.amount[e];
      }
      // after ≥ 1.2 × before, as 5·after ≥ 6·before: exact for whole-yuan amounts, whereas a
      // rounded 1.2 × before could decide an exact 1.2× growth either way
      if (after > 0 && 5 * after >= 6 * before) grewCount++;
    }
    repeat[i] = (100 * repeatCount) / size;
    ltv[i] = (100 * grewCount) / size;
  }
  return { customer_repeat_rate: repeat, ltv_growth_share: ltv };
}
