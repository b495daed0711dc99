/**
 * The import worker with the workbook reader (SheetJS, @e965/xlsx): the page starts this one
 * instead of import.worker.ts only when a drop holds a workbook, so the library's code is never
 * run (or parsed) for CSV files. Same messages as import.worker.ts, plus 'read-workbook': when the
 * import runs on the page (WebKit from file://: importClient.ts), the page sends a workbook's
 * bytes here and gets its sheets back as import results (workbookReadClient.ts).
 */
import * as XLSX from '@e965/xlsx';
import type { ImportResult } from '../lib/data/csvImport';
import type { ColumnMapping } from '../lib/data/mapping';
import { readWorkbook, type WorkbookLib } from '../lib/data/workbook';
import { openStore } from '../lib/data/store';
import { createImportHandler, type ImportRequest } from './import.worker';

/** The bytes of one workbook (transferred) to read into import results. */
export type WorkbookReadRequest = { type: 'read-workbook'; fileName: string; bytes: ArrayBuffer; mappings: ColumnMapping[] };
export type WorkbookReadReply = { type: 'workbook'; results: ImportResult[] };

/**
 * The 'read-workbook' handler, separate from `self` so it can be driven in tests.
 * @example const read = createWorkbookReadHandler((m) => self.postMessage(m), XLSX); read({ type: 'read-workbook', fileName, bytes, mappings: [] });
 */
export function createWorkbookReadHandler(post: (reply: WorkbookReadReply) => void, lib: WorkbookLib): (msg: WorkbookReadRequest) => void {
  return (msg) => post({ type: 'workbook', results: readWorkbook(new Uint8Array(msg.bytes), msg.fileName, lib, { mappings: msg.mappings }) });
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const lib: WorkbookLib = XLSX;
  const handle = createImportHandler((reply) => scope.postMessage(reply), (dbName) => openStore(indexedDB, dbName), {
    readWorkbook: (bytes, fileName, mappings) => readWorkbook(bytes, fileName, lib, { mappings }),
  });
  const read = createWorkbookReadHandler((reply) => scope.postMessage(reply), lib);
  // Replaces the handler import.worker.ts installed as it loaded (it has no workbook reader).
  scope.onmessage = (e: MessageEvent<ImportRequest | WorkbookReadRequest>) => {
    if (e.data.type === 'read-workbook') read(e.data);
    else void handle(e.data);
  };
}
