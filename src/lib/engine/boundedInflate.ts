/**
 * Decompression with a ceiling: everything the app unpacks (backups, share links) goes
 * through here, so a small file or link that inflates to gigabytes is refused when its
 * output passes the bound, instead of filling the tab's memory.
 */
import { Gunzip, Unzlib } from 'fflate';

/** Thrown when the output would pass `limit` bytes. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`unpacks to more than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

/** Input is fed 64 KiB at a time: deflate expands at most ~1 000×, so the overshoot stays near 64 MiB. */
const STEP = 64 * 1024;

/**
 * Inflate gzip (`'gzip'`) or zlib (`'zlib'`, with an optional preset dictionary) data, stopping
 * with TooLargeError as soon as the output passes `limit` bytes. Sizes a header or trailer
 * declares are not trusted: a cut or forged stream may say anything.
 * `inflateBounded('gzip', gzipSync(bytes), 1 << 20)` equals `bytes` when they fit in 1 MiB.
 */
export function inflateBounded(format: 'gzip' | 'zlib', bytes: Uint8Array, limit: number, dictionary?: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > limit) throw new TooLargeError(limit);
    parts.push(chunk);
  };
  const stream = format === 'gzip' ? new Gunzip(take) : new Unzlib({ dictionary }, take);
  for (let i = 0; i < bytes.length; i += STEP) stream.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  if (bytes.length === 0) stream.push(bytes, true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
