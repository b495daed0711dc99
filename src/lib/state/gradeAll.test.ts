import { describe, expect, it, vi } from 'vitest';
import { allocateGrading, gradeAll } from './gradeAll';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { deriveMetrics } from '../engine/metrics';
import { prepareScoring } from '../engine/score';
import { forcedDistribution, groupIndex } from '../engine/forcedDistribution';
import { BUILT_IN_PRESETS } from '../engine/presets';
import type { Scenario } from '../engine/types';

// Count the real calls (the function still runs).
vi.mock('../engine/forcedDistribution', async (original) => {
  const m = await original<typeof import('../engine/forcedDistribution')>();
  return { ...m, forcedDistribution: vi.fn(m.forcedDistribution) };
});

const ds = metricsDataset(20);
const base = BUILT_IN_PRESETS[0].scenario;
const model = prepareScoring(ds, deriveMetrics(ds, parsePeriod('2026Q1'), base), base);
const group = groupIndex(ds, model.staffIndex, 'team').group;
const weightsOf = (s: Scenario) => Float64Array.from(s.indicators, (i) => i.weight);
const withForced = (on: boolean): Scenario => ({ ...base, forced_distribution: { ...base.forced_distribution, use_forced_distribution: on } });

describe('gradeAll', () => {
  it('final grades follow the forced distribution when it is on', () => {
    const s = withForced(true);
    const g = gradeAll(model, weightsOf(s), s, group, undefined, false);
    expect(g.final).toBe(g.forced);
    const expected = forcedDistribution(Float64Array.from(g.scores.total), group, s.forced_distribution.shares, s.grades.C);
    expect([...g.forced]).toEqual([...expected.forced]);
    expect([...g.rank]).toEqual([...expected.rank]);
  });

  it('off, the forced grades are those of this grading, worked out on first read; reused buffers refuse a stale read', () => {
    const s = withForced(false);
    const out = allocateGrading(model);
    const w = weightsOf(s);
    vi.mocked(forcedDistribution).mockClear();
    const first = gradeAll(model, w, s, group, out, false);
    expect(first.final).toBe(first.grade);
    // a slider move with the thresholds deciding does not distribute
    expect(forcedDistribution).not.toHaveBeenCalled();
    const expected = forcedDistribution(Float64Array.from(first.scores.total), group, s.forced_distribution.shares, s.grades.C);
    expect([...first.forced]).toEqual([...expected.forced]);
    expect([...first.rank]).toEqual([...expected.rank]);
    // worked out once, into the buffers
    expect(first.forced).toBe(out.forced);
    expect(first.rank).toBe(out.rank);
    // the next slider move overwrites the buffers: the first grading no longer holds
    const w2 = w.slice();
    w2[0] = 200;
    const second = gradeAll(model, w2, s, group, out, false);
    expect(second.scores.total).toBe(first.scores.total);
    expect(second.grade).toBe(first.grade);
    expect(() => first.forced).toThrow(/reused/);
    expect(() => first.rank).toThrow(/reused/);
    const expected2 = forcedDistribution(Float64Array.from(second.scores.total), group, s.forced_distribution.shares, s.grades.C);
    expect([...second.forced]).toEqual([...expected2.forced]);
    expect([...second.rank]).toEqual([...expected2.rank]);
  });

  it('grades into the buffers exactly as into new arrays, forced distribution on or off', () => {
    const out = allocateGrading(model);
    for (const on of [true, false, true]) {
      const s = withForced(on);
      for (const w0 of [10, 40, 0, 25]) {
        const w = weightsOf(s);
        w[0] = w0;
        const fresh = gradeAll(model, w, s, group, undefined, false);
        const reused = gradeAll(model, w, s, group, out, false);
        expect(reused.scores.total).toBe(out.scores.total);
        expect([...reused.scores.total]).toEqual([...fresh.scores.total]);
        expect([...reused.grade]).toEqual([...fresh.grade]);
        expect([...reused.final]).toEqual([...fresh.final]);
        expect([...reused.rank]).toEqual([...fresh.rank]);
        expect([...reused.forced]).toEqual([...fresh.forced]);
        expect(reused.gradedCount).toBe(fresh.gradedCount);
      }
    }
  });
});
