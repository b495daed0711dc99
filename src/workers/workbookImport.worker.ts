/**
 * The import worker with the workbook reader (SheetJS, @e965/xlsx): the page starts this one
 * instead of import.worker.ts only when a drop holds a workbook, so the library's code is never
 * run (or parsed) for CSV files. Same messages as import.worker.ts.
 */
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../lib/data/workbook';
import { openStore } from '../lib/data/store';
import { createImportHandler, type ImportRequest } from './import.worker';

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createImportHandler((reply) => scope.postMessage(reply), (dbName) => openStore(indexedDB, dbName), {
    readWorkbook: (bytes, fileName, mappings) => readWorkbook(bytes, fileName, XLSX, { mappings }),
  });
  // Replaces the handler import.worker.ts installed as it loaded (it has no workbook reader).
  scope.onmessage = (e: MessageEvent<ImportRequest>) => { void handle(e.data); };
}
