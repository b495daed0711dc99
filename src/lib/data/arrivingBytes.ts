/**
 * A file's bytes as they arrive. The import reads a file in 8 MiB slices into one buffer of the
 * file's size and parses what has arrived while the rest is read: a Blob read runs off the
 * JavaScript thread, so reading a 90 MB file (~0.4 s) overlaps its parse instead of preceding it.
 */

/** `bytes` has the whole file's length; bytes [0, filled) have been read. */
export interface ArrivingBytes {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly filled: number;
  /** Resolves once more bytes have arrived than when it was called (or all have); rejects when the read failed. */
  more(): Promise<void>;
  /** Every byte, once read. */
  readonly all: Promise<Uint8Array<ArrayBuffer>>;
}

/** Bytes per slice read: big enough to amortise a read, small enough that parsing starts early. */
export const SLICE_BYTES = 8 * 1024 * 1024;

/**
 * Starts reading `file` slice by slice.
 * @example const src = readArriving(file); while (src.filled < 100) await src.more();
 */
export function readArriving(file: Blob, sliceBytes = SLICE_BYTES): ArrivingBytes {
  const size = file.size;
  const bytes = new Uint8Array(size);
  let filled = 0;
  let failure: { error: unknown } | null = null;
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const x of w) (failure ? x.reject(failure.error) : x.resolve());
  };
  const all = (async () => {
    try {
      // The next slice is asked for before this one is copied, so the reads follow each other closely.
      let next = size > 0 ? file.slice(0, Math.min(size, sliceBytes)).arrayBuffer() : null;
      for (let pos = 0; next !== null; pos += sliceBytes) {
        const part = new Uint8Array(await next);
        const following = pos + sliceBytes;
        next = following < size ? file.slice(following, Math.min(size, following + sliceBytes)).arrayBuffer() : null;
        bytes.set(part, pos);
        filled = pos + part.length;
        wake();
      }
      return bytes;
    } catch (e) {
      failure = { error: e };
      wake();
      throw e;
    }
  })();
  all.catch(() => { /* reported through more() and to whoever awaits all */ });
  return {
    bytes,
    get filled() { return filled; },
    all,
    more: () => new Promise<void>((resolve, reject) => {
      if (failure) reject(failure.error);
      else if (filled === size) resolve();
      else waiting.push({ resolve, reject });
    }),
  };
}

/** Bytes already in memory as an ArrivingBytes (everything has arrived). */
export function arrived(bytes: Uint8Array<ArrayBuffer>): ArrivingBytes {
  const all = Promise.resolve(bytes);
  return { bytes, filled: bytes.length, all, more: () => Promise.resolve() };
}
