import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../engine/dataset';
import {
  BACKUP_FORMAT, BackupError, backupFileName, checkBackupSize, createBackup, readBackup, restoreBackup, toJsonSafe,
} from './backup';
import { MAX_BACKUP_UNPACKED } from './backupChecks';
import { STORE_CHANNEL, type Store, type StoreChange } from './store';
import { fullDataset, plain, projectsTable, staffTable } from './storeTestTables';
import { listMappings, saveMapping } from './mappingStore';
import type { ColumnMapping } from './mapping';
import { openedStores, STORE_NAME as NAME } from './store.testkit';

const CRM_MAPPING: ColumnMapping = {
  signature: '商机编号\u001f负责人', kind: 'projects', columns: { 商机编号: 'project_id', 负责人: 'staff_id' }, values: { status: { 赢单关闭: 'won' } },
};

const storeOf = openedStores();
const meta = (fileName: string) => ({ fileName, contentHash: `hash-of-${fileName}`, encoding: 'utf-8' });

/** Every record of every object store, straight from IndexedDB (settings as [key, value]). */
async function dump(factory: IDBFactory): Promise<Record<string, unknown[]>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = factory.open(NAME);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const names = ['batches', 'chunks', 'scenarios', 'calibration', 'meetings', 'mappings', 'settings'];
  const tx = db.transaction(names);
  const all = (req: IDBRequest) => new Promise<unknown[]>((resolve) => { req.onsuccess = () => resolve(req.result as unknown[]); });
  const out: Record<string, unknown[]> = {};
  for (const n of names.slice(0, 6)) out[n] = await all(tx.objectStore(n).getAll());
  const keys = await all(tx.objectStore('settings').getAllKeys());
  const values = await all(tx.objectStore('settings').getAll());
  out.settings = keys.map((k, i) => [k, values[i]]);
  db.close();
  return out;
}

const SETTINGS: [string, unknown][] = [
  ['app.initialised', true],
  ['app.periodId', '2026Q1'],
  ['app.demoBatchIds', ['b1', 'b2']],
  ['odd.values', { nan: NaN, inf: -Infinity, negZero: -0, none: undefined, when: new Date(Date.UTC(2026, 2, 31, 9)), big: 12n }],
  ['odd.collections', { map: new Map<unknown, unknown>([['a', 1], [2, new Set(['x'])]]), bytes: new Uint16Array([1, 65535]), buf: new Uint8Array([7, 8]).buffer }],
  ['odd.tagLookalike', { $kpi: 'Float64Array', b64: 'not a tag, user data' }],
];

/** A store holding every kind of batch (one upsert, so a dead bitmap), records and odd settings. */
async function seeded(factory = new IDBFactory()): Promise<{ factory: IDBFactory; store: Store }> {
  const store = await storeOf(factory);
  const ds = fullDataset();
  for (const kind of KINDS) await store.addBatch(meta(`${kind}.csv`), ds[kind], kind);
  await store.addBatch(meta('staff-update.csv'), staffTable([['PS1', '新名字', 30000]]), 'staff');
  await store.addBatch(meta('big.csv'), projectsTable(Array.from({ length: 12_000 }, (_, i) => [`P${i}`, `PS${i % 7}`, i * 1000] as [string, string, number])), 'projects');
  await store.putRecord('scenarios', { id: 'my-scheme', text: '{"format":"presales-kpi-scenario"}', savedAt: '2026-03-31T00:00:00.000Z' });
  await store.putRecord('calibration', { id: 'c1', changes: [{ staff_id: 'PS1', from: 'B', to: 'A' }] });
  await store.putRecord('meetings', { id: '2026Q1:PS1', periodId: '2026Q1', staff_id: 'PS1', meetingOn: '2026-04-08', plan: '多\n行', status: 'done' });
  await saveMapping(store, CRM_MAPPING, new Date('2026-03-30T00:00:00Z'));
  for (const [k, v] of SETTINGS) await store.setSetting(k, v);
  return { factory, store };
}

// Seeding through fake-indexeddb takes seconds on a busy machine: one source serves every test.
let source: { factory: IDBFactory; bytes: Uint8Array };
beforeAll(async () => {
  const { factory, store } = await seeded();
  source = { factory, bytes: (await createBackup({ factory, name: NAME })).bytes };
  store.close();
}, 60_000);

describe('createBackup → readBackup → restoreBackup', () => {
  it('gives back exactly the same records in a fresh database, dead bitmaps and odd setting values included', async () => {
    const { factory } = source;
    const store = await storeOf(factory);
    const before = await dump(factory);
    const { bytes, summary } = await createBackup({ factory, name: NAME, now: new Date('2026-11-27T01:00:00Z') });
    expect(bytes[0]).toBe(0x1f);
    expect(summary).toMatchObject({ createdAt: '2026-11-27T01:00:00.000Z', batches: KINDS.length + 2, scenarios: 1, calibration: 1, meetings: 1, settings: SETTINGS.length, mappings: 1 });
    expect(summary.chunks).toBe((before.chunks as unknown[]).length);
    expect(summary.chunks).toBeGreaterThan(KINDS.length + 2); // the 12,000-row batch has 2 chunks

    const backup = readBackup(bytes, 'b.json.gz');
    expect(backup.summary).toEqual(summary);
    const target = new IDBFactory();
    await restoreBackup(backup, { factory: target, name: NAME });
    const after = await dump(target);
    expect(after).toEqual(before);
    // toEqual is loose about some cases; these must hold exactly.
    const odd = new Map(after.settings as [string, Record<string, unknown>][]);
    const oddBefore = new Map(before.settings as [string, Record<string, unknown>][]);
    expect(Object.is(odd.get('odd.values')!.negZero, oddBefore.get('odd.values')!.negZero)).toBe(true);
    expect(Number.isNaN(odd.get('odd.values')!.nan)).toBe(true);
    expect('none' in odd.get('odd.values')!).toBe(true);
    expect(odd.get('odd.collections')!.bytes).toBeInstanceOf(Uint16Array);
    expect(odd.get('odd.tagLookalike')).toEqual({ $kpi: 'Float64Array', b64: 'not a tag, user data' });
    const restored = await storeOf(target);
    expect((await restored.listBatches()).find((b) => b.fileName === 'staff.csv')!.liveRows)
      .toBe((await store.listBatches()).find((b) => b.fileName === 'staff.csv')!.liveRows);
    expect(plain(await restored.loadDataset())).toEqual(plain(await store.loadDataset()));
    expect(await listMappings(restored)).toEqual([{ ...CRM_MAPPING, savedAt: '2026-03-30T00:00:00.000Z' }]);
  }, 30_000);

  it('is plain JSON inside the gzip, format id and summary first', async () => {
    const { bytes } = source;
    const text = new TextDecoder().decode(gunzipSync(bytes));
    expect(text.startsWith(`{"format":"${BACKUP_FORMAT}","version":1,"summary":{`)).toBe(true);
    const doc = JSON.parse(text);
    expect(Object.keys(doc.stores)).toEqual(['batches', 'chunks', 'scenarios', 'calibration', 'meetings', 'mappings', 'settings']);
    expect(doc.stores.chunks[0].columns.staff_id ?? doc.stores.chunks[0].columns.project_id).toBeTruthy();
  });

  it('replaces what the target held (nothing of it survives) and tells other tabs', async () => {
    const { factory, bytes } = source;
    const target = new IDBFactory();
    const other = await storeOf(target);
    await other.addBatch(meta('only-here.csv'), staffTable([['X1', '某人']]), 'staff');
    await other.setSetting('only.here', 1);
    await other.putRecord('scenarios', { id: 'only-here' });
    const listener = new BroadcastChannel(STORE_CHANNEL);
    const heard = new Promise<StoreChange>((resolve) => { listener.onmessage = (e) => resolve(e.data); });
    await restoreBackup(readBackup(bytes), { factory: target, name: NAME });
    expect(await heard).toEqual({ type: 'kpi-store-changed', what: 'all' });
    listener.close();
    expect(await dump(target)).toEqual(await dump(factory));
  }, 30_000);

  it('backs up an empty store and restores it as empty', async () => {
    const factory = new IDBFactory();
    const { bytes, summary } = await createBackup({ factory, name: NAME });
    expect(summary).toMatchObject({ batches: 0, chunks: 0, rows: 0, settings: 0 });
    const target = new IDBFactory();
    await restoreBackup(readBackup(source.bytes), { factory: target, name: NAME });
    expect((await dump(target)).batches.length).toBe(KINDS.length + 2);
    await restoreBackup(readBackup(bytes), { factory: target, name: NAME });
    expect(await dump(target)).toEqual({ batches: [], chunks: [], scenarios: [], calibration: [], meetings: [], mappings: [], settings: [] });
  });

  it('restores a backup written before mappings were stored (no "mappings" store): the target has none', async () => {
    const target = new IDBFactory();
    await restoreBackup(readBackup(source.bytes), { factory: target, name: NAME });
    expect((await dump(target)).mappings).toHaveLength(1);
    const doc = JSON.parse(new TextDecoder().decode(gunzipSync(source.bytes)));
    delete doc.stores.mappings;
    delete doc.summary.mappings;
    doc.summary.dbVersion = 1;
    const old = readBackup(strToU8(JSON.stringify(doc)), 'old.json.gz');
    expect(old.summary.mappings).toBe(0);
    await restoreBackup(old, { factory: target, name: NAME });
    const after = await dump(target);
    expect(after.mappings).toEqual([]);
    expect(after.batches.length).toBe(KINDS.length + 2);
  }, 30_000);

  it('writes the same bytes for the same data and time', async () => {
    const { factory } = source;
    const now = new Date('2026-01-02T03:04:05Z');
    const a = await createBackup({ factory, name: NAME, now });
    const b = await createBackup({ factory, name: NAME, now });
    expect(a.bytes).toEqual(b.bytes);
  }, 30_000);
});

describe('refusals leave the store untouched', () => {
  const refusal = async (bytes: Uint8Array) => {
    try {
      readBackup(bytes, 'x.json.gz');
    } catch (e) {
      return e as BackupError;
    }
    throw new Error('not refused');
  };
  const docOf = async () => JSON.parse(new TextDecoder().decode(gunzipSync(source.bytes)));

  it.each([
    ['a CSV file', strToU8('staff_id,name\nPS1,张三\n')],
    ['an .xlsx (zip) file', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])],
    ['an empty file', new Uint8Array(0)],
    ['a scenario JSON', strToU8('{"format":"presales-kpi-scenario","version":1,"name":"x"}')],
    ['a gzip of some other JSON', gzipSync(strToU8('{"hello":"world"}'))],
    ['a gzip of plain text', gzipSync(strToU8('just text'))],
  ])('%s is "not a backup"', async (_, bytes) => {
    const e = await refusal(bytes);
    expect(e).toBeInstanceOf(BackupError);
    expect(e.code).toBe('foreign');
    expect(e.text.zh).toContain('不是售前KPI工作室的备份文件');
    expect(e.text.en).toContain('is not a Presales KPI Studio backup');
  });

  it('a truncated or bit-flipped file is "damaged" (checksum, inflate or JSON), never half restored', async () => {
    const { bytes } = source;
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length / 2)] ^= 0x10;
    for (const broken of [bytes.slice(0, bytes.length - 100), flipped, bytes.slice(0, 30)]) {
      const e = await refusal(broken);
      expect(e.code).toBe('damaged');
      expect(e.text.zh).toMatch(/^备份文件“x\.json\.gz”已损坏（.+），未恢复任何数据/);
      expect(e.text.en).toMatch(/^The backup “x\.json\.gz” is damaged \(.+\)/);
    }
  });

  it.each([
    ['a chunk without its batch', (d: { stores: Record<string, unknown[]> }) => { d.stores.batches.pop(); }, /has no batch/],
    ['a batch without its chunks', (d: { stores: Record<string, unknown[]> }) => { d.stores.chunks.shift(); }, /lacks chunks/],
    ['a missing store', (d: { stores: Record<string, unknown[]> }) => { delete d.stores.meetings; }, /“meetings” is missing/],
    ['a broken column', (d: { stores: Record<string, { columns: Record<string, { b64?: string; v?: { b64: string } }> }[]> }) => {
      const col = Object.values(d.stores.chunks[0].columns).find((c) => c.v)!;
      col.v!.b64 = 'AAAAAAAA8D8='; // one number where the chunk has many rows
    }, /broken column/],
    ['a record without id', (d: { stores: Record<string, unknown[]> }) => { d.stores.scenarios.push({ name: 'x' }); }, /has no id/],
    ['a broken column mapping', (d: { stores: Record<string, unknown[]> }) => { d.stores.mappings.push({ id: 'a', signature: 'a', kind: 'staff', columns: { a: 1 } }); }, /column mapping is broken/],
    ['a staff chunk without its staff_id column (checksums intact)', (d: { stores: Record<string, { kind?: string; id?: string; batchId?: string; columns?: Record<string, unknown> }[]> }) => {
      const staff = d.stores.batches.find((x) => x.kind === 'staff')!;
      delete d.stores.chunks.find((c) => c.batchId === staff.id)!.columns!.staff_id;
    }, /chunk .+\/0 \(staff\) lacks the column staff_id/],
    ['a projects chunk whose amount column holds text', (d: { stores: Record<string, { kind?: string; id?: string; batchId?: string; columns?: Record<string, unknown> }[]> }) => {
      const projects = d.stores.batches.find((x) => x.kind === 'projects')!;
      const chunk = d.stores.chunks.find((c) => c.batchId === projects.id)!;
      chunk.columns!.amount = chunk.columns!.project_id;
    }, /\(projects\) stores the column amount as text/],
  ])('consistent gzip but %s is "damaged"', async (_, spoil, detail) => {
    const doc = await docOf();
    spoil(doc);
    const e = await refusal(gzipSync(strToU8(JSON.stringify(doc))));
    expect(e.code).toBe('damaged');
    expect(e.text.en).toMatch(detail);
  });

  it('a small file that unpacks past the stated bound is refused before it fills memory, naming the bound', async () => {
    // The same check at 2 MiB instead of MAX_BACKUP_UNPACKED (400 MiB), so the test does not inflate 400 MiB.
    const limit = 2 * 1024 * 1024;
    const bomb = gzipSync(new Uint8Array(8 * limit).fill(0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const refused = (bytes: Uint8Array) => { try { readBackup(bytes, 'bomb.json.gz', limit); } catch (e) { return e as BackupError; } throw new Error('accepted'); };
    const e = refused(bomb);
    expect(e.code).toBe('too_large');
    expect(e.text.zh).toContain('解压后超过 2 MB');
    expect(e.text.en).toContain('unpacks to more than 2 MB');
    // A trailer that lies about the size changes nothing: the inflating is counted.
    const lying = bomb.slice();
    lying.set([1, 0, 0, 0], lying.length - 4);
    expect(refused(lying).code).toBe('too_large');
    expect(MAX_BACKUP_UNPACKED).toBe(400 * 1024 * 1024);
    // The page asks first from the file's size, before reading a byte of it.
    expect(() => checkBackupSize(MAX_BACKUP_UNPACKED + 1, 'big.json.gz')).toThrow(/unpacks to more than 400 MB/);
    expect(() => checkBackupSize(MAX_BACKUP_UNPACKED, 'ok.json.gz')).not.toThrow();
    expect(readBackup(source.bytes, 'x.json.gz', limit).summary.batches).toBeGreaterThan(0);
  });

  it('a later format version is refused with "made by a newer version"', async () => {
    const doc = await docOf();
    doc.version = 2;
    const e = await refusal(gzipSync(strToU8(JSON.stringify(doc))));
    expect(e.code).toBe('newer');
    expect(e.text.zh).toContain('由更新版本的售前KPI工作室生成');
    expect(e.text.en).toContain('made by a newer version');
  });

  it('accepts the unpacked JSON (someone ran gunzip on it)', async () => {
    const doc = await docOf();
    const backup = readBackup(strToU8(JSON.stringify(doc)));
    expect(backup.summary.batches).toBe(KINDS.length + 2);
  });

  it('a quota error in the middle of a restore rolls everything back', async () => {
    const backup = readBackup(source.bytes);
    const target = new IDBFactory();
    const other = await storeOf(target);
    await other.addBatch(meta('mine.csv'), staffTable([['X1', '某人']]), 'staff');
    await other.setSetting('only.here', 'keep me');
    const before = await dump(target);
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'chunks' && calls++ >= 3) throw new DOMException('full', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      await expect(restoreBackup(backup, { factory: target, name: NAME })).rejects.toMatchObject({
        code: 'quota', text: { zh: expect.stringContaining('浏览器存储空间不足'), en: expect.stringContaining('ran out of storage space') },
      });
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(calls).toBeGreaterThan(3);
    expect(await dump(target)).toEqual(before);
  });
});

describe('toJsonSafe', () => {
  it('refuses values a JSON file cannot carry, naming where', () => {
    expect(() => toJsonSafe({ f: () => 1 }, 'settings 3')).toThrow(BackupError);
    try {
      toJsonSafe([new Blob(['x'])], 'meetings 1');
    } catch (e) {
      expect((e as BackupError).code).toBe('unsupported');
      expect((e as BackupError).text.zh).toContain('“meetings 1”');
    }
  });

  it('keeps a typed array view to its own bytes', () => {
    const whole = new Float64Array([1, 2, 3, 4]);
    const safe = toJsonSafe(whole.subarray(1, 3), 'x') as { b64: string };
    const back = readBackupValue(safe);
    expect(back).toEqual(new Float64Array([2, 3]));
  });
});

/** Runs one tagged value through the same reviver readBackup uses, via a minimal valid file. */
function readBackupValue(tagged: unknown): unknown {
  const doc = {
    format: BACKUP_FORMAT, version: 1, summary: { dbVersion: 1, createdAt: '' },
    stores: { batches: [], chunks: [], scenarios: [], calibration: [], meetings: [], settings: [['v', tagged]] },
  };
  return readBackup(strToU8(JSON.stringify(doc))).settings[0][1];
}

describe('backupFileName', () => {
  it('names the file by local date and time', () => {
    expect(backupFileName(new Date(2026, 10, 27, 9, 5))).toBe('presales-kpi-backup-2026-11-27-0905.json.gz');
  });
});
