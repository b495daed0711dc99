/**
 * Numbers behind the grade-distribution chart: per band S / A / B / C+D the actual count and
 * share beside the forced-distribution target (spec §6 "the app shows each band's target
 * count, actual count and the difference"), and the bar geometry. The quotas themselves come
 * from the engine's `bandCounts`; this file only turns them into what the chart draws.
 */
import { max, nice } from 'd3-array';
import type { BandCount, Scenario } from '../engine/types';
import { GRADES, type Grade } from '../engine/codes';

export type Band = BandCount['band'];
export const BANDS: readonly Band[] = ['S', 'A', 'B', 'CD'];
/** Screen name of a band: the spec writes the bottom band as "C+D". */
export const bandName = (b: Band): string => (b === 'CD' ? 'C+D' : b);

export interface BandRow {
  band: Band;
  actual: number;
  target: number;
  /** actual − target: positive = more people in the band than the quota */
  gap: number;
  /** 0–1 of the graded people shown */
  actualShare: number;
  /** 0–1, the scenario's configured share */
  targetShare: number;
}

/**
 * Joins the engine's band counts with the configured shares.
 * `bandRows([{band:'A', target:12, actual:18, gap:6}, …], shares)` → the A row has
 * actualShare 18 / Σ actual and targetShare shares.A.
 */
export function bandRows(bands: readonly BandCount[], shares: Scenario['forced_distribution']['shares']): BandRow[] {
  const n = bands.reduce((s, b) => s + b.actual, 0);
  return BANDS.map((band) => {
    const b = bands.find((x) => x.band === band) ?? { band, target: 0, actual: 0, gap: 0 };
    return {
      band,
      actual: b.actual,
      target: b.target,
      gap: b.actual - b.target,
      actualShare: n > 0 ? b.actual / n : 0,
      targetShare: shares[band],
    };
  });
}

/**
 * Counts per grade S…D of the people in `rows` (indices into `finalGrades`, a GRADES index per
 * person, 255 = no grade). `gradeCounts(Uint8Array.of(0, 1, 1, 255), [0, 1, 2, 3])` →
 * `{ S: 1, A: 2, B: 0, C: 0, D: 0, none: 1 }`.
 */
export function gradeCounts(finalGrades: ArrayLike<number>, rows: ArrayLike<number>): Record<Grade | 'none', number> {
  const c = { S: 0, A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (let j = 0; j < rows.length; j++) {
    const g = finalGrades[rows[j]];
    if (g < GRADES.length) c[GRADES[g]]++;
    else c.none++;
  }
  return c;
}

export interface BandBar { band: Band; x: number; width: number; actualY: number; actualH: number; targetY: number; targetH: number }

/**
 * Bar geometry for a chart of `width`×`height` pixels inside `pad` (the caller's margins):
 * each band gets an actual bar and a target bar side by side on one count scale. The scale's
 * top is rounded up to a round number (36 → 40, 1,219 → 1,300), so it stays still while a
 * slider drags the counts: only the bars whose count changed move, not every bar at each step.
 */
export function bandBars(
  rows: readonly BandRow[],
  width: number,
  height: number,
  pad = { top: 24, right: 8, bottom: 40, left: 8 },
): { bars: BandBar[]; yMax: number } {
  // d3's scaleBand (inner padding 0.3, outer 0.15, centred) and a niced linear count scale,
  // written out: this runs on every slider move, and building two d3 scales each time cost more.
  const inner = 0.3;
  const outer = 0.15;
  const left = pad.left;
  const span = width - pad.right - left;
  const step = span / Math.max(1, BANDS.length - inner + outer * 2);
  const start = left + (span - step * (BANDS.length - inner)) / 2;
  const half = (step * (1 - inner)) / 2;
  const [, yMax] = nice(0, Math.max(1, max(rows, (r) => Math.max(r.actual, r.target)) ?? 1), 10);
  const base = height - pad.bottom;
  const perCount = (base - pad.top) / yMax;
  const bars = rows.map((r) => {
    const i = BANDS.indexOf(r.band);
    return {
      band: r.band,
      x: i < 0 ? 0 : start + step * i,
      width: half,
      actualY: base - r.actual * perCount,
      actualH: r.actual * perCount,
      targetY: base - r.target * perCount,
      targetH: r.target * perCount,
    };
  });
  return { bars, yMax };
}
