/**
 * A CSV file whose header has a saved column mapping (mapping.ts): its rows go through the
 * mapping (the app's column keys, listed values replaced) into the CSV importer, so the checks
 * and messages are those of any CSV file. The headless scorer's path; files without a mapping
 * keep the byte reader (runImport.ts).
 */
import Papa from 'papaparse';
import { createCsvImporter, type ImportResult } from './csvImport';
import { decodeBytes, decodeUtf16, hasUtf16Bom } from './decode';
import { detectDelimiter } from './detect';
import { applyMapping, findMapping, type ColumnMapping } from './mapping';
import { SCHEMAS } from './schema';
import { workbookIssue } from './workbookIssues';

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
  if (result.kind !== null) {
    const count = mapped.header.filter(Boolean).length;
    const notice = workbookIssue('notice', 'mapping_applied', fileName, null, 1, null, null, { detail: SCHEMAS[result.kind].zh, count });
    notice.message_en = notice.message_en.replace(SCHEMAS[result.kind].zh, SCHEMAS[result.kind].en);
    result.issues.unshift(notice);
  }
  return result;
}
