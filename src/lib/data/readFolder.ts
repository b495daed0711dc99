/**
 * Node only (uses node:fs; for the command-line tool): import every CSV file of a folder and
 * merge them into one Dataset, as the app's batches would. Files are taken in name order;
 * several files of one keyed kind are upserted (a later file's row wins per key), files of a
 * kind without a key are concatenated. A file with an error contributes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { emptyDataset, type Dataset, type Kind } from '../engine/dataset';
import { crossFileChecks, importCsvBytes, type ImportResult } from './csvImport';
import { makeIssue, type Issue } from './issues';
import { SCHEMAS } from './schema';
import { importMappedCsv } from './mappedCsv';
import type { ColumnMapping } from './mapping';
import { readWorkbook } from './workbook';
import { SNIFF_BYTES } from './decode';
import { WORKBOOK_NAME, workbookOrText } from './workbookFiles';

type AnyTable = Record<string, unknown> & { length: number };

const isTextType = (t: string) => t === 'text' || t === 'activity_type' || t === 'period';

/** The rows to keep as (table, row) pairs: all of them, or the last row per key. */
function survivors(kind: Kind, tables: AnyTable[]): [Int32Array, Int32Array] {
  const key = SCHEMAS[kind].key;
  if (!key) {
    const total = tables.reduce((n, t) => n + t.length, 0);
    const ti = new Int32Array(total), ri = new Int32Array(total);
    let k = 0;
    tables.forEach((t, j) => { for (let i = 0; i < t.length; i++) { ti[k] = j; ri[k++] = i; } });
    return [ti, ri];
  }
  // Map insertion order keeps a key where it first appeared, while set() lets the later row win.
  const last = new Map<string, number>();
  tables.forEach((t, j) => {
    const cols = key.map((k) => t[k] as ArrayLike<string | number>);
    for (let i = 0; i < t.length; i++) last.set(cols.map((c) => String(c[i])).join('\u0000'), j * 2 ** 26 + i);
  });
  const ti = new Int32Array(last.size), ri = new Int32Array(last.size);
  let k = 0;
  for (const v of last.values()) { ti[k] = Math.floor(v / 2 ** 26); ri[k++] = v % 2 ** 26; }
  return [ti, ri];
}

function gather(tables: AnyTable[], get: (t: AnyTable) => ArrayLike<string | number> | undefined, text: boolean, ti: Int32Array, ri: Int32Array) {
  const out = text ? new Array<string>(ti.length) : new Float64Array(ti.length);
  for (let k = 0; k < ti.length; k++) {
    const col = get(tables[ti[k]]);
    out[k] = col === undefined ? (text ? '' : NaN) : col[ri[k]];
  }
  return out;
}

/**
 * Merges the tables of one kind into one (keyed kinds: the later table's row wins per key).
 * `mergeTables('staff', [a, b]).length` = number of distinct staff_id in a and b.
 */
export function mergeTables<K extends Kind>(kind: K, tables: Dataset[K][]): Dataset[K] {
  const ts = tables as unknown as AnyTable[];
  if (ts.length === 1) return tables[0];
  if (ts.length === 0) return emptyDataset()[kind];
  const [ti, ri] = survivors(kind, ts);
  const merged: AnyTable = { length: ti.length };
  for (const c of SCHEMAS[kind].columns) merged[c.key] = gather(ts, (t) => t[c.key] as ArrayLike<string | number>, isTextType(c.type), ti, ri);
  if (SCHEMAS[kind].metricColumns) {
    const ids = new Set(ts.flatMap((t) => Object.keys(t.values as object)));
    const values: Record<string, unknown> = {};
    for (const id of ids) values[id] = gather(ts, (t) => (t.values as Record<string, Float64Array>)[id], false, ti, ri);
    merged.values = values;
  }
  return merged as unknown as Dataset[K];
}

/** One file of the folder: a workbook gives one result per data sheet; a saved mapping applies to a matching header. */
function importPath(dir: string, name: string, mappings: readonly ColumnMapping[]): ImportResult[] {
  const bytes = readFileSync(join(dir, name));
  const how = workbookOrText(name, bytes.subarray(0, SNIFF_BYTES));
  if (how === 'workbook') return readWorkbook(bytes, name, XLSX, { mappings });
  const result = importMappedCsv(bytes, name, mappings) ?? importCsvBytes(bytes, name);
  if (how === 'text-named-workbook') result.issues.unshift(makeIssue('notice', 'file_text_named_workbook', name, null, null, name.replace(/^.*\./, '.')));
  return [result];
}

/**
 * Imports every `*.csv` and workbook (`*.xlsx`, `*.xls`; any case) of `dir`, whatever its encoding, header language or name.
 * `readCsvFolder('./data').dataset.projects.length`. Each file's own issues are in its result;
 * `issues` holds only the cross-file warnings (staff IDs missing from the staff file, checked
 * when there is one), so listing `results[].issues` then `issues` shows each issue once.
 */
export function readCsvFolder(dir: string, opts: { mappings?: readonly ColumnMapping[] } = {}): { results: ImportResult[]; dataset: Dataset; issues: Issue[] } {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && (/\.csv$/i.test(e.name) || WORKBOOK_NAME.test(e.name)) && !e.name.startsWith('~$'))
    .map((e) => e.name)
    .sort();
  const results = files.flatMap((f) => importPath(dir, f, opts.mappings ?? []));
  const dataset = emptyDataset();
  for (const kind of Object.keys(dataset) as Kind[]) {
    const tables = results.filter((r) => r.kind === kind && r.table !== null).map((r) => r.table!);
    if (tables.length) (dataset as unknown as Record<Kind, unknown>)[kind] = mergeTables(kind, tables as Dataset[typeof kind][]);
  }
  const issues = dataset.staff.length > 0 ? crossFileChecks(new Set(dataset.staff.staff_id), results) : [];
  return { results, dataset, issues };
}
