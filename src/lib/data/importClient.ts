/**
 * The page's side of the import: reads each file's bytes when the import worker asks for them
 * and transfers them there (WebKit cannot read a File posted to a worker from a `file://`
 * page), and waits for the per-file summaries. The rows go from the worker straight into IndexedDB; afterwards the
 * page reloads its Dataset with `store.loadDataset()` (every tab also hears the store's
 * 'kpi-store' BroadcastChannel message).
 */
import type { HashReply, HashRequest } from '../../workers/hash.worker';
import { PROBE_SETTING, type ImportReply, type ImportRequest } from '../../workers/import.worker';
// Inlined (a blob worker) so the single-file build also runs opened from disk (file://),
// where a worker script beside the page cannot be loaded.
import HashWorker from '../../workers/hash.worker.ts?worker&inline';
import ImportWorker from '../../workers/import.worker.ts?worker&inline';
// The same import with the workbook reader (SheetJS): started only for a drop with a workbook
// (or, for an import on the page, to read a workbook: workbookReadClient.ts).
import WorkbookImportWorker from '../../workers/workbookImport.worker.ts?worker&inline';
import { dropHasWorkbook } from './workbookFiles';
import { pageWorkbookReader, type WorkbookReaderLike } from './workbookReadClient';
import type { Encoding } from './decode';
import { SLICE_BYTES } from './arrivingBytes';
import { runImport, type FileOutcome, type ImportProgress } from './runImport';
import { openStore, StoreError, toStoreError, type Store } from './store';

export type { FileOutcome, ImportProgress } from './runImport';

/** What importFiles needs of a Worker (tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ImportRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** What importFiles needs of the hash worker. */
export interface HashWorkerLike {
  postMessage(message: HashRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<HashReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface ImportFilesOptions {
  encoding?: Encoding;
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  /** IndexedDB database name (default: the app's) */
  dbName?: string;
  createWorker?: () => WorkerLike;
  /** The hash worker; null: none (the import worker hashes the files itself). */
  createHashWorker?: () => HashWorkerLike | null;
  /** The size of the slices the page reads a file in (default PAGE_SLICE_BYTES). */
  pageSliceBytes?: number;
  /** The workbook reader an import on the page uses (default: the workbook import worker). */
  createWorkbookReader?: () => WorkbookReaderLike;
  /**
   * The page's store, for the storage probe: when given (always, with the app's own worker), the
   * page writes a token the worker must find, and imports on its own thread if the worker's
   * IndexedDB is not the page's (WebKit from `file://`: see import.worker.ts).
   */
  openPageStore?: () => Promise<Store>;
}

const moduleWorker = (workbook: boolean): WorkerLike => (workbook ? new WorkbookImportWorker() : new ImportWorker()) as unknown as WorkerLike;
/** Without a hash worker the import only runs slower. */
const moduleHashWorker = (): HashWorkerLike | null => {
  try {
    return new HashWorker() as unknown as HashWorkerLike;
  } catch {
    return null;
  }
};

/**
 * The page reads a file in slices of this size. A read allocates its buffer at once, and the
 * first writes to fresh memory cost page faults (~0.3–0.5 s per 88 MB on the CI VM: arrivingBytes.ts)
 * in one task of the page's: reading a 26.8 MB workbook whole was once a 106 ms task. The worker
 * copies the slices into one buffer, off the page's thread.
 */
export const PAGE_SLICE_BYTES = 8 * 1024 * 1024;

/**
 * Sends `file`'s bytes to the import worker as file `index`: whole up to `sliceBytes` (one
 * transfer, no copy on either side), bigger files slice by slice so the worker parses while the
 * rest is read. A read that fails is passed on as the worker's read error.
 */
async function sendBytes(worker: WorkerLike, index: number, file: Blob, sliceBytes = SLICE_BYTES): Promise<void> {
  try {
    // (An empty file needs no message: the worker has all of its 0 bytes.)
    for (let pos = 0; pos < file.size; pos += sliceBytes) {
      const part = await (file.size <= sliceBytes ? file : file.slice(pos, Math.min(file.size, pos + sliceBytes))).arrayBuffer();
      worker.postMessage({ type: 'bytes', index, part }, [part]);
    }
  } catch (e) {
    const { name, message } = e instanceof Error ? e : new Error(String(e));
    worker.postMessage({ type: 'bytes', index, error: { name, message } });
  }
}

/**
 * Imports dropped files in the import worker. Rejects with StoreError 'cancelled' when
 * `signal` aborts (nothing stored) or 'failed' when the worker dies; per-file refusals
 * (duplicate, quota) come back in `results`.
 * @example const { results } = await importFiles([...input.files], { onProgress: (p) => bar.set(p.bytes / p.totalBytes) });
 */
export async function importFiles(files: File[], opts: ImportFilesOptions = {}): Promise<{ results: FileOutcome[] }> {
  const { signal } = opts;
  if (signal?.aborted) throw toStoreError(new DOMException('cancelled', 'AbortError'));
  const openPage = opts.openPageStore ?? (opts.createWorker ? undefined : () => openStore(indexedDB, opts.dbName));
  // Without a probe the worker never answers 'foreign-storage'.
  if (!openPage) return inWorker(files, opts) as Promise<{ results: FileOutcome[] }>;
  const store = await openPage();
  try {
    const probe = randomToken();
    await store.setSetting(PROBE_SETTING, probe);
    const outcome = await inWorker(files, opts, probe);
    if (outcome !== 'foreign-storage') return outcome;
    // The worker's IndexedDB is not this page's: parse and write here (runImport yields every 50 ms);
    // workbooks are read in the workbook worker, which hands their rows back.
    const reader = pageWorkbookReader(opts.createWorkbookReader ?? (() => new WorkbookImportWorker() as unknown as WorkbookReaderLike), signal);
    try {
      return await runImport(files, { store, encoding: opts.encoding, signal, onProgress: opts.onProgress, readWorkbook: reader.read });
    } finally {
      reader.close();
    }
  } finally {
    // The probe was only for this import: a refused or failed import leaves the store as it was.
    await store.deleteSetting(PROBE_SETTING).catch(() => {});
    store.close();
  }
}

/** 16 random bytes as hex (crypto.randomUUID exists in secure contexts only). */
function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function inWorker(files: File[], opts: ImportFilesOptions, probe?: string): Promise<{ results: FileOutcome[] } | 'foreign-storage'> {
  const { signal } = opts;
  const worker = opts.createWorker ? opts.createWorker() : moduleWorker(await dropHasWorkbook(files));
  // The hashes are computed in a second worker while the import worker parses (Chromium's
  // digest blocks its thread); each is passed on to the import worker, null if it failed.
  let hasher = files.length ? (opts.createHashWorker ?? moduleHashWorker)() : null;
  const sent = new Set<number>();
  const passHash = (index: number, hash: string | null) => {
    if (sent.has(index)) return;
    sent.add(index);
    worker.postMessage({ type: 'hash', index, hash });
  };
  const stopHasher = () => {
    if (!hasher) return;
    hasher.onmessage = null;
    hasher.onerror = null;
    hasher.terminate();
    hasher = null;
  };
  return new Promise((resolve, reject) => {
    const onAbort = () => { stopHasher(); worker.postMessage({ type: 'cancel' }); };
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      stopHasher();
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'need') void sendBytes(worker, m.index, files[m.index], opts.pageSliceBytes ?? PAGE_SLICE_BYTES);
      else if (m.type === 'progress') opts.onProgress?.(m.progress);
      // Hashed once the import worker has read it: the same file read twice at once slows both reads.
      else if (m.type === 'read') hasher?.postMessage({ type: 'hash', files: [files[m.index]], first: m.index });
      else if (m.type === 'done') { end(); resolve({ results: m.results }); }
      else if (m.type === 'foreign-storage') { end(); resolve('foreign-storage'); }
      else { end(); reject(new StoreError(m.code, m.text.zh, m.text.en)); }
    };
    worker.onerror = (e) => {
      end();
      const detail = e.message || 'worker error';
      reject(new StoreError('failed', `导入程序意外停止，数据未作任何更改（${detail}）。`, `The import stopped unexpectedly; the stored data was not changed (${detail}).`));
    };
    const sources = files.map((f) => ({ name: f.name, size: f.size }));
    worker.postMessage({ type: 'import', files: sources, encoding: opts.encoding, dbName: opts.dbName, hashesFromPage: hasher !== null, probe });
    if (hasher) {
      hasher.onmessage = (e) => {
        const m = e.data;
        passHash(m.index, m.type === 'hash' ? m.hash : null);
      };
      hasher.onerror = (e) => {
        e.preventDefault?.();
        stopHasher();
        files.forEach((_, i) => passHash(i, null));
      };
    }
  });
}

/**
 * Imports CSV texts on the main thread — for the built-in demo data set, which is small.
 * @example await importTexts([{ name: 'staff.csv', text: demoStaffCsv }]);
 */
export async function importTexts(files: { name: string; text: string }[], opts: { store?: Store } = {}): Promise<{ results: FileOutcome[] }> {
  const store = opts.store ?? (await openStore());
  try {
    return await runImport(files.map((f) => new File([f.text], f.name, { type: 'text/csv' })), { store });
  } finally {
    if (!opts.store) store.close();
  }
}
