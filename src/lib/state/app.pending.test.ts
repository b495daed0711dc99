// @vitest-environment node
// Issue #19: between "the store holds new data" and "dataset holds it" (2–3 s at 1M rows) the
// app says the data is pending, so no page shows and no export downloads the data before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { AppState } from './app.svelte';
import { openStore, type Store } from '../data/store';
import { runImport } from '../data/runImport';

const opened: AppState[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});

/** The real store, with loadSnapshot held at a gate once `hold()` is called (a slow reload of 1M rows). */
function gatedStore() {
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  let reached: () => void = () => {};
  let atGate = Promise.resolve();
  return {
    openStore: async (factory?: IDBFactory): Promise<Store> => {
      const store = await openStore(factory);
      const load = store.loadSnapshot.bind(store);
      store.loadSnapshot = (async (...args: Parameters<Store['loadSnapshot']>) => {
        if (gate) {
          reached();
          await gate;
        }
        return load(...args);
      }) as Store['loadSnapshot'];
      return store;
    },
    hold() {
      gate = new Promise((r) => (open = r));
      atGate = new Promise((r) => (reached = r));
    },
    release() {
      gate = null;
      open();
    },
    reachedGate: () => atGate,
  };
}

const visits = (id: string) => new File([`staff_id,date,type,count\n${id},2026-05-06,visit,2\n`], `${id}.csv`);

async function newApp(gated: ReturnType<typeof gatedStore>): Promise<AppState> {
  const app: AppState = new AppState({
    openStore: gated.openStore,
    importFiles: (files, opts) => runImport(files, { store: app.store!, ...opts }),
    generateDemoFiles: () => [],
  });
  opened.push(app);
  await app.init(new IDBFactory());
  return app;
}

describe('AppState.dataPending', () => {
  it('is set with the import result card and cleared only once dataset holds the imported rows', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    expect(app.dataPending).toBe(false);
    const before = app.dataset;
    gated.hold();
    const job = app.importFiles([visits('PS1001')]);
    await gated.reachedGate();
    // The card shows (the batch is stored), the dataset is still the one before the import.
    expect(app.importResults[0].batch?.fileName).toBe('PS1001.csv');
    expect(app.dataset).toBe(before);
    expect(app.dataPending).toBe(true);
    gated.release();
    await job;
    expect(app.dataset.activities.length).toBe(before.activities.length + 1);
    expect(app.dataPending).toBe(false);
  });

  it('is set from the start of a delete until the data without the batch is loaded', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    await app.importFiles([visits('PS1002')]);
    const id = app.batches[0].id;
    gated.hold();
    const job = app.deleteBatch(id);
    expect(app.dataPending).toBe(true);
    await gated.reachedGate();
    expect(app.dataset.activities.length).toBe(1);
    expect(app.dataPending).toBe(true);
    gated.release();
    await job;
    expect(app.dataset.activities.length).toBe(0);
    expect(app.dataPending).toBe(false);
  });

  it('is set while another tab\'s import is read in', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    await runImport([visits('PS1003')], { store: app.store! });
    gated.hold();
    const job = app.onStoreChanged({ what: 'batches' } as Parameters<AppState['onStoreChanged']>[0]);
    await gated.reachedGate();
    expect(app.dataPending).toBe(true);
    gated.release();
    await job;
    expect(app.dataset.activities.length).toBe(1);
    expect(app.dataPending).toBe(false);
  });

  it('a change message while this tab imports loads nothing: the import reloads when it ends', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    const loads = vi.spyOn(app.store!, 'loadSnapshot');
    await runImport([visits('PS1004')], { store: app.store! });
    app.importing = true;
    await app.onStoreChanged({ what: 'batches' } as Parameters<AppState['onStoreChanged']>[0]);
    expect(loads).not.toHaveBeenCalled();
    app.importing = false;
  });

  it('a change message during a reload that holds the change: the data set is read once, not twice', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    await runImport([visits('PS1005')], { store: app.store! });
    const loads = vi.spyOn(app.store!, 'loadSnapshot');
    gated.hold();
    const reload = app.reload();
    await gated.reachedGate();
    const message = app.onStoreChanged({ what: 'batches' } as Parameters<AppState['onStoreChanged']>[0]);
    gated.release();
    await Promise.all([reload, message]);
    expect(app.dataset.activities.length).toBe(1);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('is not left set by a delete the store refuses', async () => {
    const gated = gatedStore();
    const app = await newApp(gated);
    app.store!.deleteBatch = () => Promise.reject(new Error('refused'));
    await app.deleteBatch('nope');
    expect(app.actionError?.en).toBe('refused');
    expect(app.dataPending).toBe(false);
  });
});
