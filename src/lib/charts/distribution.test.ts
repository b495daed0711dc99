import { describe, expect, it } from 'vitest';
import { bandBars, bandName, bandRows, gradeCounts } from './distribution';
import type { BandCount } from '../engine/types';

const shares = { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 };
const bands: BandCount[] = [
  { band: 'S', target: 6, actual: 4, gap: -2 },
  { band: 'A', target: 12, actual: 18, gap: 6 },
  { band: 'B', target: 36, actual: 30, gap: -6 },
  { band: 'CD', target: 6, actual: 8, gap: 2 },
];

describe('bandRows', () => {
  it('gives actual and target shares and the gap per band', () => {
    const rows = bandRows(bands, shares);
    expect(rows.map((r) => r.band)).toEqual(['S', 'A', 'B', 'CD']);
    const a = rows[1];
    expect(a).toMatchObject({ actual: 18, target: 12, gap: 6, targetShare: 0.2 });
    expect(a.actualShare).toBeCloseTo(18 / 60, 12);
    expect(rows.reduce((s, r) => s + r.actualShare, 0)).toBeCloseTo(1, 12);
  });

  it('fills a missing band with zeros and handles nobody graded', () => {
    const rows = bandRows([], shares);
    expect(rows.every((r) => r.actual === 0 && r.actualShare === 0 && r.gap === 0)).toBe(true);
    expect(rows[3].targetShare).toBe(0.1);
  });

  it('names the bottom band C+D', () => {
    expect(bandName('CD')).toBe('C+D');
    expect(bandName('A')).toBe('A');
  });
});

describe('gradeCounts', () => {
  it('counts only the listed rows and keeps no-grade apart', () => {
    const g = Uint8Array.of(0, 1, 1, 255, 4, 3);
    expect(gradeCounts(g, [0, 1, 2, 3])).toEqual({ S: 1, A: 2, B: 0, C: 0, D: 0, none: 1 });
    expect(gradeCounts(g, Int32Array.of(4, 5))).toEqual({ S: 0, A: 0, B: 0, C: 1, D: 1, none: 0 });
    expect(gradeCounts(g, [])).toEqual({ S: 0, A: 0, B: 0, C: 0, D: 0, none: 0 });
  });
});

describe('bandBars', () => {
  it('puts counts on one linear scale from the baseline', () => {
    const rows = bandRows(bands, shares);
    const { bars, yMax } = bandBars(rows, 400, 200, { top: 20, right: 0, bottom: 20, left: 0 });
    // The largest count is 36: the scale tops at the round 40.
    expect(yMax).toBe(40);
    const b = bars[2];
    // 40 people would fill the 160 px plot; 36 people are 36/40 of it, 30 people 30/40.
    expect(b.targetH).toBeCloseTo((160 * 36) / 40, 9);
    expect(b.actualH).toBeCloseTo((160 * 30) / 40, 9);
    expect(b.actualY + b.actualH).toBeCloseTo(180, 9);
    expect(bars[0].x).toBeLessThan(bars[1].x);
    expect(bars[3].x + 2 * bars[3].width).toBeLessThanOrEqual(400);
  });

  it('keeps the scale still while counts move a little, so only the changed bars move', () => {
    const rows = bandRows(bands, shares);
    const moved = bandRows(bands.map((b) => (b.band === 'B' ? { ...b, actual: 33, gap: -3 } : b.band === 'CD' ? { ...b, actual: 5, gap: -1 } : b)), shares);
    const a = bandBars(rows, 400, 200);
    const b = bandBars(moved, 400, 200);
    expect(b.yMax).toBe(a.yMax);
    // the target bars and the untouched bands stay where they were
    expect(b.bars.map((x) => [x.targetY, x.targetH])).toEqual(a.bars.map((x) => [x.targetY, x.targetH]));
    expect(b.bars[1]).toEqual(a.bars[1]);
    expect(b.bars[2].actualH).toBeGreaterThan(a.bars[2].actualH);
    // past the round top the scale grows to the next one
    const big = bandBars(bandRows(bands.map((x) => (x.band === 'A' ? { ...x, actual: 41, gap: 29 } : x)), shares), 400, 200);
    expect(big.yMax).toBe(45);
  });

  it('keeps a usable scale when everything is zero', () => {
    const { bars, yMax } = bandBars(bandRows([], shares), 400, 200);
    expect(yMax).toBe(1);
    expect(bars.every((b) => b.actualH === 0 && Number.isFinite(b.actualY))).toBe(true);
  });
});
