/**
 * The frame every chart is drawn in: its width (measured by the page, with one fallback until
 * it is), its margins, and its axes — a linear scale with round ticks from d3-scale, or a band
 * scale for categories. The charts keep their own geometry (bars, lines); this file gives them
 * one way to size themselves and to pick tick values, so a histogram and a trend line read the
 * same way.
 */
import { scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3-scale';

/**
 * Width before the first measurement: jsdom and the first paint report a clientWidth of 0,
 * and the layout maths needs a positive width until the real one arrives a frame later.
 */
export const FALLBACK_WIDTH = 480;

/** Pixels kept free on each side of the plot for tick labels and axis titles. */
export interface Margin { top: number; right: number; bottom: number; left: number }

/**
 * The width to draw at, from a `bind:clientWidth` value.
 * `chartWidth(0)` → 480 (not measured yet); `chartWidth(612)` → 612.
 */
export function chartWidth(measured: number): number {
  return measured > 0 ? measured : FALLBACK_WIDTH;
}

/** One tick: its value and where it sits on the axis, in pixels. */
export interface Tick { value: number; pos: number }

export interface LinearAxis { scale: ScaleLinear<number, number>; ticks: Tick[] }

/**
 * A linear scale from `domain` to `range` (pixels; give [bottom, top] for a y axis) with about
 * `count` round ticks. `nice` stretches the domain to a round end (0–37 → 0–40) so the top tick
 * sits at the top; `integer` keeps whole ticks only (people come in whole numbers); `clamp`
 * keeps values outside the domain at its ends (a bar never leaves its track).
 * `linearAxis([0, 37], [200, 0], { count: 4, nice: true, integer: true }).ticks.map((t) => t.value)`
 * → [0, 10, 20, 30, 40].
 */
export function linearAxis(
  domain: readonly [number, number],
  range: readonly [number, number],
  { count = 5, nice = false, integer = false, clamp = false }: { count?: number; nice?: boolean; integer?: boolean; clamp?: boolean } = {},
): LinearAxis {
  const scale = scaleLinear().domain(domain).range(range).clamp(clamp);
  if (nice) scale.nice(count);
  const values = scale.ticks(count);
  const kept = integer ? values.filter(Number.isInteger) : values;
  return { scale, ticks: kept.map((value) => ({ value, pos: scale(value) })) };
}

/**
 * How many ticks fit along `span` pixels when each label needs `labelPx` pixels: at least 2.
 * `tickCount(400, 40)` → 10; `tickCount(50, 40)` → 2.
 */
export function tickCount(span: number, labelPx = 40): number {
  return Math.max(2, Math.floor(span / labelPx));
}

/**
 * A band scale over `keys` across `range` (pixels), for bars per category.
 * `bandAxis(['S', 'A'], [0, 100], 0.25, 0.1).bandwidth()` → the width of one band.
 */
export function bandAxis(keys: readonly string[], range: readonly [number, number], paddingInner = 0.25, paddingOuter = 0.1): ScaleBand<string> {
  return scaleBand<string>().domain(keys).range(range).paddingInner(paddingInner).paddingOuter(paddingOuter);
}

/**
 * Ticks for a 0–100 % share axis drawn in a 0–100 viewBox (stacked bars, share bars):
 * `shareTicks(4)` → 0, 25, 50, 75, 100 at their own positions.
 */
export function shareTicks(parts = 4): Tick[] {
  return Array.from({ length: parts + 1 }, (_, i) => {
    const value = (100 * i) / parts;
    return { value, pos: value };
  });
}
