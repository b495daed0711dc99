/**
 * The import of one drop of files: read each file's records from its bytes (byteCsv.ts;
 * papaparse for malformed quotes) into `createCsvImporter`, check staff ids across files, then
 * write every good file as a batch in one store transaction. Runs in the import worker (and
 * on the main thread for the built-in demo texts); it never posts rows anywhere.
 */
import type { Kind } from '../engine/dataset';
import { arrived, readArriving, type ArrivingBytes } from './arrivingBytes';
import { ByteRecords, UndecodableBytes } from './byteCsv';
import { MAX_RECORD_BYTES, RecordTooWide } from './parseLimits';
import {
  createCsvImporter, crossFileChecks, fileError, importCsvBytes, papaparseInto,
  undecodableCharsIssue, type ImportResult,
} from './csvImport';
import { hasUtf16Bom, sniffBinary, SNIFF_BYTES, type Encoding } from './decode';
import { isWorkbookBytes, WORKBOOK_NAME, workbookOrText } from './workbookFiles';
import { hasMappedHeader, importMappedCsv } from './mappedCsv';
import type { ColumnMapping } from './mapping';
import { listMappings } from './mappingStore';
import { detectDelimiter } from './detect';
import { makeIssue, type Issue } from './issues';
import { crlfToLf, guessNewline, mixedLineBreaks, mixedLineBreaksIssue, NEWLINE_SAMPLE_CHARS } from './lineBreaks';
import { contentHash, duplicateBatchError, StoreError, toStoreError, type BatchInfo, type NewBatch, type Store, type StoreErrorCode } from './store';
import type { Text } from '../i18n/text';

/** Bytes read between progress reports and looks for a cancel: ~0.1 s of work. */
export const PIECE_BYTES = 2 * 1024 * 1024;
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
  refusal?: Text;
}

export interface RunImportOptions {
  store: Store;
  encoding?: Encoding;
  onProgress?(p: ImportProgress): void;
  signal?: AbortSignal;
  pieceBytes?: number;
  /**
   * The content hash of file `index` of the drop (default: `contentHash(bytes)` here). The import
   * worker passes hashes a second worker computes while this one parses: Chromium's digest blocks its thread.
   */
  hashOf?(index: number, file: ImportSource, bytes: Promise<Uint8Array<ArrayBuffer>>): Promise<string>;
  /** File `index` has been read whole (the hash worker then reads it: two reads at once slow both). */
  onRead?(index: number): void;
  /**
   * The bytes of file `index` (default: `readArriving(file)`, which needs a Blob). The import
   * worker gets them from the page: a File posted to a worker is unreadable there in WebKit
   * when the page was opened from `file://`.
   */
  read?(index: number): ArrivingBytes;
  /**
   * Reads a workbook (.xlsx, .xls) into one result per data sheet (workbook.ts with the library);
   * given only where the library is loaded (the workbook import worker, the headless scorer).
   * Without it a workbook gets the CSV import's "save it as CSV" message. `mappings`: the saved
   * column mappings, applied to a sheet whose header one matches. An import on the page gets the
   * results from the workbook worker (workbookReadClient.ts), hence the promise.
   */
  readWorkbook?(bytes: Uint8Array, fileName: string, mappings: readonly ColumnMapping[]): ImportResult[] | Promise<ImportResult[]>;
}

/** A file of a drop: a File, or its name and size when `read` supplies its bytes. */
export type ImportSource = Pick<File, 'name' | 'size'>;

function readBlob(file: ImportSource): ArrivingBytes {
  if (!(file instanceof Blob)) throw new TypeError(`runImport: ${file.name} is not a Blob and no read() was given`);
  return readArriving(file);
}

/** Name a sheet's batch is listed under: `人员.xlsx · 人员`. */
export const sheetBatchName = (fileName: string, sheet: string | undefined): string => (sheet === undefined ? fileName : `${fileName} · ${sheet}`);

const cancelled = () => toStoreError(new DOMException('cancelled', 'AbortError'));

/** Bytes decoded at a time for the sample papaparse's line-break guess looks at (NEWLINE_SAMPLE_CHARS characters). */
const SAMPLE_STEP = 1024 * 1024;

/**
 * Lets the tasks waiting in the queue run (the worker's 'cancel' message). A message to itself,
 * not `setTimeout(0)`: nested timers are clamped to 4 ms, ~50 times per million rows.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); resolve(); };
    ch.port2.postMessage(null);
  });
}

/** Bytes of the byte-order mark a whole-file decode would drop. */
function bomLength(b: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8') return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33 ? 4 : 0;
}

/**
 * Reads one file's bytes into the importer: records straight from the bytes (byteCsv.ts),
 * `pieceBytes` at a time between progress reports and looks for a cancel; from the first record
 * with malformed quotes papaparse reads the rest of the file. `encoding` 'auto' is a strict
 * UTF-8 read that throws UndecodableBytes at the first byte that is not UTF-8 (the caller then
 * reads the file as GB18030, as `decodeBytes` would). A file with CR LF and bare LF lines is
 * read again whole with every CR LF as LF (`mixed`: that has been done; adds the notice).
 */
async function parsePieces(src: ArrivingBytes, fileName: string, encoding: Encoding | 'auto', pieceBytes: number,
  signal: AbortSignal | undefined, progress: (bytesInFile: number, rows: number) => void, mixed = false): Promise<ImportResult> {
  const strict = encoding === 'auto';
  const enc: Encoding = encoding === 'auto' ? 'utf-8' : encoding;
  const size = src.size;
  // The delimiter and line break are decided once, on the text a whole-file parse would look at.
  // Decoded 1 MiB at a time until it holds the characters papaparse's guess looks at.
  let sampleEnd = 0;
  let sample = '';
  const sampleDecoder = new TextDecoder(enc, { fatal: strict });
  while (sampleEnd < size && sample.length <= NEWLINE_SAMPLE_CHARS) {
    const from = sampleEnd;
    sampleEnd = Math.min(size, sampleEnd + SAMPLE_STEP);
    while (src.filled < sampleEnd) await src.more();
    try {
      sample += sampleDecoder.decode(src.bytes.subarray(from, sampleEnd), { stream: sampleEnd < size });
    } catch {
      throw new UndecodableBytes();
    }
  }
  const bytes = src.bytes;
  if (sample.charCodeAt(0) === 0xfeff) sample = sample.slice(1);
  if (sampleEnd === size && sample.trim() === '') return fileError(fileName, 'file_empty', enc);
  const delimiter = detectDelimiter(sample.slice(0, 65536));
  const newline = guessNewline(sample, delimiter);
  if (newline !== '\r' && mixedLineBreaks(sample.slice(0, NEWLINE_SAMPLE_CHARS))) {
    // CR LF and bare LF lines both (lineBreaks.ts): the whole file with every CR LF read as LF.
    return parsePieces(arrived(crlfToLf(await src.all)), fileName, encoding, pieceBytes, signal, progress, true);
  }
  sample = '';

  const decoder = new TextDecoder(enc, { fatal: strict, ignoreBOM: true });
  // Rows expected from the sample's line breaks, so the importer's columns are sized once.
  let breaks = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < sampleEnd; i = bytes.indexOf(0x0a, i + 1)) breaks++;
  const importer = createCsvImporter(fileName, Math.ceil(breaks * (size / Math.max(1, sampleEnd)) * 1.05));
  const records = new ByteRecords(bytes, decoder, delimiter, newline);
  // Records read so far, blank ones included: papaparse numbers its quote errors after them.
  let rowsBefore = 0;
  let replaced = false;
  /**
   * Records from byte p until one starts at or after `to`, among the bytes arrived so far;
   * returns where the next one starts (`size` at the end; p itself when the record at p needs
   * bytes not read yet). From a record papaparse would read differently (malformed quotes)
   * papaparse reads the rest of the file, so that its recovery (which may run over many
   * lines) is exactly that of a whole-file parse.
   */
  const readPiece = (p: number, to: number): number => {
    const limit = src.filled, complete = limit === size;
    while (p < to) {
      let next: number;
      try {
        next = records.scan(p, limit);
      } catch (e) {
        if (!(e instanceof RecordTooWide)) throw e;
        importer.tooLarge('too_many_columns', rowsBefore + 1);
        return size;
      }
      if (next - p > MAX_RECORD_BYTES) {
        importer.tooLarge('record_too_long', rowsBefore + 1);
        return size;
      }
      // A record running into bytes not yet read (or a quote closing there) waits for them.
      if ((next < 0 || !records.terminated) && !complete) return p;
      if (next < 0) {
        let text: string;
        try { text = decoder.decode(bytes.subarray(p, size)); } catch { throw new UndecodableBytes(); }
        if (text.includes('\uFFFD')) replaced = true;
        rowsBefore += papaparseInto(importer, text, delimiter, newline, rowsBefore);
        return size;
      }
      importer.pushRecord(records);
      rowsBefore++;
      // (A file ending in a line break has nothing left but papaparse's empty last row.)
      if (!records.terminated || next === size) return size;
      p = next;
    }
    return p;
  };

  let p = bomLength(bytes, enc);
  let yielded = performance.now();
  while (p < size) {
    // The worker's 'cancel' message is a task: let it in now and then.
    if (performance.now() - yielded > 50) {
      await nextTask();
      yielded = performance.now();
    }
    if (signal?.aborted) throw cancelled();
    const q = readPiece(p, Math.min(size, p + pieceBytes));
    if (q === p) {
      await src.more();
      continue;
    }
    p = q;
    progress(p, Math.max(0, rowsBefore - 1));
  }
  const result = { ...importer.finish(), delimiter, encoding: enc };
  if (mixed) result.issues.push(mixedLineBreaksIssue(fileName));
  if (replaced || records.replaced) result.issues.push(undecodableCharsIssue(fileName));
  return result;
}

/**
 * Parses one file from its bytes as they are read, with the result a whole-file papaparse
 * import (`importCsvBytes`) gives.
 * @example const r = await importFile(file); r.table?.length
 */
export async function importFile(file: File, opts: ImportBytesOptions = {}): Promise<ImportResult> {
  return importArriving(readArriving(file), file.name, opts);
}

export interface ImportBytesOptions {
  encoding?: Encoding; pieceBytes?: number; signal?: AbortSignal;
  onBytes?(bytesInFile: number, rows: number): void;
}

/**
 * `importFile` on bytes already in memory.
 * @example const r = await importBytes(new TextEncoder().encode(csv), 'staff.csv'); r.kind // 'staff'
 */
export function importBytes(bytes: Uint8Array, fileName: string, opts: ImportBytesOptions = {}): Promise<ImportResult> {
  return importArriving(arrived(bytes as Uint8Array<ArrayBuffer>), fileName, opts);
}

/**
 * `importFile` on bytes still arriving: it parses what is there and waits (`src.more()`) when a
 * record runs into bytes not read yet.
 */
export async function importArriving(src: ArrivingBytes, fileName: string, opts: ImportBytesOptions = {}): Promise<ImportResult> {
  const pieceBytes = opts.pieceBytes ?? PIECE_BYTES;
  // What sniffBinary looks at; a workbook or UTF-16 file goes the whole-file way to its message.
  while (src.filled < Math.min(src.size, SNIFF_BYTES)) await src.more();
  if (hasUtf16Bom(src.bytes) || sniffBinary(src.bytes.subarray(0, src.filled)) !== null) return importCsvBytes(await src.all, fileName, opts.encoding);
  const progress = opts.onBytes ?? (() => {});
  try {
    return await parsePieces(src, fileName, opts.encoding ?? 'auto', pieceBytes, opts.signal, progress);
  } catch (e) {
    // Not UTF-8 after all (maybe only far into the file): the whole file is GB18030, as decodeBytes would say.
    if (e instanceof UndecodableBytes && !opts.encoding) return parsePieces(src, fileName, 'gb18030', pieceBytes, opts.signal, progress);
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
  refused: err.code, refusal: err.text,
});

/**
 * Imports a drop of files into the store. Throws StoreError 'cancelled' when `signal` aborts
 * (nothing stored); a quota or write failure refuses every file of the drop (nothing stored).
 * @example const { results } = await runImport(files, { store }); results[0].batch?.rowCount
 */
export async function runImport(files: readonly ImportSource[], opts: RunImportOptions): Promise<{ results: FileOutcome[] }> {
  const { store, signal } = opts;
  const totalBytes = files.reduce((s, f) => s + f.size, 0);
  let before = 0;
  const parsed: { result: ImportResult; hash: string }[] = [];
  // A workbook is told by its first bytes (zip or OLE2), whatever its name; a file named like a
  // workbook whose bytes are text (a CSV renamed .xlsx) is read as the CSV it is.
  const workbookFile = async (src: ArrivingBytes, name: string): Promise<'workbook' | 'text-named-workbook' | 'text'> => {
    if (!opts.readWorkbook) return 'text';
    while (src.filled < Math.min(src.size, 4)) await src.more();
    if (isWorkbookBytes(src.bytes.subarray(0, src.filled)) || !WORKBOOK_NAME.test(name)) return workbookOrText(name, src.bytes.subarray(0, src.filled));
    while (src.filled < Math.min(src.size, SNIFF_BYTES)) await src.more();
    return workbookOrText(name, src.bytes.subarray(0, Math.min(src.filled, SNIFF_BYTES)));
  };
  const outcomes: (FileOutcome | null)[] = [];
  // Saved column mappings (字段映射): a file or sheet whose header one matches is read through it.
  const mappings = await listMappings(store);
  for (const [i, file] of files.entries()) {
    if (signal?.aborted) throw cancelled();
    // Read whole (or in slices while it is parsed, when huge: arrivingBytes.ts).
    const src = opts.read ? opts.read(i) : readBlob(file);
    if (opts.onRead) src.all.then(() => opts.onRead!(i), () => { /* the parse reports the read's failure */ });
    // The hash (from `hashOf`: another worker, while this file is parsed); a copy of a stored
    // file stops the parse as soon as the hash says so (a million-row copy is not parsed through).
    const hashing = opts.hashOf ? opts.hashOf(i, file, src.all) : src.all.then((b) => contentHash(b));
    const named = await workbookFile(src, file.name);
    if (named === 'workbook') {
      // The whole workbook is read at once (the library has no streaming read); each data sheet
      // is a result and a batch of its own, identified by the file's hash and the sheet's name.
      // Said before the read, so the page shows its progress bar for the seconds it takes.
      opts.onProgress?.({ file: file.name, rows: 0, bytes: before, totalBytes, phase: 'read' });
      const bytes = await src.all;
      if (signal?.aborted) throw cancelled();
      const sheets = await opts.readWorkbook!(bytes, file.name, mappings);
      const hash = await hashing;
      before += file.size;
      for (const result of sheets) {
        opts.onProgress?.({ file: file.name, rows: result.rowCount, bytes: before, totalBytes, phase: 'read' });
        parsed.push({ result, hash: result.sheet === undefined ? hash : `${hash}:${result.sheet}` });
        outcomes.push(null);
      }
      continue;
    }
    const lookup = hashing.then((h) => store.findBatchByHash(h));
    const stop = new AbortController();
    const passOn = () => stop.abort();
    signal?.addEventListener('abort', passOn);
    let earlier: BatchInfo | undefined;
    lookup.then((e) => { if (e) { earlier = e; stop.abort(); } }, () => { /* awaited below */ });
    let result: ImportResult | null = null;
    try {
      if (await hasMappedHeader(src, mappings)) result = importMappedCsv(await src.all, file.name, mappings);
      else result = await importArriving(src, file.name, {
        encoding: opts.encoding, pieceBytes: opts.pieceBytes, signal: stop.signal,
        onBytes: (b, rows) => opts.onProgress?.({ file: file.name, rows, bytes: before + b, totalBytes, phase: 'read' }),
      });
    } catch (e) {
      if (signal?.aborted || !earlier) throw e;
    } finally {
      signal?.removeEventListener('abort', passOn);
    }
    const [hash, copyOf] = await Promise.all([hashing, lookup]);
    if (copyOf || !result) {
      outcomes.push(refusedOutcome(file.name, copyOf!, duplicateBatchError(file.name, copyOf!)));
      before += file.size;
      continue;
    }
    before += file.size;
    if (named === 'text-named-workbook') result.issues.unshift(makeIssue('notice', 'file_text_named_workbook', file.name, null, null, file.name.replace(/^.*\./, '.')));
    opts.onProgress?.({ file: file.name, rows: result.rowCount, bytes: before, totalBytes, phase: 'read' });
    parsed.push({ result, hash });
    outcomes.push(null);
  }
  if (signal?.aborted) throw cancelled();

  const cross = await crossIssues(store, parsed.map((p) => p.result));
  const good = parsed.filter((p) => p.result.table !== null && p.result.kind !== null);
  const items: NewBatch[] = good.map((p) => ({
    meta: { fileName: sheetBatchName(p.result.fileName, p.result.sheet), contentHash: p.hash, encoding: p.result.sheet === undefined ? p.result.encoding : 'xlsx' },
    // validate.ts refused any file with a duplicate key, so the store need not look for one.
    table: p.result.table!, kind: p.result.kind as Kind, keysUnique: true,
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
    if (w?.error) { out.refused = w.error.code; out.refusal = w.error.text; }
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
