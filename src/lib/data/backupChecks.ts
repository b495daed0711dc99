/**
 * Limits and structure checks for a backup file, applied before anything is replaced:
 * how large it may unpack, and that every chunk holds the columns its batch's kind needs.
 */
import { inflateBounded } from '../engine/boundedInflate';
import type { Kind } from '../engine/dataset';
import { SCHEMAS } from './schema';

/**
 * The most a backup may unpack to: 400 MiB. A million-row store backs up to about a quarter of
 * that; a browser cannot hold a JSON text much larger as one string (V8 stops near 512 M
 * characters), so a larger file could never restore and is refused before it is inflated.
 */
export const MAX_BACKUP_UNPACKED = 400 * 1024 * 1024;

/** gunzip that stops when the output passes `limit` bytes (boundedInflate.ts). */
export const gunzipBounded = (bytes: Uint8Array, limit = MAX_BACKUP_UNPACKED): Uint8Array => inflateBounded('gzip', bytes, limit);

const isText = (type: string) => type === 'text' || type === 'activity_type' || type === 'period';

/**
 * Why a chunk of a batch of `kind` cannot be read back, or null: every column of the kind's
 * schema present, text columns stored as text, number columns (and a metrics chunk's
 * `values.*`) as numbers.
 * `chunkColumnsProblem('staff', { name: … })` → 'lacks the column staff_id'.
 */
export function chunkColumnsProblem(kind: Kind, columns: Record<string, unknown>): string | null {
  const schema = SCHEMAS[kind];
  for (const rule of schema.columns) {
    const col = columns[rule.key] as { t?: unknown } | undefined;
    if (col === undefined) return `lacks the column ${rule.key}`;
    const text = col.t === 'text' || col.t === 'dict';
    if (text !== isText(rule.type)) return `stores the column ${rule.key} as ${text ? 'text' : 'numbers'}`;
  }
  for (const name of Object.keys(columns)) {
    const col = columns[name] as { t?: unknown };
    if (name.startsWith('values.') && col.t !== 'num' && col.t !== 'int') return `stores the column ${name} as text`;
  }
  return null;
}
