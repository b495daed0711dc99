import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../engine/calibration';
import { closePeriod, closedSnapshot, reopenPeriod, snapshotToCsv, type PeriodSnapshot } from '../engine/periodClose';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { computeResults } from '../engine/results';
import { serializeScenario } from '../engine/scenario';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { createBackup, readBackup, restoreBackup } from './backup';
import { loadSnapshots, saveSnapshot, snapshotKey, snapshotOfRecord } from './snapshots';
import { openedStores, STORE_NAME as NAME } from './store.testkit';

const storeOf = openedStores();

const scenario = presetScenario('standard');
const ds = metricsDataset(20);
const period = parsePeriod('2026Q1');
const { results } = computeResults(ds, '2026Q1', scenario);

function v1(): PeriodSnapshot {
  return closePeriod([], {
    period, scenarioId: 'standard', scenarioText: serializeScenario(scenario),
    batches: [{ id: 'b1', fileName: 'metrics.csv', kind: 'metrics', contentHash: 'h1' }],
    results: applyOverrides(results, [], { scenario, period, salary: ds.staff.salary }),
    overrides: [], log: [], by: '王芳', at: '2026-04-10 09:00:00',
  });
}

describe('snapshot records', () => {
  it('stores a version, reads it back equal, and rewrites it when reopened', async () => {
    const store = await storeOf(new IDBFactory());
    const snap = v1();
    await saveSnapshot(store, snap);
    const [back] = await loadSnapshots(store);
    expect(back).toEqual(snap);
    expect(snapshotToCsv(back)).toBe(snapshotToCsv(snap));
    await saveSnapshot(store, reopenPeriod([back], '2026Q1', { by: '李雷', at: '2026-04-11 10:00:00', reason: '补录' }));
    const all = await loadSnapshots(store);
    expect(all).toHaveLength(1);
    expect(closedSnapshot(all, '2026Q1')).toBeNull();
    expect(snapshotKey(snap)).toBe('snapshot|2026Q1|v1');
  });

  it('leaves out the other calibration records and damaged snapshot records', async () => {
    const store = await storeOf(new IDBFactory());
    await saveSnapshot(store, v1());
    await store.putRecord('calibration', { id: 'override|2026Q1|PS1001', type: 'override', override: {} });
    await store.putRecord('calibration', { id: 'snapshot|2026Q2|v1', type: 'snapshot', snapshot: { periodId: '2026Q2', version: 1 } });
    await store.putRecord('calibration', { id: 'snapshot|x', type: 'snapshot', snapshot: null });
    expect((await loadSnapshots(store)).map((s) => s.id)).toEqual(['2026Q1|v1']);
    expect(snapshotOfRecord({ type: 'snapshot', snapshot: { ...v1(), version: 0 } })).toBeNull();
    expect(snapshotOfRecord({ type: 'snapshot', snapshot: { ...v1(), periodId: '2026Q2' } })).toBeNull();
    expect(snapshotOfRecord(null)).toBeNull();
  });

  it('travel in the backup file and come back after a restore, byte-identical export included', async () => {
    const factory = new IDBFactory();
    const store = await storeOf(factory);
    const snap = v1();
    await saveSnapshot(store, snap);
    const { bytes } = await createBackup({ factory, name: NAME });
    const target = new IDBFactory();
    await restoreBackup(readBackup(bytes, 'b.json.gz'), { factory: target, name: NAME });
    const restored = await loadSnapshots(await storeOf(target));
    expect(restored).toEqual([snap]);
    expect(snapshotToCsv(restored[0])).toBe(snapshotToCsv(snap));
  });

  it('a backup from before snapshots existed restores without error and has none', async () => {
    const factory = new IDBFactory();
    const store = await storeOf(factory);
    await store.putRecord('calibration', { id: 'override|2026Q1|PS1001', type: 'override', override: { periodId: '2026Q1', staff_id: 'PS1001', to: 'A', reason: 'r', by: 'b', at: 't' } });
    await store.setSetting('calibration.locks', ['2026Q1']);
    const { bytes } = await createBackup({ factory, name: NAME });
    const target = new IDBFactory();
    await restoreBackup(readBackup(bytes, 'old.json.gz'), { factory: target, name: NAME });
    expect(await loadSnapshots(await storeOf(target))).toEqual([]);
  });
});
