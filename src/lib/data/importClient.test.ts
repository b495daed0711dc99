import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportHandler, type ImportReply, type ImportRequest } from '../../workers/import.worker';
import { importFiles, importTexts, type WorkerLike } from './importClient';
import type { ImportProgress } from './runImport';
import { onStoreChange, openStore, type Store, type StoreChange } from './store';

const STAFF = 'staff_id,name,level,domain\nPS1,杜眉,mid,consulting\nPS2,孙梦明,junior,product_expert\n';
const RATINGS = '工号,评分日期,来源,分数\nPS1,2026-01-11,销售满意度,4\nPS3,2026/1/18,客户满意度,4.5\n';

/** A worker that runs the real handler in this process, with messages delivered asynchronously like postMessage. */
function inProcessWorker(factory: IDBFactory, hooks: { onRequest?(m: ImportRequest): void } = {}): WorkerLike & { terminated: boolean } {
  const w: WorkerLike & { terminated: boolean } = {
    onmessage: null, onerror: null, terminated: false,
    postMessage(m) { hooks.onRequest?.(m); setTimeout(() => void handle(m)); },
    terminate() { w.terminated = true; },
  };
  const handle = createImportHandler(
    (reply: ImportReply) => setTimeout(() => { if (!w.terminated) w.onmessage?.({ data: reply } as MessageEvent<ImportReply>); }),
    (name) => openStore(factory, name),
  );
  return w;
}

let stores: Store[] = [];
afterEach(() => { stores.forEach((s) => s.close()); stores = []; });
async function storeOf(factory: IDBFactory): Promise<Store> {
  const s = await openStore(factory, 'client');
  stores.push(s);
  return s;
}

describe('importFiles (through the worker handler)', () => {
  it('stores the files from the worker and returns summaries without rows', async () => {
    const factory = new IDBFactory();
    const worker = inProcessWorker(factory);
    const progress: ImportProgress[] = [];
    const heard = new Promise<StoreChange>((resolve) => { const stop = onStoreChange((c) => { stop(); resolve(c); }); });
    const { results } = await importFiles([new File([STAFF], 'staff.csv'), new File([RATINGS], '评分.csv')], {
      dbName: 'client', createWorker: () => worker, onProgress: (p) => progress.push(p),
    });
    expect(results.map((r) => [r.fileName, r.kind, r.batch?.rowCount, r.headerLanguage])).toEqual([
      ['staff.csv', 'staff', 2, 'en'], ['评分.csv', 'ratings', 2, 'zh'],
    ]);
    expect(results.every((r) => !('table' in r) && !('lines' in r))).toBe(true);
    expect(results[1].issues.map((i) => [i.code, i.value])).toEqual([['unknown_staff', 'PS3']]);
    expect(progress.length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
    expect(await heard).toEqual({ type: 'kpi-store-changed', what: 'batches' });
    const ds = await (await storeOf(factory)).loadDataset();
    expect(ds.staff.name).toEqual(['杜眉', '孙梦明']);
    expect(Array.from(ds.ratings.score)).toEqual([4, 4.5]);
  });

  it('sends a cancel to the worker and stores nothing', async () => {
    const factory = new IDBFactory();
    const sent: string[] = [];
    const ac = new AbortController();
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m.type) });
    const big = 'staff_id,name,level,domain\n' + Array.from({ length: 2000 }, (_, i) => `PS${i},n,mid,consulting`).join('\n');
    const pending = importFiles([new File([STAFF], 'a.csv'), new File([big], 'b.csv')], { dbName: 'client', createWorker: () => worker, signal: ac.signal });
    ac.abort();
    const err = await pending.catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(err.message_en).toContain('cancelled');
    expect(sent).toEqual(['import', 'cancel']);
    expect(await (await storeOf(factory)).listBatches()).toEqual([]);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    let created = false;
    const err = await importFiles([], { signal: ac.signal, createWorker: () => { created = true; return inProcessWorker(new IDBFactory()); } }).catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(created).toBe(false);
  });

  it('rejects with a bilingual message when the worker dies', async () => {
    const w: WorkerLike = {
      onmessage: null, onerror: null,
      postMessage() { setTimeout(() => w.onerror?.({ message: 'out of memory' } as ErrorEvent)); },
      terminate() {},
    };
    const err = await importFiles([], { createWorker: () => w }).catch((e) => e);
    expect(err.code).toBe('failed');
    expect(err.message_zh).toContain('out of memory');
    expect(err.message_en).toContain('out of memory');
  });
});

describe('importTexts (main thread, demo data)', () => {
  it('imports texts into the given store', async () => {
    const store = await storeOf(new IDBFactory());
    const { results } = await importTexts([{ name: 'staff.csv', text: STAFF }, { name: 'ratings.csv', text: RATINGS }], { store });
    expect(results.map((r) => r.batch?.liveRows)).toEqual([2, 2]);
    expect((await store.loadDataset()).ratings.staff_id).toEqual(['PS1', 'PS3']);
  });
});
