import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as XLSX from '@e965/xlsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvToSheet } from '../../../test/workbook/sampleWorkbook';
import { createWorkbookReadHandler, type WorkbookReadReply, type WorkbookReadRequest } from '../../workers/workbookImport.worker';
import { createHashHandler, type HashReply, type HashRequest } from '../../workers/hash.worker';
import { createImportHandler, PROBE_SETTING, type ImportReply, type ImportRequest } from '../../workers/import.worker';
import { importFiles, importTexts, type HashWorkerLike, type WorkerLike } from './importClient';
import type { ImportProgress } from './runImport';
import type { WorkbookReaderLike } from './workbookReadClient';
import { contentHash, onStoreChange, openStore, type Store, type StoreChange } from './store';

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

/** A hash worker running the real handler in this process (with `hash` for contentHash), replies delivered asynchronously. */
function inProcessHashWorker(hash?: (bytes: Uint8Array) => Promise<string>): HashWorkerLike & { terminated: boolean; got: HashRequest[] } {
  const w: HashWorkerLike & { terminated: boolean; got: HashRequest[] } = {
    onmessage: null, onerror: null, terminated: false, got: [],
    postMessage(m) { w.got.push(m); setTimeout(() => void handle(m)); },
    terminate() { w.terminated = true; },
  };
  const handle = createHashHandler(
    (reply: HashReply) => setTimeout(() => { if (!w.terminated) w.onmessage?.({ data: reply } as MessageEvent<HashReply>); }),
    hash,
  );
  return w;
}

const text = (s: string) => new TextEncoder().encode(s);
const hashesOf = async (factory: IDBFactory) =>
  Object.fromEntries((await (await storeOf(factory)).listBatches()).map((b) => [b.fileName, b.contentHash]));

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
    expect(err.text.en).toContain('cancelled');
    expect(sent.filter((t) => t !== 'bytes')).toEqual(['import', 'cancel']);
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
    expect(err.text.zh).toContain('out of memory');
    expect(err.text.en).toContain('out of memory');
  });
});

describe('importFiles: the bytes are read on the page', () => {
  it('posts no File to the worker, only names and sizes, and sends each file\'s bytes (transferred) when the worker asks', async () => {
    const factory = new IDBFactory();
    const sent: { m: ImportRequest; transfer?: Transferable[] }[] = [];
    const worker = inProcessWorker(factory);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m, transfer) => { sent.push({ m, transfer }); post(m, transfer); };
    const { results } = await importFiles([new File([STAFF], 'staff.csv'), new File([RATINGS], '评分.csv')], { dbName: 'client', createWorker: () => worker, createHashWorker: () => null });
    expect(results.map((r) => r.batch?.rowCount)).toEqual([2, 2]);
    const anyBlob = (v: unknown): boolean => v instanceof Blob || (typeof v === 'object' && v !== null && Object.values(v).some(anyBlob));
    expect(sent.some(({ m }) => anyBlob(m))).toBe(false);
    const bytes = sent.filter(({ m }) => m.type === 'bytes');
    expect(bytes.map(({ m }) => m.type === 'bytes' && [m.index, m.part?.byteLength])).toEqual([[0, text(STAFF).length], [1, text(RATINGS).length]]);
    expect(bytes.every(({ m, transfer }) => m.type === 'bytes' && transfer?.[0] === m.part)).toBe(true);
  });

  it('reads a file bigger than a slice in slices, each transferred in order, and imports the same rows', async () => {
    const factory = new IDBFactory();
    const sent: { m: ImportRequest; transfer?: Transferable[] }[] = [];
    const worker = inProcessWorker(factory);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (m, transfer) => { sent.push({ m, transfer }); post(m, transfer); };
    const size = text(STAFF).length;
    const { results } = await importFiles([new File([STAFF], 'staff.csv')], { dbName: 'client', createWorker: () => worker, createHashWorker: () => null, pageSliceBytes: 16 });
    expect(results.map((r) => r.batch?.rowCount)).toEqual([2]);
    const parts = sent.flatMap(({ m, transfer }) => (m.type === 'bytes' && m.part && transfer?.[0] === m.part ? [m.part.byteLength] : []));
    expect(parts).toEqual([...Array.from({ length: Math.floor(size / 16) }, () => 16), ...(size % 16 ? [size % 16] : [])]);
  });

  it('a file the page cannot read fails the import with the browser\'s reason and stores nothing', async () => {
    const factory = new IDBFactory();
    const unreadable = new File([STAFF], 'gone.csv');
    unreadable.arrayBuffer = () => Promise.reject(new DOMException('The I/O read operation failed.', 'NotReadableError'));
    const err = await importFiles([unreadable], { dbName: 'client', createWorker: () => inProcessWorker(factory), createHashWorker: () => null }).catch((e) => e);
    expect(err.code).toBe('failed');
    expect(err.text.zh).toContain('The I/O read operation failed.');
    expect(err.text.en).toContain('The I/O read operation failed.');
    expect(await (await storeOf(factory)).listBatches()).toEqual([]);
  });
});

describe('importFiles: the storage probe', () => {
  it('imports in the worker when the worker finds the page\'s token in its store', async () => {
    const factory = new IDBFactory();
    const sent: string[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m.type) });
    const { results } = await importFiles([new File([STAFF], 'staff.csv')], {
      dbName: 'client', createWorker: () => worker, createHashWorker: () => null, openPageStore: () => openStore(factory, 'client'),
    });
    expect(results.map((r) => r.batch?.rowCount)).toEqual([2]);
    expect(sent).toEqual(['import', 'bytes']);
    expect((await (await storeOf(factory)).listBatches()).map((b) => b.fileName)).toEqual(['staff.csv']);
    // The probe is gone once the import is over: only the import changed the store.
    expect(await (await storeOf(factory)).getSetting(PROBE_SETTING)).toBeUndefined();
  });

  it('imports on the page when the worker\'s IndexedDB is not the page\'s (WebKit from file://), leaving nothing in the worker\'s', async () => {
    const pageFactory = new IDBFactory();
    const workerFactory = new IDBFactory();
    const sent: string[] = [];
    const worker = inProcessWorker(workerFactory, { onRequest: (m) => sent.push(m.type) });
    const progress: string[] = [];
    const { results } = await importFiles([new File([STAFF], 'staff.csv'), new File([RATINGS], '评分.csv')], {
      dbName: 'client', createWorker: () => worker, createHashWorker: () => null, openPageStore: () => openStore(pageFactory, 'client'),
      onProgress: (p) => progress.push(p.file),
    });
    expect(sent).toEqual(['import']);
    expect(worker.terminated).toBe(true);
    expect(results.map((r) => [r.fileName, r.batch?.rowCount])).toEqual([['staff.csv', 2], ['评分.csv', 2]]);
    expect(progress).toContain('评分.csv');
    expect((await (await storeOf(pageFactory)).listBatches()).map((b) => b.fileName).sort()).toEqual(['staff.csv', '评分.csv'].sort());
    expect(await (await storeOf(workerFactory)).listBatches()).toEqual([]);
  });
});

/** The workbook worker's read handler in this process, messages cloned as postMessage would. */
function inProcessWorkbookReader(): WorkbookReaderLike & { terminated: boolean; got: string[] } {
  const w: WorkbookReaderLike & { terminated: boolean; got: string[] } = {
    onmessage: null, onerror: null, terminated: false, got: [],
    postMessage(m) { w.got.push(m.fileName); const copy = structuredClone(m); setTimeout(() => read(copy)); },
    terminate() { w.terminated = true; },
  };
  const read = createWorkbookReadHandler(
    (reply) => { const copy = structuredClone(reply); setTimeout(() => { if (!w.terminated) w.onmessage?.({ data: copy } as MessageEvent<WorkbookReadReply>); }); },
    XLSX,
  );
  return w;
}
const workbookOf = (name: string, sheets: Record<string, string>) => {
  const wb = XLSX.utils.book_new();
  for (const [n, csv] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, csvToSheet(csv, { chinese: true }), n);
  return new File([new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)], name);
};

describe('importFiles on the page (WebKit from file://) with a workbook', () => {
  it('reads the workbook in the workbook worker and stores its sheets in the page\'s store, beside a CSV file', async () => {
    const pageFactory = new IDBFactory();
    const worker = inProcessWorker(new IDBFactory());
    const reader = inProcessWorkbookReader();
    let started = 0;
    const book = workbookOf('人员.xlsx', { 人员: STAFF });
    const { results } = await importFiles([book, new File([RATINGS], '评分.csv')], {
      dbName: 'client', createWorker: () => worker, createHashWorker: () => null, openPageStore: () => openStore(pageFactory, 'client'),
      createWorkbookReader: () => { started++; return reader; },
    });
    expect(results.map((r) => [r.fileName, r.sheet, r.kind, r.batch?.rowCount])).toEqual([['人员.xlsx', '人员', 'staff', 2], ['评分.csv', undefined, 'ratings', 2]]);
    expect([started, reader.got, reader.terminated]).toEqual([1, ['人员.xlsx'], true]);
    const page = await storeOf(pageFactory);
    expect((await page.listBatches()).map((b) => [b.fileName, b.contentHash])).toEqual([
      ['人员.xlsx · 人员', `${await contentHash(new Uint8Array(await book.arrayBuffer()))}:人员`],
      ['评分.csv', await contentHash(text(RATINGS))],
    ]);
    expect((await page.loadTable('staff')).name).toEqual(['杜眉', '孙梦明']);
  });

  it('a drop of CSV files only never starts the workbook worker', async () => {
    let started = 0;
    const { results } = await importFiles([new File([STAFF], 'staff.csv')], {
      dbName: 'client', createWorker: () => inProcessWorker(new IDBFactory()), createHashWorker: () => null,
      openPageStore: () => openStore(new IDBFactory(), 'client'), createWorkbookReader: () => { started++; return inProcessWorkbookReader(); },
    });
    expect([results[0].batch?.rowCount, started]).toEqual([2, 0]);
  });

  it('a cancel while the workbook is read ends the workbook worker and stores nothing', async () => {
    const pageFactory = new IDBFactory();
    const reader = inProcessWorkbookReader();
    const ac = new AbortController();
    // The reply never comes: the reader only records the request, then the user cancels.
    reader.postMessage = (m: WorkbookReadRequest) => { reader.got.push(m.fileName); setTimeout(() => ac.abort()); };
    await expect(importFiles([workbookOf('人员.xlsx', { 人员: STAFF })], {
      dbName: 'client', createWorker: () => inProcessWorker(new IDBFactory()), createHashWorker: () => null, signal: ac.signal,
      openPageStore: () => openStore(pageFactory, 'client'), createWorkbookReader: () => reader,
    })).rejects.toMatchObject({ code: 'cancelled' });
    expect([reader.got, reader.terminated]).toEqual([['人员.xlsx'], true]);
    expect(await (await storeOf(pageFactory)).listBatches()).toEqual([]);
  });
});

describe('the hash worker', () => {
  it('hashes the files in order, one reply each, and reports a file it cannot read without stopping', async () => {
    const replies: HashReply[] = [];
    const unreadable = new File(['x'], 'gone.csv');
    unreadable.arrayBuffer = () => Promise.reject(new DOMException('file moved', 'NotReadableError'));
    await createHashHandler((r) => replies.push(r))({ type: 'hash', files: [new File([STAFF], 'a.csv'), unreadable, new File([RATINGS], 'b.csv')] });
    expect(replies).toEqual([
      { type: 'hash', index: 0, hash: await contentHash(text(STAFF)) },
      { type: 'hash-error', index: 1, message: 'file moved' },
      { type: 'hash', index: 2, hash: await contentHash(text(RATINGS)) },
    ]);
  });

  it('numbers its replies from the drop index of the first file sent', async () => {
    const replies: HashReply[] = [];
    await createHashHandler((r) => replies.push(r))({ type: 'hash', files: [new File([STAFF], 'a.csv')], first: 3 });
    expect(replies).toEqual([{ type: 'hash', index: 3, hash: await contentHash(text(STAFF)) }]);
  });
});

describe('the import worker with hashes from the page', () => {
  // The handler alone, with the page's part played here: each 'need' is answered with the file's bytes.
  let dropped: File[] = [];
  const run = (factory: IDBFactory) => {
    const replies: ImportReply[] = [];
    const handle = createImportHandler((r) => {
      replies.push(r);
      if (r.type === 'need') void dropped[r.index].arrayBuffer().then((part) => handle({ type: 'bytes', index: r.index, part }));
    }, (name) => openStore(factory, name));
    return { replies, handle };
  };
  const importOf = (files: File[], hashesFromPage = true): ImportRequest => {
    dropped = files;
    return { type: 'import', files: files.map((f) => ({ name: f.name, size: f.size })), dbName: 'client', hashesFromPage };
  };

  it('uses a hash that arrived before the import request', async () => {
    const factory = new IDBFactory();
    const { replies, handle } = run(factory);
    await handle({ type: 'hash', index: 1, hash: 'early-1' });
    await handle({ type: 'hash', index: 0, hash: 'early-0' });
    await handle(importOf([new File([STAFF], 'staff.csv'), new File([RATINGS], 'r.csv')]));
    expect(replies.at(-1)?.type).toBe('done');
    expect(await hashesOf(factory)).toEqual({ 'staff.csv': 'early-0', 'r.csv': 'early-1' });
  });

  it('waits for a hash that arrives after its file is parsed, and falls back to hashing the file itself on hash: null', async () => {
    const factory = new IDBFactory();
    const { replies, handle } = run(factory);
    const importing = handle(importOf([new File([STAFF], 'staff.csv'), new File([RATINGS], 'r.csv')]));
    await handle({ type: 'hash', index: 0, hash: null });
    // The first file is parsed, the second waits for its hash.
    await vi.waitFor(() => expect(replies.some((r) => r.type === 'progress' && r.progress.file === 'r.csv')).toBe(true), { timeout: 30_000 });
    expect(replies.some((r) => r.type === 'done' || r.type === 'error')).toBe(false);
    await handle({ type: 'hash', index: 1, hash: 'late-1' });
    await importing;
    expect(replies.at(-1)?.type).toBe('done');
    expect(await hashesOf(factory)).toEqual({ 'staff.csv': await contentHash(text(STAFF)), 'r.csv': 'late-1' });
  });

  it('a cancel does not wait for a hash that will not come', async () => {
    const factory = new IDBFactory();
    const { replies, handle } = run(factory);
    const importing = handle(importOf([new File([STAFF], 'staff.csv')]));
    // Cancel once the file is parsed and its hash is all the import still waits for.
    await vi.waitFor(() => expect(replies.some((r) => r.type === 'progress' && r.progress.file === 'staff.csv')).toBe(true), { timeout: 30_000 });
    await handle({ type: 'cancel' });
    await importing;
    expect(replies.at(-1)).toMatchObject({ type: 'error', code: 'cancelled' });
    expect(await hashesOf(factory)).toEqual({});
  });

  it('without hashesFromPage hashes the files itself, whatever hash messages say', async () => {
    const factory = new IDBFactory();
    const { handle } = run(factory);
    await handle({ type: 'hash', index: 0, hash: 'ignored' });
    await handle(importOf([new File([STAFF], 'staff.csv')], false));
    expect(await hashesOf(factory)).toEqual({ 'staff.csv': await contentHash(text(STAFF)) });
  });
});

describe('importFiles with a hash worker', () => {
  const files = () => [new File([STAFF], 'staff.csv'), new File([RATINGS], 'r.csv')];
  const fakeHash = async (b: Uint8Array) => `fake-${b.length}`;

  it('sends the files to the hash worker, passes each hash on to the import worker, which stores it; ends both workers', async () => {
    const factory = new IDBFactory();
    const sent: ImportRequest[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m) });
    const hasher = inProcessHashWorker(fakeHash);
    const fs = files();
    const { results } = await importFiles(fs, { dbName: 'client', createWorker: () => worker, createHashWorker: () => hasher });
    expect(results.map((r) => r.batch?.contentHash)).toEqual([`fake-${text(STAFF).length}`, `fake-${text(RATINGS).length}`]);
    // each file once the import worker has read it
    expect(hasher.got).toEqual([{ type: 'hash', files: [fs[0]], first: 0 }, { type: 'hash', files: [fs[1]], first: 1 }]);
    expect(sent.filter((m) => m.type !== 'bytes')).toEqual([
      { type: 'import', files: [{ name: 'staff.csv', size: fs[0].size }, { name: 'r.csv', size: fs[1].size }], encoding: undefined, dbName: 'client', hashesFromPage: true },
      { type: 'hash', index: 0, hash: `fake-${text(STAFF).length}` },
      { type: 'hash', index: 1, hash: `fake-${text(RATINGS).length}` },
    ]);
    expect(worker.terminated && hasher.terminated).toBe(true);
    expect(await hashesOf(factory)).toEqual({ 'staff.csv': `fake-${text(STAFF).length}`, 'r.csv': `fake-${text(RATINGS).length}` });
  });

  it('passes on null for a file the hash worker could not hash: the import worker hashes it', async () => {
    const factory = new IDBFactory();
    const sent: ImportRequest[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m) });
    const hasher = inProcessHashWorker(async (b) => { if (b.length === text(STAFF).length) throw new Error('no'); return fakeHash(b); });
    await importFiles(files(), { dbName: 'client', createWorker: () => worker, createHashWorker: () => hasher });
    expect(sent.filter((m) => m.type === 'hash')).toEqual([
      { type: 'hash', index: 0, hash: null }, { type: 'hash', index: 1, hash: `fake-${text(RATINGS).length}` },
    ]);
    expect(await hashesOf(factory)).toEqual({ 'staff.csv': await contentHash(text(STAFF)), 'r.csv': `fake-${text(RATINGS).length}` });
  });

  it('when the hash worker dies, passes on null for every file not yet hashed and still imports', async () => {
    const factory = new IDBFactory();
    const sent: ImportRequest[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m) });
    const hasher: HashWorkerLike & { terminated: boolean } = {
      onmessage: null, onerror: null, terminated: false,
      postMessage() {
        setTimeout(() => {
          hasher.onmessage?.({ data: { type: 'hash', index: 0, hash: 'h0' } } as MessageEvent<HashReply>);
          hasher.onerror?.({ message: 'crashed' } as ErrorEvent);
        });
      },
      terminate() { hasher.terminated = true; },
    };
    const { results } = await importFiles(files(), { dbName: 'client', createWorker: () => worker, createHashWorker: () => hasher });
    expect(sent.filter((m) => m.type === 'hash')).toEqual([{ type: 'hash', index: 0, hash: 'h0' }, { type: 'hash', index: 1, hash: null }]);
    expect(hasher.terminated).toBe(true);
    expect(results.map((r) => r.batch?.contentHash)).toEqual(['h0', await contentHash(text(RATINGS))]);
  });

  it('runs the import without a hash worker when none can be started', async () => {
    const factory = new IDBFactory();
    const sent: ImportRequest[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m) });
    const { results } = await importFiles(files(), { dbName: 'client', createWorker: () => worker, createHashWorker: () => null });
    expect(sent.filter((m) => m.type !== 'bytes').map((m) => m.type === 'import' && m.hashesFromPage)).toEqual([false]);
    expect(results.map((r) => r.batch?.contentHash)).toEqual([await contentHash(text(STAFF)), await contentHash(text(RATINGS))]);
  });

  it('a cancel ends both workers and is not held up by a hash that never comes', async () => {
    const factory = new IDBFactory();
    const ac = new AbortController();
    const sent: string[] = [];
    const worker = inProcessWorker(factory, { onRequest: (m) => sent.push(m.type) });
    const hasher: HashWorkerLike & { terminated: boolean } = {
      onmessage: null, onerror: null, terminated: false, postMessage() {}, terminate() { hasher.terminated = true; },
    };
    const pending = importFiles(files(), {
      dbName: 'client', createWorker: () => worker, createHashWorker: () => hasher, signal: ac.signal,
      onProgress: (p) => { if (p.file === 'staff.csv') ac.abort(); },
    });
    const err = await pending.catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(sent.filter((t) => t !== 'bytes')).toEqual(['import', 'cancel']);
    expect(worker.terminated && hasher.terminated).toBe(true);
    expect(await hashesOf(factory)).toEqual({});
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
