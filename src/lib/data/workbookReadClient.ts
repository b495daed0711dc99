/**
 * The workbook reader for an import that runs on the page (WebKit from `file://`, where the
 * import worker's IndexedDB is not the page's: importClient.ts). The library (SheetJS) stays in
 * the workbook import worker, whose code is a string in the page until started: the page posts a
 * workbook's bytes there and gets its sheets back as import results (rows included) to store
 * itself. The page never loads the library, and its thread is free while a workbook is read.
 */
import type { WorkbookReadReply, WorkbookReadRequest } from '../../workers/workbookImport.worker';
import type { ImportResult } from './csvImport';
import type { ColumnMapping } from './mapping';
import { StoreError, toStoreError } from './store';

/** What the page needs of the workbook import worker (tests pass an in-process one). */
export interface WorkbookReaderLike {
  postMessage(message: WorkbookReadRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkbookReadReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface PageWorkbookReader {
  /** One result per data sheet, as `readWorkbook` gives (runImport's `readWorkbook`). */
  read(bytes: Uint8Array, fileName: string, mappings: readonly ColumnMapping[]): Promise<ImportResult[]>;
  /** Ends the worker (if one was started); a read still waiting rejects. */
  close(): void;
}

/**
 * A reader that starts its worker at the first workbook and reads one workbook at a time.
 * `signal` aborting ends the worker and rejects the waiting read with StoreError 'cancelled'.
 * @example const reader = pageWorkbookReader(() => new WorkbookImportWorker()); await runImport(files, { store, readWorkbook: reader.read }); reader.close();
 */
export function pageWorkbookReader(start: () => WorkbookReaderLike, signal?: AbortSignal): PageWorkbookReader {
  let worker: WorkbookReaderLike | null = null;
  let waiting: { resolve(r: ImportResult[]): void; reject(e: unknown): void } | null = null;
  const fail = (e: unknown) => { const w = waiting; waiting = null; w?.reject(e); };
  const close = () => {
    signal?.removeEventListener('abort', onAbort);
    if (worker) { worker.onmessage = null; worker.onerror = null; worker.terminate(); worker = null; }
    fail(toStoreError(new DOMException('cancelled', 'AbortError')));
  };
  const onAbort = () => close();
  signal?.addEventListener('abort', onAbort, { once: true });
  const started = (): WorkbookReaderLike => {
    if (worker) return worker;
    const w = start();
    w.onmessage = (e) => { const x = waiting; waiting = null; x?.resolve(e.data.results); };
    w.onerror = (e) => {
      const detail = e.message || 'worker error';
      fail(new StoreError('failed', `读取工作簿的程序意外停止，数据未作任何更改（${detail}）。`, `The workbook reader stopped unexpectedly; the stored data was not changed (${detail}).`));
    };
    worker = w;
    return w;
  };
  return {
    read(bytes, fileName, mappings) {
      if (signal?.aborted) return Promise.reject(toStoreError(new DOMException('cancelled', 'AbortError')));
      const w = started();
      // A copy goes (transferred): the caller still hashes its bytes.
      const copy = bytes.slice();
      return new Promise<ImportResult[]>((resolve, reject) => {
        waiting = { resolve, reject };
        w.postMessage({ type: 'read-workbook', fileName, bytes: copy.buffer, mappings: [...mappings] }, [copy.buffer]);
      });
    },
    close,
  };
}
