import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorAttainment, indicatorRule, metricAttainment, scoreFraction } from './attainment';
import { BUILT_IN_PRESETS } from './presets';
import type { ScoringRule } from './types';

const DEFAULT: ScoringRule = { cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0 };

describe('metricAttainment', () => {
  it.each<[string, number, number, 'higher' | 'lower', number, number]>([
    ['higher, on target', 60, 60, 'higher', 1.2, 1],
    ['higher, below', 45, 60, 'higher', 1.2, 0.75],
    ['higher, above but under cap', 66, 60, 'higher', 1.2, 1.1],
    ['higher, capped', 120, 60, 'higher', 1.2, 1.2],
    ['higher, zero', 0, 60, 'higher', 1.2, 0],
    ['higher, larger cap', 90, 60, 'higher', 1.5, 1.5],
    ['lower, on target', 5, 5, 'lower', 1.2, 1],
    ['lower, worse (more)', 10, 5, 'lower', 1.2, 0.5],
    ['lower, better, capped', 2, 5, 'lower', 1.2, 1.2],
    ['lower, better, uncapped', 4.5, 5, 'lower', 1.2, 5 / 4.5],
    ['lower, zero gives the cap', 0, 5, 'lower', 1.2, 1.2],
    ['lower, zero with a larger cap', 0, 5, 'lower', 2, 2],
  ])('%s', (_, x, t, dir, cap, want) => {
    expect(metricAttainment(x, t, dir, cap)).toBeCloseTo(want, 12);
  });

  it('N/A stays N/A', () => {
    expect(metricAttainment(NaN, 60, 'higher', 1.2)).toBeNaN();
    expect(metricAttainment(NaN, 60, 'lower', 1.2)).toBeNaN();
  });
});

describe('indicatorAttainment', () => {
  it.each<[string, number[], number[], number]>([
    ['equal sub-weights', [0.5, 1, 1.2], [1, 1, 1], 2.7 / 3],
    ['sub-weighted', [0.5, 1], [1, 3], 3.5 / 4],
    ['skips N/A metrics', [0.5, NaN, 1], [1, 1, 2], 2.5 / 3],
    ['one metric', [0.8], [1], 0.8],
  ])('%s', (_, a, v, want) => {
    expect(indicatorAttainment(a, v)).toBeCloseTo(want, 12);
  });

  it('is N/A when every metric is', () => {
    expect(indicatorAttainment([NaN, NaN], [1, 1])).toBeNaN();
    expect(indicatorAttainment([], [])).toBeNaN();
  });
});

describe('scoreFraction', () => {
  it.each<[string, number, Partial<ScoringRule>, number]>([
    ['defaults: f = A below target', 0.8, {}, 0.8],
    ['defaults: f = A above target', 1.1, {}, 1.1],
    ['defaults: f capped at 1.2', 1.5, {}, 1.2],
    ['on target is 1 whatever the slopes', 1, { bonus_slope: 3, penalty_slope: 3 }, 1],
    ['bonus slope 2', 1.05, { bonus_slope: 2 }, 1.1],
    ['bonus slope 2, capped', 1.2, { bonus_slope: 2 }, 1.2],
    ['bonus slope 0: no bonus', 1.2, { bonus_slope: 0 }, 1],
    ['penalty slope 2', 0.8, { penalty_slope: 2 }, 0.6],
    ['penalty slope 2, floored at 0', 0.4, { penalty_slope: 2 }, 0],
    ['penalty slope 0.5', 0.6, { penalty_slope: 0.5 }, 0.8],
    ['zero_below: just below → 0', 0.59, { zero_below: 0.6 }, 0],
    ['zero_below: at it → normal', 0.6, { zero_below: 0.6 }, 0.6],
    ['zero_below does not touch A ≥ 1', 1, { zero_below: 1 }, 1],
    ['A = 0', 0, {}, 0],
    ['negative A floors at 0', -0.5, {}, 0],
  ])('%s', (_, A, rule, want) => {
    expect(scoreFraction(A, { ...DEFAULT, ...rule })).toBeCloseTo(want, 12);
  });

  it('N/A stays N/A', () => {
    expect(scoreFraction(NaN, DEFAULT)).toBeNaN();
  });

  it('never decreases with A and stays within [0, cap]', () => {
    const rule = fc.record({
      cap: fc.double({ min: 1, max: 3, noNaN: true }),
      bonus_slope: fc.double({ min: 0, max: 5, noNaN: true }),
      penalty_slope: fc.double({ min: 0, max: 5, noNaN: true }),
      zero_below: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const a = fc.double({ min: 0, max: 3, noNaN: true });
    fc.assert(fc.property(rule, a, a, (r, x, y) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      expect(scoreFraction(lo, r)).toBeLessThanOrEqual(scoreFraction(hi, r));
      expect(scoreFraction(hi, r)).toBeGreaterThanOrEqual(0);
      expect(scoreFraction(hi, r)).toBeLessThanOrEqual(r.cap);
    }));
  });
});

describe('indicatorRule', () => {
  const standard = BUILT_IN_PRESETS[0].scenario;
  it('is the scenario default without an override', () => {
    expect(indicatorRule(standard, 'win_rate')).toEqual(DEFAULT);
  });
  it('applies a partial override', () => {
    const s = { ...standard, scoring: { ...standard.scoring, overrides: { win_rate: { cap: 1.5, zero_below: 0.5 } } } };
    expect(indicatorRule(s, 'win_rate')).toEqual({ cap: 1.5, bonus_slope: 1, penalty_slope: 1, zero_below: 0.5 });
    expect(indicatorRule(s, 'adoption_rate')).toEqual(DEFAULT);
  });
});
