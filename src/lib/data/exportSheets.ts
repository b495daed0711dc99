/**
 * The app's CSV exports made for people: the results of spec §8 with Chinese headers and labels
 * (中文表头: 工号, 职级 中级, 方向 行业解决方案, 是/否), any export CSV as a typed worksheet (numbers
 * as number cells), the scheme used as a worksheet, and file names in the UI's language. The §8
 * CSV itself (English codes) stays the machines' default and is built by engine/exportCsv.ts.
 */
import Papa from 'papaparse';
import { csvLine } from '../engine/csvCell';
import type { Scenario } from '../engine/types';
import { SCHEMAS } from './schema';
import type { Lang, Text } from '../i18n/text';
import type { XlsxColumn, XlsxFormat, XlsxSheet, XlsxValue } from './xlsxWriter';

/** Records of a CSV text (a leading BOM dropped, the trailing line end ignored). */
function records(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  if (text === '') return [];
  return Papa.parse<string[]>(text, { header: false }).data;
}

const FIXED_ZH: Record<string, string> = {
  staff_id: '工号', name: '姓名', team: '团队', level: '职级', domain: '方向', period: '期间', total: '总分',
  coverage: '数据覆盖率', grade: '等级', forced_grade: '强制分布等级', final_grade: '最终等级', rank: '排名',
  bonus_points: '加分', bonus_amount: '奖金', promotion_eligible: '可晋升', improvement_plan: '需改进计划', override_reason: '校准理由',
};

const labelOf = (key: 'level' | 'domain') => {
  const rule = SCHEMAS.staff.columns.find((c) => c.key === key)!;
  return new Map(rule.codes!.map((code, i) => [code, rule.labelsZh![i]]));
};

/**
 * The results CSV (spec §8 text) with Chinese headers and labels: 职级 初级/中级/资深, 方向
 * 行业解决方案/…, booleans 是/否, each indicator's points column named after the indicator
 * (`赢单率得分`). Cells keep the §8 formula guard (csvLine).
 * `chineseResultsCsv(csv, scenario).split('\n')[0]` → '\uFEFF工号,姓名,团队,职级,…'.
 */
export function chineseResultsCsv(csv: string, scenario: Scenario): string {
  const rows = records(csv);
  if (rows.length === 0) return csv;
  const labels = new Map(scenario.indicators.map((ind) => [`${ind.id}_points`, `${ind.label_zh}得分`]));
  const level = labelOf('level'), domain = labelOf('domain');
  const header = rows[0];
  const out = [csvLine(header.map((h) => FIXED_ZH[h] ?? labels.get(h) ?? h))];
  for (const row of rows.slice(1)) {
    out.push(csvLine(row.map((v, i) => {
      const h = header[i];
      // The §8 text is already guarded; csvLine guards again, so the guard's ' comes off first.
      const raw = v.startsWith("'") && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
      if (h === 'level') return level.get(raw) ?? raw;
      if (h === 'domain') return domain.get(raw) ?? raw;
      if (raw === 'true') return '是';
      if (raw === 'false') return '否';
      return raw;
    })));
  }
  return `\uFEFF${out.join('\n')}\n`;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
/** Columns that hold codes or ids: text even when every value looks like a number. */
const TEXT_COLUMNS = /^(staff_id|工号|id|记录编号|period|期间|row|行)$/i;

/** Display width of a text: CJK characters take two columns. */
const widthOf = (s: string) => {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
};

/**
 * An export CSV as a worksheet: a column whose every value is a plain number becomes number
 * cells (two decimals when the CSV writes decimals), `true`/`false` become boolean cells, the
 * CSV's formula-guard apostrophe comes off (the xlsx writer marks such text instead); widths
 * follow the longest of the header and the first 500 values.
 * `csvToSheet('\uFEFFstaff_id,total\nPS1,85.50\n', '结果').rows` → [['PS1', 85.5]].
 */
export function csvToSheet(csv: string, name: string): XlsxSheet {
  const [header = [], ...body] = records(csv);
  const columns: XlsxColumn[] = header.map((h, c) => {
    const values = body.map((r) => r[c] ?? '').filter((v) => v !== '');
    let format: XlsxFormat | undefined;
    if (!TEXT_COLUMNS.test(h) && values.length > 0 && values.every((v) => NUMBER.test(v))) format = values.some((v) => v.includes('.')) ? 'decimal2' : 'integer';
    const longest = Math.max(widthOf(h), ...values.slice(0, 500).map(widthOf));
    return { header: h, format, width: Math.min(50, Math.max(8, longest + 2)) };
  });
  const rows: XlsxValue[][] = body.map((r) => columns.map((column, c) => {
    const v = r[c] ?? '';
    if (v === '') return null;
    if (column.format) return Number(v);
    if (v === 'true' || v === 'false') return v === 'true';
    return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
  }));
  return { name, columns, rows };
}

/** The scheme sheet's name, columns and row kinds. */
const SCHEME_SHEET = {
  sheet: { zh: '方案', en: 'Scheme' },
  section: { zh: '部分', en: 'section' }, name: { zh: '名称', en: 'name' }, category: { zh: '类别', en: 'category' },
  value: { zh: '权重 / 数值', en: 'weight / value' }, target: { zh: '目标', en: 'target' }, unit: { zh: '单位', en: 'unit' },
  direction: { zh: '方向', en: 'direction' },
  indicator: { zh: '指标', en: 'indicator' }, metric: { zh: '度量', en: 'metric' }, threshold: { zh: '等级分数线', en: 'grade threshold' },
  scoring: { zh: '计分规则', en: 'scoring rule' }, share: { zh: '强制分布比例', en: 'forced distribution share' },
  forced: { zh: '强制分布', en: 'forced distribution' }, inUse: { zh: '启用', en: 'in use' },
} satisfies Record<string, Text>;

/**
 * The scheme a result was computed with, as a worksheet: each indicator (category, weight) and
 * its metrics (target, unit, direction, sub-weight), the grade thresholds, the scoring rule and
 * the forced distribution's shares.
 * `scenarioSheet(scenario, 'zh').rows[0]` → ['指标', '赢单率（win_rate）', '结果', 20, …].
 */
export function scenarioSheet(s: Scenario, lang: Lang): XlsxSheet {
  const L = (key: keyof typeof SCHEME_SHEET) => SCHEME_SHEET[key][lang];
  const head = (['section', 'name', 'category', 'value', 'target', 'unit', 'direction'] as const).map(L);
  const rows: XlsxValue[][] = [];
  for (const ind of s.indicators) {
    rows.push([L('indicator'), `${{ zh: ind.label_zh, en: ind.label_en }[lang]} (${ind.id})`, ind.category, ind.weight, null, null, null]);
    for (const m of ind.metrics) {
      rows.push([L('metric'), m.id, ind.category, m.subweight, m.target, m.unit ?? null, m.direction]);
    }
  }
  for (const [g, v] of Object.entries(s.grades)) rows.push([L('threshold'), g, null, v, null, null, null]);
  for (const [k, v] of Object.entries(s.scoring)) if (typeof v === 'number') rows.push([L('scoring'), k, null, v, null, null, null]);
  for (const [band, v] of Object.entries(s.forced_distribution.shares)) rows.push([L('share'), band, null, v, null, null, null]);
  rows.push([L('forced'), L('inUse'), null, s.forced_distribution.use_forced_distribution, null, null, null]);
  const widths = [14, 34, 12, 14, 10, 10, 10];
  return { name: L('sheet'), columns: head.map((header, i) => ({ header, width: widths[i] })), rows };
}

/** Characters no file name may hold on Windows or macOS, and control characters. */
// eslint-disable-next-line no-control-regex
const NOT_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * A download's file name in the UI's language, without characters a file system refuses and
 * without stray punctuation: `exportFileName(['售前KPI结果', '2026Q1', '标准方案（季度）'], 'xlsx')`
 * → '售前KPI结果-2026Q1-标准方案（季度）.xlsx'.
 */
export function exportFileName(parts: string[], ext: string): string {
  const clean = parts.map((p) => p.replace(NOT_IN_NAME, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return `${clean.join('-')}.${ext}`;
}

export interface ResultsWorkbookOptions {
  /** the §8 results CSV (resultsExport.csv()) */
  csv: string;
  scenario: Scenario;
  lang: 'zh' | 'en';
  /** 中文表头 and labels */
  chinese: boolean;
  /** add the scheme sheet */
  scheme: boolean;
  /** the calibration log as CSV (calibrationLogToCsv), or null for no log sheet */
  logCsv: string | null;
  /** sheet names in the UI's language */
  names: { results: string; log: string };
}

/** The sheets of the results workbook: results, then the scheme and the calibration log when asked for. */
export function resultsWorkbookSheets(o: ResultsWorkbookOptions): XlsxSheet[] {
  const sheets = [csvToSheet(o.chinese ? chineseResultsCsv(o.csv, o.scenario) : o.csv, o.names.results)];
  if (o.scheme) sheets.push(scenarioSheet(o.scenario, o.lang));
  if (o.logCsv !== null) sheets.push(csvToSheet(o.logCsv, o.names.log));
  return sheets;
}
