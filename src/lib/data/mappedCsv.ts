/**
 * A CSV file whose header has a saved column mapping (mapping.ts): its rows go through the
 * mapping (the app's column keys, listed values replaced) into the CSV importer, so the checks
 * and messages are those of any CSV file. The headless scorer's and the app's import path
 * (runImport.ts looks at the header line first, `hasMappedHeader`); files without a mapping keep
 * the byte reader.
 */
import Papa from 'papaparse';
import type { ArrivingBytes } from './arrivingBytes';
import { createCsvImporter, type ImportResult } from './csvImport';
import { decodeBytes, decodeUtf16, hasUtf16Bom } from './decode';
import { detectDelimiter } from './detect';
import { applyMapping, findMapping, type ColumnMapping } from './mapping';
import { SCHEMAS } from './schema';
import { workbookIssue } from './workbookIssues';

/** Bytes looked at for a CSV file's header line: a longer header has no saved mapping. */
const HEADER_BYTES = 256 * 1024;

/**
 * Whether a saved mapping matches the header of the CSV file arriving in `src`: waits only for
 * its first line (the whole file when it is UTF-16, which is decoded whole anyway).
 * `if (await hasMappedHeader(src, mappings)) result = importMappedCsv(await src.all, name, mappings)`.
 */
export async function hasMappedHeader(src: ArrivingBytes, mappings: readonly ColumnMapping[]): Promise<boolean> {
  if (mappings.length === 0) return false;
  let end = -1;
  while ((end = src.bytes.subarray(0, src.filled).indexOf(0x0a)) < 0 && src.filled < Math.min(src.size, HEADER_BYTES)) await src.more();
  const head = src.bytes.subarray(0, end >= 0 ? end : src.filled);
  const text = hasUtf16Bom(head) ? decodeUtf16(await src.all).text : decodeBytes(head).text;
  const first = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, preview: 1, delimiter: detectDelimiter(text.slice(0, 65536)) }).data[0];
  return first !== undefined && findMapping(mappings, first) !== undefined;
}

/**
 * The import of `bytes` under its saved mapping, or null when no mapping matches its header.
 * `importMappedCsv(bytes, 'crm.csv', mappings)?.kind` → 'projects'.
 */
export function importMappedCsv(bytes: Uint8Array, fileName: string, mappings: readonly ColumnMapping[]): ImportResult | null {
  if (mappings.length === 0) return null;
  const decoded = hasUtf16Bom(bytes) ? decodeUtf16(bytes) : decodeBytes(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { header: false, delimiter: detectDelimiter(text.slice(0, 65536)), skipEmptyLines: false }).data;
  if (rows.length === 0) return null;
  const mapping = findMapping(mappings, rows[0]);
  if (!mapping) return null;
  const mapped = applyMapping(mapping, rows[0]);
  const importer = createCsvImporter(fileName, rows.length);
  importer.pushRows([mapped.header, ...rows.slice(1).map((r) => r.map((v, c) => mapped.cell(c, v)))]);
  const result = { ...importer.finish(), encoding: decoded.encoding };
  // The report names a mapped column as the file writes it (负责人工号), not by the app's key.
  const written = new Map(mapped.header.map((key, c) => [key, rows[0][c].replace(/^\uFEFF/, '').trim()] as const).filter(([key]) => key !== ''));
  for (const i of result.issues) if (i.column !== null && written.has(i.column)) i.column = written.get(i.column)!;
  if (result.kind !== null) {
    const count = mapped.header.filter(Boolean).length;
    const notice = workbookIssue('notice', 'mapping_applied', fileName, null, 1, null, null, { detail: SCHEMAS[result.kind].zh, count });
    notice.message_en = notice.message_en.replace(SCHEMAS[result.kind].zh, SCHEMAS[result.kind].en);
    result.issues.unshift(notice);
    result.mappedBy = mapping.signature;
  }
  return result;
}
