/**
 * The bench page (served beside the built app, same origin, so it shares its IndexedDB):
 * exposes `window.kpiBench`, which the scripts in scripts/bench/*-browser.ts drive through
 * Playwright. Every function times real project code — the import worker, the store, the
 * engine — in this browser; the page itself only fetches the generated files and clocks.
 */
import Papa from 'papaparse';
import { importFiles } from '../../../src/lib/data/importClient';
import { importBytes, runImport, type FileOutcome, type ImportProgress } from '../../../src/lib/data/runImport';
import { contentHash, openStore } from '../../../src/lib/data/store';
import { sha256Hex } from '../../../src/lib/data/sha256';
import { decodeChunk, encodeChunks, type EncodedChunk } from '../../../src/lib/data/chunks';
import { combineParts } from '../../../src/lib/data/combine';
import type { Kind } from '../../../src/lib/engine/dataset';
import { periodsInData } from '../../../src/lib/engine/periods';
import { deriveMetrics } from '../../../src/lib/engine/metrics';
import { allocateScores, prepareScoring, scoreWithWeights } from '../../../src/lib/engine/score';
import { forcedDistribution, groupIndex } from '../../../src/lib/engine/forcedDistribution';
import { thresholdGrades } from '../../../src/lib/engine/grades';
import { BUILT_IN_PRESETS } from '../../../src/lib/engine/presets';
import type { Period } from '../../../src/lib/engine/types';

const now = () => performance.now();

async function fetchFile(url: string): Promise<File> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const name = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
  return new File([await res.blob()], name, { type: 'text/csv' });
}

/** The anchor's baseline: decode the whole file, then `Papa.parse(text, { header: false })` on this thread. */
async function bareParse(url: string): Promise<{ decodeMs: number; parseMs: number; rows: number; bytes: number }> {
  const file = await fetchFile(url);
  const bytes = await file.arrayBuffer();
  const t0 = now();
  const text = new TextDecoder('utf-8').decode(bytes);
  const t1 = now();
  const rows = Papa.parse<string[]>(text, { header: false }).data.length;
  const t2 = now();
  return { decodeMs: t1 - t0, parseMs: t2 - t1, rows, bytes: bytes.byteLength };
}

export interface AppImportTiming {
  /** importFiles call → its promise resolved */
  totalMs: number;
  /** → the first progress message (worker start, whole-file hash, duplicate check, first piece parsed) */
  firstProgressMs: number;
  /** → the last 'read' progress (every file parsed, normalised and validated) */
  readDoneMs: number;
  /** → the 'write' progress (after the cross-file staff check) */
  writeStartMs: number;
  results: { fileName: string; rowCount: number; errors: number; warnings: number; stored: boolean; refused?: string }[];
}

/**
 * The app's real import path: `importFiles` (the inlined import worker), writing to IndexedDB
 * database `dbName` (default: the app's own). Progress messages split the time into phases.
 */
async function appImport(urls: string[], dbName?: string): Promise<AppImportTiming> {
  const files = await Promise.all(urls.map(fetchFile));
  return timedImport((onProgress) => importFiles(files, { dbName, onProgress }));
}

/**
 * The same `runImport` on this page's main thread (as `importTexts` runs it): compared with
 * `appImport` it tells what the worker itself adds or saves.
 */
async function mainThreadImport(urls: string[], dbName: string): Promise<AppImportTiming> {
  const files = await Promise.all(urls.map(fetchFile));
  const store = await openStore(indexedDB, dbName);
  try {
    return await timedImport((onProgress) => runImport(files, { store, onProgress }));
  } finally {
    store.close();
  }
}

async function timedImport(go: (onProgress: (p: ImportProgress) => void) => Promise<{ results: FileOutcome[] }>): Promise<AppImportTiming> {
  let firstProgressMs = NaN, readDoneMs = NaN, writeStartMs = NaN;
  const t0 = now();
  const { results } = await go((p) => {
    const t = now() - t0;
    if (firstProgressMs !== firstProgressMs) firstProgressMs = t;
    if (p.phase === 'write') writeStartMs = t;
    else readDoneMs = t;
  });
  const totalMs = now() - t0;
  return {
    totalMs, firstProgressMs, readDoneMs, writeStartMs,
    results: results.map((r) => ({
      fileName: r.fileName, rowCount: r.rowCount, stored: !!r.batch, refused: r.refused,
      errors: r.issues.filter((i) => i.severity === 'error').length,
      warnings: r.issues.filter((i) => i.severity === 'warning').length,
    })),
  };
}

/** Puts already-encoded chunks into a bare database in one transaction: IndexedDB's own cost, nothing of the store's. */
async function rawWrite(chunks: EncodedChunk[], name: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('chunks', { keyPath: ['batchId', 'index'] });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('chunks', 'readwrite');
      const os = tx.objectStore('chunks');
      for (const c of chunks) os.put({ batchId: 'raw', index: c.index, rows: c.rows, columns: c.columns });
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

/**
 * Where an import's time goes, one step at a time on this thread, with the same functions the
 * worker runs: hashing, the piece loop of runImport (decode, papaparse, the importer's
 * normalise/validate per row, its `finish`), the store's key and chunk encoding, the write.
 * The piece loop is runImport's, minus encoding detection and carry of quoted newlines
 * (the generated files are UTF-8 with ',' and '\n').
 */
async function importStages(url: string, dbName: string): Promise<Record<string, number>> {
  const file = await fetchFile(url);
  const ms: Record<string, number> = {};
  let t = now();
  const lap = (name: string) => { const n = now(); ms[name] = n - t; t = n; };
  const all = new Uint8Array(await file.arrayBuffer());
  lap('read whole file (arrayBuffer)');
  await contentHash(all);
  lap('contentHash (crypto.subtle, secure context)');
  sha256Hex(all);
  lap('sha256Hex (plain-JS fallback, plain-http intranet)');

  t = now();
  const result = await importBytes(all, file.name);
  lap('importBytes: read records from the bytes, normalise, validate (runImport\'s parse)');
  const rows = result.rowCount;
  if (!result.table || !result.kind) throw new Error(`stages: ${file.name} did not import (${result.issues.length} issues)`);
  const table = result.table;
  t = now();
  const chunks = encodeChunks(table);
  lap('store: encodeChunks (typed/dictionary chunks)');
  await rawWrite(chunks, dbName + '-raw');
  lap('IndexedDB alone: put the encoded chunks, one transaction');
  await deleteDb(dbName + '-raw');
  t = now();
  const store = await openStore(indexedDB, dbName);
  try {
    t = now();
    await store.addBatches([{ meta: { fileName: file.name, contentHash: `bench-${Date.now()}`, encoding: 'utf-8' }, table, kind: result.kind }]);
    lap('store.addBatches (keys + encode + IndexedDB write, all again)');
  } finally {
    store.close();
  }
  ms['rows'] = rows;
  return ms;
}

/** The latest quarter with data, as AppState picks it (latestQuarterId in src/lib/state/app.svelte.ts). */
function latestQuarter(periods: readonly Period[]): Period | null {
  let best: Period | null = null;
  for (const p of periods) if (p.kind === 'quarter' && (!best || p.end > best.end)) best = p;
  return best ?? periods.reduce<Period | null>((b, p) => (!b || p.end > b.end ? p : b), null);
}

/**
 * What the overview needs before it can show a number, step by step as AppState/ScoringState
 * do it: open the store, loadDataset, periods, deriveMetrics, prepareScoring, group, grade.
 */
/** Every stored chunk read with the raw API, nothing decoded: the floor under loadDataset. */
function rawChunkRead(dbName = 'presales-kpi-studio'): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('chunks').objectStore('chunks').getAll();
      req.onsuccess = () => { db.close(); resolve(req.result.length); };
      req.onerror = () => { db.close(); reject(req.error); };
    };
  });
}

/** loadDataset taken apart (cold): the raw read, then each column's decoding. No dead rows assumed (bench data). */
async function loadStages(dbName = 'presales-kpi-studio'): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => resolve(open.result);
  });
  let t = now();
  const batches: { id: string; kind: Kind }[] = await new Promise((res) => { const r = db.transaction('batches').objectStore('batches').getAll(); r.onsuccess = () => res(r.result); });
  const chunks: { batchId: string; index: number; rows: number; columns: Record<string, unknown> }[] =
    await new Promise((res) => { const r = db.transaction('chunks').objectStore('chunks').getAll(); r.onsuccess = () => res(r.result); });
  ms['raw getAll (cold)'] = now() - t;
  db.close();
  for (const b of batches) {
    const parts = chunks.filter((c) => c.batchId === b.id).sort((x, y) => x.index - y.index);
    const cols = Object.keys(parts[0]?.columns ?? {});
    for (const name of cols) {
      t = now();
      const one = parts.map((c, k) => ({ table: decodeChunk({ rows: c.rows, columns: { [name]: c.columns[name] } as never }), dead: null, offset: k }));
      combineParts(b.kind, one);
      ms[`${b.kind}.${name} (${(parts[0].columns[name] as { t: string }).t})`] = now() - t;
    }
  }
  return ms;
}

async function openStages(dbName?: string): Promise<Record<string, number | string>> {
  const ms: Record<string, number | string> = {};
  let t = now();
  const lap = (name: string) => { const n = now(); ms[name] = n - t; t = n; };
  const store = await openStore(indexedDB, dbName);
  lap('openStore (+ orphan-chunk sweep)');
  const [ds] = await Promise.all([store.loadDataset(), store.listBatches()]);
  lap('store.loadDataset + listBatches');
  store.close();
  const period = latestQuarter(periodsInData(ds));
  lap('periodsInData + latest quarter');
  if (!period) throw new Error('openStages: no period in the stored data');
  const scenario = BUILT_IN_PRESETS[0].scenario;
  const matrix = deriveMetrics(ds, period, scenario);
  lap('deriveMetrics');
  const model = prepareScoring(ds, matrix, scenario);
  lap('prepareScoring');
  const { group } = groupIndex(ds, model.staffIndex, scenario.forced_distribution.group_by);
  const weights = Float64Array.from(scenario.indicators, (i) => i.weight);
  const scores = scoreWithWeights(model, weights, allocateScores(model));
  thresholdGrades(scores.total, scenario.grades);
  forcedDistribution(scores.total, group, scenario.forced_distribution.shares, scenario.grades.C);
  lap('groupIndex + score + grades + forced distribution');
  const r0 = now();
  await rawChunkRead(dbName);
  ms['raw'] = now() - r0;
  ms.period = period.id;
  ms.staff = ds.staff.length;
  ms.projects = ds.projects.length;
  ms.activities = ds.activities.length;
  ms['people in scope'] = model.n;
  return ms;
}

/**
 * The workbook bench's baseline (import-xlsx-browser.ts): the library's bare `read` (dense) and
 * `sheet_to_json` (header: 1) of a fetched .xlsx on this thread. The library is imported only
 * here, so the other benches never load it.
 */
async function bareXlsx(url: string): Promise<{ ms: number; rows: number; bytes: number }> {
  const XLSX = await import('@e965/xlsx');
  const bytes = new Uint8Array(await (await fetchFile(url)).arrayBuffer());
  const t0 = now();
  const wb = XLSX.read(bytes, { type: 'array', dense: true });
  const rows = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 }).length;
  return { ms: now() - t0, rows, bytes: bytes.length };
}

const api = { loadStages, bareParse, bareXlsx, appImport, mainThreadImport, deleteDb, importStages, openStages };
export type KpiBench = typeof api;
(window as unknown as { kpiBench: KpiBench }).kpiBench = api;
