import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { memoryStore } from './scoring.testkit';
import { parsePeriod } from '../engine/periods';
import { deriveMetrics } from '../engine/metrics';
import { prepareScoring } from '../engine/score';
import { GRADE_NONE } from '../engine/grades';
import { RECOMPUTE_MEASURE, ScoringState, metricsKey, modelKey, withWeights, type ScoringApp } from './scoring.svelte';
import { testStates } from './states.testkit';
import { serializeScenario } from '../engine/scenario';
import { presetScenario } from '../engine/presets';
import type { AppStates } from './appStates.svelte';

// Count the real engine calls (the functions still run): the slider must not reach them.
vi.mock('../engine/metrics', async (original) => {
  const m = await original<typeof import('../engine/metrics')>();
  return { ...m, deriveMetrics: vi.fn(m.deriveMetrics) };
});
vi.mock('../engine/score', async (original) => {
  const m = await original<typeof import('../engine/score')>();
  return { ...m, prepareScoring: vi.fn(m.prepareScoring) };
});

const dataset = () => metricsDataset(20);

let cleanup: (() => void) | null = null;
/** A ScoringState inside $effect.root with an effect reading `read`, as a page would. */
function setup(read: (s: ScoringState, states: AppStates) => unknown = (s) => s.graded, store: ScoringApp['store'] = null) {
  const app = $state<{ -readonly [K in keyof ScoringApp]: ScoringApp[K] }>({ dataset: dataset(), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store });
  let states!: AppStates;
  cleanup = $effect.root(() => {
    states = testStates(app);
    $effect(() => { read(states.scoring, states); });
  });
  flushSync();
  return { app, s: states.scoring, states };
}

beforeEach(() => {
  vi.mocked(deriveMetrics).mockClear();
  vi.mocked(prepareScoring).mockClear();
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

describe('ScoringState', () => {
  it('grades everyone in scope for the chosen period', () => {
    const { s, states } = setup();
    const g = s.graded!;
    expect(g.model.n).toBe(20);
    expect(g.gradedCount).toBe(20);
    expect(states.dashboard.gradedRows.length).toBe(20);
    expect(new Set(g.final).size).toBeGreaterThan(2); // the data spread gives several grades
  });

  it('a weight change re-scores without re-deriving metrics or re-preparing the model', () => {
    const { s, states } = setup((st, all) => [st.graded, all.dashboard.bands, st.gradeChanges]);
    expect(deriveMetrics).toHaveBeenCalledTimes(1);
    expect(prepareScoring).toHaveBeenCalledTimes(1);
    const before = Float64Array.from(s.graded!.scores.total);
    const j = s.scenario.indicators.findIndex((i) => i.id === 'win_rate');
    for (const w of [30, 45, 60]) {
      s.setWeight(j, w);
      flushSync();
    }
    const after = s.graded!.scores.total;
    expect(after.some((t, i) => t !== before[i])).toBe(true);
    expect(s.weights[j]).toBe(60);
    expect(deriveMetrics).toHaveBeenCalledTimes(1);
    expect(prepareScoring).toHaveBeenCalledTimes(1);
    expect(s.calls).toEqual({ deriveMetrics: 1, rederiveProjectMetrics: 0, prepareScoring: 1, prepareSaved: 0 });
  });

  it('keeps the same band counts array while a weight change moves nobody between bands', () => {
    const { s, states } = setup((st, all) => [st.graded, all.dashboard.bands]);
    const j = s.scenario.indicators.findIndex((i) => i.id === 'win_rate');
    const first = states.dashboard.bands;
    // A tiny change re-scores everyone and moves nobody between bands.
    s.setWeight(j, s.weights[j] + 1e-9);
    flushSync();
    expect(s.graded!.scores.total).toBeDefined();
    expect(states.dashboard.bands).toBe(first);
    // A big one moves some: a new array with the new counts, as bandCounts gives them.
    const counts = () => states.dashboard.bands.map((b) => b.actual).join();
    const was = counts();
    let w = s.weights[j];
    while (counts() === was && w < 1_000) {
      s.setWeight(j, (w *= 2));
      flushSync();
    }
    expect(counts()).not.toBe(was);
    expect(states.dashboard.bands).not.toBe(first);
    expect(states.dashboard.bands.reduce((a, b) => a + b.actual, 0)).toBe(states.dashboard.gradedRows.length);
  });

  it('agrees with the engine results for the same weights', () => {
    const { s } = setup((st) => [st.graded, st.results]);
    s.setWeight(0, 40);
    flushSync();
    const g = s.graded!;
    const byId = new Map(s.results.map((r) => [r.staff_id, r]));
    for (let i = 0; i < g.model.n; i++) {
      const r = byId.get(s.app.dataset.staff.staff_id[g.model.staffIndex[i]])!;
      expect(r.total).toBe(g.scores.total[i]);
      expect(r.final_grade).toBe(g.final[i] === GRADE_NONE ? null : 'SABCD'[g.final[i]]);
    }
  });

  it('thresholds and forced distribution re-grade only; scoring rules re-prepare; project parameters re-derive the project metrics', () => {
    const { s } = setup();
    s.edit((sc) => ({ ...sc, grades: { S: 80, A: 70, B: 60, C: 50 } }));
    s.edit((sc) => ({ ...sc, forced_distribution: { ...sc.forced_distribution, use_forced_distribution: true, group_by: 'team' } }));
    flushSync();
    expect(s.graded!.final).toBe(s.graded!.forced);
    expect(deriveMetrics).toHaveBeenCalledTimes(1);
    expect(prepareScoring).toHaveBeenCalledTimes(1);
    s.edit((sc) => ({ ...sc, scoring: { ...sc.scoring, cap: 1.5 } }));
    flushSync();
    expect(deriveMetrics).toHaveBeenCalledTimes(1);
    expect(prepareScoring).toHaveBeenCalledTimes(2);
    // A project parameter re-derives the project metrics only (matrixAfterEdit.ts) and re-prepares.
    s.edit((sc) => ({ ...sc, high_value_threshold: 500_000 }));
    flushSync();
    expect(s.graded).not.toBeNull();
    expect(deriveMetrics).toHaveBeenCalledTimes(1);
    expect(s.calls.rederiveProjectMetrics).toBe(1);
    expect(prepareScoring).toHaveBeenCalledTimes(3);
  });

  it('forced distribution meets the quotas per group and bands add up', () => {
    const { s, states } = setup((st, all) => [st.graded, all.dashboard.bands]);
    s.edit((sc) => ({ ...sc, forced_distribution: { ...sc.forced_distribution, use_forced_distribution: true } }));
    flushSync();
    const bands = states.dashboard.bands;
    expect(bands.reduce((a, b) => a + b.actual, 0)).toBe(20);
    expect(bands.reduce((a, b) => a + b.target, 0)).toBe(20);
    // 20 people, shares 10/20/60/10 → quotas 2 / 4 / 12 / 2; ties may push a band over.
    expect(bands.map((b) => b.target)).toEqual([2, 4, 12, 2]);
  });

  it('lists grade changes against the saved scenario, and reset clears them', () => {
    const { s } = setup((st) => [st.gradeChanges, st.gradeChangeCount]);
    expect(s.gradeChanges).toEqual([]);
    expect(s.gradeChangeCount).toBe(0);
    const j = s.scenario.indicators.findIndex((i) => i.id === 'win_rate');
    s.setWeight(j, 200);
    flushSync();
    const changes = s.gradeChanges;
    expect(changes.length).toBeGreaterThan(0);
    expect(s.gradeChangeCount).toBe(changes.length);
    for (const c of changes) {
      expect(c.from).not.toBe(c.to);
      expect(c.staff_id).toMatch(/^PS10/);
      expect(s.graded!.final[c.row]).toBe('SABCD'.indexOf(c.to!));
    }
    expect(s.dirty).toBe(true);
    s.reset();
    flushSync();
    expect(s.gradeChanges).toEqual([]);
    expect(s.gradeChangeCount).toBe(0);
    expect(s.dirty).toBe(false);
  });

  it('orders grade changes by new grade, then staff_id, whatever the row order; the first n and the count', () => {
    // The same people with the staff table reversed: model rows run against staff_id order.
    const ds = dataset();
    const staff = ds.staff as unknown as Record<string, { slice(): { reverse(): unknown } } | number>;
    for (const k of Object.keys(staff)) if (k !== 'length') staff[k] = (staff[k] as { slice(): { reverse(): unknown } }).slice().reverse() as never;
    const app = $state<{ -readonly [K in keyof ScoringApp]: ScoringApp[K] }>({ dataset: ds, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null });
    let s!: ScoringState;
    cleanup = $effect.root(() => {
      s = testStates(app).scoring;
      $effect(() => { void s.gradeChanges; });
    });
    flushSync();
    const ids = ds.staff.staff_id;
    expect(ids[s.graded!.model.staffIndex[0]] > ids[s.graded!.model.staffIndex[1]]).toBe(true);
    s.setWeight(s.scenario.indicators.findIndex((i) => i.id === 'win_rate'), 200);
    flushSync();
    const all = s.gradeChanges;
    expect(new Set(all.map((c) => c.to)).size).toBeGreaterThan(1);
    const rank = (g: string | null) => (g === null ? 5 : 'SABCD'.indexOf(g));
    const sorted = [...all].sort((x, y) => rank(x.to) - rank(y.to) || (x.staff_id < y.staff_id ? -1 : 1));
    expect(all.map((c) => c.staff_id)).toEqual(sorted.map((c) => c.staff_id));
    const differ = s.graded!.final.filter((g, i) => g !== s.baselineGraded!.final[i]).length;
    expect(all.length).toBe(differ);
    expect(s.gradeChangeCount).toBe(differ);
    expect(s.topGradeChanges(3)).toEqual({ rows: all.slice(0, 3), total: differ });
    expect(s.topGradeChanges(0)).toEqual({ rows: [], total: differ });
    expect(s.topGradeChanges(differ + 5).rows).toEqual(all);
  });

  it('filters restrict the rows but not the grading', () => {
    const { s, states } = setup((_, all) => [all.dashboard.rows, all.dashboard.bands]);
    const d = states.dashboard;
    const finals = Uint8Array.from(s.graded!.final);
    d.setFilter('team', '华东');
    flushSync();
    expect(d.rows.length).toBe(8);
    expect(d.bands.reduce((a, b) => a + b.actual, 0)).toBe(8);
    expect(s.graded!.final).toEqual(finals);
    d.setFilter('team', ''); // people without a team: rows 16–19
    d.setFilter('level', 'senior');
    flushSync();
    expect(Array.from(d.rows)).toEqual([17]);
    d.setFilter('team', null);
    d.setFilter('level', null);
    d.setFilter('domain', 'consulting');
    flushSync();
    expect(d.rows.length).toBe(6);
  });

  it('records a kpi-recompute performance measure per recompute', () => {
    const { s } = setup();
    performance.clearMeasures(RECOMPUTE_MEASURE);
    s.setWeight(1, 3);
    flushSync();
    s.setWeight(1, 4);
    flushSync();
    expect(performance.getEntriesByName(RECOMPUTE_MEASURE)).toHaveLength(2);
  });

  it('follows the period and the dataset', () => {
    const { app, s } = setup();
    app.periodId = '';
    flushSync();
    expect(s.graded).toBeNull();
    app.periodId = '2026Q1';
    const ds = dataset();
    ds.staff.left_on[0] = 0; // left in 1970: out of scope
    app.dataset = ds;
    flushSync();
    expect(s.graded!.model.n).toBe(19);
  });

  it('gives the quarter trend of one person and exports the §8 CSV (trend.svelte.ts, resultsExport.svelte.ts)', async () => {
    const { states } = setup();
    const s = states.scoring;
    // The quarters are derived in slices: nothing at first, then the four of them.
    expect(states.trend.quarterTotals(0)).toEqual([]);
    await vi.waitFor(() => expect(states.trend.computing).toBe(false));
    const trend = states.trend.quarterTotals(0);
    expect(trend.map((q) => q.period.id)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(trend[0].total).toBe(s.graded!.scores.total[0]);
    // only 2026Q1 has data: the other quarters are gaps, not zeros
    expect(trend.slice(1).map((q) => q.total)).toEqual([null, null, null]);
    const csv = states.resultsExport.csv();
    expect(csv.startsWith('\ufeffstaff_id,name,team,level,domain,period,total')).toBe(true);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(21);
  });

  it('saves a new scenario to the store and loads it back', async () => {
    const store = memoryStore();
    const { s } = setup(undefined, store);
    s.setWeight(0, 25);
    const id = await s.saveAs('我的方案');
    expect(s.scenarioId).toBe(id);
    expect(s.dirty).toBe(false);
    expect(store.records.get(id)?.text).toContain('"我的方案"');

    const other = setup(undefined, store).s;
    await other.loadSaved();
    flushSync();
    expect(other.scenarioId).toBe(id);
    expect(other.weights[0]).toBe(25);
    expect(other.choices.filter((c) => !c.builtIn)).toHaveLength(1);
  });

  it('switching scenario loads its weights', () => {
    const { s } = setup();
    s.select('balanced');
    flushSync();
    const balanced = s.choices.find((c) => c.id === 'balanced')!.scenario;
    expect(Array.from(s.weights)).toEqual(balanced.indicators.map((i) => i.weight));
    expect(s.baseline).toBe(balanced);
  });
});

describe('scenario keys', () => {
  it('weights and thresholds do not change the keys; targets and metric settings do', async () => {
    const { BUILT_IN_PRESETS } = await import('../engine/presets');
    const base = BUILT_IN_PRESETS[0].scenario;
    const w = withWeights(base, base.indicators.map(() => 1));
    expect(modelKey(w)).toBe(modelKey(base));
    expect(metricsKey({ ...base, grades: { S: 1, A: 1, B: 1, C: 1 } })).toBe(metricsKey(base));
    expect(base.indicators[0].weight).toBe(18); // withWeights did not touch the input
    const t = structuredClone(base);
    t.indicators[0].metrics[0].target = 70;
    expect(modelKey(t)).not.toBe(modelKey(base));
    expect(metricsKey(t)).toBe(metricsKey(base));
    expect(metricsKey({ ...base, strategic_industries: ['金融'] })).not.toBe(metricsKey(base));
  });

  it('bonus pay and the promotion rule do not change the model key; bonus items do', async () => {
    const { BUILT_IN_PRESETS } = await import('../engine/presets');
    const base = BUILT_IN_PRESETS[0].scenario;
    expect(modelKey({ ...base, bonus: { ...base.bonus, bonus_share: 0.3 } })).toBe(modelKey(base));
    expect(modelKey({ ...base, promotion: { min_grade: 'A', consecutive_periods: 2, min_tenure_months: 0 } })).toBe(modelKey(base));
    expect(modelKey({ ...base, bonus_items: base.bonus_items.map((b) => ({ ...b, enabled: true })) })).not.toBe(modelKey(base));
  });
});

describe('saved scenarios', () => {
  it('keeps the current selection when storage refuses a "save as"', async () => {
    const store = { ...memoryStore(), putRecord: async () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const { s } = setup((x) => x.graded, store);
    const before = s.scenarioId;
    await s.saveAs('存不下的方案');
    expect(s.scenarioId).toBe(before);
    expect(s.choices.some((c) => c.scenario.name === '存不下的方案')).toBe(false);
    expect(s.error).not.toBeNull();
  });

  it('keeps the time each scenario was saved with it: read at load, set on save', async () => {
    const store = memoryStore();
    const text = serializeScenario({ ...presetScenario('standard'), name: '旧方案' });
    store.records.set('user-old', { id: 'user-old', text, savedAt: '2026-11-27T02:42:00.000Z' });
    store.records.set('user-untimed', { id: 'user-untimed', text });
    const { s } = setup((x) => x.graded, store);
    await s.loadSaved();
    expect(s.choices.find((c) => c.id === 'user-old')?.savedAt).toBe('2026-11-27T02:42:00.000Z');
    expect(s.choices.find((c) => c.id === 'user-untimed')?.savedAt).toBeUndefined();
    const id = await s.saveAs('新方案');
    const stored = store.records.get(id)?.savedAt;
    expect(typeof stored).toBe('string');
    expect(s.choices.find((c) => c.id === id)?.savedAt).toBe(stored);
  });

  it('lets every caller wait for the same load, and keeps a scenario saved meanwhile', async () => {
    const store = memoryStore();
    store.records.set('user-old', { id: 'user-old', text: JSON.stringify({ ...JSON.parse(JSON.stringify((await import('../engine/presets')).presetScenario('standard'))), name: '旧方案' }) });
    const { s } = setup((x) => x.graded, store);
    const first = s.loadSaved();
    const savedMeanwhile = s.saveAs('新方案');
    await Promise.all([first, s.loadSaved(), savedMeanwhile]);
    const names = s.choices.filter((c) => !c.builtIn).map((c) => c.scenario.name).sort();
    expect(names).toEqual(['新方案', '旧方案'].sort());
  });

  it('skips a saved scenario outside the stated ranges (cap 1e308), even when it was the selected one', async () => {
    const store = memoryStore();
    const bad = { ...JSON.parse(JSON.stringify((await import('../engine/presets')).presetScenario('standard'))), name: '坏方案' };
    bad.scoring.cap = 1e308;
    store.records.set('user-bad', { id: 'user-bad', text: JSON.stringify(bad) });
    store.settings.set('scoring.scenarioId', 'user-bad');
    const { s, states } = setup((x) => x.graded, store);
    await s.loadSaved();
    flushSync();
    expect(s.scenarioId).not.toBe('user-bad');
    expect(s.choices.some((c) => c.id === 'user-bad')).toBe(false);
    expect(s.error?.zh).toContain('user-bad');
    expect(states.resultsExport.csv()).not.toMatch(/Infinity|NaN/);
  });

  it('refuses to save a scenario in which nobody can be scored, with the reason, instead of throwing', async () => {
    const store = memoryStore();
    const { s } = setup((x) => x.graded, store);
    s.edit((x) => ({ ...x, profiles: { level: {}, domain: {} }, indicators: x.indicators.map((i) => ({ ...i, weight: 0 })) }));
    for (let j = 0; j < s.weights.length; j++) s.setWeight(j, 0);
    const before = s.scenarioId;
    await expect(s.saveAs('全零')).resolves.toBe(before);
    expect(s.error?.en).toContain('nobody can be scored');
    expect(store.records.size).toBe(0);
  });
});
