// @vitest-environment node
// AppState touches no DOM; Node's own File/crypto avoid jsdom's cross-realm ArrayBuffer, which
// crypto.subtle.digest (the batch content hash) rejects.
import { afterEach, describe, expect, it, vi } from 'vitest';
// idb checks `instanceof IDBRequest` etc. against globals, which jsdom lacks: /auto provides them.
// Each test still opens its own fresh factory, so tests never share a database.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { AppState, SETTINGS, latestQuarterId } from './app.svelte';
import { openStore, StoreError, type Store } from '../data/store';
import { runImport } from '../data/runImport';
import { generateDemoFiles } from '../demo/generate';
import { emptyDataset, type Dataset } from '../engine/dataset';
import { parsePeriod } from '../engine/periods';
import { i18n } from '../i18n/i18n.svelte';

const opened: { dispose(): void }[] = [];
function track<T extends { dispose(): void }>(x: T): T {
  opened.push(x);
  return x;
}
const asDisposable = (s: Store) => ({ dispose: () => s.close() });

afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
  i18n.lang = 'zh';
});

/** A one-row staff table, as the importer would produce it. */
function staffTable(id: string): Dataset['staff'] {
  const t = emptyDataset().staff;
  return {
    ...t, length: 1, staff_id: [id], name: ['测试 <b>'], level: new Float64Array([1]), domain: new Float64Array([0]),
    team: ['华东售前部'], manager: [''], salary: new Float64Array([NaN]), hired_on: new Float64Array([NaN]), left_on: new Float64Array([NaN]),
  };
}

describe('AppState.init', () => {
  it('loads the demo data set on the very first open of an empty store and says so', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    expect(app.error).toBeNull();
    expect(app.ready).toBe(true);
    const demo = generateDemoFiles();
    expect(app.batches.map((b) => b.fileName).sort()).toEqual(demo.map((f) => f.name).sort());
    expect(app.demoBanner).toBe(true);
    expect(app.hasDemo).toBe(true);
    const staffRows = demo.find((f) => f.name === 'staff.csv')!.text.trim().split(/\r?\n/).length - 1;
    expect(app.dataset.staff.length).toBe(staffRows);
    expect(app.dataset.projects.length).toBeGreaterThan(0);
    // the header's period defaults to the latest quarter that has data
    expect(app.periods.some((p) => p.id === app.periodId)).toBe(true);
    expect(app.periodId).toBe(latestQuarterId(app.periods));
    expect(app.period?.kind).toBe('quarter');
  });

  it('does not load the demo again on later opens, nor after the user cleared everything', async () => {
    const factory = new IDBFactory();
    const first = new AppState();
    await first.init(factory);
    const n = first.batches.length;
    first.dispose();

    const second = new AppState();
    await second.init(factory);
    expect(second.batches).toHaveLength(n);
    expect(second.demoBanner).toBe(false);
    expect(second.hasDemo).toBe(true);
    await second.clearAll();
    expect(second.batches).toHaveLength(0);
    expect(second.dataset.staff.length).toBe(0);
    expect(second.periodId).toBe('');
    expect(second.notice?.zh).toContain('已清除');
    second.dispose();

    const third = track(new AppState());
    await third.init(factory);
    expect(third.error).toBeNull();
    expect(third.batches).toHaveLength(0);
    expect(third.demoBanner).toBe(false);
  });

  it('remembers the chosen period and language across opens', async () => {
    const factory = new IDBFactory();
    const first = new AppState();
    await first.init(factory);
    const other = first.periods.find((p) => p.id !== first.periodId)!;
    first.periodId = other.id;
    first.setLanguage('en');
    // setters persist in the background; wait for the write to land
    await vi.waitFor(async () => expect(await first.store!.getSetting(SETTINGS.periodId)).toBe(other.id), { timeout: 30_000 });
    await vi.waitFor(async () => expect(await first.store!.getSetting(SETTINGS.lang)).toBe('en'), { timeout: 30_000 });
    first.dispose();
    i18n.lang = 'zh';

    const second = track(new AppState());
    await second.init(factory);
    expect(second.periodId).toBe(other.id);
    expect(i18n.lang).toBe('en');
  });

  it('reports a store that cannot be opened instead of throwing', async () => {
    const app = new AppState({
      openStore: () => Promise.reject(new StoreError('failed', '无法打开', 'cannot open')),
    });
    await app.init();
    expect(app.ready).toBe(false);
    expect(app.error).toBe('cannot open');
    expect(app.errorDetail).toEqual({ zh: '无法打开', en: 'cannot open' });
  });
});

describe('AppState.reload', () => {
  it('picks up a batch another tab wrote, through the kpi-store channel', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const before = app.batches.length;
    const staffBefore = app.dataset.staff.length;
    const tab2 = await openStore(factory);
    track(asDisposable(tab2));
    await tab2.addBatch({ fileName: 'new-hire.csv', contentHash: 'f'.repeat(64), encoding: 'utf-8' }, staffTable('PS9999'), 'staff');
    await vi.waitFor(() => expect(app.batches).toHaveLength(before + 1), { timeout: 30_000 });
    expect(app.dataset.staff.staff_id).toContain('PS9999');
    expect(app.dataset.staff.length).toBe(staffBefore + 1);
  });

  it('re-reads the store on demand and keeps a valid period when data disappears', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const dataset = app.dataset;
    await app.reload();
    // replaced wholesale, never mutated
    expect(app.dataset).not.toBe(dataset);
    expect(app.dataset.staff.length).toBe(dataset.staff.length);

    app.periodId = 'not-a-period';
    await app.reload();
    expect(app.periodId).toBe(latestQuarterId(app.periods));
  });

  it('coalesces overlapping reloads', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const spy = vi.spyOn(app.store!, 'loadSnapshot');
    await Promise.all([app.reload(), app.reload(), app.reload()]);
    // the first run, plus one more for the calls that came while it ran
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('AppState batch actions', () => {
  it('deletes one batch, and "clear demo data" keeps the user\'s own files', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const user = await app.store!.addBatch({ fileName: 'mine.csv', contentHash: 'e'.repeat(64), encoding: 'utf-8' }, staffTable('PS8888'), 'staff');
    await app.reload();
    const holidays = app.batches.find((b) => b.kind === 'holidays')!;
    await app.deleteBatch(holidays.id);
    expect(app.actionError).toBeNull();
    expect(app.batches.some((b) => b.id === holidays.id)).toBe(false);
    expect(app.dataset.holidays.length).toBe(0);

    await app.clearDemo();
    expect(app.batches.map((b) => b.fileName)).toEqual(['mine.csv']);
    expect(app.batches[0].id).toBe(user.id);
    expect(app.hasDemo).toBe(false);
    expect(app.demoBanner).toBe(false);
    expect(await app.store!.getSetting(SETTINGS.demoBatchIds)).toEqual([]);
  });

  it('reports a failed delete in both languages and keeps the data', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const n = app.batches.length;
    vi.spyOn(app.store!, 'deleteBatch').mockRejectedValue(new Error('disk full'));
    await app.deleteBatch(app.batches[0].id);
    expect(app.actionError).toEqual({ zh: 'disk full', en: 'disk full' });
    expect(app.batches).toHaveLength(n);
  });

  it('loading the demo twice refuses the identical files', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState());
    await app.init(factory);
    const n = app.batches.length;
    await app.loadDemo();
    expect(app.batches).toHaveLength(n);
    expect(app.importResults).toHaveLength(n);
    expect(app.importResults.every((r) => r.refused && !r.batch)).toBe(true);
  });
});

describe('AppState.importFiles', () => {
  it('imports through the import pipeline, reports per file and reloads the data', async () => {
    const factory = new IDBFactory();
    const progress: number[] = [];
    const app: AppState = track(new AppState({
      // runImport is what the worker runs; here it runs in-process against the app's own store
      importFiles: (files, opts) => runImport(files, { store: app.store!, ...opts, onProgress: (p) => { progress.push(p.rows); opts?.onProgress?.(p); } }),
    }));
    await app.init(factory);
    const before = app.dataset.activities.length;
    const good = new File(['staff_id,date,type,count\nPS1001,2026-05-06,visit,2\n'], 'visits.csv');
    const bad = new File(['staff_id,date,type,count\nPS1001,2026-02-30,visit,1\n'], 'bad.csv');
    await app.importFiles([good, bad], 'utf-8');
    expect(app.importing).toBe(false);
    expect(app.progress).toBeNull();
    expect(app.importError).toBeNull();
    expect(progress.length).toBeGreaterThan(0);
    const [ok, blocked] = app.importResults;
    expect(ok.batch?.fileName).toBe('visits.csv');
    expect(blocked.batch).toBeUndefined();
    expect(blocked.issues.some((i) => i.severity === 'error' && i.row === 2)).toBe(true);
    expect(app.batches.some((b) => b.fileName === 'visits.csv')).toBe(true);
    expect(app.batches.some((b) => b.fileName === 'bad.csv')).toBe(false);
    expect(app.dataset.activities.length).toBe(before + 1);
  });

  it('cancel aborts the running import, says so and leaves the data as it was', async () => {
    const factory = new IDBFactory();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const app = track(new AppState({
      importFiles: (_files, opts) => new Promise((_, reject) => {
        opts?.onProgress?.({ file: 'big.csv', rows: 5000, bytes: 10, totalBytes: 100, phase: 'read' });
        opts?.signal?.addEventListener('abort', () => reject(new StoreError('cancelled', '导入已取消', 'cancelled')));
        started();
      }),
    }));
    await app.init(factory);
    const batches = app.batches;
    const job = app.importFiles([new File(['x'], 'big.csv')]);
    await running;
    expect(app.importing).toBe(true);
    expect(app.progress).toMatchObject({ file: 'big.csv', rows: 5000 });
    app.cancelImport();
    await job;
    expect(app.importing).toBe(false);
    expect(app.importError).toBeNull();
    expect(app.notice?.en).toContain('cancelled');
    expect(app.batches.map((b) => b.id)).toEqual(batches.map((b) => b.id));
  });

  it('shows a failed import in both languages', async () => {
    const factory = new IDBFactory();
    const app = track(new AppState({
      importFiles: () => Promise.reject(new StoreError('quota', '存储空间不足', 'out of storage space')),
    }));
    await app.init(factory);
    await app.importFiles([new File(['x'], 'a.csv')]);
    expect(app.importError).toEqual({ zh: '存储空间不足', en: 'out of storage space' });
    expect(app.notice).toBeNull();
  });
});

describe('helpers', () => {
  it('latestQuarterId prefers the latest quarter, falls back to a year, then to empty', () => {
    const ps = ['2025Q4', '2026Q1', '2026', '2025'].map(parsePeriod);
    expect(latestQuarterId(ps)).toBe('2026Q1');
    expect(latestQuarterId(['2025', '2026'].map(parsePeriod))).toBe('2026');
    expect(latestQuarterId([])).toBe('');
  });
});
