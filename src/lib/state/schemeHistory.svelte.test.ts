import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { memoryStore } from './scoring.testkit';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import type { ScoringState } from './scoring.svelte';
import { testStates } from './states.testkit';
import { HISTORY_LIMIT } from './schemeHistory.svelte';

let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

function setup() {
  let s!: ScoringState;
  cleanup = $effect.root(() => {
    s = testStates({ dataset: metricsDataset(30), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() }).scoring;
    $effect(() => { void s.graded; });
  });
  flushSync();
  return s;
}
const grades = (s: ScoringState) => Array.from(s.graded!.final);
const totals = (s: ScoringState) => Array.from(s.graded!.scores.total);

describe('SchemeHistory through ScoringState', () => {
  it('undo restores the previous grades exactly; redo brings the edit back', () => {
    const s = setup();
    const before = { g: grades(s), t: totals(s) };
    s.setWeight(0, 60);
    s.edit((sc) => ({ ...sc, grades: { ...sc.grades, A: 75 } }));
    flushSync();
    const after = { g: grades(s), t: totals(s) };
    expect(after.g).not.toEqual(before.g);
    expect(s.history.undo()).toBe(true);
    expect(s.history.undo()).toBe(true);
    flushSync();
    expect(grades(s)).toEqual(before.g);
    expect(totals(s)).toEqual(before.t);
    expect(s.dirty).toBe(false);
    expect(s.history.canUndo).toBe(false);
    expect(s.history.undo()).toBe(false);
    s.history.redo();
    s.history.redo();
    flushSync();
    expect(grades(s)).toEqual(after.g);
    expect(s.scenario.grades.A).toBe(75);
  });

  it('one drag (edits with one key) is one step until sealed; a new edit clears redo', () => {
    const s = setup();
    for (const v of [20, 25, 30, 35]) s.setWeight(0, v, 'share:0');
    s.history.seal();
    s.setWeight(0, 40, 'share:0');
    expect(s.history.depth).toBe(2);
    s.history.undo();
    expect(s.weights[0]).toBe(35);
    s.history.undo();
    expect(s.weights[0]).toBe(18);
    s.history.redo();
    s.setWeight(1, 3);
    expect(s.history.canRedo).toBe(false);
  });

  it('reset and a scenario switch are steps too: undo brings back the edits and the scenario', () => {
    const s = setup();
    s.setWeight(0, 50);
    s.reset();
    expect(s.weights[0]).toBe(18);
    s.history.undo();
    expect(s.weights[0]).toBe(50);
    const other = s.choices.find((c) => c.id !== 'standard')!;
    s.select(other.id);
    expect(s.scenarioId).toBe(other.id);
    s.history.undo();
    expect(s.scenarioId).toBe('standard');
    expect(s.baseline.name).toBe(s.choices[0].scenario.name);
    expect(s.weights[0]).toBe(50);
    expect(s.dirty).toBe(true);
  });

  it('drafts are dropped by undo, and the history is bounded', () => {
    const s = setup();
    s.setWeight(0, 1);
    s.draftGrades = { S: 1, A: 2, B: 3, C: 4 };
    s.history.undo();
    expect(s.draftGrades).toBeNull();
    for (let k = 0; k < HISTORY_LIMIT + 20; k++) s.setWeight(0, k);
    expect(s.history.depth).toBe(HISTORY_LIMIT);
  });
});
