/**
 * Row keys of the keyed kinds (spec §2) and the concatenation of stored chunks into the
 * engine's tables, leaving out rows that a later batch replaced.
 */
import { emptyDataset, type Dataset, type Kind } from '../engine/dataset';
import { bitIsSet, metricIdOf, valuesColumnName, type FlatTable } from './chunks';

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

/** One stored chunk ready to be combined: `dead` is its batch's bitmap, `offset` its first row there. */
export interface Part { table: FlatTable; dead: Uint8Array | null; offset: number }

/** Indices of the live rows of a part, or null when every row is live (the fast path). */
function liveRowsOf(p: Part): Int32Array | null {
  if (!p.dead) return null;
  const live: number[] = [];
  for (let i = 0; i < p.table.length; i++) if (!bitIsSet(p.dead, p.offset + i)) live.push(i);
  return live.length === p.table.length ? null : Int32Array.from(live);
}

function combineNum(parts: Part[], lives: (Int32Array | null)[], name: string, total: number): Float64Array {
  const out = new Float64Array(total);
  let pos = 0;
  parts.forEach((p, k) => {
    const src = p.table.columns[name] as Float64Array | undefined;
    const live = lives[k];
    const n = live ? live.length : p.table.length;
    // A chunk written before a column existed has no values for it: empty, as in the CSV.
    if (!src) out.fill(NaN, pos, pos + n);
    else if (!live) out.set(src, pos);
    else for (let i = 0; i < n; i++) out[pos + i] = src[live[i]];
    pos += n;
  });
  return out;
}

function combineText(parts: Part[], lives: (Int32Array | null)[], name: string): string[] {
  const out: string[] = [];
  parts.forEach((p, k) => {
    const src = p.table.columns[name] as string[] | undefined;
    const live = lives[k];
    const n = live ? live.length : p.table.length;
    if (!src) for (let i = 0; i < n; i++) out.push('');
    else if (!live) for (let i = 0; i < n; i++) out.push(src[i]);
    else for (let i = 0; i < n; i++) out.push(src[live[i]]);
  });
  return out;
}

/**
 * Concatenates parts (in import order) into one table of `kind`, dropping dead rows.
 * The columns are those of the engine's table type, whatever the stored chunks hold.
 * @example combineParts('ratings', parts).score // Float64Array of every live rating
 */
export function combineParts<K extends Kind>(kind: K, parts: Part[]): Dataset[K] {
  const template = emptyDataset()[kind] as unknown as Record<string, unknown>;
  const lives = parts.map(liveRowsOf);
  const total = parts.reduce((s, p, k) => s + (lives[k]?.length ?? p.table.length), 0);
  const out: Record<string, unknown> = { length: total };
  for (const [name, empty] of Object.entries(template)) {
    if (name === 'length' || name === 'values') continue;
    out[name] = empty instanceof Float64Array ? combineNum(parts, lives, name, total) : combineText(parts, lives, name);
  }
  if ('values' in template) {
    const ids = new Set<string>();
    for (const p of parts) for (const name of Object.keys(p.table.columns)) {
      const id = metricIdOf(name);
      if (id !== null) ids.add(id);
    }
    const values: Record<string, Float64Array> = {};
    for (const id of ids) values[id] = combineNum(parts, lives, valuesColumnName(id), total);
    out.values = values;
  }
  return out as unknown as Dataset[K];
}
