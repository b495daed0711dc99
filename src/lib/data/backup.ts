/**
 * Backup and restore of the whole IndexedDB store (batches with their chunks, saved
 * scenarios, calibration log, meeting records, settings, column mappings) as ONE file: UTF-8 JSON, gzip'd
 * with fflate. Typed arrays (chunk columns, dead bitmaps) travel as base64 of their bytes,
 * tagged `{"$kpi": "Float64Array", "b64": "…"}`, so a restore gives back the very same
 * records. The file carries a format id and version; a foreign, damaged or newer file is
 * refused before anything is touched, and a restore replaces the store in one readwrite
 * transaction (all or nothing). See docs/hosting.md "Backup and restore".
 */
import { Gzip } from 'fflate';
import { wrap, unwrap, type IDBPDatabase } from 'idb';
import { KINDS } from '../engine/dataset';
import { fill } from '../i18n/messages/common';
import type { Text } from '../i18n/i18n.svelte';
import { TooLargeError } from '../engine/boundedInflate';
import { chunkColumnsProblem, gunzipBounded, MAX_BACKUP_UNPACKED } from './backupChecks';
import { backupErrorText } from './backupMessages';
import type { BatchRecord, ChunkRecord, StoreChange } from './store';
import { DB_NAME, DB_VERSION, openStore, STORE_CHANNEL } from './store';
import { BilingualError } from '../i18n/bilingualError';
import { isMappingRecord } from './mappingStore';

export const BACKUP_FORMAT = 'presales-kpi-backup';
/** Bump when the file layout changes; a reader refuses versions above its own. */
export const BACKUP_VERSION = 1;
const RECORD_STORES = ['scenarios', 'calibration', 'meetings', 'mappings'] as const;
/** Stores a backup written before they existed lacks: restored empty (mappings: database version 2). */
const LATER_STORES: readonly string[] = ['mappings'];
const ALL_STORES = ['batches', 'chunks', ...RECORD_STORES, 'settings'] as const;

export type BackupErrorCode = 'foreign' | 'damaged' | 'newer' | 'unsupported' | 'quota' | 'failed' | 'too_large';

/** A refused backup or restore, with the message for the user in both languages. */
export class BackupError extends BilingualError<BackupErrorCode> {
  constructor(code: BackupErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'BackupError';
  }
}
const backupError = (code: BackupErrorCode, text: Text, vars: Record<string, string | number>) =>
  new BackupError(code, fill(text.zh, vars), fill(text.en, vars));

export interface BackupSummary {
  createdAt: string; dbVersion: number;
  batches: number; chunks: number; rows: number;
  scenarios: number; calibration: number; meetings: number; settings: number;
  /** absent in backups written before column mappings were stored */
  mappings?: number;
}

/** A validated backup, ready for `restoreBackup`. */
export interface ParsedBackup {
  summary: BackupSummary;
  batches: BatchRecord[];
  chunks: ChunkRecord[];
  records: Record<(typeof RECORD_STORES)[number], ({ id: string } & Record<string, unknown>)[]>;
  settings: [string, unknown][];
}

// ---------- JSON-safe values ----------

const TYPED = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array, Uint8ClampedArray,
  BigInt64Array, BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;
const TAG = '$kpi';

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let out = '';
  // String.fromCharCode takes arguments: keep each call well under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as { fromBase64?: (s: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (typeof native === 'function') return native(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Turns a structured-cloneable value into one JSON.stringify keeps exactly: typed arrays,
 * ArrayBuffers, Dates, Maps, Sets, undefined, NaN/±Infinity/-0 and bigints become tagged
 * objects (a plain object that itself has a `$kpi` key is wrapped, so it cannot be mistaken
 * for a tag). Throws BackupError 'unsupported' for functions, Blobs and the like.
 * @example JSON.stringify(toJsonSafe({ v: new Float64Array([NaN]) }, 'x')) // '{"v":{"$kpi":"Float64Array","b64":"AAAAAAAA+H8="}}'
 */
export function toJsonSafe(value: unknown, where: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isFinite(value) && !Object.is(value, -0) ? value : { [TAG]: 'number', v: String(value === 0 ? '-0' : value) };
  }
  if (value === undefined) return { [TAG]: 'undefined' };
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: value.toString() };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name as TypedName;
    if (!(name in TYPED)) throw backupError('unsupported', backupErrorText.unsupported, { detail: where });
    return { [TAG]: name, b64: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (value instanceof ArrayBuffer) return { [TAG]: 'ArrayBuffer', b64: toBase64(new Uint8Array(value)) };
  if (value instanceof Date) return { [TAG]: 'Date', v: value.getTime() };
  if (value instanceof Map) return { [TAG]: 'Map', v: [...value].map(([k, v]) => [toJsonSafe(k, where), toJsonSafe(v, where)]) };
  if (value instanceof Set) return { [TAG]: 'Set', v: [...value].map((v) => toJsonSafe(v, where)) };
  if (Array.isArray(value)) return Array.from(value, (v) => toJsonSafe(v, where));
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) out[k] = toJsonSafe(v, where);
    // The reviver sees inner values first, so the look-alike is stored as entries, not as an object.
    return TAG in out ? { [TAG]: 'object', v: Object.entries(out) } : out;
  }
  throw backupError('unsupported', backupErrorText.unsupported, { detail: where });
}

// A reviver that returns undefined deletes the property; this stands in until `restoreUndefined`.
const UNDEFINED = Object.freeze({ undefined: true });

/** Puts real `undefined`s where `revive` left the stand-in (records and settings only: chunks hold none). */
function restoreUndefined(v: unknown): unknown {
  if (v === UNDEFINED) return undefined;
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [restoreUndefined(k), restoreUndefined(x)]));
  if (v instanceof Set) return new Set([...v].map(restoreUndefined));
  if (Array.isArray(v)) { v.forEach((x, i) => { v[i] = restoreUndefined(x); }); return v; }
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer) && !(v instanceof Date)) {
    for (const [k, x] of Object.entries(v)) (v as Record<string, unknown>)[k] = restoreUndefined(x);
  }
  return v;
}

/** Undoes `toJsonSafe` (a JSON.parse reviver: it sees the innermost values first). */
function revive(_key: string, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || !(TAG in v)) return v;
  const o = v as { [TAG]: string; v?: unknown; b64?: unknown };
  const tag = o[TAG];
  if (tag === 'object') return Object.fromEntries(o.v as [string, unknown][]);
  if (tag === 'undefined') return UNDEFINED;
  if (tag === 'number') return Number(o.v);
  if (tag === 'bigint') return BigInt(String(o.v));
  if (tag === 'Date') return new Date(Number(o.v));
  if (tag === 'Map') return new Map(o.v as [unknown, unknown][]);
  if (tag === 'Set') return new Set(o.v as unknown[]);
  if (typeof o.b64 !== 'string') throw new Error(`bad value tagged ${tag}`);
  const bytes = fromBase64(o.b64);
  if (tag === 'ArrayBuffer') return bytes.buffer;
  const Ctor = TYPED[tag as TypedName];
  if (!Ctor || bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new Error(`bad value tagged ${tag}`);
  // Typed arrays are stored in the platform's byte order; every browser the app supports is little-endian.
  return new Ctor(bytes.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
}

// ---------- gzip integrity ----------

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** gunzip (bounded, backupChecks.ts) and check the trailer's CRC-32 and size, which fflate itself does not verify. */
function gunzipChecked(bytes: Uint8Array, limit: number): Uint8Array {
  const out = gunzipBounded(bytes, limit);
  const t = bytes.length - 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(t, true) !== crc32(out)) throw new Error('CRC-32 mismatch');
  if (view.getUint32(t + 4, true) !== out.length % 2 ** 32) throw new Error('size mismatch');
  return out;
}

// ---------- database access ----------

type RawDB = IDBPDatabase<unknown>;

/** Opens the app's database with the app's schema (created or upgraded by `openStore` first). */
async function openRaw(factory: IDBFactory, name: string): Promise<RawDB> {
  (await openStore(factory, name)).close();
  const request = factory.open(name, DB_VERSION);
  const db = (await wrap(request)) as unknown as RawDB;
  unwrap(db).addEventListener('versionchange', () => db.close());
  return db;
}

const rowsOf = (batches: BatchRecord[]) => batches.reduce((s, b) => s + b.rowCount, 0);

export interface DbOptions { factory?: IDBFactory; name?: string; now?: Date }

/**
 * Reads the whole store in one readonly transaction (a consistent snapshot) and returns
 * the gzip'd backup file. Chunks are encoded and compressed one at a time, so the JSON
 * text of a million-row store never exists as one string.
 * @example const { bytes, summary } = await createBackup(); // summary.batches, summary.rows
 */
export async function createBackup(opts: DbOptions = {}): Promise<{ bytes: Uint8Array; summary: BackupSummary }> {
  const parts: Uint8Array[] = [];
  const gz = new Gzip({ level: 6, mtime: 0 }, (chunk) => parts.push(chunk));
  const enc = new TextEncoder();
  const write = (s: string) => gz.push(enc.encode(s));
  const json = (v: unknown, where: string) => JSON.stringify(toJsonSafe(v, where));
  let db: RawDB | undefined;
  try {
    db = await openRaw(opts.factory ?? globalThis.indexedDB, opts.name ?? DB_NAME);
    const tx = db.transaction([...ALL_STORES], 'readonly');
    const [batches, scenarios, calibration, meetings, mappings, settingKeys, settingValues] = await Promise.all([
      tx.objectStore('batches').getAll() as Promise<BatchRecord[]>,
      ...RECORD_STORES.map((s) => tx.objectStore(s).getAll()),
      tx.objectStore('settings').getAllKeys(),
      tx.objectStore('settings').getAll(),
    ]);
    const chunkCount = await tx.objectStore('chunks').count();
    const summary: BackupSummary = {
      createdAt: (opts.now ?? new Date()).toISOString(), dbVersion: DB_VERSION,
      batches: batches.length, chunks: chunkCount, rows: rowsOf(batches),
      scenarios: scenarios.length, calibration: calibration.length, meetings: meetings.length, settings: settingKeys.length,
      mappings: mappings.length,
    };
    // One record per line, header first: `zcat backup.json.gz | head` tells what a file holds.
    write(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"summary":${JSON.stringify(summary)},\n"stores":{`);
    const list = (name: string, items: unknown[], first = false) =>
      write(`${first ? '' : ','}\n${JSON.stringify(name)}:[${items.map((r, i) => `${i ? ',' : ''}\n${json(r, `${name} ${i + 1}`)}`).join('')}]`);
    list('batches', batches, true);
    write(',\n"chunks":[');
    let cursor = await tx.objectStore('chunks').openCursor();
    for (let i = 0; cursor; i++) {
      write(`${i ? ',' : ''}\n${json(cursor.value, `chunks ${i + 1}`)}`);
      cursor = await cursor.continue();
    }
    write(']');
    RECORD_STORES.forEach((name, k) => list(name, [scenarios, calibration, meetings, mappings][k]));
    list('settings', settingKeys.map((key, i) => [key, settingValues[i]]));
    await tx.done;
    gz.push(enc.encode('\n}}\n'), true);
    const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) { bytes.set(p, at); at += p.length; }
    return { bytes, summary };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw backupError('failed', backupErrorText.readFailed, { detail: e instanceof Error ? e.message : String(e) });
  } finally {
    db?.close();
  }
}

/** `backupFileName(new Date(2026, 10, 27, 9, 5))` → 'presales-kpi-backup-2026-11-27-0905.json.gz' (local time). */
export function backupFileName(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `presales-kpi-backup-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}.json.gz`;
}

// ---------- reading and checking a file ----------

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Why a decoded backup cannot be restored, or null when every record is whole and consistent. */
function problem(stores: Record<string, unknown>): string | null {
  for (const name of LATER_STORES) stores[name] ??= [];
  for (const name of ALL_STORES) if (!Array.isArray(stores[name])) return `“${name}” is missing`;
  const batches = stores.batches as unknown[];
  const byId = new Map<string, BatchRecord>();
  for (const b of batches) {
    if (!isObj(b) || typeof b.id !== 'string' || !KINDS.includes(b.kind as never) || !Number.isFinite(b.seq)
      || !isCount(b.rowCount) || !isCount(b.liveRows) || !isCount(b.chunkCount) || typeof b.contentHash !== 'string'
      || !(b.dead === null || b.dead instanceof Uint8Array)) return `batch ${isObj(b) ? String(b.id) : '?'} is incomplete`;
    if (byId.has(b.id)) return `batch ${b.id} appears twice`;
    byId.set(b.id, b as unknown as BatchRecord);
  }
  const seen = new Map<string, { n: number; rows: number }>();
  for (const c of stores.chunks as unknown[]) {
    if (!isObj(c) || typeof c.batchId !== 'string' || !isCount(c.index) || !isCount(c.rows) || !isObj(c.columns)) return 'a chunk is incomplete';
    const where = `chunk ${c.batchId}/${c.index}`;
    if (!byId.has(c.batchId)) return `${where} has no batch`;
    const shape = chunkColumnsProblem(byId.get(c.batchId)!.kind, c.columns);
    if (shape) return `${where} (${byId.get(c.batchId)!.kind}) ${shape}`;
    for (const col of Object.values(c.columns)) {
      const ok = isObj(col) && (col.t === 'num' ? col.v instanceof Float64Array && col.v.length === c.rows
        : col.t === 'int' ? (col.v instanceof Uint8Array || col.v instanceof Uint16Array || col.v instanceof Int32Array) && col.v.length === c.rows
        : (col.t === 'text' || col.t === 'dict') && typeof col.s === 'string'
          && (col.len instanceof Uint8Array || col.len instanceof Uint16Array || col.len instanceof Uint32Array)
          && (col.len as Uint32Array).reduce((s: number, x: number) => s + x, 0) === col.s.length
          && (col.t === 'text' ? col.len.length === c.rows
            : (col.codes instanceof Uint16Array || col.codes instanceof Uint32Array) && col.codes.length === c.rows
              && col.codes.every((x) => x < (col.len as Uint32Array).length)));
      if (!ok) return `${where} has a broken column`;
    }
    const s = seen.get(c.batchId) ?? { n: 0, rows: 0 };
    seen.set(c.batchId, { n: s.n + 1, rows: s.rows + c.rows });
  }
  for (const b of byId.values()) {
    const s = seen.get(b.id) ?? { n: 0, rows: 0 };
    if (s.n !== b.chunkCount || s.rows !== b.rowCount) return `batch ${b.id} lacks chunks`;
    if (b.dead && b.dead.length * 8 < b.rowCount) return `batch ${b.id} has a short bitmap`;
  }
  for (const name of RECORD_STORES) {
    if (!(stores[name] as unknown[]).every((r) => isObj(r) && typeof r.id === 'string')) return `a “${name}” record has no id`;
  }
  if (!(stores.mappings as unknown[]).every(isMappingRecord)) return 'a column mapping is broken';
  if (!(stores.settings as unknown[]).every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string')) return 'a setting is broken';
  return null;
}

/**
 * Refuses (BackupError 'too_large') a backup file larger than a backup can be, from its size
 * alone, so the page never reads such a file into memory. `checkBackupSize(file.size, file.name)`.
 */
export function checkBackupSize(size: number, fileName: string, limit = MAX_BACKUP_UNPACKED): void {
  if (size > limit) throw backupError('too_large', backupErrorText.tooLarge, { file: fileName, limit: `${Math.round(limit / 1024 / 1024)} MB` });
}

/**
 * Decodes and checks a backup file (gzip'd or, if someone unpacked it, plain JSON). Throws
 * BackupError 'foreign' (not our file), 'damaged' (bad gzip, checksum, JSON or records) or
 * 'newer' (a later format version) or 'too_large' (unpacks past `limit`, MAX_BACKUP_UNPACKED);
 * never touches the store.
 * @example const backup = readBackup(new Uint8Array(await file.arrayBuffer()), file.name); backup.summary.rows
 */
export function readBackup(bytes: Uint8Array, fileName = 'backup', limit = MAX_BACKUP_UNPACKED): ParsedBackup {
  const foreign = () => backupError('foreign', backupErrorText.foreign, { file: fileName });
  const damaged = (detail: string) => backupError('damaged', backupErrorText.damaged, { file: fileName, detail });
  const gzipped = bytes.length >= 18 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!gzipped && bytes[0] !== 0x7b /* { */) throw foreign();
  const tooLarge = () => backupError('too_large', backupErrorText.tooLarge, { file: fileName, limit: `${Math.round(limit / 1024 / 1024)} MB` });
  checkBackupSize(bytes.length, fileName, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(gzipped ? gunzipChecked(bytes, limit) : bytes);
  } catch (e) {
    if (e instanceof TooLargeError) throw tooLarge();
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  // Read the header first: a foreign JSON file must be refused as foreign, not as damaged.
  const head = /^\{"format":("(?:[^"\\]|\\.)*"),"version":(\d+),/.exec(text);
  if (!head || JSON.parse(head[1]) !== BACKUP_FORMAT) {
    let doc: unknown;
    // A gzip whose checksum holds but whose text is not JSON was written by something else.
    try { doc = JSON.parse(text); } catch { throw foreign(); }
    if (!isObj(doc) || doc.format !== BACKUP_FORMAT) throw foreign();
  }
  let doc: unknown;
  try { doc = JSON.parse(text, revive); } catch (e) { throw damaged(e instanceof Error ? e.message : 'JSON'); }
  if (!isObj(doc) || doc.format !== BACKUP_FORMAT) throw foreign();
  if (!isCount(doc.version) || doc.version > BACKUP_VERSION || !isObj(doc.summary) || !isCount(doc.summary.dbVersion) || doc.summary.dbVersion > DB_VERSION) {
    throw backupError('newer', backupErrorText.newerVersion, { file: fileName, version: `${String(doc.version)}/${isObj(doc.summary) ? String(doc.summary.dbVersion) : '?'}` });
  }
  if (!isObj(doc.stores)) throw damaged('stores');
  const bad = problem(doc.stores);
  if (bad) throw damaged(bad);
  const s = doc.stores as Record<string, never>;
  for (const name of [...RECORD_STORES, 'settings'] as const) restoreUndefined(s[name]);
  const batches = s.batches as BatchRecord[];
  const summary: BackupSummary = {
    createdAt: String(doc.summary.createdAt ?? ''), dbVersion: doc.summary.dbVersion,
    batches: batches.length, chunks: (s.chunks as unknown[]).length, rows: rowsOf(batches),
    scenarios: (s.scenarios as unknown[]).length, calibration: (s.calibration as unknown[]).length,
    meetings: (s.meetings as unknown[]).length, settings: (s.settings as unknown[]).length, mappings: (s.mappings as unknown[]).length,
  };
  const records = { scenarios: s.scenarios, calibration: s.calibration, meetings: s.meetings, mappings: s.mappings };
  return { summary, batches, chunks: s.chunks, records, settings: s.settings };
}

/**
 * Replaces everything in the store with `backup` in ONE readwrite transaction: on any
 * failure (quota, a closed tab) the store is exactly as before. Afterwards every tab hears
 * `{type: 'kpi-store-changed', what: 'all'}` on the 'kpi-store' channel.
 * @example await restoreBackup(readBackup(bytes, file.name)); location.reload();
 */
export async function restoreBackup(backup: ParsedBackup, opts: DbOptions = {}): Promise<BackupSummary> {
  let db: RawDB;
  try {
    db = await openRaw(opts.factory ?? globalThis.indexedDB, opts.name ?? DB_NAME);
  } catch (e) {
    throw backupError('failed', backupErrorText.storeFailed, { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
  const tx = db.transaction([...ALL_STORES], 'readwrite');
  const done = tx.done;
  done.catch(() => {}); // awaited below
  const requests: Promise<unknown>[] = [];
  const req = (p: Promise<unknown>) => { p.catch(() => {}); requests.push(p); };
  try {
    for (const name of ALL_STORES) req(tx.objectStore(name).clear());
    for (const b of backup.batches) req(tx.objectStore('batches').put(b));
    for (const c of backup.chunks) req(tx.objectStore('chunks').put(c));
    for (const name of RECORD_STORES) for (const r of backup.records[name]) req(tx.objectStore(name).put(r));
    for (const [key, value] of backup.settings) req(tx.objectStore('settings').put(value, key));
    await Promise.all([...requests, done]);
  } catch (e) {
    // A request that throws synchronously does not abort the transaction by itself.
    try { tx.abort(); } catch { /* already finished */ }
    await Promise.allSettled(requests);
    const cause = unwrap(tx).error ?? e;
    const name = (cause as { name?: string } | null)?.name;
    if (name === 'QuotaExceededError') throw new BackupError('quota', backupErrorText.quota.zh, backupErrorText.quota.en);
    throw backupError('failed', backupErrorText.storeFailed, { detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause) });
  } finally {
    db.close();
  }
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(STORE_CHANNEL);
    channel.postMessage({ type: 'kpi-store-changed', what: 'all' } satisfies StoreChange);
    channel.close();
  }
  return backup.summary;
}
