/**
 * Numbers behind the before/after calibration chart: per band S / A / B / C+D the count before
 * calibration, after it, and the forced-distribution target, as three bars on one scale.
 */
import { bandAxis, linearAxis } from './frame';
import type { BandCount } from '../engine/types';

export const BAND_SERIES = ['original', 'calibrated', 'target'] as const;
export type BandSeries = (typeof BAND_SERIES)[number];

export interface BandCompareBar { series: BandSeries; x: number; y: number; width: number; height: number; value: number }
export interface BandCompareGroup { band: BandCount['band']; x: number; width: number; bars: BandCompareBar[]; gap: number }

/**
 * Bars of `calibrated` and `original` band counts (same bands, same targets) in a `width` ×
 * `height` plot with `bottom` pixels kept for the labels. The tallest bar fills the plot.
 * `bandCompareBars(after, before, 300, 120).groups[0].bars.map((b) => b.series)` → ['original', 'calibrated', 'target'].
 */
export function bandCompareBars(
  calibrated: readonly BandCount[], original: readonly BandCount[], width: number, height: number, bottom = 20,
): { groups: BandCompareGroup[]; plotBottom: number } {
  const plotBottom = height - bottom;
  const top = Math.max(1, ...calibrated.map((b) => Math.max(b.actual, b.target)), ...original.map((b) => b.actual));
  const y = linearAxis([0, top], [plotBottom, 4]).scale;
  const x = bandAxis(calibrated.map((b) => b.band), [0, width], 0.25, 0.1);
  const groups = calibrated.map((b, i) => {
    const gx = x(b.band) ?? 0;
    const w = x.bandwidth() / 3;
    const values: Record<BandSeries, number> = { original: original[i]?.actual ?? 0, calibrated: b.actual, target: b.target };
    return {
      band: b.band, x: gx, width: x.bandwidth(), gap: b.gap,
      bars: BAND_SERIES.map((series, k) => ({
        series, x: gx + k * w, width: w, value: values[series], y: y(values[series]), height: plotBottom - y(values[series]),
      })),
    };
  });
  return { groups, plotBottom };
}
