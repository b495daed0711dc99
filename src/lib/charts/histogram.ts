/**
 * Score histogram maths: totals binned in fixed steps from 0, and where each grade threshold
 * falls on the x axis, so the chart shows how many people sit just under a threshold.
 */
import { bin, max } from 'd3-array';
import type { Scenario } from '../engine/types';

export interface ScoreBin { x0: number; x1: number; count: number }

/**
 * Bins the totals of the people in `rows` (indices into `totals`; NaN totals are skipped)
 * into `step`-wide bins from 0 to at least 100 (further when a total with bonus is above).
 * `scoreBins(Float64Array.of(72, 74, 91), [0, 1, 2], 10)` → 10 bins of width 10, bin [70,80)
 * holding 2 and bin [90,100] holding 1. The last bin includes its upper edge.
 */
export function scoreBins(totals: ArrayLike<number>, rows: ArrayLike<number>, step = 5): ScoreBin[] {
  const values: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const v = totals[rows[j]];
    if (!Number.isNaN(v)) values.push(v);
  }
  const top = Math.max(100, Math.ceil((max(values) ?? 0) / step) * step);
  const thresholds: number[] = [];
  for (let t = step; t < top; t += step) thresholds.push(t);
  // Totals cannot be negative (f ≥ 0); clamping guards the bins against a malformed input.
  const bins = bin<number, number>().domain([0, top]).thresholds(thresholds)(values.map((v) => Math.max(0, v)));
  return bins.map((b) => ({ x0: b.x0 ?? 0, x1: b.x1 ?? 0, count: b.length }));
}

export interface ThresholdMark { grade: 'S' | 'A' | 'B' | 'C'; value: number }

/** Threshold lines to draw: `thresholdMarks({S:90,A:80,B:70,C:60})` → S 90, A 80, B 70, C 60. */
export function thresholdMarks(g: Scenario['grades']): ThresholdMark[] {
  return (['S', 'A', 'B', 'C'] as const).map((grade) => ({ grade, value: g[grade] }));
}

/**
 * How many people are within `margin` points below each threshold ("almost A"): a quick read
 * of how sensitive the grades are to a small change. `nearMisses([79.5, 85], [0, 1], marks, 1)`
 * → A: 1.
 */
export function nearMisses(
  totals: ArrayLike<number>,
  rows: ArrayLike<number>,
  marks: readonly ThresholdMark[],
  margin = 1,
): Record<ThresholdMark['grade'], number> {
  const out = { S: 0, A: 0, B: 0, C: 0 };
  for (let j = 0; j < rows.length; j++) {
    const v = totals[rows[j]];
    if (Number.isNaN(v)) continue;
    for (const m of marks) if (v < m.value && v >= m.value - margin) out[m.grade]++;
  }
  return out;
}

/**
 * How many of the people in `rows` have a total above `limit` (100 on a 100-point scheme):
 * a capped over-achievement (f up to the cap, 1.2 by default) and bonus items can lift a total
 * past it, and the chart says why when anyone is. `countAbove(Float64Array.of(99, 100, 104), [0, 1, 2])` → 1.
 */
export function countAbove(totals: ArrayLike<number>, rows: ArrayLike<number>, limit = 100): number {
  let n = 0;
  for (let j = 0; j < rows.length; j++) if (totals[rows[j]] > limit) n++;
  return n;
}

export interface TotalCeiling { cap: number; bonus: number; max: number }

/**
 * The highest total a scenario allows, and why it is above 100: each weighted indicator scores
 * at most its cap (the scenario's, or the indicator's override) × its share, and the enabled
 * bonus items add their maximum points on top (spec §5).
 * With the defaults (cap 1.2, no bonus item enabled) → `{ cap: 1.2, bonus: 0, max: 120 }`.
 */
export function totalCeiling(s: Pick<Scenario, 'indicators' | 'scoring' | 'bonus_items'>): TotalCeiling {
  let cap = 0;
  for (const ind of s.indicators) {
    if (ind.weight > 0) cap = Math.max(cap, s.scoring.overrides[ind.id]?.cap ?? s.scoring.cap);
  }
  if (cap === 0) cap = s.scoring.cap;
  const bonus = s.bonus_items.reduce((sum, b) => sum + (b.enabled ? b.max_points : 0), 0);
  return { cap, bonus, max: 100 * cap + bonus };
}
