/**
 * Numbers behind the sensitivity tornado chart: one row per indicator, a bar to the left for
 * "how many people change grade when this weight goes to the low end of its seed range" and
 * a bar to the right for the high end, widest swing on top (the classic tornado order). The
 * counts come from the engine's `sensitivity`; this file only orders and lays them out.
 */
import { bandAxis, linearAxis } from './frame';

export interface TornadoInput {
  id: string;
  label: string;
  /** people changing grade at the band's low and high end */
  low: number;
  high: number;
  band: readonly [number, number];
  current: number;
}

export interface TornadoBar extends TornadoInput {
  y: number;
  height: number;
  /** left bar (low end) spans lowX … centre, right bar (high end) centre … highX */
  lowX: number;
  highX: number;
}

/**
 * Rows sorted by the larger of their two counts, descending (ties: the sum, then the input
 * order), so the indicator the grades depend on most sits on top. The input is not changed.
 * `tornadoOrder([{id:'a', low:1, high:2}, {id:'b', low:5, high:0}])` → b, a.
 */
export function tornadoOrder<T extends Pick<TornadoInput, 'low' | 'high'>>(rows: readonly T[]): T[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) =>
      Math.max(y.r.low, y.r.high) - Math.max(x.r.low, x.r.high) || y.r.low + y.r.high - (x.r.low + x.r.high) || x.i - y.i)
    .map((x) => x.r);
}

/**
 * Geometry for a `width`×`height` chart: a symmetric count scale around the centre line
 * (so left and right bars are comparable), bands from top to bottom in tornado order.
 * `tornadoBars(rows, 400, 200).bars[0].lowX` is the left end of the top row's low-end bar.
 */
export function tornadoBars(
  rows: readonly TornadoInput[],
  width: number,
  height: number,
  pad = { top: 8, right: 40, bottom: 24, left: 40 },
): { bars: TornadoBar[]; centre: number; max: number; x: (count: number, side: 'low' | 'high') => number } {
  const ordered = tornadoOrder(rows);
  const max = Math.max(1, ...ordered.map((r) => Math.max(r.low, r.high)));
  const centre = pad.left + (width - pad.left - pad.right) / 2;
  const half = linearAxis([0, max], [0, centre - pad.left]).scale;
  const y = bandAxis(ordered.map((r) => r.id), [pad.top, height - pad.bottom], 0.25, 0.25);
  const x = (count: number, side: 'low' | 'high') => (side === 'low' ? centre - half(count) : centre + half(count));
  const bars = ordered.map((r) => ({ ...r, y: y(r.id) ?? 0, height: y.bandwidth(), lowX: x(r.low, 'low'), highX: x(r.high, 'high') }));
  return { bars, centre, max, x };
}
