/**
 * Row keys of the keyed kinds (spec §2) and the concatenation of stored chunks into the
 * engine's tables, leaving out rows that a later batch replaced.
 */
import { emptyDataset, type Column, type Dataset, type Kind } from '../engine/dataset';
import { runPaced } from './pacedSteps';
import { bitIsSet, newBitmap, setBit, metricIdOf, valuesColumnName, type FlatTable } from './chunks';

/** Columns whose values identify a row (spec §2); kinds without an entry belong to their batch. */
export const KEY_COLUMNS: Partial<Record<Kind, readonly string[]>> = {
  staff: ['staff_id'],
  projects: ['project_id', 'staff_id'],
  requests: ['request_id'],
  reviews: ['review_id'],
  metrics: ['staff_id', 'period'],
  holidays: ['date'],
};

// A unit separator cannot come from a trimmed CSV id in practice, and if it did the worst
// case is two rows sharing a key that should not: no data is read from the key itself.
const SEP = '\u001f';

/**
 * The key of every row of a flat table, or null for a kind without a key.
 * @example rowKeys('projects', flat) // ['P1\u001fPS1001', ...]
 */
export function rowKeys(kind: Kind, table: FlatTable): string[] | null {
  const names = KEY_COLUMNS[kind];
  if (!names) return null;
  const cols = names.map((n) => table.columns[n]);
  const out: string[] = new Array(table.length);
  if (cols.length === 1) {
    const c = cols[0];
    for (let i = 0; i < table.length; i++) out[i] = String(c[i]);
  } else {
    const [a, b] = cols;
    for (let i = 0; i < table.length; i++) out[i] = a[i] + SEP + b[i];
  }
  return out;
}

/**
 * Within one file a later row with the same key wins, like a later file.
 * @example deadWithinFile(['a', 'b', 'a']) // { dead: bit 0 set, killed: 1, set: {'a', 'b'} }
 */
export function deadWithinFile(keys: string[]): Within {
  const dead = newBitmap(keys.length);
  const last = new Map<string, number>();
  let killed = 0;
  keys.forEach((k, i) => {
    const prev = last.get(k);
    if (prev !== undefined) { setBit(dead, prev); killed++; }
    last.set(k, i);
  });
  return { dead, killed, set: new Set(last.keys()) };
}

/** Keys of a batch being added: `dead`/`killed` within the file, `set` built only when older batches need it. */
export interface Within { dead: Uint8Array | null; killed: number; set: Set<string> | null }
/** One stored chunk ready to be combined: `dead` is its batch's bitmap, `offset` its first row there. */
export interface Part { table: FlatTable; dead: Uint8Array | null; offset: number }

/** Indices of the live rows of `rows` rows from `offset` of a batch, or null when every row is live (the fast path). */
function liveRows(rows: number, dead: Uint8Array | null, offset: number): Int32Array | null {
  if (!dead) return null;
  // Most bitmaps are all clear over a chunk (no later batch replaced its rows): check bytes, not bits.
  let any = 0;
  for (let b = offset >> 3, e = Math.min(dead.length, (offset + rows + 7) >> 3); b < e && !any; b++) any = dead[b];
  if (!any) return null;
  const live: number[] = [];
  for (let i = 0; i < rows; i++) if (!bitIsSet(dead, offset + i)) live.push(i);
  return live.length === rows ? null : Int32Array.from(live);
}

/**
 * The table of `kind` from n pieces: `fill` writes piece k's column `name` (rows `live`) at `pos`.
 * Pauses (`yield`) after each piece of each column (≤ 10,000 rows), so the page's reload can give
 * the thread back between them.
 */
function* combineSteps<K extends Kind>(kind: K, rows: number[], lives: (Int32Array | null)[], metricIds: () => Iterable<string>,
  fill: (k: number, name: string, out: Column, pos: number, live: Int32Array | null) => void): Generator<void, Dataset[K], void> {
  const template = emptyDataset()[kind] as unknown as Record<string, unknown>;
  const counts = rows.map((n, k) => lives[k]?.length ?? n);
  const total = counts.reduce((s, n) => s + n, 0);
  // Every column is allocated at its final length once and written in place: no push, no concat.
  function* column(name: string, num: boolean): Generator<void, Column, void> {
    const out: Column = num ? new Float64Array(total) : new Array<string>(total);
    for (let k = 0, pos = 0; k < rows.length; pos += counts[k], k++) {
      fill(k, name, out, pos, lives[k]);
      yield;
    }
    return out;
  }
  const out: Record<string, unknown> = { length: total };
  for (const [name, empty] of Object.entries(template)) {
    if (name === 'length' || name === 'values') continue;
    out[name] = yield* column(name, empty instanceof Float64Array);
  }
  if ('values' in template) {
    const values: Record<string, Float64Array> = {};
    for (const id of metricIds()) values[id] = (yield* column(valuesColumnName(id), true)) as Float64Array;
    out.values = values;
  }
  return out as unknown as Dataset[K];
}

// A chunk written before a column existed has no values for it: empty, as in the CSV.
function fillMissing(out: Column, pos: number, n: number): void {
  if (out instanceof Float64Array) out.fill(NaN, pos, pos + n);
  else for (let i = 0; i < n; i++) out[pos + i] = '';
}

function metricIdsOf(columnSets: Iterable<Record<string, unknown>>): Set<string> {
  const ids = new Set<string>();
  for (const cols of columnSets) for (const name of Object.keys(cols)) {
    const id = metricIdOf(name);
    if (id !== null) ids.add(id);
  }
  return ids;
}

/**
 * Concatenates parts (in import order) into one table of `kind`, dropping dead rows.
 * The columns are those of the engine's table type, whatever the stored chunks hold.
 * @example combineParts('ratings', parts).score // Float64Array of every live rating
 */
export function combineParts<K extends Kind>(kind: K, parts: Part[]): Dataset[K] {
  const steps = combinePartsSteps(kind, parts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `combineParts` one piece of a column at a time: pauses after each; drained at once it is
 * `combineParts(k, parts)`.
 */
export function* combinePartsSteps<K extends Kind>(kind: K, parts: Part[]): Generator<void, Dataset[K], void> {
  const lives = parts.map((p) => liveRows(p.table.length, p.dead, p.offset));
  return yield* combineSteps(kind, parts.map((p) => p.table.length), lives, () => metricIdsOf(parts.map((p) => p.table.columns)),
    (k, name, out, pos, live) => {
      const src = parts[k].table.columns[name] as ArrayLike<unknown> | undefined;
      const n = live ? live.length : parts[k].table.length;
      if (!src) { fillMissing(out, pos, n); return; }
      if (!live && src instanceof Float64Array && out instanceof Float64Array) { out.set(src, pos); return; }
      const dst = out as unknown as Record<number, unknown>;
      for (let i = 0; i < n; i++) dst[pos + i] = src[live ? live[i] : i];
    });
}

/**
 * `combineParts` giving the thread back every few ms between columns (pacedSteps.ts): the
 * page's reload after an import combines 200,000 rows without one long task.
 * @example const projects = await combinePartsPaced('projects', parts);
 */
export function combinePartsPaced<K extends Kind>(kind: K, parts: Part[]): Promise<Dataset[K]> {
  return runPaced(combinePartsSteps(kind, parts));
}
