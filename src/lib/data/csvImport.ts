/**
 * CSV import: header → kind, every cell normalised once into growable typed columns, every
 * rule of spec §2 checked, issues in both languages. Built for a Web Worker feeding papaparse
 * chunks of a million-row file: no object per row, numbers go straight into Float64Arrays.
 */
import Papa from 'papaparse';
import { KNOWN_ACTIVITY_TYPES } from '../engine/codes';
import type { Dataset, Kind } from '../engine/dataset';
import { cleanKey, needsCleaning, showInvisible } from '../engine/keyText';
import { ByteRecords } from './byteCsv';
import { FORMAT_CODE, formatParams, makeCol, T_ACTIVITY, T_BOOL, T_DATE, T_ENUM, T_NUM, T_TEXT, type Col } from './importColumns';
import { windowParams } from './plausible';
import { sampleCollector } from './fileSample';
import type { FileSample } from './mappingProposal';
import { MAX_CELL_CHARS, MAX_RECORD_BYTES, MAX_RECORD_CELLS } from './parseLimits';
import { decodeBytes, decodeUtf16, hasUtf16Bom, sniffBinary, type Encoding, type ReadEncoding } from './decode';
import { detectDelimiter, detectKind, requiredColumnsText } from './detect';
import { IssueLog, makeIssue, shorten, type CsvIssueCode, type Issue, type MsgParams } from './issues';
import { guessNewline, mixedLineBreaks, mixedLineBreaksIssue, NEWLINE_SAMPLE_CHARS } from './lineBreaks';
import {
  booleanFromBytes, dateFromBytes, dateTimeFromBytes, INVALID, IMPOSSIBLE_DATE, normaliseActivityType, numberFromBytes,
  parseBoolean, parseDate, parseDateTime, parseEnum, parseNumber, parsePeriod, trimmable, yearOutsideRange,
} from './normalise';
import { METRIC_LABELS_ZH, metricColumnRule, SCHEMAS } from './schema';
import { numberProblem, rangeText, validateTable } from './validate';

export interface ImportResult {
  fileName: string;
  /** the worksheet this result was read from (workbook.ts); absent for CSV files */
  sheet?: string;
  encoding: ReadEncoding;
  delimiter: string;
  kind: Kind | null;
  /** null when any error */
  table: Dataset[Kind] | null;
  rowCount: number;
  issues: Issue[];
  unknownColumns: string[];
  headerLanguage: 'en' | 'zh' | 'mixed';
  /** spreadsheet line of each table row (header = line 1), for issues raised later (crossFileChecks) */
  lines: Int32Array;
  /** header, first rows and distinct values of a file read only in part: the column mapping starts from it */
  sample?: FileSample;
  /** the header signature of the saved column mapping the file was read through (mapping.ts) */
  mappedBy?: string;
  /** a workbook's sheets with data but no recognised header (on its first result): each can be mapped */
  sheetSamples?: { sheet: string; sample: FileSample }[];
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_ACTIVITY_TYPES);

export type CsvImporter = ReturnType<typeof createCsvImporter>;

/**
 * A streaming importer: push papaparse rows (`header: false`) in chunks, the first row of the
 * first call being the header, then `finish()`.
 * `const imp = createCsvImporter('staff.csv'); imp.pushRows(rows); imp.finish().table`.
 */
export function createCsvImporter(fileName: string, expectedRows = 0) {
  const log = new IssueLog(fileName);
  let header: string[] | null = null;
  let kind: Kind | null = null;
  let cols: Col[] = [];
  let unknown: string[] = [];
  /** header positions no column reads (unknown, duplicate): their cells are still decoded once, see ByteRecords.check */
  let unread: number[] = [];
  let language: ImportResult['headerLanguage'] = 'en';
  let line = 0;
  let headerLine = 1;
  let rowCount = 0;
  const lines = { a: new Int32Array(Math.max(1024, expectedRows)), n: 0 };
  const customTypes = new Map<string, { row: number; count: number }>();
  let overLimit = false;
  let sample: ReturnType<typeof sampleCollector> | null = null;

  function readHeader(row: string[]): void {
    header = row;
    headerLine = line;
    const d = detectKind(row);
    kind = d.kind;
    unknown = d.unknown;
    language = d.language;
    if (kind === null || d.missing.length || unknown.length) sample = sampleCollector(row, kind === null || d.missing.length > 0);
    const names = row.map((h) => h.replace(/^\uFEFF/, '').trim());
    if (kind === null) {
      const found = names.filter(Boolean).map(shorten);
      const list = (found.length > 40 ? [...found.slice(0, 40), '…'] : found).join(', ') || '—';
      log.add('error', 'unknown_kind', headerLine, null, list, { list, zh: requiredColumnsText('zh'), en: requiredColumnsText('en') });
      return;
    }
    const schema = SCHEMAS[kind];
    const alias = (key: string) => (language === 'zh' ? schema.columns.find((c) => c.key === key)?.zh ?? key : key);
    for (const key of d.missing) log.add('error', 'missing_column', headerLine, alias(key), null, { kindZh: schema.zh, kindEn: schema.en });
    for (const dup of d.duplicates) {
      const at = names.map((n, i) => (n === dup ? i + 1 : 0)).filter(Boolean);
      log.add('error', 'duplicate_column', headerLine, dup, null, { zh: `第 ${at.join('、')} 列`, en: `${at.length > 1 ? 'columns' : 'column'} ${at.join(', ')}` });
    }
    for (const u of unknown) log.add('notice', 'unknown_column', headerLine, u, null, { kindZh: schema.zh, kindEn: schema.en });
    cols = d.columns.flatMap((key, pos) => {
      if (key === null) return [];
      const rule = schema.columns.find((c) => c.key === key) ?? metricColumnRule(key);
      if (schema.metricColumns && !schema.columns.includes(rule) && !(key in METRIC_LABELS_ZH))
        log.add('notice', 'custom_metric_column', headerLine, names[pos], null);
      return [makeCol(rule, pos, names[pos], expectedRows)];
    });
    const read = new Set(cols.map((c) => c.pos));
    unread = row.map((_, pos) => pos).filter((pos) => !read.has(pos));
  }

  function pushLine(n: number): void {
    if (lines.n === lines.a.length) {
      const b = new Int32Array(lines.a.length * 2);
      b.set(lines.a);
      lines.a = b;
    }
    lines.a[lines.n++] = n;
  }

  // Cells already reported as wrong (line + column key): the row rules say nothing more about them.
  const badCells = new Set<string>();
  function cellError(c: Col, code: CsvIssueCode, raw: string, params?: MsgParams): void {
    log.add('error', code, line, c.written, raw, params);
    badCells.add(`${line}:${c.rule.key}`);
  }

  /** The row being pushed, for the raw text of a cell an issue quotes. */
  let curRow: string[] = [];
  let curRecord: ByteRecords | null = null;
  const rawAt = (pos: number): string => (curRecord !== null ? curRecord.cell(pos) : pos < curRow.length ? curRow[pos] : '');

  /** A text, activity-type or period cell: normalised, checked, appended. */
  function putText(c: Col, raw: string): void {
    let s: string;
    if (c.t === T_TEXT) {
      // Most cells have nothing to trim; checking the two ends is cheaper than calling trim().
      s = raw === '' || (!trimmable(raw.charCodeAt(0)) && !trimmable(raw.charCodeAt(raw.length - 1))) ? raw : raw.trim();
      if (needsCleaning(s)) {
        c.cleaned!.note(line, raw);
        s = cleanKey(s);
      }
    } else if (c.t === T_ACTIVITY) {
      s = normaliseActivityType(raw);
      if (s !== '' && !KNOWN_TYPES.has(s)) {
        const seen = customTypes.get(s);
        if (seen) seen.count++;
        else customTypes.set(s, { row: line, count: 1 });
      }
    } else {
      const p = raw.trim() === '' ? '' : parsePeriod(raw);
      if (p === null) cellError(c, 'not_period', raw);
      s = p ?? '';
    }
    if (s === '' && c.required) cellError(c, 'required', '');
    else if (s.length > MAX_CELL_CHARS) cellError(c, 'cell_too_long', s.slice(0, 20), { count: s.length });
    c.str!.push(s);
  }

  /** A parsed number, boolean, enum or date cell: checked (issues quote the raw cell), appended. */
  function putNumber(c: Col, x: number): void {
    if (x !== x) {
      if (c.required) cellError(c, 'required', '');
    } else if (x === INVALID) {
      cellError(c, FORMAT_CODE[c.t] ?? 'not_number', rawAt(c.pos), formatParams(c));
      x = NaN;
    } else if (x === IMPOSSIBLE_DATE) {
      // OUT_OF_BOUNDS for a number; for a date, outside 1900–2200 or a day that does not exist.
      const raw = rawAt(c.pos);
      cellError(c, c.t === T_NUM ? 'number_out_of_bounds' : yearOutsideRange(raw) !== null ? 'date_out_of_range' : 'impossible_date', raw);
      x = NaN;
    } else {
      if (c.checksNumber) {
        const problem = numberProblem(c.rule, x);
        if (problem !== null) {
          cellError(c, problem, rawAt(c.pos), problem === 'out_of_range' ? rangeText(c.rule) : undefined);
          x = NaN;
        }
      }
      if (x > c.hi || x < c.lo) c.odd!.note(line, rawAt(c.pos));
    }
    c.num!.push(x);
  }

  function pushRow(row: string[]): void {
    rowCount++;
    pushLine(line);
    if (row.length > header!.length) {
      for (let j = header!.length; j < row.length; j++) {
        if (row[j].trim() !== '') {
          log.add('warning', 'extra_cells', line, null, row.slice(header!.length).join(','));
          break;
        }
      }
    }
    curRow = row;
    for (let ci = 0; ci < cols.length; ci++) {
      const c = cols[ci];
      const raw = c.pos < row.length ? row[c.pos] : '';
      if (c.str !== null) {
        putText(c, raw);
        continue;
      }
      let x: number;
      switch (c.t) {
        case T_NUM: x = parseNumber(raw, c.rule.percent === true); break;
        case T_BOOL: x = parseBoolean(raw); break;
        case T_ENUM: x = parseEnum(raw, c.lookup!); break;
        case T_DATE: x = parseDate(raw); break;
        default: x = parseDateTime(raw);
      }
      putNumber(c, x);
    }
  }

  /** `pushRow` for a record read from bytes: typed cells straight from the bytes, text through each column's interner. */
  function pushByteRow(r: ByteRecords): void {
    rowCount++;
    pushLine(line);
    const width = header!.length;
    if (r.n > width) {
      for (let j = width; j < r.n; j++) {
        if (r.cell(j).trim() !== '') {
          const extra: string[] = [];
          for (let k = width; k < r.n; k++) extra.push(r.cell(k));
          log.add('warning', 'extra_cells', line, null, extra.join(','));
          break;
        }
      }
    }
    curRecord = r;
    const b = r.buf;
    for (let ci = 0; ci < cols.length; ci++) {
      const c = cols[ci], k = c.pos;
      if (c.str !== null) {
        putText(c, r.textAt(k, c.interner));
        continue;
      }
      if (c.t === T_ENUM) {
        putNumber(c, parseEnum(r.textAt(k, c.interner), c.lookup!));
        continue;
      }
      if (r.empty(k)) {
        putNumber(c, NaN);
        continue;
      }
      const s = r.start[k], e = r.end[k];
      let x: number;
      switch (c.t) {
        case T_NUM:
          x = numberFromBytes(b, s, e);
          if (x === INVALID) x = parseNumber(r.cell(k), c.rule.percent === true);
          break;
        case T_BOOL:
          x = booleanFromBytes(b, s, e);
          if (x === INVALID) x = parseBoolean(r.cell(k));
          break;
        case T_DATE:
          x = dateFromBytes(b, s, e);
          if (x === INVALID) x = parseDate(r.cell(k));
          break;
        default:
          x = dateTimeFromBytes(b, s, e);
          if (x === INVALID) x = parseDateTime(r.cell(k));
      }
      putNumber(c, x);
    }
    for (let j = 0; j < unread.length; j++) r.check(unread[j]);
    curRecord = null;
  }

  function isBlank(row: string[]): boolean {
    for (let j = 0; j < row.length; j++) if (row[j] !== '') return false;
    return true;
  }

  /** A non-blank row: the header, a row of an unknown kind (counted), or a data row. */
  function takeRow(row: string[]): void {
    if (row.length > MAX_RECORD_CELLS) return tooLarge('too_many_columns', line);
    if (header === null) {
      // Excel's `sep=;` hint line: split by its own delimiter it reads as ['sep=', ''].
      if (row.length <= 2 && /^\uFEFF?sep=.?$/i.test(row[0]) && (row.length === 1 || row[1] === '')) return;
      readHeader(row);
      return;
    }
    if (sample?.wants()) sample.add(row);
    if (kind === null) rowCount++;
    else pushRow(row);
  }

  function pushRows(rows: string[][]): void {
    for (let r = 0; r < rows.length; r++) {
      line++;
      // Blank lines (a trailing newline, an empty line between blocks) are not records.
      if (!isBlank(rows[r])) takeRow(rows[r]);
    }
  }

  /** The record `r` has just scanned: what `pushRows([r.strings()])` does, without the strings where it can. */
  function pushRecord(r: ByteRecords): void {
    line++;
    if (r.blank()) return;
    if (header === null || kind === null || sample?.wants()) takeRow(r.strings());
    else pushByteRow(r);
  }

  function buildTable(k: Kind, lineArr: Int32Array): Dataset[Kind] {
    const schema = SCHEMAS[k];
    const n = rowCount;
    const table: Record<string, unknown> = { length: n };
    const byKey = new Map(cols.map((c) => [c.rule.key, c]));
    const written = (key: string) => {
      const c = byKey.get(key);
      if (c) return c.written;
      const rule = schema.columns.find((r) => r.key === key);
      return language === 'zh' && rule ? rule.zh : key;
    };
    for (const rule of schema.columns) {
      const c = byKey.get(rule.key);
      const isText = rule.type === 'text' || rule.type === 'activity_type' || rule.type === 'period';
      table[rule.key] = c ? (c.str?.done() ?? c.num!.done()) : isText ? new Array<string>(n).fill('') : new Float64Array(n).fill(NaN);
    }
    if (schema.metricColumns) {
      const values: Record<string, Float64Array> = {};
      for (const c of cols) if (!schema.columns.includes(c.rule)) values[c.rule.key] = c.num!.done();
      table.values = values;
    }
    validateTable({ kind: k, length: n, cols: table as never, lines: lineArr, written, badCell: (l, key) => badCells.has(`${l}:${key}`) }, log);
    return table as unknown as Dataset[Kind];
  }

  function finish(): ImportResult {
    const lineArr = lines.a.subarray(0, lines.n);
    let table: Dataset[Kind] | null = null;
    // A file stopped at a parsing limit is not "empty": that error already says what it is.
    if (!overLimit && header === null) log.add('error', 'file_empty', null, null, null);
    else if (!overLimit && rowCount === 0) log.add('error', 'no_rows', null, null, null);
    if (kind !== null && header !== null) {
      table = buildTable(kind, lineArr);
      const typeCol = cols.find((c) => c.t === T_ACTIVITY);
      for (const c of cols) {
        c.cleaned?.report(log, 'notice', 'invisible_chars', c.written, {}, showInvisible);
        c.odd?.report(log, 'warning', c.t === T_NUM ? 'implausible_number' : 'implausible_date', c.written, windowParams(c.rule, c.hi));
      }
      for (const [type, seen] of customTypes)
        log.add('notice', 'custom_activity_type', seen.row, typeCol?.written ?? 'type', type, { count: seen.count });
    }
    const issues = log.finish();
    return {
      fileName, encoding: 'utf-8', delimiter: ',', kind, table: log.errorCount > 0 ? null : table, rowCount, issues,
      unknownColumns: unknown, headerLanguage: language, lines: lineArr, ...(sample ? { sample: sample.done() } : {}),
    };
  }

  /** A parser-level problem (unbalanced quotes) at spreadsheet line `row`. */
  function parseError(row: number): void {
    log.add('error', 'csv_quotes', row, null, null);
  }

  /** A record past a parsing limit (parseLimits.ts) at spreadsheet line `row`. */
  function tooLarge(code: 'too_many_columns' | 'record_too_long', row: number): void {
    overLimit = true;
    log.add('error', code, row, null, null, { count: code === 'too_many_columns' ? MAX_RECORD_CELLS : MAX_RECORD_BYTES / 1024 / 1024 });
  }

  return { pushRows, pushRecord, finish, parseError, tooLarge, get kind() { return kind; } };
}

/** The result of a file refused as a whole (empty, a workbook, UTF-16): one error, no rows. */
export function fileError(fileName: string, code: CsvIssueCode, encoding: Encoding = 'utf-8'): ImportResult {
  const log = new IssueLog(fileName);
  log.add('error', code, null, null, null);
  return {
    fileName, encoding, delimiter: ',', kind: null, table: null, rowCount: 0, issues: log.finish(),
    unknownColumns: [], headerLanguage: 'en', lines: new Int32Array(0),
  };
}

/** Characters per papaparse chunk: big enough to amortise the callback, small enough that rows die young. */
const CHUNK_CHARS = 1024 * 1024;

/**
 * Imports decoded CSV text (papaparse `header: false`, delimiter detected from the first line).
 * `importCsvText('工号,姓名,职级,方向\nPS1,张三,初级,产品专家', 'a.csv').kind === 'staff'`.
 */
export function importCsvText(text: string, fileName: string): ImportResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fileError(fileName, 'file_empty');
  const delimiter = detectDelimiter(body.slice(0, 65536));
  const importer = createCsvImporter(fileName);
  // Named once here, because papaparse would otherwise guess the line ending again for every chunk.
  const newline = guessNewline(body, delimiter);
  // CR LF and bare LF lines both: every CR LF read as LF (lineBreaks.ts).
  const mixed = newline !== '\r' && mixedLineBreaks(body.slice(0, NEWLINE_SAMPLE_CHARS));
  papaparseInto(importer, mixed ? body.replaceAll('\r\n', '\n') : body, delimiter, mixed ? '\n' : newline, 0);
  const result = { ...importer.finish(), delimiter };
  if (mixed) result.issues.push(mixedLineBreaksIssue(fileName));
  return result;
}

/**
 * Parses `text` with papaparse (`header: false`) into the importer, in chunks; quote errors are
 * numbered after the `rowsBefore` records the importer already has. Returns the records parsed.
 */
export function papaparseInto(importer: CsvImporter, text: string, delimiter: string, newline: string, rowsBefore: number): number {
  let rows = 0;
  const config = {
    header: false, delimiter, newline, chunkSize: CHUNK_CHARS,
    chunk(res: Papa.ParseResult<string[]>) {
      for (const e of res.errors) if (e.type === 'Quotes' && typeof e.row === 'number') importer.parseError(rowsBefore + rows + e.row + 1);
      importer.pushRows(res.data);
      rows += res.data.length;
    },
  };
  // @types/papaparse allows `chunk` only for files and URLs, but papaparse streams strings too:
  // chunks keep row arrays short-lived, which measured faster than one parse of the whole text.
  (Papa.parse as unknown as (input: string, config: object) => void)(text, config);
  return rows;
}

/**
 * Imports file bytes: refuses workbooks and binary files, decodes (UTF-8 or GB18030, auto
 * unless `encoding` is given), then `importCsvText`.
 * `importCsvBytes(bytes, '人员.csv').encoding === 'gb18030'` for a file saved by Chinese Excel.
 */
export function importCsvBytes(bytes: Uint8Array, fileName: string, encoding?: Encoding): ImportResult {
  const binary = sniffBinary(bytes);
  if (hasUtf16Bom(bytes)) {
    // Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated (the delimiter is detected as for any file).
    const utf16 = decodeUtf16(bytes);
    return { ...importCsvText(utf16.text, fileName), encoding: utf16.encoding };
  }
  if (binary === 'xlsx') return fileError(fileName, 'file_xlsx');
  if (binary === 'zip') return fileError(fileName, 'file_zip');
  if (binary === 'binary') return fileError(fileName, 'file_binary');
  const decoded = decodeBytes(bytes, encoding);
  const result = { ...importCsvText(decoded.text, fileName), encoding: decoded.encoding };
  if (decoded.text.includes('\uFFFD')) result.issues.push(undecodableCharsIssue(fileName));
  return result;
}

/**
 * The decoder had to replace bytes it could not read (a Latin-1 file taken for GBK, or a wrong
 * manual encoding): the data may still be right, but text will be garbled — say so.
 */
export function undecodableCharsIssue(fileName: string): Issue {
  return makeIssue('warning', 'undecodable_chars', fileName, null, null, null);
}

export { crossFileChecks } from './crossFileChecks';
