/**
 * The import worker: a thin shell over `runImport`. It receives File objects, parses them,
 * writes the batches to IndexedDB itself (posting a million rows to the page would cost as
 * much as parsing them), and posts back progress and the per-file summaries only.
 */
import type { Encoding } from '../lib/data/decode';
import { runImport, type FileOutcome, type ImportProgress } from '../lib/data/runImport';
import { openStore, toStoreError, type Store, type StoreErrorCode } from '../lib/data/store';

export type ImportRequest =
  | { type: 'import'; files: File[]; encoding?: Encoding; dbName?: string }
  | { type: 'cancel' };

export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; results: FileOutcome[] }
  | { type: 'error'; code: StoreErrorCode; message_zh: string; message_en: string };

/**
 * The worker's message handler, separate from `self` so it can be driven in tests.
 * @example const handle = createImportHandler((m) => self.postMessage(m)); self.onmessage = (e) => handle(e.data);
 */
export function createImportHandler(
  post: (reply: ImportReply) => void,
  open: (dbName?: string) => Promise<Store> = (dbName) => openStore(indexedDB, dbName),
): (msg: ImportRequest) => Promise<void> {
  let current: AbortController | null = null;
  return async (msg) => {
    if (msg.type === 'cancel') {
      current?.abort();
      return;
    }
    const ac = new AbortController();
    current = ac;
    let store: Store | undefined;
    try {
      store = await open(msg.dbName);
      const { results } = await runImport(msg.files, {
        store, encoding: msg.encoding, signal: ac.signal, onProgress: (progress) => post({ type: 'progress', progress }),
      });
      post({ type: 'done', results });
    } catch (e) {
      const err = toStoreError(e);
      post({ type: 'error', code: err.code, message_zh: err.message_zh, message_en: err.message_en });
    } finally {
      // Closing lets a newer tab upgrade the schema; the change message has already been posted.
      store?.close();
      if (current === ac) current = null;
    }
  };
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createImportHandler((reply) => scope.postMessage(reply));
  scope.onmessage = (e: MessageEvent<ImportRequest>) => { void handle(e.data); };
}
