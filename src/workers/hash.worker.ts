/**
 * The hash worker: the content hash (SHA-256) of each file of a drop, computed while the import
 * worker parses. Chromium's `crypto.subtle.digest` blocks the thread it is called on (~0.4 s for
 * 88 MB), so hashing in the import worker would add that to every import. The page forwards each
 * hash to the import worker (importClient.ts); a 'hash-error' makes the import worker hash that
 * file itself.
 */
import { contentHash } from '../lib/data/store';

/** Files to hash; the first is file `first` (default 0) of the drop. */
export type HashRequest = { type: 'hash'; files: File[]; first?: number };

export type HashReply =
  | { type: 'hash'; index: number; hash: string }
  | { type: 'hash-error'; index: number; message: string };

/**
 * The worker's message handler, separate from `self` so it can be driven in tests: hashes the
 * files in order, one reply per file.
 * @example const handle = createHashHandler((m) => self.postMessage(m)); self.onmessage = (e) => handle(e.data);
 */
export function createHashHandler(
  post: (reply: HashReply) => void,
  hash: (bytes: Uint8Array<ArrayBuffer>) => Promise<string> = contentHash,
): (msg: HashRequest) => Promise<void> {
  return async (msg) => {
    for (const [k, file] of msg.files.entries()) {
      const index = (msg.first ?? 0) + k;
      try {
        post({ type: 'hash', index, hash: await hash(new Uint8Array(await file.arrayBuffer())) });
      } catch (e) {
        post({ type: 'hash-error', index, message: e instanceof Error ? e.message : String(e) });
      }
    }
  };
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createHashHandler((reply) => scope.postMessage(reply));
  scope.onmessage = (e: MessageEvent<HashRequest>) => { void handle(e.data); };
}
