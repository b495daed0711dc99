/**
 * Workbook import (.xlsx, and legacy .xls/.et where the library reads them): every sheet is
 * recognised like a CSV file, by its header row (the first row, or the row below a title), and
 * its cells go as CSV text (sheetCells.ts) through the CSV importer, so the column rules and
 * messages are the CSV ones. Issues name file, sheet, Excel's row and the column's letter.
 * The library (SheetJS, @e965/xlsx) is passed in: this file is loaded only where a workbook is
 * read (the workbook import worker, the headless scorer), never with the page.
 */
import type { Kind } from '../engine/dataset';
import { createCsvImporter, fileError, type ImportResult } from './csvImport';
import { isPlainZip } from './decode';
import { detectKind } from './detect';
import type { Issue } from './issues';
import { applyMapping, findMapping, type ColumnMapping } from './mapping';
import { metricColumnRule, SCHEMAS } from './schema';
import { cellText, columnLetter, type CellTarget, type IsDateFormat, type SheetCell } from './sheetCells';
import { isWorkbookBytes } from './workbookFiles';
import { workbookIssue, type WorkbookIssueCode } from './workbookIssues';
import { MAX_UNPACKED_BYTES, zipInflatesAsDeclared, zipUnpackedSize } from './zipSize';

/** What is used of the library: `import * as XLSX from '@e965/xlsx'` fits. */
export interface WorkbookLib {
  read(data: Uint8Array, opts: Record<string, unknown>): {
    SheetNames: string[];
    Sheets: Record<string, { '!data'?: (SheetCell | null | undefined)[][]; '!merges'?: Range[]; '!ref'?: string; '!fullref'?: string }>;
    Workbook?: { WBProps?: { date1904?: boolean } };
  };
  SSF: { is_date(fmt: string): boolean };
}
interface Range { s: { r: number; c: number }; e: { r: number; c: number } }

/** Rows of one sheet read at most (a bigger sheet is refused: CSV takes a million rows in far less memory). */
export const MAX_SHEET_ROWS = 500_000;
/** Columns of a sheet read at most. */
export const MAX_SHEET_COLUMNS = 1000;
/** Rows looked at for the header (a title and notes may sit above it). */
const HEADER_SEARCH_ROWS = 20;
/** Rows handed to the importer at a time. */
const CHUNK_ROWS = 4096;


const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** One workbook-level error as an import result (nothing read, nothing stored). */
function workbookError(fileName: string, code: WorkbookIssueCode, params: Record<string, string> = {}, sheet: string | null = null): ImportResult {
  return {
    fileName, encoding: 'utf-8', delimiter: '', kind: null, table: null, rowCount: 0, unknownColumns: [], headerLanguage: 'en',
    issues: [workbookIssue('error', code, fileName, sheet, null, null, null, params)], lines: new Int32Array(0),
  };
}

/** The library's exception as a message HR can act on. */
function readFailure(fileName: string, e: unknown): ImportResult {
  const detail = String((e as Error)?.message ?? e).slice(0, 120);
  if (/password|encrypt/i.test(detail)) return workbookError(fileName, 'xlsx_encrypted');
  if (/unsupported|not supported|numbers|cannot find|unrecognized/i.test(detail)) return workbookError(fileName, 'xlsx_unsupported', { detail });
  return workbookError(fileName, 'xlsx_corrupt', { detail });
}

type Row = (SheetCell | null | undefined)[] | undefined;

const headerCell = (c: SheetCell | null | undefined): string =>
  c == null || c.v === undefined || c.v === null ? '' : c.w ?? String(c.v);
const isBlankRow = (row: Row) => !row || row.every((c) => c == null || c.v === undefined || c.v === null || c.v === '');

/** A sheet's outcome: nothing in it, no header found in it, or imported (with or without errors). */
type SheetOutcome = { state: 'empty' } | { state: 'unrecognised'; result: ImportResult } | { state: 'read'; result: ImportResult };

/**
 * Imports one sheet. `fileName` names the issues; each also carries `sheet`, and a column is
 * written `C 金额` (Excel's letter, then the header as written).
 */
function importSheet(fileName: string, name: string, ws: ReturnType<WorkbookLib['read']>['Sheets'][string], isDate: IsDateFormat, date1904: boolean, mappings: readonly ColumnMapping[]): SheetOutcome {
  const data = ws['!data'] ?? [];
  const extra: Issue[] = [];
  let headerRow = -1;
  let firstRow = -1;
  let mapping: ColumnMapping | undefined;
  for (let r = 0, looked = 0; r < data.length && looked < HEADER_SEARCH_ROWS; r++) {
    if (isBlankRow(data[r])) continue;
    looked++;
    if (firstRow < 0) firstRow = r;
    const cells = (data[r] ?? []).slice(0, MAX_SHEET_COLUMNS).map(headerCell);
    mapping = mappings.length ? findMapping(mappings, cells) : undefined;
    if (mapping || detectKind(cells).kind !== null) { headerRow = r; break; }
  }
  if (firstRow < 0) return { state: 'empty' };
  const start = headerRow < 0 ? firstRow : headerRow;
  const header = (data[start] ?? []).map(headerCell);
  let width = header.length;
  while (width > 0 && header[width - 1].trim() === '') width--;
  if (width > MAX_SHEET_COLUMNS) {
    return { state: 'read', result: workbookError(fileName, 'xlsx_too_many_columns', { count: String(width), limit: String(MAX_SHEET_COLUMNS) }, name) };
  }
  const fullRef = ws['!fullref'] ?? ws['!ref'];
  const lastRow = fullRef ? Number(/\d+$/.exec(fullRef)?.[0] ?? 0) : data.length;
  if (lastRow > MAX_SHEET_ROWS && data.length >= MAX_SHEET_ROWS) {
    return { state: 'read', result: workbookError(fileName, 'xlsx_too_many_rows', { limit: MAX_SHEET_ROWS.toLocaleString('en-US') }, name) };
  }
  const merged = (ws['!merges'] ?? []).find((m) => m.s.r <= start && m.e.r >= start && (m.e.c > m.s.c || m.s.r < start) && m.s.c < width);
  if (headerRow >= 0 && merged) {
    const cell = `${columnLetter(merged.s.c)}${merged.s.r + 1}:${columnLetter(merged.e.c)}${merged.e.r + 1}`;
    return { state: 'read', result: workbookError(fileName, 'xlsx_merged_header', { cell }, name) };
  }

  // A saved mapping names the columns by the app's keys and maps listed values (mapping.ts).
  const mapped = mapping ? applyMapping(mapping, header.slice(0, width)) : null;
  const readHeader = mapped ? mapped.header : header.slice(0, width);
  const det = detectKind(readHeader);
  const kind = det.kind as Kind | null;
  const targets: CellTarget[] = det.columns.map((key) => {
    if (kind === null || key === null) return { type: null, percent: false };
    const rule = SCHEMAS[kind].columns.find((c) => c.key === key) ?? metricColumnRule(key);
    return { type: rule.type, percent: rule.percent === true };
  });
  const importer = createCsvImporter(fileName, Math.max(0, data.length - start));
  const emptied = new Set<string>();
  const letterOf = (pos: number) => `${columnLetter(pos)} ${header[pos].trim()}`;
  let chunk: string[][] = [];
  for (let r = 0; r < start; r++) chunk.push([]);
  chunk.push(readHeader);
  for (let r = start + 1; r < data.length; r++) {
    const row = data[r];
    const out: string[] = [];
    if (row) {
      const n = Math.min(row.length, MAX_SHEET_COLUMNS);
      for (let j = 0; j < n; j++) {
        const target = j < targets.length ? targets[j] : { type: null, percent: false };
        const t = cellText(row[j], target, isDate, date1904);
        if (typeof t === 'string') { out.push(mapped && j < width ? mapped.cell(j, t) : t); continue; }
        out.push('');
        // A problem matters only in a column the import reads.
        if (target.type === null) continue;
        extra.push(workbookIssue('error', t.code, fileName, name, r + 1, letterOf(j), t.value, { cell: `${columnLetter(j)}${r + 1}` }));
        emptied.add(`${r + 1}:${readHeader[j].trim()}`);
      }
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
    }
    chunk.push(out);
    if (chunk.length >= CHUNK_ROWS) { importer.pushRows(chunk); chunk = []; }
  }
  importer.pushRows(chunk);
  const result = importer.finish();
  const pos = new Map<string, number>();
  readHeader.forEach((h, i) => { if (!pos.has(h.trim())) pos.set(h.trim(), i); });
  // An error cell was read as empty: 'required' would say the same cell again, less exactly.
  const issues = result.issues.filter((i) => !(i.code === 'required' && emptied.has(`${i.row}:${i.column}`)));
  for (const i of issues) {
    i.sheet = name;
    const p = i.column === null ? undefined : pos.get(i.column);
    if (p !== undefined) i.column = letterOf(p);
  }
  if (mapping && kind !== null) {
    const count = readHeader.filter(Boolean).length;
    issues.unshift(workbookIssue('notice', 'mapping_applied', fileName, name, headerRow + 1, null, null, { detail: SCHEMAS[kind].zh, count }));
    issues[0].message_en = issues[0].message_en.replace(SCHEMAS[kind].zh, SCHEMAS[kind].en);
  }
  if (headerRow > 0 && kind !== null) issues.unshift(workbookIssue('notice', 'xlsx_header_below_title', fileName, name, headerRow + 1, null, null, { row: headerRow + 1 }));
  const cellErrors = extra.slice(0, 200);
  const all = [...cellErrors, ...issues];
  const out: ImportResult = { ...result, issues: all, delimiter: '', sheet: name, table: cellErrors.length ? null : result.table };
  if (mapping && kind !== null) out.mappedBy = mapping.signature;
  return kind === null ? { state: 'unrecognised', result: out } : { state: 'read', result: out };
}

/**
 * Reads a workbook's bytes into one import result per data sheet (each becomes a batch).
 * Empty and unrecognised sheets (说明, a pivot) are listed in a notice on the first result;
 * a workbook with no data sheet gives one result with the reason.
 * `readWorkbook(bytes, '项目.xlsx', XLSX).map((r) => [r.sheet, r.kind])`.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string, lib: WorkbookLib, opts: { mappings?: readonly ColumnMapping[] } = {}): ImportResult[] {
  if (bytes.length === 0) return [workbookError(fileName, 'xlsx_empty_file')];
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip) {
    if (isPlainZip(bytes)) return [fileError(fileName, 'file_zip')];
    const unpacked = zipUnpackedSize(bytes);
    if (unpacked === null) return [workbookError(fileName, 'xlsx_corrupt', { detail: 'zip directory missing' })];
    if (unpacked > MAX_UNPACKED_BYTES) return [workbookError(fileName, 'xlsx_too_big', { limit: mb(MAX_UNPACKED_BYTES) })];
    // The sizes above are the file's own word: an entry inflating to more is refused unread.
    const inflates = zipInflatesAsDeclared(bytes);
    if (inflates === 'larger') return [workbookError(fileName, 'xlsx_size_mismatch')];
    if (inflates === 'corrupt') return [workbookError(fileName, 'xlsx_corrupt', { detail: 'zip entry damaged' })];
  } else if (!isWorkbookBytes(bytes)) {
    return [workbookError(fileName, 'xlsx_unsupported', { detail: fileName.replace(/^.*\./, '.') })];
  }
  let wb: ReturnType<WorkbookLib['read']>;
  try {
    // Dense sheets (rows of cells) and number formats (cellNF) for dates and percents; no
    // styles or HTML. sheetRows stops a huge sheet early (its true size stays in !fullref).
    wb = lib.read(bytes, { type: 'array', dense: true, cellNF: true, cellHTML: false, cellStyles: false, sheetRows: MAX_SHEET_ROWS + 1 });
  } catch (e) {
    return [readFailure(fileName, e)];
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const isDate: IsDateFormat = (f) => lib.SSF.is_date(f);
  const read: ImportResult[] = [];
  const unrecognised: ImportResult[] = [];
  const skipped: string[] = [];
  for (const name of wb.SheetNames) {
    const o = importSheet(fileName, name, wb.Sheets[name], isDate, date1904, opts.mappings ?? []);
    if (o.state === 'read') read.push(o.result);
    else {
      skipped.push(name);
      if (o.state === 'unrecognised') unrecognised.push(o.result);
    }
  }
  const list = skipped.map((s) => `“${s}”`).join('、');
  // Sheets of two or more columns with rows but no recognised header: the Data page offers to map each (字段映射).
  const mappable = unrecognised.filter((r) => r.sample && r.rowCount > 0 && r.sample.header.filter(Boolean).length > 1)
    .map((r) => ({ sheet: r.sheet!, sample: r.sample! }));
  if (read.length === 0) {
    const first = unrecognised[0] ?? workbookError(fileName, 'xlsx_no_sheet', { list: list || '—' });
    if (unrecognised[0]) first.issues.unshift(workbookIssue('error', 'xlsx_no_sheet', fileName, null, null, null, null, { list }));
    // The workbook as a whole is refused: its card names the file (the issues keep their sheet).
    delete first.sheet;
    delete first.sample;
    if (mappable.length) first.sheetSamples = mappable;
    return [first];
  }
  if (mappable.length) read[0].sheetSamples = mappable;
  if (skipped.length) read[0].issues.push(workbookIssue('notice', 'xlsx_sheets_skipped', fileName, null, null, null, null, { list }));
  return read;
}
