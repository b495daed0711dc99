import { describe, expect, it } from 'vitest';
import { metricsDataset } from './metricsDataset.testkit';
import { groupIndex } from './forcedDistribution';
import { gradeOf } from './grades';
import { deriveMetrics } from './metrics';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { resultsFromMatrix } from './results';
import { baseWeights, prepareScoring } from './score';
import { bandedIndicators } from './bands';
import { sensitivity, sensitivitySteps, STEPS_PER_SLICE } from './sensitivity';
import type { Scenario } from './types';

function setup(scenario: Scenario, n = 60) {
  const ds = metricsDataset(n);
  const matrix = deriveMetrics(ds, parsePeriod('2026Q1'), scenario);
  const model = prepareScoring(ds, matrix, scenario);
  const group = groupIndex(ds, matrix.staffIndex, scenario.forced_distribution.group_by).group;
  /** final grades by model row from the full results path, for base weights `w` */
  const gradesAt = (w: Float64Array) => {
    const { results } = resultsFromMatrix(ds, matrix, scenario, { baseWeights: w });
    const byRow = new Map(results.map((r) => [r.staffIndex, r.final_grade]));
    return Array.from(matrix.staffIndex, (row) => byRow.get(row) ?? null);
  };
  return { model, group, gradesAt };
}

const withWeight = (s: Scenario, j: number, w: number) => { const b = baseWeights(s); b[j] = w; return b; };

describe('sensitivity', () => {
  const standard = presetScenario('standard');

  it('sweeps every indicator with a seed band and weight > 0, 21 steps from the low to the high end', () => {
    const { model, group } = setup(standard);
    const { indicators } = sensitivity(model, standard, group);
    expect(indicators.map((x) => x.id)).toEqual([
      'win_rate', 'sales_contribution', 'high_value_rate', 'adoption_rate', 'solution_quality', 'support_efficiency',
      'insight_knowledge', 'professional_growth', 'teamwork_satisfaction', 'innovation',
    ]);
    const win = indicators[0];
    expect(win.band).toEqual([15, 20]);
    expect(win.steps).toHaveLength(21);
    expect(win.steps[0]).toBe(15);
    expect(win.steps[20]).toBe(20);
    expect(win.steps[10]).toBeCloseTo(17.5, 12);
    expect(win.current).toBe(18);
  });

  it('counts at the band ends match a full re-computation with that weight', () => {
    const { model, group, gradesAt } = setup(standard);
    const { indicators } = sensitivity(model, standard, group);
    const now = gradesAt(baseWeights(standard));
    let nonZero = 0;
    for (const ind of indicators) {
      const atLow = gradesAt(withWeight(standard, ind.index, ind.band[0]));
      const atHigh = gradesAt(withWeight(standard, ind.index, ind.band[1]));
      expect(ind.low).toBe(atLow.filter((g, i) => g !== now[i]).length);
      expect(ind.high).toBe(atHigh.filter((g, i) => g !== now[i]).length);
      expect(ind.changed[0]).toBe(ind.low);
      nonZero += ind.low + ind.high;
    }
    expect(nonZero).toBeGreaterThan(0); // the data set is spread enough for weights to matter
  });

  it('reports, per person, the first step walking away from the current weight where the grade differs', () => {
    const { model, group, gradesAt } = setup(standard);
    const { indicators, current } = sensitivity(model, standard, group);
    const people = indicators.flatMap((ind) => ind.people.map((p) => ({ ind, p })));
    expect(people.length).toBeGreaterThan(0);
    for (const { ind, p } of people.slice(0, 12)) {
      expect(p.row).toBeGreaterThanOrEqual(0);
      expect(gradeOf(current[p.row])).toBe(p.from);
      for (const [side, sw] of [['down', p.down], ['up', p.up]] as const) {
        if (!sw) continue;
        expect(side === 'down' ? sw.value < ind.current : sw.value > ind.current).toBe(true);
        expect(gradesAt(withWeight(standard, ind.index, sw.value))[p.row]).toBe(sw.to);
        // every step between the current weight and the switch keeps the current grade
        for (const v of ind.steps.filter((x) => (side === 'down' ? x < ind.current && x > sw.value : x > ind.current && x < sw.value))) {
          expect(gradesAt(withWeight(standard, ind.index, v))[p.row]).toBe(p.from);
        }
      }
    }
  });

  it('reads sweep values relative to the weight total: doubling every weight changes nothing', () => {
    const doubled = structuredClone(standard);
    doubled.indicators.forEach((ind) => { ind.weight *= 2; });
    // profile deltas are in weight units too, so they double as well
    for (const p of [...Object.values(doubled.profiles.level), ...Object.values(doubled.profiles.domain)]) {
      for (const id of Object.keys(p?.weights ?? {})) p!.weights![id] *= 2;
    }
    const a = setup(standard);
    const b = setup(doubled);
    const ra = sensitivity(a.model, standard, a.group);
    const rb = sensitivity(b.model, doubled, b.group);
    expect(rb.indicators.map((x) => [x.current, x.changed])).toEqual(ra.indicators.map((x) => [x.current, x.changed]));
  });

  it('uses forced grades when the scenario forces a distribution', () => {
    const forced = structuredClone(standard);
    forced.forced_distribution.use_forced_distribution = true;
    forced.forced_distribution.group_by = 'team';
    const { model, group, gradesAt } = setup(forced);
    const ind = sensitivity(model, forced, group, { steps: 5 }).indicators[1];
    const now = gradesAt(baseWeights(forced));
    const atHigh = gradesAt(withWeight(forced, ind.index, ind.band[1]));
    expect(ind.steps).toEqual([10, 11.25, 12.5, 13.75, 15]);
    expect(ind.high).toBe(atHigh.filter((g, i) => g !== now[i]).length);
  });

  it('refuses fewer than 2 steps and skips switched-off indicators', () => {
    const s = structuredClone(standard);
    s.indicators[0].weight = 0;
    const { model, group } = setup(s, 10);
    expect(() => sensitivity(model, s, group, { steps: 1 })).toThrow(/steps/);
    expect(sensitivity(model, s, group).indicators.map((x) => x.id)).not.toContain('win_rate');
  });

  it('in slices: pauses every few sweep steps and after each indicator, and ends with the same result', () => {
    const { model, group } = setup(standard);
    const run = sensitivitySteps(model, standard, group);
    let pauses = 0;
    let r = run.next();
    for (; !r.done; r = run.next()) pauses++;
    const banded = bandedIndicators(standard).length;
    expect(banded).toBeGreaterThan(3);
    // 21 steps: a pause after steps 5, 10, 15, 20 and one after the indicator.
    expect(STEPS_PER_SLICE).toBe(5);
    expect(pauses).toBe(banded * 5);
    expect(r.value).toEqual(sensitivity(model, standard, group));
  });
});
