/**
 * Attainment and score fraction of spec §5: from a metric value and its target to an
 * indicator's fraction f (1 = on target, up to cap above, down to 0 below).
 */
import type { Direction, Scenario, ScoringRule } from './types';

/**
 * A metric's attainment a, capped: x / t (higher is better) or t / x (lower is better).
 * NaN (N/A) stays NaN. A lower-is-better value of 0 — or below, which is even better —
 * gives the cap. `metricAttainment(45, 60, 'higher', 1.2) === 0.75`, `metricAttainment(0, 5, 'lower', 1.2) === 1.2`.
 */
export function metricAttainment(x: number, target: number, direction: Direction, cap: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = direction === 'higher' ? x / target : x <= 0 ? cap : target / x;
  return a < cap ? a : cap;
}

/**
 * An indicator's attainment A = Σ v·a / Σ v over its non-N/A metrics; NaN when all are N/A.
 * `indicatorAttainment([0.5, NaN, 1], [1, 1, 2]) === 2.5 / 3`.
 */
export function indicatorAttainment(attainments: ArrayLike<number>, subweights: ArrayLike<number>): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < attainments.length; i++) {
    const a = attainments[i];
    if (Number.isNaN(a)) continue;
    sum += subweights[i] * a;
    weight += subweights[i];
  }
  return weight > 0 ? sum / weight : NaN;
}

/**
 * Score fraction f from attainment A: above target min(cap, 1 + bonus_slope·(A − 1)); below
 * max(0, 1 − penalty_slope·(1 − A)), and 0 when A < zero_below. NaN stays NaN.
 * Defaults give f = min(1.2, A): `scoreFraction(0.8, { cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0 }) === 0.8`.
 */
export function scoreFraction(A: number, rule: ScoringRule): number {
  if (Number.isNaN(A)) return NaN;
  if (A >= 1) return Math.min(rule.cap, 1 + rule.bonus_slope * (A - 1));
  if (A < rule.zero_below) return 0;
  return Math.max(0, 1 - rule.penalty_slope * (1 - A));
}

/**
 * The scoring rule of one indicator: the scenario's defaults with that indicator's
 * `scoring.overrides` applied. Its `cap` also caps the indicator's metric attainments.
 */
export function indicatorRule(s: Scenario, indicatorId: string): ScoringRule {
  const o = s.scoring.overrides[indicatorId] ?? {};
  return {
    cap: o.cap ?? s.scoring.cap,
    bonus_slope: o.bonus_slope ?? s.scoring.bonus_slope,
    penalty_slope: o.penalty_slope ?? s.scoring.penalty_slope,
    zero_below: o.zero_below ?? s.scoring.zero_below,
  };
}
