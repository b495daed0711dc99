import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS } from '../engine/dataset';
import { contentHash, DB_VERSION, openStore, STORE_CHANNEL, StoreError, type Store, type StoreChange } from './store';
import { fullDataset, plain, projectsTable, staffTable } from './storeTestTables';

let open: Store[] = [];
afterEach(() => {
  open.forEach((s) => s.close());
  open = [];
});
async function fresh(factory: IDBFactory = new IDBFactory(), name?: string): Promise<Store> {
  const s = await openStore(factory, name);
  open.push(s);
  return s;
}
const meta = (fileName: string, hash = fileName) => ({ fileName, contentHash: hash, encoding: 'utf-8' });
const snapshot = async (s: Store) => ({
  batches: await s.listBatches(),
  data: Object.fromEntries(Object.entries(await s.loadDataset()).map(([k, t]) => [k, plain(t)])),
});

/** Makes every put on `storeName` throw `error` from the `after`-th call on, until restored. */
function failPuts(storeName: string, error: Error, after = 0): () => void {
  const original = IDBObjectStore.prototype.put;
  let calls = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName && calls++ >= after) throw error;
    return original.apply(this, args);
  };
  return () => { IDBObjectStore.prototype.put = original; };
}

describe('round trip', () => {
  it('loads back every kind and column type: NaN, Chinese, a newline inside a cell, metric values', async () => {
    const s = await fresh();
    const ds = fullDataset();
    for (const kind of KINDS) await s.addBatch(meta(`${kind}.csv`), ds[kind], kind);
    const back = await s.loadDataset();
    for (const kind of KINDS) expect(plain(back[kind]), kind).toEqual(plain(ds[kind]));
    expect(back.staff.manager[0]).toBe('周经理\n（代）');
    expect(back.projects.amount).toBeInstanceOf(Float64Array);
  });

  it('keeps import order across batches and across 10 000-row chunks', async () => {
    const s = await fresh();
    const big = projectsTable(Array.from({ length: 25_001 }, (_, i) => [`P${i}`, `PS${i % 40}`, i]));
    const small = projectsTable([['Q1', 'PS1', -1]]);
    await s.addBatch(meta('big.csv'), big, 'projects');
    await s.addBatch(meta('small.csv'), small, 'projects');
    const { projects } = await s.loadDataset();
    expect(projects.length).toBe(25_002);
    expect(projects.project_id[10_000]).toBe('P10000');
    expect(projects.amount[25_000]).toBe(25_000);
    expect(projects.project_id.at(-1)).toBe('Q1');
    expect((await s.listBatches()).map((b) => [b.fileName, b.rowCount, b.liveRows])).toEqual([['big.csv', 25_001, 25_001], ['small.csv', 1, 1]]);
  });

  it('gives empty tables for an empty store', async () => {
    const ds = await (await fresh()).loadDataset();
    expect(KINDS.map((k) => ds[k].length)).toEqual(KINDS.map(() => 0));
  });
});

describe('upsert and delete (spec §2 Batches)', () => {
  it('replaces stored rows with the same key and counts live rows per batch', async () => {
    const s = await fresh();
    const a = await s.addBatch(meta('staff-a.csv'), staffTable([['PS1', '甲'], ['PS2', '乙'], ['PS3', '丙']]), 'staff');
    await s.addBatch(meta('staff-b.csv'), staffTable([['PS2', '乙（新）'], ['PS4', '丁']]), 'staff');
    const { staff } = await s.loadDataset();
    expect(staff.staff_id).toEqual(['PS1', 'PS3', 'PS2', 'PS4']);
    expect(staff.name).toEqual(['甲', '丙', '乙（新）', '丁']);
    expect((await s.listBatches()).map((b) => b.liveRows)).toEqual([2, 2]);
    expect(a.liveRows).toBe(3);
  });

  it('keys projects by project and staff member together', async () => {
    const s = await fresh();
    await s.addBatch(meta('p1.csv'), projectsTable([['P1', 'PS1', 10], ['P1', 'PS2', 10]]), 'projects');
    await s.addBatch(meta('p2.csv'), projectsTable([['P1', 'PS2', 20], ['P2', 'PS1', 5]]), 'projects');
    const { projects } = await s.loadDataset();
    expect(projects.project_id.map((p, i) => `${p}/${projects.staff_id[i]}=${projects.amount[i]}`))
      .toEqual(['P1/PS1=10', 'P1/PS2=20', 'P2/PS1=5']);
  });

  it('lets the later of two rows with one key in one file win', async () => {
    const s = await fresh();
    const b = await s.addBatch(meta('dup.csv'), staffTable([['PS1', 'old'], ['PS2', 'x'], ['PS1', 'new']]), 'staff');
    expect(b.liveRows).toBe(2);
    expect((await s.loadDataset()).staff.name).toEqual(['x', 'new']);
  });

  it('with keysUnique (what runImport sets) still replaces older rows, in either direction, within one drop too', async () => {
    const s = await fresh();
    const unique = (name: string, rows: [string, string][]) =>
      ({ meta: meta(name), table: staffTable(rows), kind: 'staff' as const, keysUnique: true });
    const [a, b] = await s.addBatches([unique('a.csv', [['PS1', '甲'], ['PS2', '乙']]), unique('b.csv', [['PS2', '乙2']])]);
    expect([a.batch?.liveRows, b.batch?.liveRows]).toEqual([2, 1]);
    await s.addBatch(meta('c.csv'), staffTable([['PS1', '甲3'], ['PS3', '丙']]), 'staff');
    const [d] = await s.addBatches([unique('d.csv', [['PS3', '丙4'], ['PS5', '戊']])]);
    expect(d.batch?.liveRows).toBe(2);
    expect((await s.listBatches()).map((x) => x.liveRows)).toEqual([0, 1, 1, 2]);
    expect((await s.loadDataset()).staff.name).toEqual(['乙2', '甲3', '丙4', '戊']);
  });

  it('deleting the newer batch removes its rows and brings back nothing it replaced', async () => {
    const s = await fresh();
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲'], ['PS2', '乙']]), 'staff');
    const b = await s.addBatch(meta('b.csv'), staffTable([['PS2', '乙2'], ['PS3', '丙']]), 'staff');
    await s.deleteBatch(b.id);
    const { staff } = await s.loadDataset();
    expect(staff.staff_id).toEqual(['PS1']);
    expect((await s.listBatches()).map((x) => x.fileName)).toEqual(['a.csv']);
  });

  it('deleting the older batch removes only its live rows', async () => {
    const s = await fresh();
    const a = await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲'], ['PS2', '乙']]), 'staff');
    await s.addBatch(meta('b.csv'), staffTable([['PS2', '乙2']]), 'staff');
    await s.deleteBatch(a.id);
    expect((await s.loadDataset()).staff.name).toEqual(['乙2']);
  });

  it('keeps identical rows of kinds without a key in each batch and deletes exactly one batch’s rows', async () => {
    const s = await fresh();
    const { ratings } = fullDataset();
    const first = await s.addBatch(meta('r1.csv', 'h1'), ratings, 'ratings');
    await s.addBatch(meta('r2.csv', 'h2'), ratings, 'ratings');
    expect((await s.loadDataset()).ratings.length).toBe(6);
    await s.deleteBatch(first.id);
    expect(plain((await s.loadDataset()).ratings)).toEqual(plain(ratings));
  });

  it('does not let one kind’s keys touch another kind', async () => {
    const s = await fresh();
    await s.addBatch(meta('staff.csv'), staffTable([['PS1', '甲']]), 'staff');
    const m = { length: 1, staff_id: ['PS1'], period: ['2026'], values: {} };
    await s.addBatch(meta('metrics.csv'), m, 'metrics');
    expect((await s.loadDataset()).staff.length).toBe(1);
  });
});

describe('refusals and failures leave the store unchanged', () => {
  it('refuses a file whose content hash is stored, naming the earlier file and date in zh and en', async () => {
    const s = await fresh();
    const hash = await contentHash(new TextEncoder().encode('staff_id,name\nPS1,甲\n'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const first = await s.addBatch(meta('人员-一月.csv', hash), staffTable([['PS1', '甲']]), 'staff');
    const before = await snapshot(s);
    const err = await s.addBatch(meta('copy.csv', hash), staffTable([['PS1', '乙']]), 'staff').catch((e) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.code).toBe('duplicate');
    for (const msg of [err.text.zh, err.text.en]) {
      expect(msg).toContain('人员-一月.csv');
      expect(msg).toContain('copy.csv');
      expect(msg).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    }
    expect(err.text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(s)).toEqual(before);
    expect((await s.findBatchByHash(hash))?.id).toBe(first.id);
    expect(await s.findBatchByHash('0'.repeat(64))).toBeUndefined();
  });

  it('rolls back chunks and upsert marks when the final batch write fails', async () => {
    const s = await fresh();
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲'], ['PS2', '乙']]), 'staff');
    const before = await snapshot(s);
    // The older batch's dead mark is the 1st batches put, the new batch record the 2nd.
    const restore = failPuts('batches', new Error('disk on fire'), 1);
    const err = await s.addBatch(meta('b.csv'), staffTable([['PS2', 'x'], ['PS3', 'y']]), 'staff').catch((e) => e).finally(restore);
    expect(err).toBeInstanceOf(StoreError);
    expect(err.code).toBe('failed');
    expect(err.text.en).toContain('disk on fire');
    expect(await snapshot(s)).toEqual(before);
  });

  it('maps QuotaExceededError to a bilingual message and stores nothing of the drop', async () => {
    const factory = new IDBFactory();
    const s = await fresh(factory, 'quota');
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲']]), 'staff');
    const before = await snapshot(s);
    const restore = failPuts('chunks', new DOMException('full', 'QuotaExceededError'), 1);
    const err = await s.addBatches([
      { meta: meta('ok.csv'), table: staffTable([['PS1', '新']]), kind: 'staff' },
      { meta: meta('big.csv'), table: projectsTable([['P1', 'PS1', 1]]), kind: 'projects' },
    ]).catch((e) => e).finally(restore);
    expect(err.code).toBe('quota');
    expect(err.text.zh).toContain('存储空间不足');
    expect(err.text.en).toContain('storage');
    expect(await snapshot(s)).toEqual(before);
    s.close();
    const again = await fresh(factory, 'quota');
    expect((await again.listBatches()).map((b) => b.fileName)).toEqual(['a.csv']);
  });

  it('reports a transaction aborted under it as a failure, not a cancel, and stores nothing', async () => {
    const s = await fresh();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = original.apply(this, args);
      if (this.name === 'chunks') this.transaction.abort();
      return req;
    };
    const err = await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲']]), 'staff').catch((e) => e)
      .finally(() => { IDBObjectStore.prototype.put = original; });
    expect(err.code).toBe('failed');
    expect(await s.listBatches()).toEqual([]);
    expect((await s.loadDataset()).staff.length).toBe(0);
  });

  it('refuses only the duplicate file of a drop and keeps the others', async () => {
    const s = await fresh();
    const out = await s.addBatches([
      { meta: meta('a.csv', 'same'), table: staffTable([['PS1', '甲']]), kind: 'staff' },
      { meta: meta('a-copy.csv', 'same'), table: staffTable([['PS1', '甲']]), kind: 'staff' },
      { meta: meta('p.csv'), table: projectsTable([['P1', 'PS1', 1]]), kind: 'projects' },
    ]);
    expect(out.map((o) => o.batch?.fileName ?? o.error?.code)).toEqual(['a.csv', 'duplicate', 'p.csv']);
    expect((await s.listBatches()).length).toBe(2);
  });

  it('a cancel before or during the write stores nothing', async () => {
    const s = await fresh();
    const pre = new AbortController();
    pre.abort();
    const item = { meta: meta('a.csv'), table: staffTable([['PS1', '甲']]), kind: 'staff' as const };
    expect((await s.addBatches([item], { signal: pre.signal }).catch((e) => e)).code).toBe('cancelled');
    const during = new AbortController();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'chunks') during.abort();
      return original.apply(this, args);
    };
    const err = await s.addBatches([item], { signal: during.signal }).catch((e) => e)
      .finally(() => { IDBObjectStore.prototype.put = original; });
    expect(err.code).toBe('cancelled');
    expect(await s.listBatches()).toEqual([]);
    expect((await s.loadDataset()).staff.length).toBe(0);
  });
});

describe('open, clear and other records', () => {
  it('clearAll empties batches, settings and records', async () => {
    const s = await fresh();
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲']]), 'staff');
    await s.setSetting('lang', 'zh');
    await s.putRecord('scenarios', { id: 's1', name: '标准' });
    await s.putRecord('mappings', { id: 'm1', signature: 'm1' });
    await s.clearAll();
    expect(await s.listBatches()).toEqual([]);
    expect((await s.loadDataset()).staff.length).toBe(0);
    expect(await s.getSetting('lang')).toBeUndefined();
    expect(await s.listRecords('scenarios')).toEqual([]);
    expect(await s.listRecords('mappings')).toEqual([]);
  });

  it('stores settings and keyed records', async () => {
    const s = await fresh();
    expect(await s.getSetting('period')).toBeUndefined();
    await s.setSetting('period', { id: '2026Q1' });
    expect(await s.getSetting<{ id: string }>('period')).toEqual({ id: '2026Q1' });
    for (const store of ['scenarios', 'calibration', 'meetings', 'mappings'] as const) {
      await s.putRecord(store, { id: 'a', n: 1 });
      await s.putRecord(store, { id: 'b', n: 2 });
      await s.putRecord(store, { id: 'a', n: 3 });
      await s.deleteRecord(store, 'b');
      expect(await s.listRecords(store)).toEqual([{ id: 'a', n: 3 }]);
    }
  });

  it('removes chunks without a batch record when opened (a half import from a closed tab)', async () => {
    const factory = new IDBFactory();
    const s = await openStore(factory, 'orphans');
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲']]), 'staff');
    s.close();
    const raw = await rawOpen(factory, 'orphans');
    await rawPut(raw, 'chunks', { batchId: 'ghost', index: 0, rows: 1, columns: {} });
    await rawPut(raw, 'chunks', { batchId: 'ghost', index: 1, rows: 1, columns: {} });
    await rawPut(raw, 'chunks', { batchId: 'zz-ghost', index: 0, rows: 1, columns: {} });
    raw.close();
    const again = await fresh(factory, 'orphans');
    expect((await again.loadDataset()).staff.name).toEqual(['甲']);
    const check = await rawOpen(factory, 'orphans');
    const keys = await request(check.transaction('chunks').objectStore('chunks').getAllKeys());
    check.close();
    expect(keys.map((k) => (k as [string, number])[0])).toEqual([(await again.listBatches())[0].id]);
  });

  it('posts a message on the kpi-store channel after a change', async () => {
    const s = await fresh();
    const listener = new BroadcastChannel(STORE_CHANNEL);
    const got = new Promise<StoreChange>((resolve) => { listener.onmessage = (e) => resolve(e.data); });
    await s.addBatch(meta('a.csv'), staffTable([['PS1', '甲']]), 'staff');
    expect(await got).toEqual({ type: 'kpi-store-changed', what: 'batches' });
    listener.close();
  });
});

// The schema as version 1 wrote it, frozen here on purpose: if a later version changes the
// schema or the record format without a migration, this test fails.
describe('schema versions', () => {
  it('opens a database written by version 1 with its data intact', async () => {
    const factory = new IDBFactory();
    const req = factory.open('v1', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('batches', { keyPath: 'id' }).createIndex('contentHash', 'contentHash');
      db.createObjectStore('chunks', { keyPath: ['batchId', 'index'] });
      for (const n of ['scenarios', 'calibration', 'meetings']) db.createObjectStore(n, { keyPath: 'id' });
      db.createObjectStore('settings');
    };
    const db = await request(req);
    const dead = new Uint8Array([0b10]);
    await rawPut(db, 'batches', {
      id: 'b1', seq: 1, fileName: '人员.csv', kind: 'staff', contentHash: 'abc', rowCount: 2, liveRows: 1,
      importedAt: '2026-01-05T02:00:00.000Z', encoding: 'gb18030', chunkCount: 1, dead,
    });
    const text = (xs: string[]) => ({ t: 'text', s: xs.join(''), len: Uint32Array.from(xs, (x) => x.length) });
    const nums = (xs: number[]) => ({ t: 'num', v: Float64Array.from(xs) });
    await rawPut(db, 'chunks', {
      batchId: 'b1', index: 0, rows: 2, columns: {
        staff_id: text(['PS1', 'PS2']), name: text(['甲\n乙', '旧']), level: nums([0, 1]), domain: nums([2, 2]),
        team: { t: 'dict', s: '华东', len: Uint32Array.from([2]), codes: Uint16Array.from([0, 0]) },
        manager: text(['', '']), salary: nums([NaN, 1]), hired_on: nums([NaN, NaN]), left_on: nums([NaN, NaN]),
      },
    });
    await rawPut(db, 'settings', 'zh', 'lang');
    db.close();

    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
    const s = await fresh(factory, 'v1');
    const { staff } = await s.loadDataset();
    expect(plain(staff)).toEqual({
      length: 1, staff_id: ['PS1'], name: ['甲\n乙'], level: [0], domain: [2], team: ['华东'], manager: [''],
      salary: [NaN], hired_on: [NaN], left_on: [NaN],
    });
    expect(await s.listBatches()).toEqual([{
      id: 'b1', fileName: '人员.csv', kind: 'staff', contentHash: 'abc', rowCount: 2, liveRows: 1,
      importedAt: '2026-01-05T02:00:00.000Z', encoding: 'gb18030',
    }]);
    expect(await s.getSetting('lang')).toBe('zh');
    // Version 2 added the mappings store: empty after the upgrade, and usable.
    expect(await s.listRecords('mappings')).toEqual([]);
    await s.putRecord('mappings', { id: 'a\u001fb', signature: 'a\u001fb' });
    expect(await s.listRecords('mappings')).toHaveLength(1);
  });
});

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
}
const rawOpen = (f: IDBFactory, name: string) => request(f.open(name));
async function rawPut(db: IDBDatabase, store: string, value: unknown, key?: IDBValidKey): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  tx.objectStore(store).put(value, key);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
}
