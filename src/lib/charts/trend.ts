/**
 * The person page's trend line: one total per quarter of the year; a quarter without a total
 * (insufficient data) leaves a gap rather than a fake zero.
 */
import { line } from 'd3-shape';
import { scalePoint } from 'd3-scale';
import { linearAxis, type Margin } from './frame';

export interface TrendPoint { label: string; value: number | null }

/**
 * Path and dot positions in a `width`×`height` box with `pad` margins; y runs 0 to at least 100.
 * `trendLayout([{label:'Q1', value: 80}, {label:'Q2', value: null}], 200, 100)` → one dot, and
 * a path that does not cross Q2.
 */
export function trendLayout(
  points: readonly TrendPoint[],
  width: number,
  height: number,
  pad: Margin = { top: 22, right: 24, bottom: 28, left: 36 },
) {
  const x = scalePoint<string>().domain(points.map((p) => p.label)).range([pad.left, width - pad.right]).padding(0.3);
  const top = Math.max(100, ...points.map((p) => p.value ?? 0));
  const { scale: y, ticks } = linearAxis([0, top], [height - pad.bottom, pad.top], { count: 5, nice: true });
  const path =
    line<TrendPoint>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.label) ?? 0)
      .y((p) => y(p.value ?? 0))(points) ?? '';
  const dots = points
    .filter((p) => p.value !== null)
    .map((p) => ({ label: p.label, value: p.value as number, cx: x(p.label) ?? 0, cy: y(p.value as number) }));
  const xLabels = points.map((p) => ({ label: p.label, x: x(p.label) ?? 0 }));
  return { path, dots, ticks, xLabels, y0: y(0), pad, top: y.domain()[1] };
}
