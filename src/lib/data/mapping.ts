/**
 * Column and value mapping (字段映射): a CRM export with its own column names (商机编号, 负责人,
 * 商机阶段) read as one of the app's kinds. A mapping is saved under the header's signature (its
 * cells as written) and applied to a file or sheet with exactly that header: each column gets
 * the app's column key or is ignored, and listed cell values are replaced (赢单 → won) before the
 * CSV import normalises and validates them as usual. The headless scorer reads mappings from a
 * file (`npm run score -- --mapping mappings.json`).
 */
import { KINDS, type Kind } from '../engine/dataset';
import { SCHEMAS, metricColumnRule } from './schema';

export interface ColumnMapping {
  /** the header cells as written (trimmed), see headerSignature */
  signature: string;
  kind: Kind;
  /** header cell as written → the app's column key, or null: the column is ignored */
  columns: Record<string, string | null>;
  /** the app's column key → (cell value as written → value the import reads) */
  values?: Record<string, Record<string, string>>;
}

export interface MappingFile { format: 'presales-kpi-mappings'; version: 1; mappings: ColumnMapping[] }

/** The header's identity: its cells trimmed, joined by U+001F. `headerSignature(['商机编号 ', '负责人'])`. */
export function headerSignature(header: readonly string[]): string {
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join('\u001f');
}

/** The mapping saved for this header, if any. */
export function findMapping(mappings: readonly ColumnMapping[], header: readonly string[]): ColumnMapping | undefined {
  const sig = headerSignature(header);
  return mappings.find((m) => m.signature === sig);
}

/** A mapping file that cannot be used: the message says which mapping and field, in both languages. */
export class MappingError extends Error {
  constructor(readonly message_zh: string, readonly message_en: string) { super(message_en); }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a mappings file (JSON, as the app's backup or `npm run score -- --mapping` takes it),
 * checking every kind and column key against the schema.
 * `parseMappings('{"format":"presales-kpi-mappings","version":1,"mappings":[]}')` → [].
 */
export function parseMappings(text: string): ColumnMapping[] {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) {
    throw new MappingError(`映射文件不是有效的 JSON（${(e as Error).message}）。`, `The mapping file is not valid JSON (${(e as Error).message}).`);
  }
  if (!isRecord(doc) || doc.format !== 'presales-kpi-mappings' || doc.version !== 1 || !Array.isArray(doc.mappings)) {
    throw new MappingError('映射文件格式不对：需要 {"format": "presales-kpi-mappings", "version": 1, "mappings": […]}。', 'Not a mapping file: expected {"format": "presales-kpi-mappings", "version": 1, "mappings": […]}.');
  }
  return doc.mappings.map((m, i) => {
    const at = `#${i + 1}`;
    if (!isRecord(m) || typeof m.signature !== 'string' || !isRecord(m.columns)) {
      throw new MappingError(`第 ${i + 1} 个映射缺少 signature 或 columns。`, `Mapping ${at} lacks signature or columns.`);
    }
    const kind = m.kind as Kind;
    if (!KINDS.includes(kind)) throw new MappingError(`第 ${i + 1} 个映射的 kind“${String(m.kind)}”不是已知的文件类型（${KINDS.join('、')}）。`, `Mapping ${at}: kind "${String(m.kind)}" is not one of ${KINDS.join(', ')}.`);
    const schema = SCHEMAS[kind];
    const known = (key: string) => schema.columns.some((c) => c.key === key) || (schema.metricColumns === true && metricColumnRule(key) !== undefined);
    const columns: Record<string, string | null> = {};
    for (const [from, to] of Object.entries(m.columns)) {
      if (to !== null && (typeof to !== 'string' || !known(to))) {
        throw new MappingError(`第 ${i + 1} 个映射：列“${from}”映射到的“${String(to)}”不是“${schema.zh}”文件的列。`, `Mapping ${at}: column "${from}" maps to "${String(to)}", which is not a ${schema.en} column.`);
      }
      columns[from] = to as string | null;
    }
    const values: Record<string, Record<string, string>> = {};
    if (m.values !== undefined) {
      if (!isRecord(m.values)) throw new MappingError(`第 ${i + 1} 个映射的 values 必须是对象。`, `Mapping ${at}: values must be an object.`);
      for (const [key, table] of Object.entries(m.values)) {
        if (!isRecord(table) || Object.values(table).some((v) => typeof v !== 'string')) {
          throw new MappingError(`第 ${i + 1} 个映射：列“${key}”的取值映射必须是“原值: 新值”的文字对。`, `Mapping ${at}: the values of "${key}" must map text to text.`);
        }
        values[key] = table as Record<string, string>;
      }
    }
    return { signature: m.signature, kind, columns, values };
  });
}

/**
 * The mappings file `parseMappings` reads and `npm run score -- --mapping` takes: what the Data
 * page saved, so a scripted run reads the files as the app does.
 * `parseMappings(mappingsFileText(ms))` gives `ms` back (their kind, columns and values).
 */
export function mappingsFileText(mappings: readonly ColumnMapping[]): string {
  const doc: MappingFile = {
    format: 'presales-kpi-mappings', version: 1,
    mappings: mappings.map(({ signature, kind, columns, values }) => ({ signature, kind, columns, values: values ?? {} })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * A mapping applied to one row source: `header` gives the header the import reads (the app's
 * keys; ignored columns empty), `cell` a cell's value after the value mapping.
 * `mapped.header` → ['project_id', 'staff_id', '', …].
 */
export function applyMapping(m: ColumnMapping, header: readonly string[]): { header: string[]; cell(col: number, value: string): string } {
  const keys = header.map((h) => {
    const to = m.columns[h.replace(/^\uFEFF/, '').trim()];
    return to ?? '';
  });
  const tables = keys.map((k) => (k && m.values?.[k]) || null);
  return {
    header: keys,
    cell: (col, value) => {
      const t = tables[col];
      if (t === null || t === undefined) return value;
      return t[value.trim()] ?? value;
    },
  };
}
