import { describe, expect, it } from 'vitest';
import { FALLBACK_WIDTH, bandAxis, chartWidth, linearAxis, shareTicks, tickCount } from './frame';

describe('chartWidth', () => {
  it('uses the measured width once there is one, the fallback before', () => {
    expect(chartWidth(0)).toBe(FALLBACK_WIDTH);
    expect(chartWidth(-1)).toBe(FALLBACK_WIDTH);
    expect(chartWidth(612)).toBe(612);
  });
});

describe('linearAxis', () => {
  it('nices the domain to a round top so the last tick is the top of the plot', () => {
    const { scale, ticks } = linearAxis([0, 37], [200, 0], { count: 4, nice: true, integer: true });
    expect(scale.domain()).toEqual([0, 40]);
    expect(ticks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks.at(-1)!.pos).toBe(0);
    expect(ticks[0].pos).toBe(200);
  });

  it('keeps whole ticks only when asked (a count of 1 person, not 0.5)', () => {
    const all = linearAxis([0, 2], [100, 0], { count: 4 }).ticks.map((t) => t.value);
    expect(all).toContain(0.5);
    expect(linearAxis([0, 2], [100, 0], { count: 4, integer: true }).ticks.map((t) => t.value)).toEqual([0, 1, 2]);
  });

  it('leaves the domain as given without nice, and clamps when asked', () => {
    const { scale } = linearAxis([0, 37], [0, 100]);
    expect(scale.domain()).toEqual([0, 37]);
    expect(scale(74)).toBe(200);
    expect(linearAxis([0, 37], [0, 100], { clamp: true }).scale(74)).toBe(100);
  });

  it('places each tick where the scale puts its value', () => {
    const { scale, ticks } = linearAxis([0, 120], [36, 436], { count: 6 });
    for (const t of ticks) expect(t.pos).toBe(scale(t.value));
    expect(ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100, 120]);
  });
});

describe('tickCount', () => {
  it('fits one label per labelPx pixels, never fewer than 2', () => {
    expect(tickCount(400, 40)).toBe(10);
    expect(tickCount(50, 40)).toBe(2);
    expect(tickCount(0)).toBe(2);
  });
});

describe('bandAxis', () => {
  it('splits the range into equal bands with the given padding', () => {
    const x = bandAxis(['S', 'A', 'B', 'CD'], [0, 400], 0, 0);
    expect(x.bandwidth()).toBe(100);
    expect(x('B')).toBe(200);
    expect(bandAxis(['S', 'A'], [0, 100], 0.25, 0.1).bandwidth()).toBeLessThan(50);
  });
});

describe('shareTicks', () => {
  it('divides 0–100 % into equal parts, each at its own position in a 0–100 viewBox', () => {
    expect(shareTicks(4)).toEqual([0, 25, 50, 75, 100].map((v) => ({ value: v, pos: v })));
    expect(shareTicks(2).map((t) => t.value)).toEqual([0, 50, 100]);
  });
});
