/**
 * CSV records read straight from the file's bytes, for the import's hot path: a cell becomes a
 * string only when a text column needs one (and a repeated value is decoded once), numbers and
 * dates are read from the bytes (normalise.ts `*FromBytes`). No decoded copy of the file, no
 * string per cell, no array per row — the costs that made a million-row import 4× slower than
 * a bare papaparse run (docs/benchmarks.md).
 *
 * It reads exactly the CSV papaparse reads (`header: false`, given delimiter and line break)
 * when the quotes are well formed; at the first record it cannot read the same way (a quote
 * that does not close, or text after a closing quote) it stops and says so, and the caller
 * hands the rest of the file to papaparse (runImport.ts). Works for UTF-8 and GB18030: the
 * delimiters (`,` `;` tab), `"`, CR and LF never occur inside a multi-byte character of either.
 */

import { MAX_RECORD_CELLS, RecordTooWide } from './parseLimits';

const LF = 0x0a, CR = 0x0d, QUOTE = 0x22;

/** A cell's bytes hold a byte ≥ 0x80 (so decode them); a quoted cell (content between the quotes); with `""` inside. */
export const CELL_NON_ASCII = 1, CELL_QUOTED = 2, CELL_ESCAPED = 4;

/** The decoder refused a cell's bytes (an auto-detected UTF-8 file that is not UTF-8 after all). */
export class UndecodableBytes extends Error {}

/** Line break as papaparse names it → how a record ends: LF, CR LF, or CR. */
const LINE_END = { '\n': 0, '\r\n': 1, '\r': 2 } as const;

/**
 * Strings of one column by their bytes, so a repeated value (a staff id, an industry, an enum
 * word) is decoded once: the previous row's value first (exports list a project's rows
 * together), then an open-addressing table by hash over typed arrays (no object per entry).
 * A column that turns out id-like stops using the table.
 */
export class Interner {
  prev = new Uint8Array(32);
  prevLen = -1;
  prevStr = '';
  on = true;
  lookups = 0;
  hits = 0;
  /** slot → entry + 1 (0 = free) and the entry's hash; entries' bytes live in `pool` */
  private slots = new Int32Array(1024);
  private slotHash = new Int32Array(1024);
  private strs: string[] = [];
  private off: Int32Array<ArrayBuffer> = new Int32Array(256);
  private pool = new Uint8Array(4096);
  private used = 0;

  remember(b: Uint8Array, s: number, e: number, str: string): void {
    const len = e - s;
    if (len > this.prev.length) this.prev = new Uint8Array(len * 2);
    const prev = this.prev;
    for (let i = 0; i < len; i++) prev[i] = b[s + i];
    this.prevLen = len;
    this.prevStr = str;
  }

  /** The string of bytes [s, e) with hash h, or undefined. */
  find(b: Uint8Array, s: number, e: number, h: number): string | undefined {
    const mask = this.slots.length - 1, len = e - s;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const entry = this.slots[i] - 1;
      if (entry < 0) return undefined;
      if (this.slotHash[i] !== h) continue;
      const o = this.off[entry];
      if (this.off[entry + 1] - o !== len) continue;
      const pool = this.pool;
      let k = 0;
      while (k < len && b[s + k] === pool[o + k]) k++;
      if (k === len) return this.strs[entry];
    }
  }

  add(b: Uint8Array, s: number, e: number, h: number, str: string): void {
    const n = this.strs.length;
    if ((n + 1) * 2 > this.slots.length) this.rehash();
    if (n + 2 > this.off.length) this.off = grown(this.off, n + 2);
    const o = this.off[n], len = e - s;
    if (o + len > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, o + len));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(b.subarray(s, e), o);
    this.off[n + 1] = o + len;
    this.strs.push(str);
    this.place(n, h);
  }

  private place(entry: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = entry + 1;
    this.slotHash[i] = h;
  }

  private rehash(): void {
    const old = this.slots, oldHash = this.slotHash;
    this.slots = new Int32Array(old.length * 2);
    this.slotHash = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.place(old[i] - 1, oldHash[i]);
  }

  /**
   * After 16k lookups fewer than one in four found (an id column), or too many values to be
   * worth keeping: stop hashing the column's cells.
   */
  settle(): void {
    if ((this.lookups === 16_384 && this.hits < 4096) || this.strs.length > 100_000) {
      this.on = false;
      this.slots = new Int32Array(0);
      this.slotHash = new Int32Array(0);
      this.strs = [];
      this.pool = new Uint8Array(0);
    }
  }
}

function grown(a: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(a.length * 2, atLeast));
  b.set(a);
  return b;
}

function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h;
}

/**
 * ASCII bytes → string. Direct-argument calls for the lengths of ids and codes: measured
 * twice as fast as `fromCharCode.apply` on a subarray, which pays for the view and the spread.
 */
export function asciiString(b: Uint8Array, s: number, e: number): string {
  switch (e - s) {
    case 0: return '';
    case 1: return String.fromCharCode(b[s]);
    case 2: return String.fromCharCode(b[s], b[s + 1]);
    case 3: return String.fromCharCode(b[s], b[s + 1], b[s + 2]);
    case 4: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    case 9: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8]);
    case 10: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9]);
    case 11: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10]);
    case 12: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10], b[s + 11]);
    case 13: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10], b[s + 11], b[s + 12]);
    case 14: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10], b[s + 11], b[s + 12], b[s + 13]);
    case 15: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14]);
    case 16: return String.fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7], b[s + 8], b[s + 9],
      b[s + 10], b[s + 11], b[s + 12], b[s + 13], b[s + 14], b[s + 15]);
    default: {
      // Long cells in slices: an argument list of a whole megabyte-long cell would overflow the stack.
      let out = '';
      for (let i = s; i < e; i += 8192) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(e, i + 8192)) as unknown as number[]);
      return out;
    }
  }
}

/**
 * One record at a time: `scan(p, limit)` fills the cell spans of the record starting at byte
 * `p`, the cells are then read with `cell`, `textAt` or a normalise.ts `*FromBytes`.
 * `const r = new ByteRecords(bytes, new TextDecoder(), ',', '\n'); r.scan(0, bytes.length); r.cell(0)`.
 */
export class ByteRecords {
  /** cells in the current record, and each cell's content span and CELL_* flags */
  n = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  flags = new Uint8Array(64);
  /** the record ended with a line break (false: at `limit`) */
  terminated = false;
  /** a decoded cell held U+FFFD (the decoder replaced bytes it could not read) */
  replaced = false;
  private readonly delim: number;
  private readonly lineEnd: number;

  constructor(readonly buf: Uint8Array, private readonly decoder: TextDecoder, delimiter: string, newline: '\n' | '\r\n' | '\r') {
    this.delim = delimiter.charCodeAt(0);
    this.lineEnd = LINE_END[newline];
  }

  private grow(): void {
    // The only place a record's width is checked: the hot loop pays nothing for it.
    if (this.start.length >= MAX_RECORD_CELLS) throw new RecordTooWide();
    const n = Math.min(MAX_RECORD_CELLS, this.start.length * 2);
    const start = new Int32Array(n), end = new Int32Array(n), flags = new Uint8Array(n);
    start.set(this.start); end.set(this.end); flags.set(this.flags);
    this.start = start; this.end = end; this.flags = flags;
  }

  /** Position after the line break that starts at `p`, or -1 when `p` holds no line break. */
  private lineBreakAt(p: number, limit: number): number {
    const c = this.buf[p];
    if (this.lineEnd === 0) return c === LF ? p + 1 : -1;
    if (this.lineEnd === 2) return c === CR ? p + 1 : -1;
    return c === CR && p + 1 < limit && this.buf[p + 1] === LF ? p + 2 : -1;
  }

  /**
   * Reads the record starting at `p` (bytes before `limit`); returns where the next record
   * starts, or -1 when papaparse would read this record differently (malformed quotes).
   * A record ending exactly at `limit` has `terminated` false.
   */
  scan(p: number, limit: number): number {
    const b = this.buf, delim = this.delim, mode = this.lineEnd;
    let n = 0;
    for (;;) {
      if (n === this.start.length) this.grow();
      if (p < limit && b[p] === QUOTE) {
        let q = p + 1, fl = CELL_QUOTED, close: number;
        for (;;) {
          close = b.indexOf(QUOTE, q);
          if (close < 0 || close >= limit) return -1;
          if (close + 1 < limit && b[close + 1] === QUOTE) { fl |= CELL_ESCAPED; q = close + 2; continue; }
          break;
        }
        this.start[n] = p + 1;
        this.end[n] = close;
        this.flags[n++] = fl;
        p = close + 1;
        if (p >= limit) { this.n = n; this.terminated = false; return limit; }
        if (b[p] === delim) { p++; continue; }
        const next = this.lineBreakAt(p, limit);
        if (next < 0) return -1;
        this.n = n;
        this.terminated = true;
        return next;
      }
      const s = p;
      let high = 0;
      for (; p < limit; p++) {
        const c = b[p];
        if (c === delim) break;
        if (c === LF) {
          if (mode === 0 || (mode === 1 && p > s && b[p - 1] === CR)) break;
        } else if (c === CR && mode === 2) break;
        high |= c;
      }
      this.start[n] = s;
      this.flags[n] = high >= 0x80 ? CELL_NON_ASCII : 0;
      if (p >= limit) {
        this.end[n++] = p;
        this.n = n;
        this.terminated = false;
        return limit;
      }
      if (b[p] === delim) {
        this.end[n++] = p++;
        continue;
      }
      // A line break: LF (its CR belongs to it in CR LF mode) or a lone CR.
      this.end[n++] = mode === 1 ? p - 1 : p;
      this.n = n;
      this.terminated = true;
      return p + 1;
    }
  }

  /** Every cell is empty (papaparse's `['']` of an empty line counts too). */
  blank(): boolean {
    for (let k = 0; k < this.n; k++) if (this.start[k] !== this.end[k]) return false;
    return true;
  }

  /** Cell k is empty or missing. */
  empty(k: number): boolean {
    return k >= this.n || this.start[k] === this.end[k];
  }

  private decode(s: number, e: number): string {
    let t: string;
    try {
      t = this.decoder.decode(this.buf.subarray(s, e));
    } catch {
      throw new UndecodableBytes();
    }
    if (!this.replaced && t.includes('\uFFFD')) this.replaced = true;
    return t;
  }

  /** Cell k as papaparse gives it ('' past the end of the record). */
  cell(k: number): string {
    if (k >= this.n) return '';
    const s = this.start[k], e = this.end[k], f = this.flags[k];
    if (s === e) return '';
    if (f === 0) return asciiString(this.buf, s, e);
    const t = this.decode(s, e);
    return f & CELL_ESCAPED ? t.replaceAll('""', '"') : t;
  }

  /** The record as papaparse's row of strings. */
  strings(): string[] {
    const row = new Array<string>(this.n);
    for (let k = 0; k < this.n; k++) row[k] = this.cell(k);
    return row;
  }

  /**
   * Decodes cell k if it holds anything but ASCII without using the text: every byte of the
   * file is then checked by the decoder once, as a whole-file decode would (a strict UTF-8
   * decode refuses a GBK file; a replacement character means a warning).
   */
  check(k: number): void {
    if (k < this.n && this.flags[k] !== 0 && (this.flags[k] & CELL_NON_ASCII || this.flags[k] & CELL_QUOTED)) this.cell(k);
  }

  /** `cell(k)` through a column's interner: a value seen before costs a hash and a compare, not a decode. */
  textAt(k: number, it: Interner): string {
    if (k >= this.n) return '';
    const s = this.start[k], e = this.end[k], f = this.flags[k];
    if (s === e) return '';
    if (f & CELL_QUOTED) return this.cell(k);
    const b = this.buf, len = e - s;
    if (len === it.prevLen) {
      const prev = it.prev;
      let i = 0;
      while (i < len && b[s + i] === prev[i]) i++;
      if (i === len) return it.prevStr;
    }
    let str: string | undefined;
    let h = 0;
    if (it.on) {
      h = hashBytes(b, s, e);
      it.lookups++;
      str = it.find(b, s, e, h);
      if (str !== undefined) it.hits++;
    }
    if (str === undefined) {
      str = f === 0 ? asciiString(b, s, e) : this.decode(s, e);
      if (it.on) it.add(b, s, e, h, str);
    }
    if (it.on) it.settle();
    it.remember(b, s, e, str);
    return str;
  }
}
