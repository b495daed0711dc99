/**
 * Forced distribution of spec §6: ranks and forced grades within groups, and band counts.
 *
 * Totals are 2-decimal numbers, so ranks come from a counting sort on integer cents
 * (O(n + range)) instead of a comparison sort — the slider re-runs this on every move.
 * Inputs that are not 2-decimal, or spread too widely, fall back to a comparison sort.
 */
import { DOMAINS, LEVELS } from './codes';
import type { Dataset } from './dataset';
import { GRADE_NONE } from './grades';
import { roundInt } from './rounding';
import type { BandCount, GroupBy, Scenario } from './types';

type Shares = Scenario['forced_distribution']['shares'];

/** Quota counts of a group of N graded people: n_S, n_SA, n_SAB (spec §6, §5 rounding). `quotas(shares, 5).S === 1`. */
export function quotas(shares: Shares, N: number): { S: number; SA: number; SAB: number } {
  return {
    S: roundInt(shares.S * N),
    SA: roundInt((shares.S + shares.A) * N),
    SAB: roundInt((shares.S + shares.A + shares.B) * N),
  };
}

let keyScratch = new Int32Array(0);
let orderScratch = new Int32Array(0);
let endsScratch = new Int32Array(0);

/**
 * Ranks and forced grades per group. `group[i]` is the person's group id (≥ 0; negative =
 * not distributed); people with a NaN total are left out. rank = 1 + the number in the
 * group with a strictly higher total; forced = S/A/B by rank against the group's quotas,
 * else C (total ≥ cThreshold) or D. Grades are indices into GRADES; 255 = none, rank 0 = none.
 * `forcedDistribution(Float64Array.of(90, 80, 80), Int32Array.of(0, 0, 0), shares, 60).rank` → [1, 2, 2].
 * Into `out`'s arrays (length n) when given, else new ones.
 */
export function forcedDistribution(
  total: Float64Array, group: Int32Array, shares: Shares, cThreshold: number,
  out?: { rank: Int32Array; forced: Uint8Array },
): { rank: Int32Array; forced: Uint8Array } {
  const n = total.length;
  // `out` (a slider drag's buffers, one grading after another) is overwritten whole.
  const rank = out ? out.rank.fill(0) : new Int32Array(n);
  const forced = (out ? out.forced : new Uint8Array(n)).fill(GRADE_NONE);
  if (keyScratch.length < n) {
    keyScratch = new Int32Array(n);
    orderScratch = new Int32Array(n);
  }
  const cents = keyScratch;
  const order = orderScratch;
  let groups = 0;
  let graded = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  let countable = true;
  for (let i = 0; i < n; i++) {
    const t = total[i];
    if (t !== t || group[i] < 0) continue;
    graded++;
    if (group[i] >= groups) groups = group[i] + 1;
    const c = Math.round(t * 100);
    // Exactly a round2 output (k/100 is the double nearest to k cents) — else equal cents could hide unequal totals.
    if (c / 100 !== t || Math.abs(c) > 2 ** 30) countable = false;
    cents[i] = c;
    if (c < minC) minC = c;
    if (c > maxC) maxC = c;
  }
  if (graded === 0) return { rank, forced };
  const range = maxC - minC + 1;
  const seen = new Int32Array(groups);
  const size = new Int32Array(groups);
  if (countable && range <= Math.max(1 << 16, 8 * n)) {
    // Counting sort on cents, highest first: counts → prefix sums (bucket ends) → a backward
    // fill that leaves ends[b] at bucket b's start. Each bucket is one block of equal totals.
    if (endsScratch.length < range) endsScratch = new Int32Array(range);
    const ends = endsScratch.fill(0, 0, range);
    for (let i = 0; i < n; i++) {
      if (total[i] === total[i] && group[i] >= 0) {
        ends[maxC - cents[i]]++;
        size[group[i]]++;
      }
    }
    for (let b = 1; b < range; b++) ends[b] += ends[b - 1];
    for (let i = n - 1; i >= 0; i--) if (total[i] === total[i] && group[i] >= 0) order[--ends[maxC - cents[i]]] = i;
    for (let b = 0; b < range; b++) {
      const start = ends[b];
      const end = b + 1 < range ? ends[b + 1] : graded;
      for (let p = start; p < end; p++) rank[order[p]] = 1 + seen[group[order[p]]];
      for (let p = start; p < end; p++) seen[group[order[p]]]++;
    }
  } else {
    let p = 0;
    for (let i = 0; i < n; i++) if (total[i] === total[i] && group[i] >= 0) order[p++] = i;
    order.subarray(0, graded).sort((x, y) => total[y] - total[x]);
    for (let q = 0; q < graded; q++) size[group[order[q]]]++;
    for (let start = 0; start < graded;) {
      let end = start + 1;
      while (end < graded && total[order[end]] === total[order[start]]) end++;
      for (let q = start; q < end; q++) rank[order[q]] = 1 + seen[group[order[q]]];
      for (let q = start; q < end; q++) seen[group[order[q]]]++;
      start = end;
    }
  }

  const qS = new Int32Array(groups);
  const qSA = new Int32Array(groups);
  const qSAB = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const q = quotas(shares, size[g]);
    qS[g] = q.S;
    qSA[g] = q.SA;
    qSAB[g] = q.SAB;
  }
  for (let p = 0; p < graded; p++) {
    const i = order[p];
    const g = group[i];
    const r = rank[i];
    forced[i] = r <= qS[g] ? 0 : r <= qSA[g] ? 1 : r <= qSAB[g] ? 2 : total[i] >= cThreshold ? 3 : 4;
  }
  return { rank, forced };
}

/**
 * Target, actual and gap (actual − target) per band. `n` is the number of graded people;
 * pass `groupSizes` (graded people per group) to sum the quotas group by group instead.
 * Targets: S n_S, A n_SA − n_S, B n_SAB − n_SA, CD the rest. Grades are GRADES indices, 255 ignored.
 * `bandCounts(Uint8Array.of(0, 2, 2, 4), standardShares, 4)` → S target 0 actual 1 gap 1, ….
 */
export function bandCounts(finalGrades: ArrayLike<number>, shares: Shares, n: number, groupSizes?: ArrayLike<number>): BandCount[] {
  const target = [0, 0, 0, 0];
  const sizes = groupSizes ?? [n];
  for (let g = 0; g < sizes.length; g++) {
    const q = quotas(shares, sizes[g]);
    target[0] += q.S;
    target[1] += q.SA - q.S;
    target[2] += q.SAB - q.SA;
    target[3] += sizes[g] - q.SAB;
  }
  const actual = [0, 0, 0, 0];
  for (let i = 0; i < finalGrades.length; i++) {
    const grade = finalGrades[i];
    if (grade <= 2) actual[grade]++;
    else if (grade <= 4) actual[3]++;
  }
  return (['S', 'A', 'B', 'CD'] as const).map((band, b) => ({ band, target: target[b], actual: actual[b], gap: actual[b] - target[b] }));
}

/**
 * Group id per matrix row for `group_by` (spec §6): one group for 'none', the level or
 * domain code, or one id per distinct team — people without a team share one group.
 * Returns the ids and a label per id (the team, '' = no team, or the level/domain code).
 */
export function groupIndex(ds: Dataset, staffIndex: Int32Array, groupBy: GroupBy): { group: Int32Array; labels: string[] } {
  const n = staffIndex.length;
  const group = new Int32Array(n);
  if (groupBy === 'none') return { group, labels: [''] };
  const ids = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const row = staffIndex[i];
    const key = groupBy === 'team' ? (ds.staff.team[row] ?? '').trim()
      : groupBy === 'level' ? LEVELS[ds.staff.level[row] | 0] : DOMAINS[ds.staff.domain[row] | 0];
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    group[i] = g;
  }
  return { group, labels: [...ids.keys()] };
}
