import { describe, expect, it } from 'vitest';
import { buildDataset, type ProjectRow } from '../engine/metrics.testkit';
import { deriveMetrics } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { prepareScoring } from '../engine/score';
import { editChecked } from '../viewmodel/targetsEdit';
import { setMultiplier, setSubweight, toggleStrategicIndustry } from '../viewmodel/schemeEdit';
import { memoryStore } from './scoring.testkit';
import { testStates } from './states.testkit';

const project = (id: string, staff: string, industry: string, status: 'won' | 'lost', decided_on = '2026-02-10'): ProjectRow =>
  ({ project_id: id, staff_id: staff, industry, status, decided_on, role: 'lead', amount: 500_000, customer_id: `C${id}` });
const dataset = () => buildDataset({
  staff: ['P1', 'P2', 'P3'].map((staff_id) => ({ staff_id })),
  projects: [
    project('X1', 'P1', '金融', 'won'), project('X2', 'P1', '制造', 'lost'), project('X3', 'P2', '金融', 'lost'),
    project('X4', 'P2', '制造', 'won'), project('X5', 'P3', '金融', 'won'), project('X6', 'P3', '能源', 'won', '2025-11-02'),
  ],
});

describe('ScoringState matrix after a project-parameter edit', () => {
  it('re-derives only the project metrics, giving what a full derive gives; other edits still derive everything', () => {
    const ds = dataset();
    const period = parsePeriod('2026Q1');
    const s = testStates({ dataset: ds, periods: [period], periodId: '2026Q1', store: memoryStore() }).scoring;
    expect(s.graded).not.toBeNull();
    expect(s.calls).toMatchObject({ deriveMetrics: 1, rederiveProjectMetrics: 0 });

    editChecked(s, (x) => setMultiplier(toggleStrategicIndustry(x, '金融', true), 3));
    expect(Array.from(s.matrix!.values.win_rate)).toEqual([75, 25, 100]);
    expect(s.matrix!.values).toEqual(deriveMetrics(ds, period, s.scenario).values);
    expect(s.calls).toMatchObject({ deriveMetrics: 1, rederiveProjectMetrics: 1 });

    s.history.undo();
    expect(Array.from(s.matrix!.values.win_rate)).toEqual([50, 50, 100]);
    expect(s.calls).toMatchObject({ deriveMetrics: 1, rederiveProjectMetrics: 2 });

    // A sub-weight is no metric parameter: the matrix stays, the model is prepared again.
    const prepared = s.calls.prepareScoring;
    editChecked(s, (x) => setSubweight(x, 'solution_quality', 'first_pass_rate', 2));
    expect(s.graded).not.toBeNull();
    expect(s.calls).toMatchObject({ deriveMetrics: 1, rederiveProjectMetrics: 2, prepareScoring: prepared + 1 });
    // …with the model before the edit: only that indicator's column is computed again.
    expect(s.model!.computedIndicators).toBe(1);
    expect(s.model!.fraction).toEqual(prepareScoring(ds, s.matrix!, s.scenario).fraction);
  });

  it('prepares the saved scenario\'s model once, not again on each later edit of the scheme', () => {
    const ds = dataset();
    const period = parsePeriod('2026Q1');
    const s = testStates({ dataset: ds, periods: [period], periodId: '2026Q1', store: memoryStore() }).scoring;
    const savedFinal = () => Array.from(s.baselineGraded!.final);
    const before = savedFinal();
    expect(s.calls.prepareSaved).toBe(0); // same rules: the current model serves
    editChecked(s, (x) => setSubweight(x, 'solution_quality', 'first_pass_rate', 2));
    expect(savedFinal()).toEqual(before);
    expect(s.calls.prepareSaved).toBe(1);
    editChecked(s, (x) => setSubweight(x, 'solution_quality', 'first_pass_rate', 3));
    expect(savedFinal()).toEqual(before);
    expect(s.calls.prepareSaved).toBe(1);
    // The first project-parameter edit parts the metrics too (once); later ones change nothing saved.
    editChecked(s, (x) => setMultiplier(toggleStrategicIndustry(x, '金融', true), 3));
    expect(savedFinal()).toEqual(before);
    editChecked(s, (x) => setMultiplier(x, 2));
    expect(s.graded).not.toBeNull();
    expect(savedFinal()).toEqual(before);
    expect(s.calls.prepareSaved).toBe(2);
    s.reset();
    expect(savedFinal()).toEqual(before);
    expect(Array.from(s.graded!.final)).toEqual(before);
  });
});
