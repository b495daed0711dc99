/**
 * The weight sliders' fixed scale: each slider is its indicator's share of the weight total
 * (0–100 %). Moving one share rescales the other unlocked indicators proportionally, so the
 * shares always add up to 100 % and the weight total stays what it was (weights are relative,
 * spec §4; a scheme written with weights summing to 100 keeps summing to 100).
 * Locked indicators keep their share; a share can therefore never exceed 100 % minus the locked ones.
 */
import { WEIGHT } from '../engine/scenarioRanges';

const EPS = 1e-12;

function sum(w: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k];
  return s;
}

/** The share (percent, 0–100) of indicator `j` in `weights`; 0 when every weight is 0. `shareOf([18, 82], 0)` → 18. */
export function shareOf(weights: ArrayLike<number>, j: number): number {
  const t = sum(weights);
  return t > 0 ? (100 * weights[j]) / t : 0;
}

/**
 * The range a slider may reach, in percent: [0, 100 − the locked others' share]; a locked
 * indicator, or one with no unlocked other to take the rest, stays where it is.
 * `shareRange([18, 82, 0], 0, [false, true, false])` → [0, 18] (82 % is locked; the third takes what win rate gives up).
 */
export function shareRange(weights: ArrayLike<number>, j: number, locked: ArrayLike<boolean>): [number, number] {
  const current = shareOf(weights, j);
  if (locked[j]) return [current, current];
  let lockedShare = 0;
  let others = 0;
  for (let k = 0; k < weights.length; k++) {
    if (k === j) continue;
    if (locked[k]) lockedShare += shareOf(weights, k);
    else others++;
  }
  if (others === 0) return [current, current];
  return [0, Math.max(0, 100 - lockedShare)];
}

/**
 * New weights with indicator `j` at `pct` percent of the total (clamped to `shareRange`).
 * The unlocked others share the rest in proportion to their weights in `from`; when those are
 * all 0 (one slider was at 100 %), in proportion to `fallback` (the saved scheme's weights),
 * and when that gives nothing either, equally. The total of `from` is kept (100 when it was 0).
 * `from` is not changed.
 *
 * `moveShare([18, 10, 72], 0, 28, [false, false, false])` → [28, 8.78…, 63.21…] (sum 100).
 */
export function moveShare(
  from: ArrayLike<number>,
  j: number,
  pct: number,
  locked: ArrayLike<boolean>,
  fallback?: ArrayLike<number>,
): Float64Array<ArrayBuffer> {
  const n = from.length;
  const out = Float64Array.from(from as ArrayLike<number>);
  if (!Number.isFinite(pct) || j < 0 || j >= n) return out;
  const [lo, hi] = shareRange(from, j, locked);
  const p = Math.min(hi, Math.max(lo, pct));
  let total = sum(from);
  if (!(total > 0)) total = 100;
  let lockedWeight = 0;
  for (let k = 0; k < n; k++) if (k !== j && locked[k]) lockedWeight += from[k];
  const own = (p / 100) * total;
  const rest = Math.max(0, total - lockedWeight - own);
  out[j] = own;
  // Proportions for the unlocked others: their weights, else the fallback's, else equal.
  const basis = (src: ArrayLike<number> | undefined): number => {
    if (!src) return 0;
    let s = 0;
    for (let k = 0; k < n; k++) if (k !== j && !locked[k]) s += Math.max(0, src[k] ?? 0);
    return s;
  };
  let src: ArrayLike<number> | null = from;
  let basisSum = basis(from);
  if (!(basisSum > EPS)) {
    basisSum = basis(fallback);
    src = basisSum > EPS ? fallback! : null;
  }
  let unlocked = 0;
  for (let k = 0; k < n; k++) if (k !== j && !locked[k]) unlocked++;
  for (let k = 0; k < n; k++) {
    if (k === j || locked[k]) continue;
    out[k] = src ? (rest * Math.max(0, src[k] ?? 0)) / basisSum : rest / unlocked;
  }
  // A weight the scenario file could not hold (non-zero below 10⁻⁶) is off; what it held goes
  // to the largest unlocked weight, so the total stays.
  let dropped = 0;
  let largest = j;
  for (let k = 0; k < n; k++) {
    if (k === j || locked[k]) continue;
    if (out[k] < (WEIGHT.tiny ?? 0)) { dropped += out[k]; out[k] = 0; }
    else if (out[k] > out[largest] || largest === j) largest = k;
  }
  out[largest] += dropped;
  return out;
}
