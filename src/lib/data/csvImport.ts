/**
 * CSV import: header → kind, every cell normalised once into growable typed columns, every
 * rule of spec §2 checked, issues in both languages. Built for a Web Worker feeding papaparse
 * chunks of a million-row file: no object per row, numbers go straight into Float64Arrays.
 */
import Papa from 'papaparse';
import { KNOWN_ACTIVITY_TYPES } from '../engine/codes';
import type { Dataset, Kind } from '../engine/dataset';
import { decodeBytes, hasUtf16Bom, sniffBinary, type Encoding } from './decode';
import { detectDelimiter, detectKind, requiredColumnsText } from './detect';
import { IssueLog, makeIssue, shorten, type Issue } from './issues';
import {
  INVALID, IMPOSSIBLE_DATE, normaliseActivityType, parseBoolean, parseDate, parseDateTime, parseEnum, parseNumber, parsePeriod,
} from './normalise';
import { enumLookup, enumText, METRIC_LABELS_ZH, metricColumnRule, SCHEMAS, type ColumnRule } from './schema';
import { numberProblem, rangeText, validateTable } from './validate';

export interface ImportResult {
  fileName: string;
  encoding: Encoding;
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
}

/** A Float64Array that grows by doubling, so appending a million cells costs no per-row objects. */
class NumBuilder {
  a = new Float64Array(1024);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  done(): Float64Array { return this.n === this.a.length ? this.a : this.a.slice(0, this.n); }
}

const T_TEXT = 0, T_NUM = 1, T_BOOL = 2, T_ENUM = 3, T_DATE = 4, T_DATETIME = 5, T_ACTIVITY = 6, T_PERIOD = 7;
const TYPE_CODE = { text: T_TEXT, number: T_NUM, integer: T_NUM, boolean: T_BOOL, enum: T_ENUM, date: T_DATE, datetime: T_DATETIME, activity_type: T_ACTIVITY, period: T_PERIOD } as const;
const FORMAT_CODE = ['', 'not_number', 'not_boolean', 'not_enum', 'not_date', 'not_datetime', '', 'not_period'];
const KNOWN_TYPES: ReadonlySet<string> = new Set(KNOWN_ACTIVITY_TYPES);

interface Col {
  rule: ColumnRule;
  pos: number;
  written: string;
  t: number;
  required: boolean;
  checksNumber: boolean;
  num: NumBuilder | null;
  str: string[] | null;
  lookup: Map<string, number> | null;
}

/** Extra parameters of a cell's format message (allowed values, `%` hint). */
function formatParams(c: Col): { zh?: string; en?: string } {
  if (c.t === T_ENUM) return { zh: enumText(c.rule, 'zh'), en: enumText(c.rule, 'en') };
  if (c.t === T_NUM && c.rule.percent) return { zh: ' 或 85%', en: ' or 85%' };
  return {};
}

/**
 * A streaming importer: push papaparse rows (`header: false`) in chunks, the first row of the
 * first call being the header, then `finish()`.
 * `const imp = createCsvImporter('staff.csv'); imp.pushRows(rows); imp.finish().table`.
 */
export function createCsvImporter(fileName: string) {
  const log = new IssueLog(fileName);
  let header: string[] | null = null;
  let kind: Kind | null = null;
  let cols: Col[] = [];
  let unknown: string[] = [];
  let language: ImportResult['headerLanguage'] = 'en';
  let line = 0;
  let headerLine = 1;
  let rowCount = 0;
  const lines = { a: new Int32Array(1024), n: 0 };
  const customTypes = new Map<string, { row: number; count: number }>();

  function readHeader(row: string[]): void {
    header = row;
    headerLine = line;
    const d = detectKind(row);
    kind = d.kind;
    unknown = d.unknown;
    language = d.language;
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
      const t = TYPE_CODE[rule.type];
      const isNum = t !== T_TEXT && t !== T_ACTIVITY && t !== T_PERIOD;
      return [{
        rule, pos, written: names[pos], t, required: !!rule.required,
        checksNumber: t === T_NUM && (rule.type === 'integer' || rule.min !== undefined || rule.max !== undefined),
        num: isNum ? new NumBuilder() : null, str: isNum ? null : [],
        lookup: t === T_ENUM ? enumLookup(rule) : null,
      }];
    });
  }

  function pushLine(n: number): void {
    if (lines.n === lines.a.length) {
      const b = new Int32Array(lines.a.length * 2);
      b.set(lines.a);
      lines.a = b;
    }
    lines.a[lines.n++] = n;
  }

  function cellError(c: Col, code: string, raw: string, params?: { zh?: string; en?: string }): void {
    log.add('error', code, line, c.written, raw, params);
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
    for (let ci = 0; ci < cols.length; ci++) {
      const c = cols[ci];
      const raw = c.pos < row.length ? row[c.pos] : '';
      if (c.str !== null) {
        let s: string;
        if (c.t === T_TEXT) {
          // Most cells have nothing to trim; checking the two ends is cheaper than calling trim().
          const a = raw.charCodeAt(0), z = raw.charCodeAt(raw.length - 1);
          s = a > 32 && a < 127 && z > 32 && z < 127 ? raw : raw.trim();
        }
        else if (c.t === T_ACTIVITY) {
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
        c.str.push(s);
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
      if (x !== x) {
        if (c.required) cellError(c, 'required', '');
      } else if (x === INVALID) {
        cellError(c, FORMAT_CODE[c.t], raw, formatParams(c));
        x = NaN;
      } else if (x === IMPOSSIBLE_DATE) {
        cellError(c, 'impossible_date', raw);
        x = NaN;
      } else if (c.checksNumber) {
        const problem = numberProblem(c.rule, x);
        if (problem !== null) {
          cellError(c, problem, raw, problem === 'out_of_range' ? rangeText(c.rule) : undefined);
          x = NaN;
        }
      }
      c.num!.push(x);
    }
  }

  function pushRows(rows: string[][]): void {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      line++;
      // Blank lines (a trailing newline, an empty line between blocks) are not records.
      let blank = true;
      for (let j = 0; j < row.length; j++) if (row[j] !== '') { blank = false; break; }
      if (blank) continue;
      if (header === null) {
        // Excel's `sep=;` hint line: split by its own delimiter it reads as ['sep=', ''].
        if (row.length <= 2 && /^\uFEFF?sep=.?$/i.test(row[0]) && (row.length === 1 || row[1] === '')) continue;
        readHeader(row);
        continue;
      }
      if (kind === null) rowCount++;
      else pushRow(row);
    }
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
      table[rule.key] = c ? (c.str ?? c.num!.done()) : isText ? new Array<string>(n).fill('') : new Float64Array(n).fill(NaN);
    }
    if (schema.metricColumns) {
      const values: Record<string, Float64Array> = {};
      for (const c of cols) if (!schema.columns.includes(c.rule)) values[c.rule.key] = c.num!.done();
      table.values = values;
    }
    validateTable({ kind: k, length: n, cols: table as never, lines: lineArr, written }, log);
    return table as unknown as Dataset[Kind];
  }

  function finish(): ImportResult {
    const lineArr = lines.a.slice(0, lines.n);
    let table: Dataset[Kind] | null = null;
    if (header === null) log.add('error', 'file_empty', null, null, null);
    else if (rowCount === 0) log.add('error', 'no_rows', null, null, null);
    if (kind !== null && header !== null) {
      table = buildTable(kind, lineArr);
      const typeCol = cols.find((c) => c.t === T_ACTIVITY);
      for (const [type, seen] of customTypes)
        log.add('notice', 'custom_activity_type', seen.row, typeCol?.written ?? 'type', type, { count: seen.count });
    }
    const issues = log.finish();
    return {
      fileName, encoding: 'utf-8', delimiter: ',', kind, table: log.errorCount > 0 ? null : table, rowCount, issues,
      unknownColumns: unknown, headerLanguage: language, lines: lineArr,
    };
  }

  /** A parser-level problem (unbalanced quotes) at spreadsheet line `row`. */
  function parseError(row: number): void {
    log.add('error', 'csv_quotes', row, null, null);
  }

  return { pushRows, finish, parseError, get kind() { return kind; } };
}

function fileError(fileName: string, code: string, encoding: Encoding = 'utf-8'): ImportResult {
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
  let rowsBefore = 0;
  // Named once here, because papaparse would otherwise guess the line ending again for every chunk.
  const lf = body.indexOf('\n');
  const newline = lf > 0 && body.charCodeAt(lf - 1) === 13 ? '\r\n' : lf < 0 && body.includes('\r') ? '\r' : '\n';
  const config = {
    header: false, delimiter, newline, chunkSize: CHUNK_CHARS,
    chunk(res: Papa.ParseResult<string[]>) {
      for (const e of res.errors) if (e.type === 'Quotes' && typeof e.row === 'number') importer.parseError(rowsBefore + e.row + 1);
      importer.pushRows(res.data);
      rowsBefore += res.data.length;
    },
  };
  // @types/papaparse allows `chunk` only for files and URLs, but papaparse streams strings too:
  // chunks keep row arrays short-lived, which measured faster than one parse of the whole text.
  (Papa.parse as unknown as (input: string, config: object) => void)(body, config);
  return { ...importer.finish(), delimiter };
}

/**
 * Imports file bytes: refuses workbooks and binary files, decodes (UTF-8 or GB18030, auto
 * unless `encoding` is given), then `importCsvText`.
 * `importCsvBytes(bytes, '人员.csv').encoding === 'gb18030'` for a file saved by Chinese Excel.
 */
export function importCsvBytes(bytes: Uint8Array, fileName: string, encoding?: Encoding): ImportResult {
  const binary = sniffBinary(bytes);
  if (hasUtf16Bom(bytes)) return fileError(fileName, 'file_utf16');
  if (binary === 'xlsx') return fileError(fileName, 'file_xlsx');
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

/**
 * Cross-file check: staff IDs used in other files but absent from the staff file — a warning,
 * one per ID and file with its first line and row count.
 * `crossFileChecks(new Set(['PS1']), [projectsResult])` warns about every other ID.
 */
export function crossFileChecks(staffIds: ReadonlySet<string>, results: ImportResult[]): Issue[] {
  const out: Issue[] = [];
  for (const r of results) {
    if (r.table === null || r.kind === 'staff' || !('staff_id' in r.table)) continue;
    const ids = (r.table as { staff_id: string[] }).staff_id;
    const missing = new Map<string, { row: number; count: number }>();
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === '' || staffIds.has(ids[i])) continue;
      const m = missing.get(ids[i]);
      if (m) m.count++;
      else missing.set(ids[i], { row: r.lines[i] ?? null, count: 1 });
    }
    const log = new IssueLog(r.fileName);
    const column = r.headerLanguage === 'zh' ? SCHEMAS.staff.columns[0].zh : 'staff_id';
    for (const [id, m] of missing) log.add('warning', 'unknown_staff', m.row, column, id, { count: m.count });
    out.push(...log.finish());
  }
  return out;
}
