/**
 * What a CSV file is: its delimiter (from the header line) and its kind (from the header
 * row's column names, never the file name — HR files are called "导出(3).csv").
 */
import { KINDS, type Kind } from '../engine/dataset';
import { METRIC_LABELS_ZH, SCHEMAS } from './schema';
import { fill, type Lang, type Text } from '../i18n/text';

/**
 * The delimiter used in the first line: the most frequent of comma, semicolon and tab outside
 * quotes; comma when none occurs (a one-column file).
 * `detectDelimiter('工号;姓名\nPS1;张三') === ';'`.
 */
export function detectDelimiter(sample: string): ',' | ';' | '\t' {
  // Excel's own hint line: `sep=;` as the first line names the delimiter outright.
  const hint = /^\uFEFF?sep=([,;\t])\s*$/im.exec(sample.slice(0, sample.search(/\r|\n|$/)));
  if (hint) return hint[1] as ',' | ';' | '\t';
  let comma = 0, semi = 0, tab = 0, quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 10 || c === 13) break;
    else if (c === 44) comma++;
    else if (c === 59) semi++;
    else if (c === 9) tab++;
  }
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma && semi > tab) return ';';
  return ',';
}

/**
 * A header cell reduced to what identifies it: BOM, spaces, a `*` required marker and a
 * trailing unit in brackets (`金额（元）`, `amount (CNY)`) dropped; English lower-cased with
 * spaces and hyphens as `_` (`Staff ID` → `staff_id`).
 */
export function headerName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface KindDetection {
  kind: Kind | null;
  /** canonical column key per header position; null = ignored (unknown, empty or a repeated column) */
  columns: (string | null)[];
  /** header cells (as written, trimmed) that are not columns of the kind */
  unknown: string[];
  /** required column keys of the kind that the header lacks */
  missing: string[];
  /** header cells (as written, trimmed) that name a column already named earlier */
  duplicates: string[];
  /** whether the recognised columns were named by English key, Chinese alias or both */
  language: 'en' | 'zh' | 'mixed';
}

interface Mapping { keys: (string | null)[]; viaZh: boolean[]; hits: number; requiredHit: number; required: number }

/** Canonical key of each header position for one kind (metrics: any other column is a metric id). */
function mapHeader(kind: Kind, names: string[], written: string[]): Mapping {
  const schema = SCHEMAS[kind];
  const byName = new Map<string, [key: string, zh: boolean]>();
  for (const c of schema.columns) {
    byName.set(c.key, [c.key, false]);
    byName.set(c.zh.toLowerCase(), [c.key, true]);
  }
  if (schema.metricColumns) {
    for (const [id, zh] of Object.entries(METRIC_LABELS_ZH)) {
      byName.set(id, [id, false]);
      byName.set(zh, [id, true]);
    }
  }
  const keys: (string | null)[] = [];
  const viaZh: boolean[] = [];
  let hits = 0;
  names.forEach((name, i) => {
    const hit = name === '' ? undefined : byName.get(name);
    if (hit) hits++;
    // A metrics file keeps any further column as a custom metric id, spelled as written.
    keys.push(hit ? hit[0] : schema.metricColumns && name !== '' ? written[i] : null);
    viaZh.push(hit ? hit[1] : /[^\x00-\x7f]/.test(name));
  });
  const required = schema.columns.filter((c) => c.required).map((c) => c.key);
  const requiredHit = required.filter((k) => keys.includes(k)).length;
  return { keys, viaZh, hits, requiredHit, required: required.length };
}

/**
 * The kind whose columns best match a header: every required column present first, then the
 * most recognised columns; a partial match is reported (with `missing`) only when it shares a
 * required column other than the ubiquitous staff_id, else the kind is null.
 * `detectKind(['工号', '姓名', '职级', '方向']).kind === 'staff'`.
 */
export function detectKind(header: string[]): KindDetection {
  const written = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const names = header.map(headerName);
  let best: Kind | null = null;
  let bestScore = -1;
  let bestMap: Mapping | null = null;
  for (const kind of KINDS) {
    const m = mapHeader(kind, names, written);
    const distinctive = m.requiredHit - (m.keys.includes('staff_id') ? 1 : 0);
    if (distinctive < 1) continue;
    const full = m.requiredHit === m.required ? 1 : 0;
    const score = full * 1e6 + Math.round((m.requiredHit / m.required) * 1e3) * 1e3 + m.hits;
    if (score > bestScore) [best, bestScore, bestMap] = [kind, score, m];
  }
  const keys = bestMap ? [...bestMap.keys] : header.map(() => null);
  const duplicates: string[] = [];
  const repeated = new Set<number>();
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    const id = k ?? (names[i] === '' ? null : `\u0000${names[i]}`);
    if (id === null) return;
    if (seen.has(id)) {
      duplicates.push(written[i]);
      repeated.add(i);
      keys[i] = null;
    } else seen.add(id);
  });
  const unknown = written.filter((w, i) => w !== '' && keys[i] === null && !repeated.has(i));
  const missing = best ? SCHEMAS[best].columns.filter((c) => c.required && !keys.includes(c.key)).map((c) => c.key) : [];
  const used = bestMap ? bestMap.viaZh.filter((_, i) => keys[i] !== null) : [];
  const zh = used.filter(Boolean).length;
  const language = zh === 0 ? 'en' : zh === used.length ? 'zh' : 'mixed';
  return { kind: best, columns: keys, unknown, missing, duplicates, language };
}

/** One kind and its required columns; the Chinese list names columns by their Chinese names. */
const KIND_NEEDS = { each: { zh: '{kind}：{columns}', en: '{kind}: {columns}' }, column: { zh: '、', en: ', ' }, kind: { zh: '；', en: '; ' } } satisfies Record<string, Text>;

/** What each kind needs, for the "cannot recognise" message: '人员：工号、姓名、职级、方向；…'. */
export function requiredColumnsText(lang: Lang): string {
  return KINDS.map((k) => {
    const s = SCHEMAS[k];
    const columns = s.columns.filter((c) => c.required).map((c) => ({ zh: c.zh, en: c.key })[lang]);
    return fill(KIND_NEEDS.each[lang], { kind: s[lang], columns: columns.join(KIND_NEEDS.column[lang]) });
  }).join(KIND_NEEDS.kind[lang]);
}
