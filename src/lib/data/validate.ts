/**
 * The rules of spec §2 that look beyond one cell's format: ranges, conditional requirements,
 * one column bounded by another, unique keys, and project-level columns that must agree on
 * every row of a project. The rules themselves are declared in schema.ts; this file runs
 * them over the columnar table (typed arrays), reporting spreadsheet line numbers.
 */
import { formatDay, type Kind } from '../engine/dataset';
import type { IssueLog } from './issues';
import { SCHEMAS, type ColumnRule } from './schema';

/** What a number cell breaks, if anything: `numberProblem({ type: 'integer', min: 1 }, 0) === 'out_of_range'`. */
export function numberProblem(rule: ColumnRule, x: number): 'not_integer' | 'out_of_range' | null {
  if (rule.type === 'integer' && !Number.isInteger(x)) return 'not_integer';
  if (rule.min !== undefined && (rule.minExclusive ? x <= rule.min : x < rule.min)) return 'out_of_range';
  if (rule.max !== undefined && x > rule.max) return 'out_of_range';
  return null;
}

/** The allowed range in words: `rangeText({ min: 0, max: 100 })` → zh '在 0 到 100 之间'. */
export function rangeText(rule: ColumnRule): { zh: string; en: string } {
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return { zh: `在 ${min} 到 ${max} 之间`, en: `between ${min} and ${max}` };
  if (min !== undefined && rule.minExclusive) return { zh: `大于 ${min}`, en: `greater than ${min}` };
  if (min !== undefined && rule.type === 'integer') return { zh: `是不小于 ${min} 的整数`, en: `a whole number of at least ${min}` };
  if (min !== undefined) return { zh: `不小于 ${min}`, en: `at least ${min}` };
  return { zh: `不大于 ${max}`, en: `at most ${max}` };
}

/** A table under validation: its columns by key, and the spreadsheet line of each row. */
export interface TableUnderTest {
  kind: Kind;
  length: number;
  cols: Record<string, Float64Array | string[]>;
  lines: Int32Array;
  /** the header text of a column as the file wrote it (or its alias in the file's language when absent) */
  written: (key: string) => string;
  /** whether the cell of column `key` on file line `line` was already reported as wrong (its value is then empty here) */
  badCell?: (line: number, key: string) => boolean;
}

/** How a stored value reads in a message: enum code, date, boolean, number or text. */
export function showValue(rule: ColumnRule | undefined, v: number | string): string {
  if (typeof v === 'string') return v;
  if (Number.isNaN(v)) return '';
  if (!rule) return String(v);
  switch (rule.type) {
    case 'enum': return rule.labelsZh ? `${rule.codes![v]}/${rule.labelsZh[v]}` : rule.codes![v];
    case 'date': return formatDay(v);
    case 'datetime': return new Date(v * 1000).toISOString().slice(0, 19).replace('T', ' ');
    case 'boolean': return v === 1 ? 'true' : 'false';
    default: return String(v);
  }
}

const isEmpty = (v: number | string) => (typeof v === 'string' ? v === '' : Number.isNaN(v));

/** Conditional requirements, column-vs-column bounds and "only meaningful when" warnings, row by row. */
function checkRowRules(t: TableUnderTest, log: IssueLog): void {
  const schema = SCHEMAS[t.kind];
  const rule = (k: string) => schema.columns.find((c) => c.key === k)!;
  for (const c of schema.columns) {
    const col = t.cols[c.key] as Float64Array;
    if (c.requiredWhen || c.onlyWhen) {
      const cond = (c.requiredWhen ?? c.onlyWhen)!;
      const condRule = rule(cond.column);
      const codes = new Set(cond.codes.map((code) => condRule.codes!.indexOf(code)));
      const on = t.cols[cond.column] as Float64Array;
      for (let i = 0; i < t.length; i++) {
        if (Number.isNaN(on[i])) continue;
        // An unreadable value is already an error of its own: "must be filled in" would be noise.
        if (c.requiredWhen && codes.has(on[i]) && isEmpty(col[i]) && !t.badCell?.(t.lines[i], c.key))
          log.add('error', 'conditional_required', t.lines[i], t.written(c.key), '', {
            other: t.written(cond.column), otherValue: showValue(condRule, on[i]),
          });
        if (c.onlyWhen && !codes.has(on[i]) && !isEmpty(col[i])) {
          const allowed = cond.codes.map((code) => showValue(condRule, condRule.codes!.indexOf(code)));
          log.add('warning', 'only_when', t.lines[i], t.written(c.key), showValue(c, col[i]), {
            zh: `“${t.written(cond.column)}”为 ${allowed.join('、')} `, en: `"${t.written(cond.column)}" is ${allowed.join(' or ')}`,
          });
        }
      }
    }
    if (c.atMost) {
      const otherRule = rule(c.atMost);
      const other = t.cols[c.atMost] as Float64Array;
      const fallback = otherRule.defaultValue ?? NaN;
      for (let i = 0; i < t.length; i++) {
        const bound = Number.isNaN(other[i]) ? fallback : other[i];
        if (col[i] > bound)
          log.add('error', 'exceeds_column', t.lines[i], t.written(c.key), String(col[i]), {
            other: t.written(c.atMost),
            otherValue: Number.isNaN(other[i]) ? String(fallback) : String(other[i]),
            ...(Number.isNaN(other[i]) ? { zh: '，为空时按默认值', en: ', the default for an empty cell' } : {}),
          });
      }
    }
    if (c.notBefore) {
      const other = t.cols[c.notBefore] as Float64Array;
      for (let i = 0; i < t.length; i++) {
        if (col[i] < other[i])
          log.add('error', 'before_column', t.lines[i], t.written(c.key), showValue(c, col[i]), {
            other: t.written(c.notBefore), otherValue: showValue(rule(c.notBefore), other[i]),
          });
      }
    }
  }
}

/** How many rows of one group are compared pairwise before a group gets its own Set. */
const CHAIN_LIMIT = 16;

/**
 * Rows grouped by a text column, as a linked chain per group: `onRow(i, first)` is called for
 * every row after a group's first with that first row, and `sameInGroup(i, j)` finds an
 * earlier row j of i's group with an equal second key. Chains avoid building a
 * concatenated string per row (a million-row projects file has ~1M distinct pairs).
 */
function scanGroups(
  t: TableUnderTest, groupCol: string[], second: string[] | null,
  onDuplicate: (i: number, earlier: number) => void, onRow?: (i: number, first: number) => void,
): void {
  const heads = groupHeads(groupCol);
  const next = new Int32Array(t.length).fill(-1);
  const tail = new Int32Array(t.length);
  const size = new Int32Array(t.length);
  const bigGroups = new Map<number, Map<string, number>>();
  for (let i = 0; i < t.length; i++) {
    const h = heads[i];
    if (h < 0) continue;
    if (h === i) {
      tail[i] = i;
      size[i] = 1;
      continue;
    }
    if (onRow) onRow(i, h);
    if (second !== null && second[i] !== '') {
      const big = bigGroups.get(h);
      if (big) {
        const e = big.get(second[i]);
        if (e === undefined) big.set(second[i], i);
        else onDuplicate(i, e);
      } else {
        for (let j = h; j !== -1; j = next[j]) {
          if (second[j] === second[i]) { onDuplicate(i, j); break; }
        }
        if (size[h] === CHAIN_LIMIT) {
          const m = new Map<string, number>();
          for (let j = h; j !== -1; j = next[j]) if (!m.has(second[j])) m.set(second[j], j);
          m.set(second[i], m.get(second[i]) ?? i);
          bigGroups.set(h, m);
        }
      }
    } else if (second === null) onDuplicate(i, h);
    next[tail[h]] = i;
    tail[h] = i;
    size[h]++;
  }
}

function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Runs up to this many are grouped by sorting (hash, run) pairs packed in one double: 2^32 · 2^21 ≤ 2^53. */
const MAX_SORTED_RUNS = 1 << 21;

/**
 * For every row the first row with the same text (-1 for an empty cell).
 * `groupHeads(['P1', 'P1', '', 'P2', 'P1'])` → [0, 0, -1, 3, 0].
 *
 * Exports list a project's rows together, so rows come in runs of one text; only the runs are
 * grouped, by sorting their hashes (one typed-array sort) instead of a Map of a million ids,
 * which measured ~4× slower: most of its cost is cache misses in a table of ~500k strings.
 */
export function groupHeads(col: string[]): Int32Array {
  const n = col.length;
  const heads = new Int32Array(n).fill(-1);
  // Run starts: a non-empty cell unlike the non-empty cell before it.
  const runStart = new Int32Array(n);
  let runs = 0;
  let prev = '';
  for (let i = 0; i < n; i++) {
    const g = col[i];
    if (g === '') continue;
    if (g !== prev) runStart[runs++] = i;
    prev = g;
  }
  // The head row of each run's group.
  const runHead = new Int32Array(runs);
  if (runs > MAX_SORTED_RUNS) {
    const first = new Map<string, number>();
    for (let r = 0; r < runs; r++) {
      const g = col[runStart[r]];
      const h = first.get(g);
      if (h === undefined) first.set(g, runStart[r]);
      runHead[r] = h ?? runStart[r];
    }
  } else {
    const keys = new Float64Array(runs);
    for (let r = 0; r < runs; r++) keys[r] = stringHash(col[runStart[r]]) * MAX_SORTED_RUNS + r;
    keys.sort();
    // Equal hashes sit together, in run order; within them, equal texts share the earliest run's head.
    for (let a = 0; a < runs;) {
      const hash = Math.floor(keys[a] / MAX_SORTED_RUNS);
      let b = a + 1;
      while (b < runs && Math.floor(keys[b] / MAX_SORTED_RUNS) === hash) b++;
      for (let x = a; x < b; x++) {
        const rx = keys[x] - hash * MAX_SORTED_RUNS;
        runHead[rx] = runStart[rx];
        for (let y = a; y < x; y++) {
          const ry = keys[y] - hash * MAX_SORTED_RUNS;
          if (col[runStart[ry]] === col[runStart[rx]]) { runHead[rx] = runHead[ry]; break; }
        }
      }
      a = b;
    }
  }
  for (let r = 0; r < runs; r++) {
    const h = runHead[r], end = r + 1 < runs ? runStart[r + 1] : n;
    for (let i = runStart[r]; i < end; i++) if (col[i] !== '') heads[i] = h;
  }
  return heads;
}

/** Unique key within the file: the first row holding a key is named in the report; empty keys are the required check's business. */
function checkUniqueKey(t: TableUnderTest, log: IssueLog): void {
  const key = SCHEMAS[t.kind].key;
  if (!key) return;
  const rules = key.map((k) => SCHEMAS[t.kind].columns.find((c) => c.key === k));
  const report = (i: number, first: number) =>
    log.add('error', 'duplicate_key', t.lines[i], key.map((k) => t.written(k)).join('+'),
      key.map((k, j) => showValue(rules[j], t.cols[k][i])).join(' + '), { otherRow: t.lines[first] });
  const a = t.cols[key[0]];
  if (a instanceof Float64Array) {
    const seen = new Map<number, number>();
    for (let i = 0; i < t.length; i++) {
      if (Number.isNaN(a[i])) continue;
      const first = seen.get(a[i]);
      if (first === undefined) seen.set(a[i], i);
      else report(i, first);
    }
    return;
  }
  // Projects check their (project, staff) pairs together with the project-level columns.
  if (t.kind === 'projects') return;
  scanGroups(t, a, key.length > 1 ? (t.cols[key[1]] as string[]) : null, report);
}

/**
 * Projects: a (project_id, staff_id) pair once per file, and the project-level columns
 * (customer, industry, amount, status, decided_on, strategic) equal on every row of a project.
 */
function checkProjects(t: TableUnderTest, log: IssueLog): void {
  const ids = t.cols.project_id as string[];
  const levelRules = SCHEMAS.projects.columns.filter((c) => c.projectLevel);
  // Text and number columns apart: one loop over a mix of string[] and Float64Array reads its
  // cells through a slow polymorphic access, a million rows times six columns.
  const textRules = levelRules.filter((c) => !(t.cols[c.key] instanceof Float64Array));
  const numRules = levelRules.filter((c) => t.cols[c.key] instanceof Float64Array);
  const textCols = textRules.map((c) => t.cols[c.key] as string[]);
  const numCols = numRules.map((c) => t.cols[c.key] as Float64Array);
  const keyName = `${t.written('project_id')}+${t.written('staff_id')}`;
  const staff = t.cols.staff_id as string[];
  const mismatch = (c: ColumnRule, i: number, f: number, a: number | string, b: number | string) =>
    log.add('error', 'project_mismatch', t.lines[i], t.written(c.key), showValue(c, b), {
      other: ids[i], otherRow: t.lines[f], otherValue: showValue(c, a),
    });
  scanGroups(t, ids, staff,
    (i, first) => log.add('error', 'duplicate_key', t.lines[i], keyName, `${ids[i]} + ${staff[i]}`, { otherRow: t.lines[first] }),
    (i, f) => {
      for (let k = 0; k < textCols.length; k++) {
        const col = textCols[k];
        if (col[f] !== col[i]) mismatch(textRules[k], i, f, col[f], col[i]);
      }
      for (let k = 0; k < numCols.length; k++) {
        const col = numCols[k], a = col[f], b = col[i];
        if (a !== b && (a === a || b === b)) mismatch(numRules[k], i, f, a, b);
      }
    });
}

/**
 * Runs every table-level rule of the kind. Cells that failed their format check are NaN/'' by
 * now and so are skipped, never reported twice.
 * `validateTable(t, log)`; then `log.errorCount > 0` blocks the file.
 */
export function validateTable(t: TableUnderTest, log: IssueLog): void {
  checkRowRules(t, log);
  checkUniqueKey(t, log);
  if (t.kind === 'projects') checkProjects(t, log);
}
