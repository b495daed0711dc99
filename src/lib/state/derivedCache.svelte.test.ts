// @vitest-environment node
// AppState touches no DOM; see app.svelte.test.ts for why these tests run in Node.
import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { AppState } from './app.svelte';
import { DerivedCache, DERIVED_SETTING, ENGINE_HASH, MAX_ENTRIES, dataSignature, matrixKey, usableRecord, type DerivedRecord } from './derivedCache';
import { openStore } from '../data/store';
import { deriveMetrics } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { BUILT_IN_PRESETS } from '../engine/presets';
import { metricsKey } from './scenarioKeys';
import type { MetricMatrix } from '../engine/types';
import { testStates } from './states.testkit';

const scenario = BUILT_IN_PRESETS[0].scenario;
const opened: { dispose(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});
function app(cacheFromRows: number): AppState {
  const a = new AppState({ cacheFromRows });
  opened.push(a);
  return a;
}

const matrix = (n: number, id = '2026Q1'): MetricMatrix => ({
  period: parsePeriod(id), staffIndex: Int32Array.from({ length: n }, (_, i) => i), values: { win_rate: new Float64Array(n).fill(40) },
});
const record = (over: Partial<DerivedRecord> = {}): DerivedRecord => ({
  v: 1, engine: ENGINE_HASH, signature: 'b1:10', periods: [parsePeriod('2026Q1')], entries: [{ key: 'k', matrix: matrix(3) }], ...over,
});

describe('derived cache record', () => {
  it('is used only for the same data, the same engine and whole matrices', () => {
    expect(usableRecord(record(), 'b1:10')).not.toBeNull();
    expect(usableRecord(record(), 'b1:10,b2:5')).toBeNull(); // another import since
    expect(usableRecord(record(), 'b1:9')).toBeNull(); // rows replaced by a later batch
    expect(usableRecord(record({ engine: 'older-engine' }), 'b1:10')).toBeNull();
    const broken = matrix(3);
    broken.values.win_rate = new Float64Array(2);
    expect(usableRecord(record({ entries: [{ key: 'k', matrix: broken }] }), 'b1:10')).toBeNull();
    expect(usableRecord(undefined, 'b1:10')).toBeNull();
    expect(usableRecord({ v: 2 }, 'b1:10')).toBeNull();
  });

  it('signs the data with every batch id and its live rows', () => {
    expect(dataSignature([{ id: 'b1', liveRows: 60 }, { id: 'b2', liveRows: 9 }])).toBe('b1:60,b2:9');
    expect(dataSignature([])).toBe('');
  });

  it('keeps the most recently used matrices and forgets them all when the data changes', () => {
    const c = new DerivedCache();
    c.reset('s1');
    for (let i = 0; i <= MAX_ENTRIES; i++) c.put(`k${i}`, matrix(1));
    expect(c.size).toBe(MAX_ENTRIES);
    expect(c.get('k0')).toBeUndefined(); // the oldest went
    c.get('k1'); // used: now the newest
    c.put('k9', matrix(1));
    expect(c.get('k1')).toBeDefined();
    expect(c.get('k2')).toBeUndefined();
    expect(c.toRecord()).toBeNull(); // periods unknown yet
    c.periods = [];
    expect(c.toRecord()!.entries.map((e) => e.key)).toEqual(['k3', 'k4', 'k9', 'k1']) // k1 was just looked up again;
    c.reset('s1');
    expect(c.size).toBe(MAX_ENTRIES);
    c.reset('s2');
    expect(c.size).toBe(0);
  });
});

// Each test imports the whole demo data set into a fake IndexedDB: seconds on a machine at load 8,
// so the time limit is generous; nothing here measures speed.
describe('cold open of a big store', { timeout: 120_000 }, () => {
  /** A store with the demo data, and the matrix of its latest quarter written to the cache by a first open. */
  async function storeWithCache() {
    const factory = new IDBFactory();
    const first = app(1);
    await first.init(factory);
    const period = first.period!;
    const m = deriveMetrics(first.dataset, period, scenario);
    first.rememberMatrix(matrixKey(period, metricsKey(scenario)), m);
    const store = await openStore(factory);
    await vi.waitFor(async () => expect(await store.getSetting(DERIVED_SETTING)).toBeTruthy(), { timeout: 60_000 });
    store.close();
    return { factory, first, period, m };
  }

  it('shows the cached matrices and periods first, then loads the raw rows', async () => {
    const { factory, first, period, m } = await storeWithCache();
    const second = app(1);
    await second.init(factory);
    expect(second.partial).toBe(true);
    expect(second.dataset.projects.length).toBe(0); // raw rows not read yet
    expect(second.dataset.staff.length).toBe(first.dataset.staff.length);
    expect(second.periods).toEqual(first.periods);
    expect(second.periodId).toBe(period.id);
    const cached = second.derived.get(matrixKey(period, metricsKey(scenario)))!;
    expect(Array.from(cached.staffIndex)).toEqual(Array.from(m.staffIndex));
    expect(Object.keys(cached.values)).toEqual(Object.keys(m.values));
    for (const id of Object.keys(m.values)) expect(Array.from(cached.values[id])).toEqual(Array.from(m.values[id]));
    await second.complete;
    expect(second.partial).toBe(false);
    expect(second.dataset.projects.length).toBe(first.dataset.projects.length);
    // the matrices stay: same data
    expect(second.derived.get(matrixKey(period, metricsKey(scenario)))).toBe(cached);
  });

  it('reads the raw rows first when the data changed since the cache was written', async () => {
    const { factory, first } = await storeWithCache();
    await first.deleteBatch(first.batches.find((b) => b.kind === 'ratings')!.id);
    const second = app(1);
    await second.init(factory);
    expect(second.partial).toBe(false);
    expect(second.dataset.projects.length).toBe(first.dataset.projects.length);
    expect(second.derived.size).toBe(0);
  });

  it('ignores the cache below the size where it pays, and writes none', async () => {
    const { factory, first } = await storeWithCache();
    const small = app(Number.MAX_SAFE_INTEGER);
    await small.init(factory);
    expect(small.partial).toBe(false);
    expect(small.dataset.projects.length).toBe(first.dataset.projects.length);

    const fresh = new IDBFactory();
    const other = app(Number.MAX_SAFE_INTEGER);
    // Fake timers, so that every cache write the open or the remember schedules runs now
    // (runOnlyPendingTimers) instead of after its delay; a real wait would be a guess.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      await other.init(fresh);
      other.rememberMatrix(matrixKey(other.period!, metricsKey(scenario)), matrix(2));
      vi.runOnlyPendingTimers();
    } finally {
      vi.useRealTimers();
    }
    const store = await openStore(fresh);
    expect(await store.getSetting(DERIVED_SETTING)).toBeUndefined();
    store.close();
  });

  it('a reload during the background load wins over it', async () => {
    const { factory, first } = await storeWithCache();
    const second = app(1);
    await second.init(factory);
    expect(second.partial).toBe(true);
    await second.reload();
    await second.complete;
    expect(second.partial).toBe(false);
    expect(second.dataset.projects.length).toBe(first.dataset.projects.length);
  });

  it('scores the overview from the cache exactly as from the raw rows, and derives nothing else until they are in', async () => {
    const { factory, first, period } = await storeWithCache();
    const full = testStates(first).scoring;
    const expected = Array.from(full.graded!.scores.total);
    const second = app(1);
    await second.init(factory);
    const states = testStates(second);
    const s = states.scoring;
    expect(second.partial).toBe(true);
    expect(Array.from(s.graded!.scores.total)).toEqual(expected);
    expect(s.calls.deriveMetrics).toBe(0);
    // another period is not in the cache: nothing rather than figures from missing rows
    const other = second.periods.find((p) => p.id !== period.id)!;
    second.periodId = other.id;
    expect(s.graded).toBeNull();
    expect(states.trend.quarterTotals(0)).toEqual([]);
    second.periodId = period.id;
    await second.complete;
    expect(second.partial).toBe(false);
    expect(Array.from(s.graded!.scores.total)).toEqual(expected);
    expect(s.calls.deriveMetrics).toBe(0); // the same data: the cached matrix still serves
    second.periodId = other.id;
    expect(s.graded!.model.n).toBeGreaterThan(0);
    expect(s.calls.deriveMetrics).toBe(1);
  });
});
