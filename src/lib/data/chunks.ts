/**
 * The stored form of a table: 10 000-row column chunks (see docs/storage.md).
 *
 * One IndexedDB record per row is ~470× slower than this (perf-anchors.md), so a chunk holds
 * every column of up to `CHUNK_ROWS` rows: numbers as one Float64Array, text either as a
 * dictionary (few distinct values: ids of people, industries, enum-like free text) or as
 * all cells concatenated plus a length per cell. Lengths, not a separator, so a cell may
 * hold any character, '\n' included.
 */
import type { Column, Dataset, Kind } from '../engine/dataset';

export const CHUNK_ROWS = 10_000;

/** UTF-16 lengths of text cells, in the narrowest array that holds the longest. */
export type TextLengths = Uint8Array | Uint16Array | Uint32Array;

/** Stored text: `s` is every cell (or every dictionary entry) concatenated, `len` their UTF-16 lengths. */
export type EncodedColumn =
  | { t: 'num'; v: Float64Array }
  /** Whole numbers in the narrowest array that holds them; the array type's top (or bottom) value stands for an empty cell. */
  | { t: 'int'; v: Uint8Array | Uint16Array | Int32Array }
  | { t: 'text'; s: string; len: TextLengths }
  | { t: 'dict'; s: string; len: TextLengths; codes: Uint16Array | Uint32Array };

/** Columns of one chunk by name; metric values are flattened as `values.<metric id>`. */
export type ChunkColumns = Record<string, EncodedColumn>;

export interface EncodedChunk { index: number; rows: number; columns: ChunkColumns }

/** A table as plain named columns (the `values` record of metrics flattened). */
export interface FlatTable { length: number; columns: Record<string, Column> }

const VALUES_PREFIX = 'values.';

/**
 * Names and columns of a table, metric values flattened.
 * @example flattenTable(ds.metrics).columns['values.win_rate'] // Float64Array
 */
export function flattenTable(table: Dataset[Kind]): FlatTable {
  const columns: Record<string, Column> = {};
  for (const [name, col] of Object.entries(table)) {
    if (name === 'length') continue;
    if (name === 'values') {
      for (const [id, v] of Object.entries(col as Record<string, Column>)) columns[VALUES_PREFIX + id] = v;
    } else columns[name] = col as Column;
  }
  return { length: table.length, columns };
}

/** The metric id of a flattened column name, or null for an ordinary column. */
export function metricIdOf(name: string): string | null {
  return name.startsWith(VALUES_PREFIX) ? name.slice(VALUES_PREFIX.length) : null;
}

/** Flattened column name of a metric value column. */
export const valuesColumnName = (metricId: string): string => VALUES_PREFIX + metricId;

/** Cell lengths in the narrowest array that holds the longest: most text cells are under 256 characters. */
function narrowLengths(lengths: ArrayLike<number>, max: number): TextLengths {
  const a = max < 0x100 ? new Uint8Array(lengths.length) : max < 0x10000 ? new Uint16Array(lengths.length) : new Uint32Array(lengths.length);
  a.set(lengths);
  return a;
}

/**
 * Rows [from, to) as a dictionary column, or null when there are too many distinct values to
 * pay off. At most one distinct value per four rows: a dictionary for project ids (one per ~2
 * rows) would store 40 % fewer bytes, but building it in the import worker cost more time
 * (+0.4 s for 1M rows) than the smaller IndexedDB write saved.
 */
function encodeDict(xs: string[], from: number, to: number): EncodedColumn | null {
  const rows = to - from;
  // A dictionary pays off only when values repeat; give up early on id-like columns.
  const maxDict = Math.max(16, rows >> 2);
  const dict = new Map<string, number>();
  // Codes never exceed maxDict, so the narrow array is known before the first code.
  const codes = maxDict <= 0x10000 ? new Uint16Array(rows) : new Uint32Array(rows);
  let prev: string | undefined, prevCode = 0;
  for (let i = 0; i < rows; i++) {
    const x = xs[from + i];
    // A project's rows come together: the same cell as the row before needs no lookup.
    if (x === prev) {
      codes[i] = prevCode;
      continue;
    }
    let c = dict.get(x);
    if (c === undefined) {
      if (dict.size >= maxDict) return null;
      c = dict.size;
      dict.set(x, c);
    }
    codes[i] = c;
    prev = x;
    prevCode = c;
  }
  const entries = [...dict.keys()];
  let max = 0;
  for (const e of entries) if (e.length > max) max = e.length;
  return { t: 'dict', s: entries.join(''), len: narrowLengths(entries.map((e) => e.length), max), codes };
}

function encodePlain(xs: string[], from: number, to: number): EncodedColumn {
  const rows = to - from;
  const len = new Uint32Array(rows);
  let max = 0;
  for (let i = 0; i < rows; i++) {
    const n = xs[from + i].length;
    len[i] = n;
    if (n > max) max = n;
  }
  return { t: 'text', s: xs.slice(from, to).join(''), len: max < 0x100 ? Uint8Array.from(len) : max < 0x10000 ? Uint16Array.from(len) : len };
}

/**
 * Rows [from, to) as a dictionary of runs (an entry per run of equal cells, codes = run
 * numbers; an entry may repeat), or null when runs are more than half the rows. Exports list
 * a project's rows together, so its id and customer repeat in runs: this stores them in ~60 %
 * of their plain size with one comparison per row — no Map, which measured too slow in the import.
 */
function encodeRuns(xs: string[], from: number, to: number): EncodedColumn | null {
  const rows = to - from;
  const max = rows >> 1;
  const codes = rows <= 0x10000 ? new Uint16Array(rows) : new Uint32Array(rows);
  const entries: string[] = [];
  let prev: string | undefined;
  for (let i = 0; i < rows; i++) {
    const x = xs[from + i];
    if (x !== prev || i === 0) {
      if (entries.length >= max) return null;
      entries.push(x);
      prev = x;
    }
    codes[i] = entries.length - 1;
  }
  let longest = 0;
  for (const e of entries) if (e.length > longest) longest = e.length;
  return { t: 'dict', s: entries.join(''), len: narrowLengths(entries.map((e) => e.length), longest), codes };
}

function encodeText(xs: string[], from: number, to: number): EncodedColumn {
  return encodeDict(xs, from, to) ?? encodeRuns(xs, from, to) ?? encodePlain(xs, from, to);
}

const NAN_U8 = 0xff, NAN_U16 = 0xffff, NAN_I32 = -0x80000000;

/**
 * Rows [from, to) of a number column in the narrowest exact form: enum codes, booleans, counts
 * and day numbers fit 1–2 bytes, amounts 4; anything else stays Float64. A 1M-row projects
 * table shrinks from 56 MB of Float64 to ~11 MB, and IndexedDB's read and write cost follows
 * the bytes (docs/storage.md).
 * @example encodeNumbers(Float64Array.of(1, NaN, 3), 0, 3) // { t: 'int', v: Uint8Array [1, 255, 3] }
 */
export function encodeNumbers(col: Float64Array, from: number, to: number): EncodedColumn {
  let min = Infinity, max = -Infinity;
  for (let i = from; i < to; i++) {
    const x = col[i];
    if (x !== x) continue;
    // Fractions, ±Infinity and -0 (whose sign an integer array would lose) stay Float64.
    if (x !== Math.trunc(x) || (x === 0 && 1 / x < 0)) return { t: 'num', v: col.slice(from, to) };
    if (x < min) min = x;
    if (x > max) max = x;
  }
  let v: Uint8Array | Uint16Array | Int32Array, nan: number;
  if (min >= 0 && max < NAN_U8) { v = new Uint8Array(to - from); nan = NAN_U8; }
  else if (min >= 0 && max < NAN_U16) { v = new Uint16Array(to - from); nan = NAN_U16; }
  else if (min > NAN_I32 && max <= 0x7fffffff) { v = new Int32Array(to - from); nan = NAN_I32; }
  else return { t: 'num', v: col.slice(from, to) };
  for (let i = from; i < to; i++) {
    const x = col[i];
    v[i - from] = x !== x ? nan : x;
  }
  return { t: 'int', v };
}

const nanOf = (v: Uint8Array | Uint16Array | Int32Array): number =>
  v instanceof Uint8Array ? NAN_U8 : v instanceof Uint16Array ? NAN_U16 : NAN_I32;

/** An 'int' column as the engine's Float64Array (empty cells back to NaN). */
function widen(v: Uint8Array | Uint16Array | Int32Array): Float64Array {
  const nan = nanOf(v);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) { const x = v[i]; out[i] = x === nan ? NaN : x; }
  return out;
}

function splitLengths(s: string, len: TextLengths): string[] {
  const out: string[] = new Array(len.length);
  let pos = 0;
  for (let i = 0; i < len.length; i++) {
    const end = pos + len[i];
    out[i] = s.slice(pos, end);
    pos = end;
  }
  return out;
}

/**
 * Encodes rows [from, to) of one column.
 * @example encodeColumn(new Float64Array([1.5, NaN]), 0, 2) // { t: 'num', v: Float64Array [1.5, NaN] }
 */
export function encodeColumn(col: Column, from: number, to: number): EncodedColumn {
  if (col instanceof Float64Array) return encodeNumbers(col, from, to);
  return encodeText(col, from, to);
}

/**
 * Decodes a stored column back to the engine's column type.
 * @example decodeColumn(encodeColumn(['a\nb', ''], 0, 2)) // ['a\nb', '']
 */
export function decodeColumn(enc: EncodedColumn): Column {
  switch (enc.t) {
    case 'num': return enc.v;
    case 'int': return widen(enc.v);
    case 'text': return splitLengths(enc.s, enc.len);
    case 'dict': {
      const entries = splitLengths(enc.s, enc.len);
      const { codes } = enc;
      const out: string[] = new Array(codes.length);
      for (let i = 0; i < codes.length; i++) out[i] = entries[codes[i]];
      return out;
    }
  }
}

/**
 * Cuts a table into chunks of `rowsPerChunk` rows (the last may be shorter; an empty table gives none).
 * @example encodeChunks(ds.projects).length // Math.ceil(ds.projects.length / 10_000)
 */
export function encodeChunks(table: Dataset[Kind], rowsPerChunk = CHUNK_ROWS): EncodedChunk[] {
  const flat = flattenTable(table);
  const out: EncodedChunk[] = [];
  // How a text column is stored is decided on the first chunk (dictionary, runs, or plain): an
  // id-like column would otherwise fill a Map and give up again in every chunk.
  const how = new Map<string, 'dict' | 'runs' | 'plain'>();
  for (let from = 0, index = 0; from < flat.length; from += rowsPerChunk, index++) {
    const to = Math.min(flat.length, from + rowsPerChunk);
    const columns: ChunkColumns = {};
    for (const [name, col] of Object.entries(flat.columns)) {
      if (col instanceof Float64Array) {
        columns[name] = encodeNumbers(col, from, to);
        continue;
      }
      const way = how.get(name);
      let enc: EncodedColumn | null = null;
      if (way === undefined || way === 'dict') enc = encodeDict(col, from, to);
      if (index === 0 && enc) how.set(name, 'dict');
      if (!enc && way !== 'plain') enc = encodeRuns(col, from, to);
      if (index === 0 && !how.has(name)) how.set(name, enc ? 'runs' : 'plain');
      columns[name] = enc ?? encodePlain(col, from, to);
    }
    out.push({ index, rows: to - from, columns });
  }
  return out;
}

/** Decodes the named columns of a chunk (all when `names` is omitted). */
export function decodeChunk(chunk: { rows: number; columns: ChunkColumns }, names?: readonly string[]): FlatTable {
  const columns: Record<string, Column> = {};
  for (const name of names ?? Object.keys(chunk.columns)) {
    const enc = chunk.columns[name];
    if (enc) columns[name] = decodeColumn(enc);
  }
  return { length: chunk.rows, columns };
}

/** A bitmap of `n` rows, all clear. */
export const newBitmap = (n: number): Uint8Array => new Uint8Array((n + 7) >> 3);
export const bitIsSet = (bits: Uint8Array, i: number): boolean => (bits[i >> 3] & (1 << (i & 7))) !== 0;
export const setBit = (bits: Uint8Array, i: number): void => { bits[i >> 3] |= 1 << (i & 7); };
