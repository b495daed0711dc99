/**
 * The column and value mapping the app proposes for a file it cannot read as it is (字段映射):
 * a kind, a target column per header cell (by the header's names in Chinese and English and by
 * what the cells hold), and codes for the categorical values the import would not accept
 * (赢单关闭 → won). Pure: the Data page's dialog starts from it and the user corrects it.
 */
import { KINDS, type Kind } from '../engine/dataset';
import { headerName } from './detect';
import { headerSignature, type ColumnMapping } from './mapping';
import { COLUMN_SYNONYMS, VALUE_SYNONYMS } from './mappingSynonyms';
import { INVALID, isBad, parseBoolean, parseDate, parseDateTime, parseEnum, parseNumber } from './normalise';
import { enumLookup, METRIC_LABELS_ZH, metricColumnRule, SCHEMAS, type ColumnRule } from './schema';

/** What the import kept of a file it could not read: the header, the first rows, each column's distinct values. */
export interface FileSample {
  header: string[];
  rows: string[][];
  /** distinct non-empty cells (trimmed) per header position, in order of appearance, at most SAMPLE_DISTINCT */
  values: string[][];
}

/** Distinct values kept per column: enough for any categorical column, bounded for an id column. */
export const SAMPLE_DISTINCT = 60;
/** Rows shown under the header in the dialog. */
export const SAMPLE_ROWS = 8;

/** One categorical value of a mapped column: the code the import reads for it, if any. */
export interface ValueProposal {
  key: string;
  value: string;
  /** the app's code ('won', 'true'); null: not mapped */
  code: string | null;
  /** the import reads the value as it is (a code, a Chinese label, 是/否): no mapping needed */
  asIs: boolean;
}

export interface MappingProposal {
  kind: Kind;
  /** header cell as written (trimmed) → the app's column key, or null (ignored) */
  columns: Record<string, string | null>;
  values: ValueProposal[];
}

/** A header cell without case, spaces, punctuation or a trailing unit: what names are compared by. */
const squash = (s: string) => headerName(s).replace(/[_\s·.,/\\:：()（）[\]【】#*-]/g, '');

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of two strings' character pairs: 1 equal, 0 nothing shared. */
function dice(a: string, b: string): number {
  const x = bigrams(a), y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) { shared++; pool.splice(i, 1); }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * How well a header cell names a column, 0…1: equal to a name 1, containing one (or contained)
 * 0.6–0.9 by the share of the longer it covers, otherwise a weaker character-pair likeness.
 * `nameScore('商机编号', ['项目编号', '商机编号']) === 1`.
 */
export function nameScore(cell: string, names: readonly string[]): number {
  const h = squash(cell);
  if (h === '') return 0;
  let best = 0;
  for (const name of names) {
    const n = squash(name);
    if (n === '') continue;
    if (h === n) return 1;
    const [short, long] = h.length <= n.length ? [h, n] : [n, h];
    if (short.length >= 2 && long.includes(short)) best = Math.max(best, 0.6 + (0.3 * short.length) / long.length);
    else best = Math.max(best, 0.7 * dice(h, n));
  }
  return best;
}

/** The names a column goes by: its key, its Chinese alias and the synonyms. */
function namesOf(rule: ColumnRule): string[] {
  return [rule.key, rule.zh, ...(COLUMN_SYNONYMS[rule.key] ?? [])];
}

/** The code a categorical value maps to by the synonym tables, or null. */
function synonymCode(rule: ColumnRule, value: string): string | null {
  const table = VALUE_SYNONYMS[rule.type === 'boolean' ? 'boolean' : rule.key];
  if (!table) return null;
  const v = value.trim().toLowerCase();
  const codes = rule.type === 'boolean' ? ['true', 'false'] : (rule.codes ?? []);
  for (const code of codes) if (table[code]?.some((s) => s.toLowerCase() === v)) return code;
  return null;
}

/** The code the import reads for `value` as it is (the schema's codes and labels, 是/否), or null. */
function codeAsIs(rule: ColumnRule, value: string): string | null {
  if (rule.type === 'boolean') {
    const b = parseBoolean(value);
    return b === 1 ? 'true' : b === 0 ? 'false' : null;
  }
  const i = parseEnum(value, enumLookup(rule));
  return i === INVALID || Number.isNaN(i) ? null : rule.codes![i];
}

const isCategorical = (rule: ColumnRule) => rule.type === 'enum' || rule.type === 'boolean';

/** Share of a column's sample values a column rule would read (1 for text, or no values). */
export function valueFit(rule: ColumnRule, values: readonly string[]): number {
  if (values.length === 0) return 1;
  const ok = (v: string): boolean => {
    switch (rule.type) {
      case 'number': case 'integer': { const n = parseNumber(v, rule.percent === true); return !isBad(n) && !Number.isNaN(n); }
      case 'date': return !isBad(parseDate(v));
      case 'datetime': return !isBad(parseDateTime(v)) || !isBad(parseDate(v));
      case 'enum': case 'boolean': return codeAsIs(rule, v) !== null || synonymCode(rule, v) !== null;
      case 'period': return /^\d{4}(\s*[Qq]\s*[1-4])?$/.test(v.trim());
      default: return true;
    }
  };
  return values.filter(ok).length / values.length;
}

/** The columns a kind can map to (a metrics file: staff_id, period and the metric ids). `targetsOf('staff')[0].key === 'staff_id'`. */
export function targetsOf(kind: Kind): ColumnRule[] {
  const schema = SCHEMAS[kind];
  return schema.metricColumns ? [...schema.columns, ...Object.keys(METRIC_LABELS_ZH).map((id) => metricColumnRule(id))] : [...schema.columns];
}

/** Below this a header cell is not proposed for a column. */
const MIN_SCORE = 0.5;

/**
 * Header position → column key for one kind, the best pairs first, each column and position
 * used once; with the sum of the chosen scores. Values weigh in: a number column whose cells are
 * text scores lower, and a categorical column is proposed from its values alone when nearly all
 * of two or more distinct values are its codes or their synonyms.
 */
function assign(kind: Kind, sample: FileSample): { keys: (string | null)[]; total: number } {
  const targets = targetsOf(kind);
  const pairs: { pos: number; key: string; score: number }[] = [];
  sample.header.forEach((cell, pos) => {
    if (cell.trim() === '') return;
    const values = sample.values[pos] ?? [];
    for (const rule of targets) {
      const name = nameScore(cell, namesOf(rule));
      const fit = valueFit(rule, values);
      // One repeated value says little about a column: its values alone count from two on.
      const byValues = isCategorical(rule) && values.length >= 2 && fit >= 0.8 ? 0.55 : 0;
      const score = Math.max(name * (0.6 + 0.4 * fit), byValues);
      if (score >= MIN_SCORE) pairs.push({ pos, key: rule.key, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.pos - b.pos);
  const keys: (string | null)[] = sample.header.map(() => null);
  const used = new Set<string>();
  let total = 0;
  for (const p of pairs) {
    if (keys[p.pos] !== null || used.has(p.key)) continue;
    keys[p.pos] = p.key;
    used.add(p.key);
    total += p.score;
  }
  return { keys, total };
}

/** The value rows of every categorical column mapped in `columns`, from the sample's distinct values. */
export function proposeValues(kind: Kind, sample: FileSample, columns: Record<string, string | null>): ValueProposal[] {
  const out: ValueProposal[] = [];
  const seen = new Set<string>();
  sample.header.forEach((cell, pos) => {
    const key = columns[cell.trim()];
    if (!key || seen.has(key)) return;
    seen.add(key);
    const rule = SCHEMAS[kind].columns.find((c) => c.key === key);
    if (!rule || !isCategorical(rule)) return;
    for (const value of sample.values[pos] ?? []) {
      const asIs = codeAsIs(rule, value);
      out.push({ key, value, code: asIs ?? synonymCode(rule, value), asIs: asIs !== null });
    }
  });
  return out;
}

/**
 * The proposal for a file: the kind whose required columns are best covered (or `kind` when the
 * user has chosen one), each header cell's column, and the categorical values' codes.
 * `proposeMapping({ header: ['商机编号', '负责人', '商机阶段'], rows: [], values: [[], [], ['赢单']] }).kind === 'projects'`.
 */
export function proposeMapping(sample: FileSample, kind?: Kind): MappingProposal {
  let best: { kind: Kind; keys: (string | null)[]; rank: number } | null = null;
  for (const k of kind ? [kind] : KINDS) {
    const { keys, total } = assign(k, sample);
    const required = SCHEMAS[k].columns.filter((c) => c.required).map((c) => c.key);
    const covered = required.filter((r) => keys.includes(r)).length;
    // Every required column first; then the share of them covered; then how well the names fit.
    const rank = (covered === required.length ? 1e6 : 0) + Math.round((covered / required.length) * 1000) * 1000 + total;
    if (!best || rank > best.rank) best = { kind: k, keys, rank };
  }
  const columns: Record<string, string | null> = {};
  sample.header.forEach((cell, pos) => {
    const c = cell.trim();
    if (c === '' || c in columns) return;
    columns[c] = best!.keys[pos];
  });
  return { kind: best!.kind, columns, values: proposeValues(best!.kind, sample, columns) };
}

/** The mapping to save from a (corrected) proposal: only values that need a code are listed. */
export function toMapping(header: readonly string[], kind: Kind, columns: Record<string, string | null>, values: readonly ValueProposal[]): ColumnMapping {
  const table: Record<string, Record<string, string>> = {};
  for (const v of values) {
    if (v.asIs || v.code === null || !Object.values(columns).includes(v.key)) continue;
    (table[v.key] ??= {})[v.value] = v.code;
  }
  const kept: Record<string, string | null> = {};
  for (const h of header) {
    const c = h.replace(/^\uFEFF/, '').trim();
    if (c !== '') kept[c] = columns[c] ?? null;
  }
  return { signature: headerSignature(header), kind, columns: kept, values: table };
}

/** A reason the mapping cannot be saved yet, in both languages. */
export interface MappingProblem { code: 'missing' | 'twice' | 'repeated_header' | 'nothing'; zh: string; en: string }

/**
 * What stops a mapping from reading the file: a required column of the kind not mapped, a
 * column key chosen for two header cells, a header cell written twice and mapped.
 * `mappingProblems(['A'], 'staff', { A: 'staff_id' })[0].code === 'missing'`.
 */
export function mappingProblems(header: readonly string[], kind: Kind, columns: Record<string, string | null>): MappingProblem[] {
  const schema = SCHEMAS[kind];
  const label = (key: string) => schema.columns.find((c) => c.key === key) ?? metricColumnRule(key);
  const problems: MappingProblem[] = [];
  const chosen = Object.values(columns).filter((k): k is string => k !== null);
  if (chosen.length === 0) problems.push({ code: 'nothing', zh: '还没有把任何列对应到字段。', en: 'No column is mapped to a field yet.' });
  const missing = schema.columns.filter((c) => c.required && !chosen.includes(c.key));
  if (missing.length) {
    problems.push({
      code: 'missing',
      zh: `“${schema.zh}”文件的必填字段还没有对应的列：${missing.map((c) => `${c.zh}（${c.key}）`).join('、')}。`,
      en: `Required ${schema.en} fields have no column yet: ${missing.map((c) => `${c.key} (${c.zh})`).join(', ')}.`,
    });
  }
  const twice = [...new Set(chosen.filter((k, i) => chosen.indexOf(k) !== i))];
  for (const key of twice) {
    const cells = Object.keys(columns).filter((c) => columns[c] === key);
    problems.push({
      code: 'twice',
      zh: `字段“${label(key).zh}（${key}）”被选了两次：${cells.map((c) => `“${c}”`).join('、')}。每个字段只能对应一列，其余请选“忽略”。`,
      en: `The field ${key} (${label(key).zh}) is chosen twice: ${cells.map((c) => `"${c}"`).join(', ')}. Each field takes one column; set the others to Ignore.`,
    });
  }
  const cells = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter(Boolean);
  for (const c of new Set(cells.filter((c, i) => cells.indexOf(c) !== i))) {
    if (columns[c] == null) continue;
    problems.push({
      code: 'repeated_header',
      zh: `表头里有两列都叫“${c}”，无法区分，只能忽略。请在原文件里给其中一列改名。`,
      en: `Two header columns are both called "${c}" and cannot be told apart, so they can only be ignored. Rename one of them in the file.`,
    });
  }
  return problems;
}

/**
 * The proposal a saved mapping stands for, to edit it: its kind and columns, and the value rows
 * of the sample (or, with no sample, of the values it maps) with its codes.
 * `fromSaved(sampleOfMapping(m), m).columns` equals `m.columns` for the header's cells.
 */
export function fromSaved(sample: FileSample, m: ColumnMapping): MappingProposal {
  const columns: Record<string, string | null> = {};
  for (const cell of sample.header) if (cell.trim() !== '') columns[cell.trim()] = m.columns[cell.trim()] ?? null;
  const values = proposeValues(m.kind, sample, columns).map((v) => {
    const code = m.values?.[v.key]?.[v.value];
    return code === undefined ? v : { ...v, code, asIs: false };
  });
  return { kind: m.kind, columns, values };
}

/** A sample made from a saved mapping alone (no file at hand): its header, no rows, the values it maps. */
export function sampleOfMapping(m: ColumnMapping): FileSample {
  const header = m.signature.split('\u001f');
  return { header, rows: [], values: header.map((h) => { const key = m.columns[h]; return key ? Object.keys(m.values?.[key] ?? {}) : []; }) };
}

/**
 * Fresh value rows (after a column changed) with the codes already chosen for the same column
 * and value kept: a change elsewhere does not undo the user's choices.
 */
export function keepChoices(fresh: readonly ValueProposal[], before: readonly ValueProposal[]): ValueProposal[] {
  const chosen = new Map(before.filter((v) => !v.asIs).map((v) => [`${v.key}\u0000${v.value}`, v]));
  return fresh.map((v) => chosen.get(`${v.key}\u0000${v.value}`) ?? v);
}
