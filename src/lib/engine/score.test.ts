import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAINS, LEVELS } from './codes';
import { buildDataset } from './metrics.testkit';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import { parseScenario } from './scenario';
import { allocateScores, baseWeights, prepareScoring, scoreWithWeights } from './score';
import type { MetricMatrix, Period, Scenario } from './types';

const standard = BUILT_IN_PRESETS[0].scenario;
const Q1 = parsePeriod('2026Q1');

interface Person { level: number; domain: number; values: Record<string, number> }
function setup(people: Person[], period: Period = Q1) {
  const ds = buildDataset({
    staff: people.map((p, i) => ({ staff_id: `P${i}`, level: LEVELS[p.level], domain: DOMAINS[p.domain] })),
  });
  const ids = [...new Set(people.flatMap((p) => Object.keys(p.values)))];
  const matrix: MetricMatrix = {
    period,
    staffIndex: Int32Array.from(people, (_, i) => i),
    values: Object.fromEntries(ids.map((id) => [id, Float64Array.from(people, (p) => p.values[id] ?? NaN)])),
  };
  return { ds, matrix };
}

/** Two indicators: A = win_rate (weight 60), B = visits (4/month) + response_24h (weight 40). */
const small = parseScenario({
  format: 'presales-kpi-scenario', version: 1, name: 'small',
  indicators: [
    { id: 'A', category: 'result', weight: 60, metrics: [{ id: 'win_rate', target: 60 }] },
    { id: 'B', category: 'process', weight: 40, metrics: [{ id: 'visits', target: 4, unit: 'month' }, { id: 'response_24h', target: 95 }] },
  ],
  bonus_items: [{ id: 'ltv_uplift', metric: 'ltv_growth_share', max_points: 3, enabled: true }],
});
const score1 = (s: Scenario, values: Record<string, number>, weights = baseWeights(s)) => {
  const { ds, matrix } = setup([{ level: 1, domain: 0, values }]);
  const model = prepareScoring(ds, matrix, s);
  const out = scoreWithWeights(model, weights);
  return { total: out.total[0], coverage: out.coverage[0], points: Array.from(out.points), bonus: model.bonusPoints[0] };
};

describe('scoring by hand (spec §5)', () => {
  it.each<[string, Record<string, number>, number, number, number[]]>([
    // A: 45/60 = 0.75. B: visits 18/12 = 1.5 → capped 1.2, response 1 → A = 1.1. 60·0.75 + 40·1.1 = 89.
    ['both indicators', { win_rate: 45, visits: 18, response_24h: 95 }, 89, 100, [45, 44]],
    ['an N/A metric drops out of its indicator', { win_rate: 45, visits: NaN, response_24h: 95 }, 85, 100, [45, 40]],
    ['an N/A indicator drops out of the total', { win_rate: NaN, visits: 18, response_24h: 95 }, 110, 40, [NaN, 110]],
    ['zero values score zero', { win_rate: 0, visits: 0, response_24h: 0 }, 0, 100, [0, 0]],
    ['capped above', { win_rate: 600, visits: 1200, response_24h: 120 }, 120, 100, [72, 48]],
    ['bonus item adds points', { win_rate: 45, visits: 18, response_24h: 95, ltv_growth_share: 50 }, 90.5, 100, [45, 44]],
  ])('%s', (_, values, total, coverage, points) => {
    const r = score1(small, values);
    expect(r.total).toBeCloseTo(total, 10);
    expect(r.coverage).toBeCloseTo(coverage, 10);
    r.points.forEach((p, j) => (Number.isNaN(points[j]) ? expect(p).toBeNaN() : expect(p).toBeCloseTo(points[j], 10)));
  });

  it('no data at all: no total, coverage 0, no points', () => {
    const r = score1(small, { win_rate: NaN, visits: NaN, response_24h: NaN, ltv_growth_share: 80 });
    expect(r.total).toBeNaN();
    expect(r.coverage).toBe(0);
    expect(r.points.every(Number.isNaN)).toBe(true);
  });

  it('an overridden cap also caps the metric attainments', () => {
    const s = { ...small, scoring: { ...small.scoring, overrides: { B: { cap: 1.1 } } } };
    // visits capped at 1.1 (not 1.2): B = (1.1 + 1) / 2 = 1.05 → 45 + 42.
    expect(score1(s, { win_rate: 45, visits: 18, response_24h: 95 }).total).toBeCloseTo(87, 10);
  });

  it('a weight of 0 leaves the indicator out of the total and its points empty', () => {
    const r = score1(small, { win_rate: 45, visits: 18, response_24h: 95 }, Float64Array.of(0, 40));
    expect(r.total).toBeCloseTo(110, 10);
    expect(r.coverage).toBe(100);
    expect(r.points[0]).toBeNaN();
  });

  it('all weights 0: no total', () => {
    expect(score1(small, { win_rate: 45, visits: 18, response_24h: 95 }, Float64Array.of(0, 0)).total).toBeNaN();
  });

  it('bonus: max_points × share / 100, 0 when N/A, at most max_points', () => {
    expect(score1(small, { win_rate: 60, ltv_growth_share: 100 }).bonus).toBe(3);
    expect(score1(small, { win_rate: 60, ltv_growth_share: NaN }).bonus).toBe(0);
    expect(score1(small, { win_rate: 60, ltv_growth_share: 250 }).bonus).toBe(3);
    expect(score1({ ...small, bonus_items: [{ ...small.bonus_items[0], enabled: false }] }, { win_rate: 60, ltv_growth_share: 100 }).bonus).toBe(0);
  });

  it('rounds the total per §5', () => {
    // 100·(1·f1 + 2·f2)/3 with f1 = 0.6275 (win_rate 37.65 / 60), f2 = 0.6275 → 62.75 exactly.
    const s = { ...small, bonus_items: [] };
    const r = score1(s, { win_rate: 37.65, visits: 7.53, response_24h: 59.6125 }, Float64Array.of(1, 2));
    expect(r.total).toBe(62.75);
    const r2 = score1(s, { win_rate: 37.653, visits: NaN, response_24h: NaN }, Float64Array.of(1, 0));
    expect(r2.total).toBe(62.76); // 62.755 → away from zero
  });

  it('uses the level/domain profile for targets and weights', () => {
    const { ds, matrix } = setup([
      { level: 0, domain: 0, values: { win_rate: 50 } }, // junior: target 50 → 1
      { level: 2, domain: 0, values: { win_rate: 50 } }, // senior: target 65
    ]);
    const model = prepareScoring(ds, matrix, standard);
    expect(model.fraction[0]).toBeCloseTo(1, 12);
    expect(model.fraction[model.k]).toBeCloseTo(50 / 65, 12);
    expect(model.comboOf[1]).toBe(2 * 3 + 0);
  });

  it('refuses a weight vector of the wrong length', () => {
    const { ds, matrix } = setup([{ level: 1, domain: 0, values: { win_rate: 50 } }]);
    expect(() => scoreWithWeights(prepareScoring(ds, matrix, small), Float64Array.of(1))).toThrow(RangeError);
  });
});

// ---- property tests over the standard scenario -------------------------------------------

const METRICS = standard.indicators.flatMap((ind) => ind.metrics);
const UNIT_MONTHS = { month: 1, quarter: 3, year: 12 } as const;
const person = fc.record({
  level: fc.nat(2),
  domain: fc.nat(2),
  // factor of the metric's target: covers below, on and above target; null = N/A
  factors: fc.array(fc.option(fc.double({ min: 0, max: 2.5, noNaN: true }), { freq: 5 }), { minLength: METRICS.length, maxLength: METRICS.length }),
  ltv: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
});
type Gen = { level: number; domain: number; factors: (number | null)[]; ltv: number | null };
const toPerson = (g: Gen): Person => ({
  level: g.level,
  domain: g.domain,
  values: {
    ...Object.fromEntries(METRICS.map((m, q) => [
      m.id, g.factors[q] === null ? NaN : g.factors[q]! * m.target * (m.unit ? Q1.months / UNIT_MONTHS[m.unit] : 1),
    ])),
    ltv_growth_share: g.ltv ?? NaN,
  },
});
const people = fc.array(person, { minLength: 1, maxLength: 20 });
const withBonus: Scenario = { ...standard, bonus_items: [{ ...standard.bonus_items[0], enabled: true }] };

describe('scoring properties', () => {
  it('points add up to the total before the bonus (within rounding)', () => {
    fc.assert(fc.property(people, (gs) => {
      const { ds, matrix } = setup(gs.map(toPerson));
      const model = prepareScoring(ds, matrix, withBonus);
      const s = scoreWithWeights(model, baseWeights(withBonus));
      for (let i = 0; i < model.n; i++) {
        if (Number.isNaN(s.total[i])) continue;
        let sum = 0;
        for (let j = 0; j < model.k; j++) if (!Number.isNaN(s.points[i * model.k + j])) sum += s.points[i * model.k + j];
        expect(Math.abs(sum + model.bonusPoints[i] - s.total[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    }));
  });

  it('multiplying every weight (base and deltas) by k > 0 changes nothing', () => {
    const scaled = (k: number): Scenario => {
      const s = structuredClone(standard);
      s.indicators.forEach((ind) => { ind.weight *= k; });
      for (const p of [...Object.values(s.profiles.level), ...Object.values(s.profiles.domain)]) {
        for (const id of Object.keys(p?.weights ?? {})) p!.weights![id] *= k;
      }
      return s;
    };
    fc.assert(fc.property(people, fc.double({ min: 0.01, max: 100, noNaN: true }), (gs, k) => {
      const { ds, matrix } = setup(gs.map(toPerson));
      const a = scoreWithWeights(prepareScoring(ds, matrix, standard), baseWeights(standard));
      const sk = scaled(k);
      const b = scoreWithWeights(prepareScoring(ds, matrix, sk), baseWeights(sk));
      for (let i = 0; i < a.total.length; i++) {
        if (Number.isNaN(a.total[i])) expect(b.total[i]).toBeNaN();
        else expect(Math.abs(b.total[i] - a.total[i])).toBeLessThanOrEqual(0.0100001); // only a 1e-9 tie could flip a cent
        expect(b.coverage[i]).toBeCloseTo(a.coverage[i], 9);
      }
    }));
  });

  it('totals are exactly invariant for an integer scale of the base weights without deltas', () => {
    const plain: Scenario = { ...standard, profiles: { level: {}, domain: {} } };
    fc.assert(fc.property(people, fc.integer({ min: 2, max: 50 }), (gs, k) => {
      const { ds, matrix } = setup(gs.map(toPerson));
      const model = prepareScoring(ds, matrix, plain);
      const a = Float64Array.from(scoreWithWeights(model, baseWeights(plain)).total);
      const b = scoreWithWeights(model, baseWeights(plain).map((w) => w * k)).total;
      expect(Array.from(b)).toEqual(Array.from(a));
    }));
  });

  it('raising one metric (direction higher) never lowers a total', () => {
    fc.assert(fc.property(person, fc.nat(METRICS.length - 1), fc.double({ min: 0, max: 3, noNaN: true }), (g, q, extra) => {
      fc.pre(g.factors[q] !== null);
      const before = toPerson(g);
      const after = toPerson({ ...g, factors: g.factors.map((f, i) => (i === q ? f! + extra : f)) });
      const { ds, matrix } = setup([before, after]);
      const s = scoreWithWeights(prepareScoring(ds, matrix, standard), baseWeights(standard));
      expect(s.total[1]).toBeGreaterThanOrEqual(s.total[0]);
    }));
  });

  it('coverage: 100 with no N/A, 0 exactly when nothing weighted is known', () => {
    fc.assert(fc.property(people, (gs) => {
      const ps = gs.map(toPerson);
      const { ds, matrix } = setup(ps);
      const model = prepareScoring(ds, matrix, standard);
      const s = scoreWithWeights(model, baseWeights(standard));
      ps.forEach((p, i) => {
        const naIndicators = standard.indicators.map((ind) => ind.metrics.every((m) => Number.isNaN(p.values[m.id])));
        const w = standard.indicators.map((_, j) => model.comboWeights[model.comboOf[i] * model.k + j]);
        const known = w.reduce((a, x, j) => a + (naIndicators[j] ? 0 : x), 0);
        const all = w.reduce((a, x) => a + x, 0);
        expect(s.coverage[i]).toBeCloseTo((100 * known) / all, 9);
        expect(Number.isNaN(s.total[i])).toBe(known === 0);
        naIndicators.forEach((na, j) => { if (na) expect(s.points[i * model.k + j]).toBeNaN(); });
      });
    }));
  });

  it('re-scoring into `out` gives the same numbers as a fresh call', () => {
    fc.assert(fc.property(people, fc.array(fc.nat(30), { minLength: 12, maxLength: 12 }), (gs, w) => {
      const { ds, matrix } = setup(gs.map(toPerson));
      const model = prepareScoring(ds, matrix, standard);
      const out = allocateScores(model);
      scoreWithWeights(model, baseWeights(standard), out);
      const again = scoreWithWeights(model, Float64Array.from(w), out);
      const fresh = scoreWithWeights(model, Float64Array.from(w));
      expect(again).toBe(out);
      expect(Array.from(again.total)).toEqual(Array.from(fresh.total));
      expect(Array.from(again.points)).toEqual(Array.from(fresh.points));
    }), { numRuns: 50 });
  });
});
