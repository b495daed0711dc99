/**
 * Numbers behind the rank slope chart of the compare page: each mover is a line from their
 * rank under scenario A (left axis) to their rank under B (right axis), rank 1 on top. The
 * movers come from the engine's `rankShifts`; this file lays out lines and labels, and
 * spreads labels that would overlap (several people can share a rank, or sit one apart).
 */
import { linearAxis } from './frame';

export interface SlopeInput {
  staff_id: string;
  name: string;
  rankA: number;
  rankB: number;
  delta: number;
}

export interface SlopeLine extends SlopeInput {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** label positions, nudged apart so they do not overlap (the line ends stay exact) */
  labelY1: number;
  labelY2: number;
  direction: 'up' | 'down' | 'same';
}

/**
 * Spread positions so neighbours are at least `gap` apart, keeping their order and staying
 * inside [lo, hi] when there is room; returns new positions in the input's order.
 * `spreadLabels([10, 11, 12], 10, 0, 100)` → [10, 20, 30].
 */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => o.y);
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
  // Pushed past the bottom: slide the tail back up, never above the top.
  const overflow = out.length > 0 ? out[out.length - 1] - hi : 0;
  if (overflow > 0) {
    out[out.length - 1] -= overflow;
    for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k], out[k + 1] - gap);
    // Not enough room for all labels: keep the top one inside and let the bottom overflow.
    if (out[0] < lo) {
      out[0] = lo;
      for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k], out[k - 1] + gap);
    }
  }
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => { result[o.i] = out[k]; });
  return result;
}

/**
 * Lines for a `width`×`height` chart. The rank scale runs from 1 (top) to the largest
 * rank shown, on both axes, so a flat line means "same rank".
 * `slopeLines([{staff_id:'a', name:'A', rankA: 1, rankB: 3, delta: -2}], 300, 200).lines[0].direction` → 'down'.
 */
export function slopeLines(
  movers: readonly SlopeInput[],
  width: number,
  height: number,
  pad = { top: 16, right: 140, bottom: 16, left: 140 },
  labelGap = 14,
): { lines: SlopeLine[]; maxRank: number; y: (rank: number) => number } {
  const maxRank = Math.max(2, ...movers.flatMap((m) => [m.rankA, m.rankB]));
  const y = linearAxis([1, maxRank], [pad.top, height - pad.bottom]).scale;
  const x1 = pad.left;
  const x2 = width - pad.right;
  const left = spreadLabels(movers.map((m) => y(m.rankA)), labelGap, pad.top, height - pad.bottom);
  const right = spreadLabels(movers.map((m) => y(m.rankB)), labelGap, pad.top, height - pad.bottom);
  const lines = movers.map((m, i) => ({
    ...m, x1, x2, y1: y(m.rankA), y2: y(m.rankB), labelY1: left[i], labelY2: right[i],
    direction: (m.rankB < m.rankA ? 'up' : m.rankB > m.rankA ? 'down' : 'same') as SlopeLine['direction'],
  }));
  return { lines, maxRank, y };
}
