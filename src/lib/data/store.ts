/**
 * The IndexedDB store: imported batches as column chunks (spec §2 "Batches"), plus small
 * keyed records for scenarios, calibration sessions, meetings and settings.
 *
 * Atomicity: every change runs in ONE readwrite transaction — the chunks, the dead marks
 * that an upsert puts on older batches, and the batch record itself. A failure, a cancel or
 * a closed tab aborts it and leaves the store exactly as it was. See docs/storage.md.
 */
import { wrap, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { emptyDataset, KINDS, type Dataset, type Kind } from '../engine/dataset';
import {
  decodeChunk, encodeChunks, flattenTable, newBitmap, setBit, bitIsSet,
  type ChunkColumns, type EncodedChunk,
} from './chunks';
import { combinePartsPaced, deadWithinFile, KEY_COLUMNS, rowKeys, type Part, type Within } from './combine';
import { BilingualError } from '../i18n/bilingualError';

/** The batch content hash (defined beside the digest it falls back to over plain http). */
export { contentHash } from './sha256';

export const DB_NAME = 'presales-kpi-studio';
/** Bump when the schema changes, and add a step to `upgrade` plus a fossil test of the old version. */
export const DB_VERSION = 2;
/** BroadcastChannel name: every change posts a `StoreChange` here so other tabs reload. */
export const STORE_CHANNEL = 'kpi-store';

export interface BatchInfo {
  id: string; fileName: string; kind: Kind; contentHash: string; rowCount: number; liveRows: number;
  /** ISO 8601 (UTC) time of the import. */
  importedAt: string; encoding: string;
}

/** The stored batch: BatchInfo plus its import order and, for keyed kinds, which rows later batches replaced. */
export interface BatchRecord extends BatchInfo { seq: number; chunkCount: number; dead: Uint8Array | null }
export interface ChunkRecord { batchId: string; index: number; rows: number; columns: ChunkColumns }
export type RecordStoreName = 'scenarios' | 'calibration' | 'meetings' | 'mappings';

interface KpiDB extends DBSchema {
  batches: { key: string; value: BatchRecord; indexes: { contentHash: string } };
  chunks: { key: [string, number]; value: ChunkRecord };
  scenarios: { key: string; value: { id: string } & Record<string, unknown> };
  calibration: { key: string; value: { id: string } & Record<string, unknown> };
  meetings: { key: string; value: { id: string } & Record<string, unknown> };
  mappings: { key: string; value: { id: string } & Record<string, unknown> };
  settings: { key: string; value: unknown };
}
type DB = IDBPDatabase<KpiDB>;
type BatchTx = IDBPTransaction<KpiDB, ('batches' | 'chunks')[], 'readwrite' | 'readonly'>;
type BatchWriteTx = IDBPTransaction<KpiDB, ('batches' | 'chunks')[], 'readwrite'>;

export type StoreErrorCode = 'duplicate' | 'quota' | 'cancelled' | 'failed';

/** A refused or failed store operation, with the message for the user in both languages. */
export class StoreError extends BilingualError<StoreErrorCode> {
  constructor(code: StoreErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'StoreError';
  }
}

/** Local wall-clock 'YYYY-MM-DD HH:mm' of an ISO time, for messages. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The refusal of a file whose content equals the stored batch `earlier`. */
export const duplicateBatchError = (fileName: string, earlier: BatchInfo): StoreError => {
  const when = formatDateTime(earlier.importedAt);
  return new StoreError('duplicate',
    `文件“${fileName}”与 ${when} 导入的批次“${earlier.fileName}”内容完全相同，未重复导入。`,
    `“${fileName}” has the same content as the batch “${earlier.fileName}” imported on ${when}; it was not imported again.`);
};

/** Maps whatever a transaction threw to a StoreError; the transaction has been rolled back. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError('quota',
      '浏览器存储空间不足，本次导入未保存任何数据。请删除不再需要的导入批次，或在浏览器设置中为本站点释放空间后重试。',
      'The browser ran out of storage space; nothing from this import was saved. Delete batches you no longer need, or free space for this site in the browser settings, then try again.');
  }
  if (name === 'AbortError') {
    return new StoreError('cancelled', '导入已取消，数据未作任何更改。', 'The import was cancelled; the stored data was not changed.');
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new StoreError('failed',
    `保存数据失败，数据未作任何更改（${detail}）。`,
    `Saving the data failed; the stored data was not changed (${detail}).`);
}

const cancelledError = () => toStoreError(new DOMException('cancelled', 'AbortError'));

export interface NewBatch {
  meta: { fileName: string; contentHash: string; encoding: string }; table: Dataset[Kind]; kind: Kind;
  /** No two rows share a key (runImport: validate.ts refuses such files): row keys are then built only for older batches. */
  keysUnique?: boolean;
}
/** Outcome of one file of `addBatches`: the batch, or why it was refused (only 'duplicate' refuses one file alone). */
export type AddOutcome = { batch: BatchInfo; error?: undefined } | { batch?: undefined; error: StoreError };

/** What a `STORE_CHANNEL` message carries. */
export interface StoreChange { type: 'kpi-store-changed'; what: 'batches' | 'settings' | RecordStoreName | 'all' }

/** What `writeRecords` writes: records to put (by id) and ids to delete. */
export interface RecordChange { put?: readonly ({ id: string } & Record<string, unknown>)[]; delete?: readonly string[] }

export interface Store {
  listBatches(): Promise<BatchInfo[]>;
  findBatchByHash(hash: string): Promise<BatchInfo | undefined>;
  /** Adds one file as a batch; throws StoreError ('duplicate', 'quota', 'cancelled', 'failed'). */
  addBatch(meta: NewBatch['meta'], table: Dataset[Kind], kind: Kind): Promise<BatchInfo>;
  /** Adds the files of one drop in one transaction: all land or, on a quota/failure/cancel, none. */
  addBatches(items: NewBatch[], opts?: { signal?: AbortSignal }): Promise<AddOutcome[]>;
  deleteBatch(id: string): Promise<void>;
  loadDataset(): Promise<Dataset>;
  /**
   * The tables of `kinds` (the others empty) with the batch list they come from, read in one
   * transaction: what the derived cache's signature is taken from (src/lib/state/derivedCache.ts).
   */
  loadSnapshot(kinds?: readonly Kind[]): Promise<{ dataset: Dataset; batches: BatchInfo[] }>;
  /** The live rows of one kind (e.g. stored staff ids for the cross-file check). */
  loadTable<K extends Kind>(kind: K): Promise<Dataset[K]>;
  /** Empties every object store: batches, chunks, scenarios, calibration, meetings, settings, mappings. */
  clearAll(): Promise<void>;
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
  deleteSetting(key: string): Promise<void>;
  putRecord(store: RecordStoreName, value: { id: string } & Record<string, unknown>): Promise<void>;
  listRecords<T>(store: RecordStoreName): Promise<T[]>;
  deleteRecord(store: RecordStoreName, id: string): Promise<void>;
  /** Puts and deletes records of one record store in one transaction: all land or none (data/calibrationRecords.ts). */
  writeRecords(store: RecordStoreName, change: RecordChange): Promise<void>;
  close(): void;
}

function upgrade(db: DB, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('batches', { keyPath: 'id' }).createIndex('contentHash', 'contentHash');
    db.createObjectStore('chunks', { keyPath: ['batchId', 'index'] });
    db.createObjectStore('scenarios', { keyPath: 'id' });
    db.createObjectStore('calibration', { keyPath: 'id' });
    db.createObjectStore('meetings', { keyPath: 'id' });
    db.createObjectStore('settings');
  }
  if (oldVersion < 2) db.createObjectStore('mappings', { keyPath: 'id' }); // column mappings by header signature (mappingStore.ts)
}

// idb's openDB always uses the global indexedDB; this is the same thing with the factory
// handed in, so tests (and the worker) choose their database.
async function openDatabase(factory: IDBFactory, name: string): Promise<DB> {
  const request = factory.open(name, DB_VERSION);
  request.addEventListener('upgradeneeded', (e) => {
    upgrade(wrap(request.result) as unknown as DB, e.oldVersion);
  });
  const db = (await wrap(request)) as unknown as DB;
  // A newer version opened in another tab: let it upgrade instead of blocking it.
  unwrap(db).addEventListener('versionchange', () => db.close());
  return db;
}

const batchRange = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);

/** Deletes chunks whose batch record does not exist (defence against any half-written import). */
async function removeOrphanChunks(db: DB): Promise<void> {
  const tx = db.transaction(['batches', 'chunks'], 'readwrite');
  const known = new Set(await tx.objectStore('batches').getAllKeys());
  const chunks = tx.objectStore('chunks');
  let cursor = await chunks.openKeyCursor();
  while (cursor) {
    const batchId = cursor.key[0];
    if (!known.has(batchId)) await chunks.delete(batchRange(batchId));
    cursor = await cursor.continue([batchId, Infinity]);
  }
  await tx.done;
}

const toInfo = ({ id, fileName, kind, contentHash, rowCount, liveRows, importedAt, encoding }: BatchRecord): BatchInfo =>
  ({ id, fileName, kind, contentHash, rowCount, liveRows, importedAt, encoding });

async function sortedBatches(tx: BatchTx): Promise<BatchRecord[]> {
  return (await tx.objectStore('batches').getAll()).sort((a, b) => a.seq - b.seq);
}

/**
 * Marks dead every live row of older batches of `kind` whose key is in `keys`.
 * Runs inside the caller's transaction so an import and its replacements land together.
 */
async function markReplaced(tx: BatchWriteTx, kind: Kind, keys: Set<string>, older: BatchRecord[]): Promise<void> {
  const names = KEY_COLUMNS[kind]!;
  const batches = tx.objectStore('batches');
  for (const b of older) {
    if (b.kind !== kind || b.liveRows === 0) continue;
    const dead = b.dead ?? newBitmap(b.rowCount);
    let killed = 0;
    let offset = 0;
    // One chunk at a time: a million stored rows need not all be in memory to find the replaced ones.
    for (let index = 0; index < b.chunkCount; index++) {
      const c = await tx.objectStore('chunks').get([b.id, index]);
      if (!c) continue;
      const rowKey = rowKeys(kind, decodeChunk(c, names))!;
      for (let i = 0; i < c.rows; i++) {
        if (!bitIsSet(dead, offset + i) && keys.has(rowKey[i])) { setBit(dead, offset + i); killed++; }
      }
      offset += c.rows;
    }
    if (killed > 0) await batches.put({ ...b, dead, liveRows: b.liveRows - killed });
  }
}

type Prepared = NewBatch & { chunks: EncodedChunk[]; within: Within | null };

/** The keys of `item` as a set (what `markReplaced` looks up), built on first use. */
function keySet(item: Prepared): Set<string> {
  const w = item.within!;
  if (!w.set) w.set = new Set(rowKeys(item.kind, flattenTable(item.table)));
  return w.set;
}

class IdbStore implements Store {
  private channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(STORE_CHANNEL) : null;

  constructor(private readonly db: DB) {}

  private changed(what: StoreChange['what']): void {
    this.channel?.postMessage({ type: 'kpi-store-changed', what } satisfies StoreChange);
  }

  async listBatches(): Promise<BatchInfo[]> {
    return (await sortedBatches(this.db.transaction(['batches', 'chunks']))).map(toInfo);
  }

  async findBatchByHash(hash: string): Promise<BatchInfo | undefined> {
    const b = await this.db.getFromIndex('batches', 'contentHash', hash);
    return b && toInfo(b);
  }

  async addBatch(meta: NewBatch['meta'], table: Dataset[Kind], kind: Kind): Promise<BatchInfo> {
    const [outcome] = await this.addBatches([{ meta, table, kind }]);
    if (outcome.error) throw outcome.error;
    return outcome.batch;
  }

  async addBatches(items: NewBatch[], opts: { signal?: AbortSignal } = {}): Promise<AddOutcome[]> {
    const { signal } = opts;
    if (signal?.aborted) throw cancelledError();
    // Encoding is CPU work: do it before the transaction so the transaction stays short.
    const prepared = items.map((it): Prepared => {
      const keyed = KEY_COLUMNS[it.kind] !== undefined;
      // A million row keys and a Map of them cost more than the encoding: only when a file may repeat a key.
      const within = !keyed ? null : it.keysUnique ? { dead: null, killed: 0, set: null }
        : deadWithinFile(rowKeys(it.kind, flattenTable(it.table))!);
      return { ...it, chunks: encodeChunks(it.table), within };
    });
    const tx = this.db.transaction(['batches', 'chunks'], 'readwrite');
    const done = tx.done;
    done.catch(() => {}); // observed below; avoids an unhandled rejection when we abort
    const abort = () => { try { tx.abort(); } catch { /* already finished */ } };
    signal?.addEventListener('abort', abort);
    const outcomes: AddOutcome[] = [];
    const writes: Promise<unknown>[] = [];
    // Awaited all together below; the no-op catch keeps a failed put from being reported
    // as unhandled while the loop is still awaiting reads.
    const write = (p: Promise<unknown>) => { p.catch(() => {}); writes.push(p); };
    try {
      for (const item of prepared) {
        const batches = tx.objectStore('batches');
        const same = await batches.index('contentHash').get(item.meta.contentHash);
        if (same) { outcomes.push({ error: duplicateBatchError(item.meta.fileName, toInfo(same)) }); continue; }
        const older = await sortedBatches(tx);
        if (item.within && older.some((b) => b.kind === item.kind && b.liveRows > 0)) {
          await markReplaced(tx, item.kind, keySet(item), older);
        }
        const seq = Math.max(Date.now(), (older.at(-1)?.seq ?? 0) + 1);
        const record = this.batchRecord(item, seq);
        for (const c of item.chunks) {
          write(tx.objectStore('chunks').put({ batchId: record.id, index: c.index, rows: c.rows, columns: c.columns }));
        }
        write(batches.put(record));
        outcomes.push({ batch: toInfo(record) });
      }
      await Promise.all([...writes, done]);
    } catch (e) {
      abort();
      await Promise.allSettled(writes);
      if (signal?.aborted) throw cancelledError();
      // The transaction's own error (QuotaExceededError) says more than the first failed request (AbortError).
      const cause = unwrap(tx).error ?? e;
      throw (cause as { name?: string }).name === 'AbortError' ? toStoreError(new Error('transaction aborted')) : toStoreError(cause);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    if (outcomes.some((o) => o.batch)) this.changed('batches');
    return outcomes;
  }

  private batchRecord(item: Prepared, seq: number): BatchRecord {
    const rowCount = item.table.length;
    return {
      id: `b${seq.toString(36)}`, seq, fileName: item.meta.fileName, kind: item.kind, contentHash: item.meta.contentHash,
      rowCount, liveRows: rowCount - (item.within?.killed ?? 0), importedAt: new Date().toISOString(),
      encoding: item.meta.encoding, chunkCount: item.chunks.length, dead: item.within?.dead ?? null,
    };
  }

  async deleteBatch(id: string): Promise<void> {
    await this.guard(() => {
      const tx = this.db.transaction(['batches', 'chunks'], 'readwrite');
      return Promise.all([tx.objectStore('batches').delete(id), tx.objectStore('chunks').delete(batchRange(id)), tx.done]);
    });
    this.changed('batches');
  }

  /**
   * The live rows of `kinds`, read one chunk per request and decoded as each arrives. Each
   * request's result comes in its own task, so the page keeps painting and answering input
   * while a million rows load; one getAll would deserialise them all in one long task
   * (docs/storage.md). One readonly transaction: a consistent snapshot even if another tab
   * imports meanwhile.
   */
  private async tables(kinds: readonly Kind[]): Promise<{ tables: Map<Kind, Dataset[Kind]>; batches: BatchRecord[] }> {
    const tx = this.db.transaction(['batches', 'chunks']);
    const chunks = tx.objectStore('chunks');
    const byKind = new Map<Kind, Part[]>(kinds.map((k) => [k, []]));
    const batches = await sortedBatches(tx);
    for (const b of batches) {
      const parts = byKind.get(b.kind);
      if (!parts || b.liveRows === 0) continue;
      let offset = 0;
      // The next chunk is requested before this one is decoded: reading and decoding overlap.
      let next = chunks.get([b.id, 0]);
      for (let index = 0; index < b.chunkCount; index++) {
        const c = await next;
        if (index + 1 < b.chunkCount) next = chunks.get([b.id, index + 1]);
        if (!c) continue;
        parts.push({ table: decodeChunk(c), dead: b.dead, offset });
        offset += c.rows;
      }
    }
    await tx.done;
    const tables = new Map<Kind, Dataset[Kind]>();
    // Column by column, giving the thread back every few ms (a page reload after an import).
    for (const [kind, parts] of byKind) tables.set(kind, await combinePartsPaced(kind, parts));
    return { tables, batches };
  }

  async loadSnapshot(kinds: readonly Kind[] = KINDS): Promise<{ dataset: Dataset; batches: BatchInfo[] }> {
    const { tables, batches } = await this.tables(kinds);
    const ds = emptyDataset() as unknown as Record<Kind, unknown>;
    for (const [kind, table] of tables) ds[kind] = table;
    return { dataset: ds as unknown as Dataset, batches: batches.map(toInfo) };
  }

  async loadDataset(): Promise<Dataset> {
    return (await this.loadSnapshot()).dataset;
  }

  async loadTable<K extends Kind>(kind: K): Promise<Dataset[K]> {
    return (await this.tables([kind])).tables.get(kind) as Dataset[K];
  }

  async clearAll(): Promise<void> {
    const names = ['batches', 'chunks', 'scenarios', 'calibration', 'meetings', 'settings', 'mappings'] as const;
    await this.guard(() => {
      const tx = this.db.transaction([...names], 'readwrite');
      return Promise.all([...names.map((n) => tx.objectStore(n).clear()), tx.done]);
    });
    this.changed('all');
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('settings', key)) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.guard(() => this.db.put('settings', value, key));
    this.changed('settings');
  }

  async deleteSetting(key: string): Promise<void> {
    await this.guard(() => this.db.delete('settings', key));
    this.changed('settings');
  }

  async putRecord(store: RecordStoreName, value: { id: string } & Record<string, unknown>): Promise<void> {
    await this.guard(() => this.db.put(store, value));
    this.changed(store);
  }

  async listRecords<T>(store: RecordStoreName): Promise<T[]> {
    return (await this.db.getAll(store)) as T[];
  }

  async deleteRecord(store: RecordStoreName, id: string): Promise<void> {
    await this.db.delete(store, id);
    this.changed(store);
  }

  async writeRecords(store: RecordStoreName, change: RecordChange): Promise<void> {
    await this.guard(async () => {
      const tx = this.db.transaction(store, 'readwrite');
      const pending: Promise<unknown>[] = [tx.done];
      try {
        for (const v of change.put ?? []) pending.push(tx.store.put(v));
        for (const id of change.delete ?? []) pending.push(tx.store.delete(id));
      } catch (e) {
        // A request refused before it was queued leaves the transaction open: abort it, undoing the queued ones.
        for (const p of pending) p.catch(() => {});
        try { tx.abort(); } catch { /* already finished or aborted */ }
        throw e;
      }
      await Promise.all(pending);
    });
    this.changed(store);
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
    this.db.close();
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try { return await fn(); } catch (e) { throw toStoreError(e); }
  }
}

/**
 * Opens (creating or upgrading) the app's database and removes any orphan chunks.
 * @example const store = await openStore(); const ds = await store.loadDataset();
 */
export async function openStore(factory: IDBFactory = globalThis.indexedDB, name: string = DB_NAME): Promise<Store> {
  const db = await openDatabase(factory, name);
  await removeOrphanChunks(db);
  return new IdbStore(db);
}

/**
 * Calls `listener` when any tab (or the import worker) changed the store.
 * @example const stop = onStoreChange(() => reload()); // later: stop()
 */
export function onStoreChange(listener: (change: StoreChange) => void): () => void {
  const channel = new BroadcastChannel(STORE_CHANNEL);
  channel.onmessage = (e: MessageEvent<StoreChange>) => { if (e.data?.type === 'kpi-store-changed') listener(e.data); };
  return () => channel.close();
}
