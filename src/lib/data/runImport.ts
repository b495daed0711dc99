/**
 * The import of one drop of files: read each file in ~10 MiB pieces, decode, parse with
 * papaparse, feed `createCsvImporter`, check staff ids across files, then write every good
 * file as a batch in one store transaction. Runs in the import worker (and on the main
 * thread for the built-in demo texts); it never posts rows anywhere.
 */
import Papa from 'papaparse';
import type { Kind } from '../engine/dataset';
import { createCsvImporter, crossFileChecks, importCsvBytes, type ImportResult } from './csvImport';
import { decodeBytes, hasUtf16Bom, sniffBinary, type Encoding } from './decode';
import { detectDelimiter } from './detect';
import type { Issue } from './issues';
import { contentHash, duplicateBatchError, StoreError, toStoreError, type BatchInfo, type NewBatch, type Store, type StoreErrorCode } from './store';

/** Bytes read and decoded at a time: big enough to amortise the calls, small enough for a worker's memory. */
export const PIECE_BYTES = 10 * 1024 * 1024;
/** Issues sent back per file; `issueTotal` says how many there were. */
export const MAX_ISSUES = 1000;

export interface ImportProgress {
  file: string;
  /** data rows parsed so far in this file */
  rows: number;
  /** bytes read so far over the whole drop, and the drop's size */
  bytes: number; totalBytes: number;
  phase: 'read' | 'write';
}

export type ImportResultSummary = Omit<ImportResult, 'table' | 'lines'> & { issueTotal: number };

/** One file's outcome: its batch, or why it was refused (its issues may also explain a missing batch). */
export interface FileOutcome extends ImportResultSummary {
  batch?: BatchInfo;
  refused?: StoreErrorCode;
  refusal?: { message_zh: string; message_en: string };
}

export interface RunImportOptions {
  store: Store;
  encoding?: Encoding;
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  pieceBytes?: number;
}

const cancelled = () => toStoreError(new DOMException('cancelled', 'AbortError'));

/** Where a first piece may be cut without splitting a UTF-8 character (for encoding detection only). */
function utf8SafeEnd(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(4, b.length); k++) {
    const x = b[b.length - k];
    if ((x & 0xc0) === 0x80) continue;
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return need > k ? b.length - k : b.length;
  }
  return b.length;
}

function countQuotes(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('"', from); i !== -1 && i < to; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * Index of the last '\n' that ends a record: one outside quotes, i.e. with an even number of
 * '"' before it (RFC 4180 doubles quotes inside quoted fields, so parity tells). -1 if none.
 */
export function lastRecordEnd(text: string): number {
  let quotes = countQuotes(text, 0, text.length);
  let end = text.length;
  for (;;) {
    const nl = text.lastIndexOf('\n', end - 1);
    if (nl < 0) return -1;
    quotes -= countQuotes(text, nl, end);
    if (quotes % 2 === 0) return nl;
    end = nl;
  }
}

class NotUtf8 extends Error {}
type Newline = '\r\n' | '\n' | '\r';
/** papaparse guesses the line break from the first 1 MB of its input. */
const SAMPLE_CHARS = 1024 * 1024;

/** Streams one file through papaparse into the importer; throws NotUtf8 when an auto-detected UTF-8 file turns out not to be. */
async function parsePieces(file: File, encoding: Encoding, strict: boolean, pieceBytes: number,
  signal: AbortSignal | undefined, progress: (bytesInFile: number, rows: number) => void): Promise<ImportResult> {
  const decoder = new TextDecoder(encoding, { fatal: strict });
  const importer = createCsvImporter(file.name);
  let carry = '';
  let delimiter = ',';
  let newline: Newline | undefined;
  let rowsBefore = 0;
  const parse = (body: string) => {
    const res = Papa.parse<string[]>(body, { header: false, delimiter, newline });
    for (const e of res.errors) if (e.type === 'Quotes' && typeof e.row === 'number') importer.parseError(rowsBefore + e.row + 1);
    importer.pushRows(res.data);
    rowsBefore += res.data.length;
  };
  for (let pos = 0; pos < file.size; pos += pieceBytes) {
    if (signal?.aborted) throw cancelled();
    const bytes = new Uint8Array(await file.slice(pos, pos + pieceBytes).arrayBuffer());
    const last = pos + pieceBytes >= file.size;
    let text: string;
    try { text = carry + decoder.decode(bytes, { stream: !last }); } catch { throw new NotUtf8(); }
    if (pos === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // The delimiter and line break are decided once, on the sample a whole-file parse
    // would look at (papaparse guesses from the first 1 MB), so pieces never change them.
    const decided = newline !== undefined || last || text.length >= SAMPLE_CHARS;
    const nl = !decided ? -1 : last ? text.length : lastRecordEnd(text);
    // Not decided yet, or no complete record (a huge quoted cell): keep reading.
    if (nl < 0) carry = text;
    else {
      if (newline === undefined) {
        delimiter = detectDelimiter(text.slice(0, 65536));
        newline = Papa.parse(text.slice(0, SAMPLE_CHARS), { delimiter, preview: 1 }).meta.linebreak as Newline;
      }
      // Leave the line break out, so the piece does not end in an empty row.
      parse(last ? text : text.slice(0, nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
      carry = last ? '' : text.slice(nl + 1);
    }
    progress(Math.min(file.size, pos + pieceBytes), Math.max(0, rowsBefore - 1));
  }
  return { ...importer.finish(), delimiter, encoding };
}

/**
 * Parses one file: small files in one go (`importCsvBytes`), big ones in pieces with the same result.
 * @example const r = await importFile(file, { pieceBytes: PIECE_BYTES }); r.table?.length
 */
export async function importFile(file: File, opts: { encoding?: Encoding; pieceBytes?: number; signal?: AbortSignal;
  onBytes?(bytesInFile: number, rows: number): void } = {}): Promise<ImportResult> {
  const pieceBytes = opts.pieceBytes ?? PIECE_BYTES;
  const first = new Uint8Array(await file.slice(0, pieceBytes).arrayBuffer());
  if (file.size <= pieceBytes || hasUtf16Bom(first) || sniffBinary(first) !== null) {
    return importCsvBytes(first, file.name, opts.encoding);
  }
  const detected = opts.encoding ?? decodeBytes(first.subarray(0, utf8SafeEnd(first))).encoding;
  const progress = opts.onBytes ?? (() => {});
  try {
    return await parsePieces(file, detected, !opts.encoding && detected === 'utf-8', pieceBytes, opts.signal, progress);
  } catch (e) {
    // Valid UTF-8 in the first piece but not later: the whole file is GB18030, as decodeBytes would say.
    if (e instanceof NotUtf8) return parsePieces(file, 'gb18030', false, pieceBytes, opts.signal, progress);
    throw e;
  }
}

/** Caps a result's issues (errors first) and drops what the page must not receive: rows. */
export function summarise(r: ImportResult, extra: Issue[] = []): ImportResultSummary {
  const { table: _table, lines: _lines, issues, ...rest } = r;
  const all = extra.length ? [...issues, ...extra] : issues;
  const rank = { error: 0, warning: 1, notice: 2 } as const;
  const shown = all.length <= MAX_ISSUES ? all : [...all].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, MAX_ISSUES);
  return { ...rest, issues: shown, issueTotal: all.length };
}

const refusedOutcome = (name: string, batch: BatchInfo, err: StoreError): FileOutcome => ({
  fileName: name, encoding: batch.encoding as Encoding, delimiter: '', kind: batch.kind, rowCount: batch.rowCount,
  issues: [], issueTotal: 0, unknownColumns: [], headerLanguage: 'en',
  refused: err.code, refusal: { message_zh: err.message_zh, message_en: err.message_en },
});

/**
 * Imports a drop of files into the store. Throws StoreError 'cancelled' when `signal` aborts
 * (nothing stored); a quota or write failure refuses every file of the drop (nothing stored).
 * @example const { results } = await runImport(files, { store }); results[0].batch?.rowCount
 */
export async function runImport(files: File[], opts: RunImportOptions): Promise<{ results: FileOutcome[] }> {
  const { store, signal } = opts;
  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  let before = 0;
  const parsed: { result: ImportResult; hash: string }[] = [];
  const outcomes: (FileOutcome | null)[] = [];
  for (const file of files) {
    if (signal?.aborted) throw cancelled();
    const hash = await contentHash(await file.arrayBuffer());
    const earlier = await store.findBatchByHash(hash);
    if (earlier) {
      // Refused before parsing: a million-row file need not be parsed to learn it is a copy.
      outcomes.push(refusedOutcome(file.name, earlier, duplicateBatchError(file.name, earlier)));
      before += file.size;
      continue;
    }
    const result = await importFile(file, {
      encoding: opts.encoding, pieceBytes: opts.pieceBytes, signal,
      onBytes: (b, rows) => opts.onProgress?.({ file: file.name, rows, bytes: before + b, totalBytes, phase: 'read' }),
    });
    before += file.size;
    opts.onProgress?.({ file: file.name, rows: result.rowCount, bytes: before, totalBytes, phase: 'read' });
    parsed.push({ result, hash });
    outcomes.push(null);
  }
  if (signal?.aborted) throw cancelled();

  const cross = await crossIssues(store, parsed.map((p) => p.result));
  const good = parsed.filter((p) => p.result.table !== null && p.result.kind !== null);
  const items: NewBatch[] = good.map((p) => ({
    meta: { fileName: p.result.fileName, contentHash: p.hash, encoding: p.result.encoding },
    table: p.result.table!, kind: p.result.kind as Kind,
  }));
  let written: { batch?: BatchInfo; error?: StoreError }[] = [];
  if (items.length) {
    opts.onProgress?.({ file: '', rows: items.reduce((s, it) => s + it.table.length, 0), bytes: totalBytes, totalBytes, phase: 'write' });
    try {
      written = await store.addBatches(items, { signal });
    } catch (e) {
      const err = toStoreError(e);
      if (err.code === 'cancelled') throw err;
      written = items.map(() => ({ error: err }));
    }
  }
  let k = 0;
  const results = outcomes.map((o) => {
    if (o) return o;
    const p = parsed[k];
    const out: FileOutcome = summarise(p.result, cross[k++]);
    const w = written[good.indexOf(p)];
    if (w?.batch) out.batch = w.batch;
    if (w?.error) { out.refused = w.error.code; out.refusal = { message_zh: w.error.message_zh, message_en: w.error.message_en }; }
    return out;
  });
  return { results };
}

/** Staff ids known after this drop (stored staff plus the drop's staff files), checked against every other file. */
async function crossIssues(store: Store, results: ImportResult[]): Promise<Issue[][]> {
  if (!results.some((r) => r.table && r.kind !== 'staff')) return results.map(() => []);
  const ids = new Set((await store.loadTable('staff')).staff_id);
  for (const r of results) if (r.kind === 'staff' && r.table) for (const id of (r.table as { staff_id: string[] }).staff_id) ids.add(id);
  return results.map((r) => crossFileChecks(ids, [r]));
}
