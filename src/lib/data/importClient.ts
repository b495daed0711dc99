/**
 * The page's side of the import: hands File objects to the import worker and waits for the
 * per-file summaries. The rows go from the worker straight into IndexedDB; afterwards the
 * page reloads its Dataset with `store.loadDataset()` (every tab also hears the store's
 * 'kpi-store' BroadcastChannel message).
 */
import type { ImportReply, ImportRequest } from '../../workers/import.worker';
// Inlined (a blob worker) so the single-file build also runs opened from disk (file://),
// where a worker script beside the page cannot be loaded.
import ImportWorker from '../../workers/import.worker.ts?worker&inline';
import type { Encoding } from './decode';
import { runImport, type FileOutcome, type ImportProgress } from './runImport';
import { openStore, StoreError, toStoreError, type Store } from './store';

export type { FileOutcome, ImportProgress } from './runImport';

/** What importFiles needs of a Worker (tests pass an in-process one). */
export interface WorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface ImportFilesOptions {
  encoding?: Encoding;
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  /** IndexedDB database name (default: the app's) */
  dbName?: string;
  createWorker?: () => WorkerLike;
}

const moduleWorker = (): WorkerLike => new ImportWorker() as unknown as WorkerLike;

/**
 * Imports dropped files in the import worker. Rejects with StoreError 'cancelled' when
 * `signal` aborts (nothing stored) or 'failed' when the worker dies; per-file refusals
 * (duplicate, quota) come back in `results`.
 * @example const { results } = await importFiles([...input.files], { onProgress: (p) => bar.set(p.bytes / p.totalBytes) });
 */
export function importFiles(files: File[], opts: ImportFilesOptions = {}): Promise<{ results: FileOutcome[] }> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(toStoreError(new DOMException('cancelled', 'AbortError')));
  const worker = (opts.createWorker ?? moduleWorker)();
  return new Promise((resolve, reject) => {
    const onAbort = () => worker.postMessage({ type: 'cancel' });
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.progress);
      else if (m.type === 'done') { end(); resolve({ results: m.results }); }
      else { end(); reject(new StoreError(m.code, m.message_zh, m.message_en)); }
    };
    worker.onerror = (e) => {
      end();
      const detail = e.message || 'worker error';
      reject(new StoreError('failed', `导入程序意外停止，数据未作任何更改（${detail}）。`, `The import stopped unexpectedly; the stored data was not changed (${detail}).`));
    };
    worker.postMessage({ type: 'import', files, encoding: opts.encoding, dbName: opts.dbName });
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
