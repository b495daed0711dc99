import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CalibrationError } from '../engine/calibration';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { computeResults } from '../engine/results';
import { serializeScenario } from '../engine/scenario';
import { CalibrationState, CalibrationStateError, LOCKS_SETTING, localStamp } from './calibration.svelte';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { memoryStore } from './scoring.testkit';

const ds = metricsDataset(20);
const scenario = presetScenario('standard');
const period = parsePeriod('2026Q1');
const { results } = computeResults(ds, '2026Q1', scenario);
const graded = results.find((r) => r.final_grade !== null && r.final_grade !== 'S')!;

function memorySession() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}
let clock = 0;
const now = () => new Date(2026, 3, 8, 10, 30, clock++);
const make = (store = memoryStore(), session = memorySession()) => ({ store, state: new CalibrationState({ store }, { now, session }), session });

describe('localStamp', () => {
  it('writes local wall-clock time with seconds', () => {
    expect(localStamp(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });
});

describe('CalibrationState', () => {
  it('refuses an override before the name is known, and one without a reason', async () => {
    const { state } = make();
    await expect(state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: 'x' }, results))
      .rejects.toBeInstanceOf(CalibrationStateError);
    state.setBy('王芳');
    const noReason = state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '  ' }, results);
    await expect(noReason).rejects.toBeInstanceOf(CalibrationError);
    await expect(noReason).rejects.toMatchObject({ code: 'reason' });
    expect(state.log).toEqual([]);
  });

  it('records an override and its log entry, and a second state reads them back', async () => {
    const { store, state } = make();
    state.setBy('王芳');
    const entry = await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '重大项目贡献' }, results);
    expect(entry).toMatchObject({ staff_id: graded.staff_id, from: graded.final_grade, to: 'S', by: '王芳', reason: '重大项目贡献' });
    expect(entry.at).toMatch(/^2026-04-08 10:30:\d\d$/);
    expect(state.overridesFor('2026Q1')).toHaveLength(1);
    expect(state.overridesFor('2026Q2')).toEqual([]);

    const again = new CalibrationState({ store }, { now, session: memorySession() });
    await again.load();
    expect(again.overridesFor('2026Q1')).toEqual(state.overridesFor('2026Q1'));
    expect(again.logFor('2026Q1')).toEqual([entry]);
  });

  it('keeps every change in the log, and back to the computed grade removes the override', async () => {
    const { store, state } = make();
    state.setBy('hr');
    await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: 'a' }, results);
    await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: graded.final_grade!, reason: 'b' }, results);
    expect(state.overridesFor('2026Q1')).toEqual([]);
    expect(state.logFor('2026Q1').map((e) => [e.from, e.to])).toEqual([[graded.final_grade, 'S'], ['S', graded.final_grade]]);
    const kinds = [...store.records.values()].map((r) => r.type).sort();
    expect(kinds).toEqual(['log', 'log']);
  });

  it('applies the overrides to the export with the reason column', async () => {
    const { state } = make();
    state.setBy('hr');
    await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '客户表扬' }, results);
    const applied = state.applied(results, scenario, period, ds.staff.salary);
    const row = applied.find((r) => r.staff_id === graded.staff_id)!;
    expect(row.final_grade).toBe('S');
    expect(row.original_grade).toBe(graded.final_grade);
    const lines = state.exportCsv(results, scenario, period, ds.staff.salary).replace(/^\ufeff/, '').split('\n');
    const header = lines[0].split(',');
    expect(header[header.indexOf('final_grade') + 1]).toBe('override_reason');
    const line = lines.find((l) => l.startsWith(`${graded.staff_id},`))!.split(',');
    expect(line[header.indexOf('final_grade')]).toBe('S');
    expect(line[header.indexOf('override_reason')]).toBe('客户表扬');
  });

  it('closing stores a snapshot: the period refuses changes, its results and export are the snapshot\'s, a new state reads it', async () => {
    const { store, state } = make();
    state.setBy('hr');
    await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '客户表扬' }, results);
    const live = state.exportCsv(results, scenario, period, ds.staff.salary);
    const snap = await state.close({
      period, scenarioId: 'standard', scenarioText: serializeScenario(scenario), batches: [],
      results: state.applied(results, scenario, period, ds.staff.salary),
    });
    expect(snap).toMatchObject({ periodId: '2026Q1', version: 1, closedBy: 'hr' });
    expect(snap.log).toHaveLength(1);
    expect(state.isLocked('2026Q1')).toBe(true);
    await expect(state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'A', reason: 'x' }, results))
      .rejects.toMatchObject({ code: 'locked' });
    // Other weights give other live results; the closed period keeps its own.
    const moved = computeResults(ds, '2026Q1', { ...scenario, indicators: scenario.indicators.map((i, k) => ({ ...i, weight: k === 0 ? i.weight + 10 : i.weight })) }).results;
    expect(state.exportCsv(moved, scenario, period, ds.staff.salary)).toBe(live);
    expect(state.applied(moved, scenario, period, ds.staff.salary)).toBe(snap.results);
    const again = new CalibrationState({ store }, { session: null });
    await again.load();
    expect(again.isLocked('2026Q1')).toBe(true);
    expect(again.isLocked('2026Q2')).toBe(false);
    expect(again.exportCsv(moved, scenario, period, ds.staff.salary)).toBe(live);
  });

  it('reopen needs a reason; closing again makes version 2 and v1 stays readable; the old lock setting freezes nothing', async () => {
    const store = memoryStore();
    store.settings.set(LOCKS_SETTING, ['2026Q1']);
    const { state } = make(store);
    await state.load();
    expect(state.isLocked('2026Q1')).toBe(false);
    state.setBy('hr');
    const ctx = { period, scenarioId: 'standard', scenarioText: serializeScenario(scenario), batches: [], results: state.applied(results, scenario, period, ds.staff.salary) };
    await state.close(ctx);
    await expect(state.reopen('2026Q1', '   ')).rejects.toMatchObject({ code: 'reason' });
    expect(state.isLocked('2026Q1')).toBe(true);
    await state.reopen('2026Q1', '补录数据');
    expect(state.isLocked('2026Q1')).toBe(false);
    await state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '客户表扬' }, results);
    await state.close({ ...ctx, results: state.applied(results, scenario, period, ds.staff.salary) });
    const versions = state.versionsFor('2026Q1');
    expect(versions.map((v) => [v.version, v.reopened?.reason ?? null])).toEqual([[1, '补录数据'], [2, null]]);
    expect(state.closedFor('2026Q1')).toBe(versions[1]);
    const again = new CalibrationState({ store }, { session: null });
    await again.load();
    expect(again.versionsFor('2026Q1').map((v) => v.version)).toEqual([1, 2]);
  });

  it('a close without a name is refused and nothing is stored', async () => {
    const { store, state } = make();
    await expect(state.close({ period, scenarioId: 'standard', scenarioText: serializeScenario(scenario), batches: [], results: state.applied(results, scenario, period, ds.staff.salary) }))
      .rejects.toBeInstanceOf(CalibrationStateError);
    expect(store.records.size).toBe(0);
    expect(state.snapshots).toEqual([]);
  });

  it('remembers the name for the session only', () => {
    const session = memorySession();
    const { state } = make(memoryStore(), session);
    state.setBy('  李明 ');
    expect(state.by).toBe('李明');
    expect(new CalibrationState({ store: null }, { session }).by).toBe('李明');
    expect(new CalibrationState({ store: null }, { session: memorySession() }).by).toBe('');
  });

  it('reports a storage failure without changing the state', async () => {
    const store = memoryStore();
    store.writeRecords = async () => { throw new Error('quota'); };
    const { state } = make(store);
    state.setBy('hr');
    await expect(state.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: 'x' }, results))
      .rejects.toBeInstanceOf(CalibrationStateError);
    expect(state.overrides).toEqual([]);
    expect(state.log).toEqual([]);
  });
});

describe('CalibrationState in two tabs', () => {
  it('the second tab reads the first tab\'s move and close from the store channel, and refuses a move on the closed period', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { openStore } = await import('../data/store');
    const factory = new IDBFactory();
    const [storeA, storeB] = [await openStore(factory, 'two-tabs'), await openStore(factory, 'two-tabs')];
    const a = new CalibrationState({ store: storeA }, { now, session: memorySession() });
    const b = new CalibrationState({ store: storeB }, { now, session: memorySession() });
    try {
      await Promise.all([a.load(), b.load()]);
      a.setBy('甲');
      b.setBy('乙');
      await a.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'S', reason: '客户表扬' }, results);
      await expect.poll(() => b.overridesFor('2026Q1').length).toBe(1);
      expect(b.log.map((e) => e.by)).toEqual(['甲']);
      await a.close({ period, scenarioId: 'standard', scenarioText: serializeScenario(scenario), batches: [], results: a.applied(results, scenario, period, ds.staff.salary) });
      await expect.poll(() => b.isLocked('2026Q1')).toBe(true);
      await expect(b.calibrate({ periodId: '2026Q1', staff_id: graded.staff_id, to: 'A', reason: 'x' }, results)).rejects.toMatchObject({ code: 'locked' });
    } finally {
      a.dispose();
      b.dispose();
      storeA.close();
      storeB.close();
    }
  });
});
