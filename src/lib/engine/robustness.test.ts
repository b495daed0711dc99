import { describe, expect, it } from 'vitest';
import { mulberry32 } from './mulberry32';
import { metricsDataset } from './metricsDataset.testkit';
import { SEED_BANDS } from './bands';
import { GRADES } from './codes';
import { groupIndex } from './forcedDistribution';
import { deriveMetrics } from './metrics';
import { buildDataset } from './metrics.testkit';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { resultsFromMatrix } from './results';
import {
  gradeProbabilities, gradingGroups, robustness, robustnessAsync, RobustnessError, RobustnessRun, sampleShares, SLOTS,
  weightSampler,
} from './robustness';
import { prepareScoring } from './score';
import type { MetricMatrix, Scenario } from './types';

const standard = presetScenario('standard');

function setup(scenario: Scenario, n = 40) {
  const ds = metricsDataset(n);
  const matrix = deriveMetrics(ds, parsePeriod('2026Q1'), scenario);
  const model = prepareScoring(ds, matrix, scenario);
  const teamGroup = groupIndex(ds, matrix.staffIndex, 'team').group;
  return { ds, matrix, model, group: gradingGroups(model, scenario, teamGroup) };
}

const errorOf = (f: () => unknown): RobustnessError => {
  try { f(); } catch (e) { if (e instanceof RobustnessError) return e; throw e; }
  throw new Error('expected a RobustnessError');
};

describe('weightSampler / sampleShares', () => {
  it('every draw keeps each banded share inside its band, the others at their share, and sums to 100', () => {
    for (const id of ['standard', 'saas-push', 'finance-focus', 'annual-longterm', 'balanced']) {
      const s = presetScenario(id);
      const sp = weightSampler(s);
      const sum = s.indicators.reduce((t, ind) => t + ind.weight, 0);
      const rng = mulberry32(99);
      const out = new Float64Array(s.indicators.length);
      const wrong: string[] = [];
      for (let t = 0; t < 1000; t++) {
        sampleShares(sp, rng, out);
        if (Math.abs(out.reduce((a, b) => a + b, 0) - 100) > 1e-9) wrong.push(`${id} #${t}: sum ${out.reduce((a, b) => a + b, 0)}`);
        s.indicators.forEach((ind, j) => {
          const band = ind.weight > 0 ? SEED_BANDS[ind.id] : undefined;
          const ok = band ? out[j] >= band[0] && out[j] <= band[1] : Math.abs(out[j] - (100 * ind.weight) / sum) < 1e-9;
          if (!ok) wrong.push(`${id} #${t}: ${ind.id} = ${out[j]}`);
        });
      }
      expect(wrong).toEqual([]);
    }
  });

  it('spreads draws over the whole band, not just one point of it', () => {
    const sp = weightSampler(standard);
    const rng = mulberry32(5);
    const out = new Float64Array(standard.indicators.length);
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = 0; t < 3000; t++) {
      sampleShares(sp, rng, out);
      lo = Math.min(lo, out[0]);
      hi = Math.max(hi, out[0]);
    }
    expect(lo).toBeLessThan(15.5);
    expect(hi).toBeGreaterThan(19.5);
  });

  it('refuses, in both languages, a scenario whose fixed shares leave no room inside the bands', () => {
    const s = structuredClone(standard);
    s.indicators.find((i) => i.id === 'sales_satisfaction')!.weight = 60;
    const e = errorOf(() => weightSampler(s));
    expect(e.code).toBe('infeasible');
    expect(e.text.zh).toMatch(/区间/);
    expect(e.text.en).toMatch(/73–115%/);
  });
});

describe('robustness', () => {
  it('counts each person once per sample; probabilities sum to 1; modal and boundary follow the counts', () => {
    const { model, group } = setup(standard);
    const r = robustness(model, standard, group, { samples: 200, seed: 1, threshold: 0.9 });
    expect(r.samples).toBe(200);
    expect(r.acceptanceRate).toBeGreaterThan(0);
    expect(r.acceptanceRate).toBeLessThanOrEqual(1);
    let boundary = 0;
    for (let i = 0; i < r.n; i++) {
      const row = Array.from(r.counts.subarray(i * SLOTS, (i + 1) * SLOTS));
      expect(row.reduce((a, b) => a + b, 0)).toBe(200);
      const p = gradeProbabilities(r, i);
      expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const best = Math.max(...row);
      expect(r.modalProbability[i]).toBe(best / 200);
      expect(row[r.modal[i] === 255 ? 5 : r.modal[i]]).toBe(best);
      expect(r.boundary[i]).toBe(best / 200 < 0.9 ? 1 : 0);
      boundary += r.boundary[i];
    }
    expect(r.boundaryCount).toBe(boundary);
  });

  it('matches grading every draw through the full results path', () => {
    for (const forced of [false, true]) {
      const s = structuredClone(standard);
      s.forced_distribution.use_forced_distribution = forced;
      s.forced_distribution.group_by = forced ? 'team' : 'none';
      const { ds, matrix, model, group } = setup(s, 30);
      const r = robustness(model, s, group, { samples: 40, seed: 11 });
      const sp = weightSampler(s);
      const rng = mulberry32(11);
      const shares = new Float64Array(s.indicators.length);
      const expected = new Uint32Array(model.n * SLOTS);
      for (let t = 0; t < 40; t++) {
        sampleShares(sp, rng, shares);
        const { results } = resultsFromMatrix(ds, matrix, s, { baseWeights: shares.map((x) => x * sp.scale) });
        const byRow = new Map(results.map((x) => [x.staffIndex, x.final_grade]));
        matrix.staffIndex.forEach((row, i) => {
          const g = byRow.get(row) ?? null;
          expected[i * SLOTS + (g === null ? 5 : GRADES.indexOf(g))]++;
        });
      }
      expect(Array.from(r.counts)).toEqual(Array.from(expected));
    }
  });

  it('is reproducible by seed and differs between seeds', () => {
    const { model, group } = setup(standard);
    const a = robustness(model, standard, group, { samples: 150, seed: 42 });
    const b = robustness(model, standard, group, { samples: 150, seed: 42 });
    const c = robustness(model, standard, group, { samples: 150, seed: 43 });
    expect(Array.from(b.counts)).toEqual(Array.from(a.counts));
    expect(Array.from(b.meanTotal)).toEqual(Array.from(a.meanTotal));
    expect(Array.from(c.counts)).not.toEqual(Array.from(a.counts));
  });

  it('gives a person without data "no grade" with certainty, not a boundary flag', () => {
    const ds = buildDataset({ staff: [{ staff_id: 'A1' }, { staff_id: 'B2' }] });
    const values: MetricMatrix['values'] = {};
    for (const m of standard.indicators.flatMap((i) => i.metrics)) values[m.id] = Float64Array.of(NaN, m.target * 3);
    const model = prepareScoring(ds, { period: parsePeriod('2026Q1'), staffIndex: Int32Array.of(0, 1), values }, standard);
    const r = robustness(model, standard, gradingGroups(model, standard), { samples: 30, seed: 3 });
    expect(r.modal[0]).toBe(255);
    expect(r.modalProbability[0]).toBe(1);
    expect(r.boundary[0]).toBe(0);
    expect(r.meanTotal[0]).toBeNaN();
    expect(r.modal[1]).toBe(0); // three times every target: S in every draw
    expect(r.current[1]).toBe(0);
  });

  it('reports progress and stops between samples when asked', () => {
    const { model, group } = setup(standard, 10);
    const seen: number[] = [];
    robustness(model, standard, group, { samples: 60, seed: 1, chunk: 25, onProgress: (d, t) => { expect(t).toBe(60); seen.push(d); } });
    expect(seen).toEqual([25, 50, 60]);
    let asks = 0;
    const e = errorOf(() => robustness(model, standard, group, { samples: 100, seed: 1, chunk: 10, shouldStop: () => ++asks > 3 }));
    expect(e.code).toBe('cancelled');
    expect(e.text.zh).toBe('稳健性分析已取消。');
    const run = new RobustnessRun(model, standard, group, { samples: 100, seed: 1 });
    run.step(7);
    expect(run.result().samples).toBe(7);
    expect(run.finished).toBe(false);
  });

  it('robustnessAsync gives the same result and rejects once the signal aborts', async () => {
    const { model, group } = setup(standard, 10);
    const sync = robustness(model, standard, group, { samples: 50, seed: 9 });
    const async = await robustnessAsync(model, standard, group, { samples: 50, seed: 9, chunk: 7 });
    expect(Array.from(async.counts)).toEqual(Array.from(sync.counts));
    const ac = new AbortController();
    const p = robustnessAsync(model, standard, group, { samples: 1000, seed: 9, chunk: 5, signal: ac.signal, onProgress: (d) => { if (d >= 10) ac.abort(); } });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('validates its options and the grouping', () => {
    const { model, group } = setup(standard, 5);
    expect(errorOf(() => robustness(model, standard, group, { samples: 0, seed: 1 })).text.en).toMatch(/samples/);
    expect(errorOf(() => robustness(model, standard, group, { samples: 5, seed: 1, threshold: 1.5 })).text.zh).toMatch(/阈值/);
    const byTeam = structuredClone(standard);
    byTeam.forced_distribution = { ...byTeam.forced_distribution, use_forced_distribution: true, group_by: 'team' };
    expect(errorOf(() => gradingGroups(model, byTeam)).code).toBe('invalid');
    const byLevel = structuredClone(byTeam);
    byLevel.forced_distribution.group_by = 'level';
    expect(Array.from(gradingGroups(model, byLevel))).toEqual(Array.from(model.levelOf));
    expect(Array.from(gradingGroups(model, standard))).toEqual([0, 0, 0, 0, 0]);
  });
});
