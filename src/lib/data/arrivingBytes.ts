/**
 * A file's bytes as they arrive. A file up to SLICE_BYTES is read in one go into the read's own
 * buffer; a bigger one in slices into one buffer of its size, parsed as the slices arrive.
 *
 * Why not slices for every file, so that the read overlaps the parse: on this kind of VM the
 * first write to fresh memory costs page faults, ~0.3–0.5 s per 88 MB (measured: filling a new
 * 88 MB Uint8Array 275–540 ms, again 4–6 ms). Slices copied into a file-sized buffer pay that
 * twice; the 1M-row import measured 3.6 s that way against 3.3 s with one read.
 */

/** `bytes` has the whole file's length once anything has arrived; bytes [0, filled) have been read. */
export interface ArrivingBytes {
  /** the file's size */
  readonly size: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly filled: number;
  /** Resolves once more bytes have arrived than when it was called (or all have); rejects when the read failed. */
  more(): Promise<void>;
  /** Every byte, once read. */
  readonly all: Promise<Uint8Array<ArrayBuffer>>;
}

/** Files up to this size are read whole; bigger ones in slices of it. */
export const SLICE_BYTES = 256 * 1024 * 1024;

/**
 * Starts reading `file` slice by slice.
 * @example const src = readArriving(file); while (src.filled < 100) await src.more();
 */
export function readArriving(file: Blob, sliceBytes = SLICE_BYTES): ArrivingBytes {
  const size = file.size;
  // One slice: the read's own buffer is the file's (no second buffer to fill, page by page).
  const whole = size <= sliceBytes;
  let bytes = new Uint8Array(whole ? 0 : size);
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
      if (whole) {
        bytes = new Uint8Array(await file.arrayBuffer());
        filled = size;
        wake();
        return bytes;
      }
      // The next slice is asked for before this one is copied, so the reads follow each other closely.
      let next: Promise<ArrayBuffer> | null = file.slice(0, Math.min(size, sliceBytes)).arrayBuffer();
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
    size,
    get bytes() { return bytes; },
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
  return { size: bytes.length, bytes, filled: bytes.length, all, more: () => Promise.resolve() };
}

/** An ArrivingBytes fed from outside: the import worker's file bytes, posted by the page in parts. */
export interface ReceivingBytes extends ArrivingBytes {
  /** The next part, in order; the first part of a whole file becomes `bytes` as it is (no copy). */
  push(part: Uint8Array<ArrayBuffer>): void;
  /** The read failed on the page: `more()` and `all` reject with `error`. */
  fail(error: unknown): void;
}

/**
 * Bytes that arrive as posted parts. WebKit cannot read a File posted to a worker from a
 * `file://` page (NotReadableError); the page reads it and transfers the parts instead.
 * @example const src = receiveBytes(10); src.push(new Uint8Array(10)); await src.all;
 */
export function receiveBytes(size: number): ReceivingBytes {
  let bytes = new Uint8Array(0);
  let filled = 0;
  let failure: { error: unknown } | null = null;
  let waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let settle!: { resolve: (b: Uint8Array<ArrayBuffer>) => void; reject: (e: unknown) => void };
  const all = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => { settle = { resolve, reject }; });
  all.catch(() => { /* reported through more() and to whoever awaits all */ });
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const x of w) (failure ? x.reject(failure.error) : x.resolve());
  };
  if (size === 0) settle.resolve(bytes);
  return {
    size,
    get bytes() { return bytes; },
    get filled() { return filled; },
    all,
    more: () => new Promise<void>((resolve, reject) => {
      if (failure) reject(failure.error);
      else if (filled === size) resolve();
      else waiting.push({ resolve, reject });
    }),
    push(part) {
      if (failure || filled + part.length > size) return this.fail(new RangeError(`received ${filled + part.length} bytes of a ${size}-byte file`));
      if (filled === 0 && part.length === size) bytes = part;
      else {
        if (bytes.length !== size) bytes = new Uint8Array(size);
        bytes.set(part, filled);
      }
      filled += part.length;
      if (filled === size) settle.resolve(bytes);
      wake();
    },
    fail(error) {
      if (failure) return;
      failure = { error };
      settle.reject(error);
      wake();
    },
  };
}
