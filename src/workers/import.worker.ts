/**
 * The import worker: a thin shell over `runImport`. It asks the page for each file's bytes
 * ('need'; the page reads the File and transfers them: WebKit cannot read a File posted to a
 * worker when the page was opened from `file://`), parses them,
 * writes the batches to IndexedDB itself (posting a million rows to the page would cost as
 * much as parsing them), and posts back progress and the per-file summaries only.
 */
import type { Encoding } from '../lib/data/decode';
import { receiveBytes, type ReceivingBytes } from '../lib/data/arrivingBytes';
import { runImport, type FileOutcome, type ImportProgress, type ImportSource, type RunImportOptions } from '../lib/data/runImport';
import { contentHash, DB_NAME, openStore, toStoreError, type Store, type StoreErrorCode } from '../lib/data/store';
import type { Text } from '../lib/i18n/text';

/** The setting the page writes the import's storage probe to (see ImportRequest). */
export const PROBE_SETTING = 'importStorageProbe';

/**
 * `hashesFromPage`: the page runs a hash worker (hash.worker.ts) and sends each file's hash as a
 * 'hash' message (`hash: null`: that worker failed, hash the file here); without it the files
 * are hashed here.
 */
export type ImportRequest =
  /**
   * `probe`: a token the page has just stored under the setting PROBE_SETTING. A worker that does
   * not find it there sees other storage than the page (WebKit, page opened from `file://`) and
   * answers 'foreign-storage' instead of importing.
   */
  | { type: 'import'; files: ImportSource[]; encoding?: Encoding; dbName?: string; hashesFromPage?: boolean; probe?: string }
  | { type: 'hash'; index: number; hash: string | null }
  /** The next part of file `index`'s bytes (transferred), in order; `error`: the page could not read it. */
  | { type: 'bytes'; index: number; part?: ArrayBuffer; error?: { name: string; message: string } }
  | { type: 'cancel' };

export type ImportReply =
  /** send file `index`'s bytes ('bytes' messages) */
  | { type: 'need'; index: number }
  | { type: 'progress'; progress: ImportProgress }
  /** file `index` has been read whole: the page may now have it hashed */
  | { type: 'read'; index: number }
  | { type: 'done'; results: FileOutcome[] }
  /** this worker's IndexedDB is not the page's: the page imports on its own thread */
  | { type: 'foreign-storage' }
  | { type: 'error'; code: StoreErrorCode; text: Text };

/**
 * The worker's message handler, separate from `self` so it can be driven in tests.
 * @example const handle = createImportHandler((m) => self.postMessage(m)); self.onmessage = (e) => handle(e.data);
 */
export function createImportHandler(
  post: (reply: ImportReply) => void,
  open: (dbName?: string) => Promise<Store> = (dbName) => openStore(indexedDB, dbName),
  readers: Pick<RunImportOptions, 'readWorkbook'> = {},
): (msg: ImportRequest) => Promise<void> {
  let current: AbortController | null = null;
  // The page's hashes by file index: one may arrive before the import reaches its file.
  const hashes = new Map<number, { hash: Promise<string | null>; resolve(h: string | null): void }>();
  const slot = (index: number) => {
    let s = hashes.get(index);
    if (!s) {
      let resolve!: (h: string | null) => void;
      const hash = new Promise<string | null>((r) => { resolve = r; });
      s = { hash, resolve };
      hashes.set(index, s);
    }
    return s;
  };
  const fromPage = (signal: AbortSignal) => (index: number, _file: ImportSource, bytes: Promise<Uint8Array<ArrayBuffer>>) => new Promise<string>((resolve, reject) => {
    // A cancel does not wait for a hash the page will no longer send.
    const onAbort = () => reject(toStoreError(new DOMException('cancelled', 'AbortError')));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    slot(index).hash.then((h) => {
      signal.removeEventListener('abort', onAbort);
      resolve(h ?? bytes.then((b) => contentHash(b)));
    });
  });
  // The bytes of each file the import has asked for, as the page sends them.
  const received = new Map<number, ReceivingBytes>();
  const read = (files: ImportSource[]) => (index: number) => {
    const src = receiveBytes(files[index].size);
    received.set(index, src);
    post({ type: 'need', index });
    return src;
  };
  return async (msg) => {
    if (msg.type === 'cancel') {
      current?.abort();
      return;
    }
    if (msg.type === 'bytes') {
      const src = received.get(msg.index);
      if (msg.error) src?.fail(new DOMException(msg.error.message, msg.error.name));
      else if (msg.part) src?.push(new Uint8Array(msg.part));
      if (src && src.filled === src.size) received.delete(msg.index);
      return;
    }
    if (msg.type === 'hash') {
      slot(msg.index).resolve(msg.hash);
      return;
    }
    const ac = new AbortController();
    current = ac;
    let store: Store | undefined;
    try {
      store = await open(msg.dbName);
      if (msg.probe !== undefined && (await store.getSetting(PROBE_SETTING)) !== msg.probe) {
        // Leave no empty database behind in this worker's own storage.
        const empty = (await store.listBatches()).length === 0;
        store.close();
        store = undefined;
        if (empty && typeof indexedDB !== 'undefined') indexedDB.deleteDatabase(msg.dbName ?? DB_NAME);
        post({ type: 'foreign-storage' });
        return;
      }
      const { results } = await runImport(msg.files, {
        store, encoding: msg.encoding, signal: ac.signal, onProgress: (progress) => post({ type: 'progress', progress }),
        read: read(msg.files),
        hashOf: msg.hashesFromPage ? fromPage(ac.signal) : undefined,
        onRead: msg.hashesFromPage ? (index) => post({ type: 'read', index }) : undefined,
        readWorkbook: readers.readWorkbook,
      });
      post({ type: 'done', results });
    } catch (e) {
      const err = toStoreError(e);
      post({ type: 'error', code: err.code, text: err.text });
    } finally {
      // Closing lets a newer tab upgrade the schema; the change message has already been posted.
      store?.close();
      if (current === ac) { current = null; hashes.clear(); received.clear(); }
    }
  };
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createImportHandler((reply) => scope.postMessage(reply));
  scope.onmessage = (e: MessageEvent<ImportRequest>) => { void handle(e.data); };
}
