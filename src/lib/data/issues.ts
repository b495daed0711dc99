/**
 * Import issues: what is wrong with a CSV file, where, and what HR should do about it — in
 * Chinese first and English. Every message of the import lives here, so the wording is
 * consistent and a translator finds it in one file.
 */
import { csvCell } from '../engine/csvCell';
import type { WorkbookIssueCode } from './workbookIssues';
import type { Lang, Text } from '../i18n/text';

export interface Issue {
  severity: 'error' | 'warning' | 'notice';
  file: string;
  /** the worksheet of a workbook (.xlsx) the issue is in; absent for CSV files */
  sheet?: string;
  /** spreadsheet line number (header = line 1); null for whole-file issues */
  row: number | null;
  /** the column as written in the file's header */
  column: string | null;
  value: string | null;
  code: IssueCode;
  message_zh: string;
  message_en: string;
}

export type Severity = Issue['severity'];

/** Everything a message may mention. Values are already shortened for display. */
export interface MsgParams {
  col?: string;
  row?: number | null;
  value?: string;
  other?: string;
  otherValue?: string;
  otherRow?: number;
  kindZh?: string;
  kindEn?: string;
  count?: number;
  /** a list that must not be cut to the 60-character value (the columns of an unrecognised header) */
  list?: string;
  zh?: string;
  en?: string;
}

type Messages = Record<string, (p: MsgParams) => Text>;

const at = (p: MsgParams): Text =>
  p.row == null ? { zh: '', en: '' } : { zh: `；请修改第 ${p.row} 行`, en: `; please fix line ${p.row}` };
const now = (p: MsgParams): Text => ({ zh: `（现在是“${p.value}”）`, en: ` (found "${p.value}")` });

/** Message texts by issue code. `p.zh`/`p.en` carry a code-specific detail (allowed values, ranges, lists). */
const MESSAGES = {
  file_xlsx: () => ({
    zh: '这是 Excel 工作簿，但文件名不以 .xlsx 或 .xls 结尾。请把文件名的扩展名改回 .xlsx（或 .xls）后重新拖入；也可以在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入。',
    en: 'This is an Excel workbook, but its name does not end in .xlsx or .xls. Rename it to .xlsx (or .xls) and drop it again; or save it from Excel as "CSV UTF-8 (Comma delimited)" and import that.',
  }),
  file_zip: () => ({
    zh: '这是一个 ZIP 压缩包，不是 CSV 文件，也不是 Excel 工作簿。请先解压，再导入其中的 CSV 文件。',
    en: 'This is a ZIP archive, neither a CSV file nor an Excel workbook. Unpack it first, then import the CSV files inside.',
  }),
  file_text_named_workbook: (p) => ({
    zh: `文件名是 ${p.value}，但内容是文本（CSV），不是 Excel 工作簿；已按 CSV 文件读取。`,
    en: `The file is named ${p.value} but holds text (CSV), not an Excel workbook; it was read as a CSV file.`,
  }),
  file_binary: () => ({
    zh: '文件含有二进制内容，不是文本格式的 CSV。请从原系统重新导出为 CSV 文件后再导入。',
    en: 'The file contains binary data and is not a text CSV. Export it from the source system as CSV again and import that.',
  }),
  file_utf16: () => ({
    zh: '文件是 UTF-16（“Unicode 文本”）编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入。',
    en: 'The file is UTF-16 ("Unicode Text"). Save it from Excel as "CSV UTF-8 (Comma delimited)" and import that.',
  }),
  undecodable_chars: () => ({
    zh: '文件中有无法按 UTF-8 或 GBK 识别的字符（显示为 �），姓名等文字可能是乱码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重新导入，或在“文件编码”中手动选择编码。',
    en: 'Some characters could not be read as UTF-8 or GBK (shown as �): names and other text may be garbled. Save the file from Excel as "CSV UTF-8 (Comma delimited)" and import it again, or choose the encoding by hand.',
  }),
  mixed_line_breaks: () => ({
    zh: '文件中有的行以 CRLF 换行（Excel 的写法），有的行只以 LF 换行（常见于在文本编辑器中追加的行）。已把两种都当作换行读取，请核对行数是否正确。',
    en: 'Some lines of the file end in CR LF (as Excel writes them) and some in a bare LF (as lines added in a text editor often do). Both were read as line breaks; check that the row count is right.',
  }),
  file_empty: () => ({
    zh: '文件是空的。请选择含有表头和数据行的 CSV 文件。',
    en: 'The file is empty. Choose a CSV file with a header row and data rows.',
  }),
  no_rows: () => ({
    zh: '文件只有表头，没有数据行。请在表头下方填写数据后再导入。',
    en: 'The file has a header row but no data rows. Add data below the header and import it again.',
  }),
  csv_quotes: (p) => ({
    zh: `第 ${p.row} 行附近的双引号没有成对出现，之后的内容可能被并进同一个单元格。请检查该行的引号。`,
    en: `The double quotes near line ${p.row} are not balanced, so the following text may have merged into one cell. Check the quotes on that line.`,
  }),
  unknown_kind: (p) => ({
    zh: `无法识别文件类型。表头中的列：${p.list}。每类文件至少需要这些列：${p.zh}。请把表头改成其中一类的列名（中文或英文均可）。`,
    en: `The file type cannot be recognised. Columns in the header: ${p.list}. Each file type needs at least: ${p.en}. Rename the header columns to one type's names (Chinese or English).`,
  }),
  missing_column: (p) => ({
    zh: `识别为“${p.kindZh}”文件，但缺少必填列“${p.col}”。请在表头加上这一列并填写数据。`,
    en: `Recognised as a ${p.kindEn} file, but the required column "${p.col}" is missing. Add this column to the header and fill it in.`,
  }),
  duplicate_column: (p) => ({
    zh: `列“${p.col}”在表头中出现了不止一次（${p.zh}）。请删除或改名多余的列。`,
    en: `The column "${p.col}" appears more than once in the header (${p.en}). Delete or rename the extra column.`,
  }),
  unknown_column: (p) => ({
    zh: `列“${p.col}”不是“${p.kindZh}”文件的列，导入时会忽略。如需使用，请检查列名拼写。`,
    en: `The column "${p.col}" is not a ${p.kindEn} column and is ignored. If you need it, check the spelling of its name.`,
  }),
  custom_metric_column: (p) => ({
    zh: `列“${p.col}”不是标准指标，按自定义指标“${p.col}”导入；只有方案中定义了同名指标时才会用到。`,
    en: `The column "${p.col}" is not a standard metric; it is imported as custom metric "${p.col}" and used only if the scenario defines a metric with that id.`,
  }),
  extra_cells: (p) => ({
    zh: `第 ${p.row} 行的单元格比表头多，多出的内容被忽略。请检查该行是否多了分隔符（例如含逗号的金额要加引号）。`,
    en: `Line ${p.row} has more cells than the header; the extra cells are ignored. Check the line for a stray delimiter (a number with commas must be quoted).`,
  }),
  required: (p) => ({
    zh: `“${p.col}”为空，这是必填项；请在第 ${p.row} 行填写。`,
    en: `"${p.col}" is empty but required; please fill it in on line ${p.row}.`,
  }),
  not_number: (p) => ({
    zh: `“${p.col}”必须是数字，例如 1200000、1,200,000 或 120万${p.zh ?? ''}${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be a number, e.g. 1200000, 1,200,000 or 120万${p.en ?? ''}${now(p).en}${at(p).en}.`,
  }),
  not_integer: (p) => ({
    zh: `“${p.col}”必须是整数，例如 3${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be a whole number, e.g. 3${now(p).en}${at(p).en}.`,
  }),
  not_boolean: (p) => ({
    zh: `“${p.col}”必须是“是”或“否”（也可写 true/false、1/0、yes/no、y/n）${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be yes or no (true/false, 1/0, yes/no, y/n, 是/否)${now(p).en}${at(p).en}.`,
  }),
  not_date: (p) => ({
    zh: `“${p.col}”必须是日期，例如 2026-03-31、2026/3/31、2026.3.31 或 2026年3月31日${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be a date, e.g. 2026-03-31, 2026/3/31, 2026.3.31 or 2026年3月31日${now(p).en}${at(p).en}.`,
  }),
  impossible_date: (p) => ({
    zh: `“${p.col}”的日期或时间“${p.value}”不存在（例如 2 月没有 30 日，小时最大 23）${at(p).zh}。`,
    en: `"${p.col}": the date or time "${p.value}" does not exist (e.g. February has no 30th, hours go up to 23)${at(p).en}.`,
  }),
  not_datetime: (p) => ({
    zh: `“${p.col}”必须是日期加时间，例如 2026-03-31 14:30 或 2026/3/31 14:30:00${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be a date and time, e.g. 2026-03-31 14:30 or 2026/3/31 14:30:00${now(p).en}${at(p).en}.`,
  }),
  not_enum: (p) => ({
    zh: `“${p.col}”只能是 ${p.zh}${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be one of ${p.en}${now(p).en}${at(p).en}.`,
  }),
  not_period: (p) => ({
    zh: `“${p.col}”必须是季度或年份，例如 2026Q1 或 2026${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be a quarter or a year, e.g. 2026Q1 or 2026${now(p).en}${at(p).en}.`,
  }),
  out_of_range: (p) => ({
    zh: `“${p.col}”必须${p.zh}${now(p).zh}${at(p).zh}。`,
    en: `"${p.col}" must be ${p.en}${now(p).en}${at(p).en}.`,
  }),
  exceeds_column: (p) => ({
    zh: `“${p.col}”（${p.value}）不能大于“${p.other}”（${p.otherValue}${p.zh ?? ''}）${at(p).zh}。`,
    en: `"${p.col}" (${p.value}) cannot be greater than "${p.other}" (${p.otherValue}${p.en ?? ''})${at(p).en}.`,
  }),
  before_column: (p) => ({
    zh: `“${p.col}”（${p.value}）早于“${p.other}”（${p.otherValue}），时间顺序不对${at(p).zh}。`,
    en: `"${p.col}" (${p.value}) is earlier than "${p.other}" (${p.otherValue}), which is impossible${at(p).en}.`,
  }),
  conditional_required: (p) => ({
    zh: `“${p.other}”为“${p.otherValue}”时，“${p.col}”必须填写；请在第 ${p.row} 行填写。`,
    en: `"${p.col}" is required when "${p.other}" is "${p.otherValue}"; please fill it in on line ${p.row}.`,
  }),
  only_when: (p) => ({
    zh: `“${p.col}”只用于${p.zh}的行，第 ${p.row} 行的这个值不会被使用；如果类型填错了，请修改。`,
    en: `"${p.col}" is used only on rows where ${p.en}; the value on line ${p.row} is ignored. Fix the type if it is wrong.`,
  }),
  duplicate_key: (p) => ({
    zh: `${p.col}“${p.value}”在第 ${p.otherRow} 行和第 ${p.row} 行重复出现；同一文件中每个${p.col}只能出现一次，请删除或合并重复的行。`,
    en: `${p.col} "${p.value}" appears on line ${p.otherRow} and again on line ${p.row}; each ${p.col} may appear only once in a file. Delete or merge the duplicate rows.`,
  }),
  project_mismatch: (p) => ({
    zh: `项目“${p.other}”的“${p.col}”在第 ${p.otherRow} 行是“${p.otherValue}”，在第 ${p.row} 行是“${p.value}”；同一项目每一行的项目信息必须一致，请统一后再导入。`,
    en: `Project "${p.other}": "${p.col}" is "${p.otherValue}" on line ${p.otherRow} but "${p.value}" on line ${p.row}; project details must be the same on every row of a project. Make them agree and import again.`,
  }),
  date_out_of_range: (p) => ({
    zh: `“${p.col}”的日期“${p.value}”超出可接受的范围：本程序读取 1900-01-01 至 2200-12-31 之间的日期${at(p).zh}。`,
    en: `"${p.col}": the date "${p.value}" is outside the accepted range; the app reads dates from 1900-01-01 to 2200-12-31${at(p).en}.`,
  }),
  number_out_of_bounds: (p) => ({
    zh: `“${p.col}”的数值“${p.value}”超出可处理的范围：数值的绝对值最大为 10^15（1000 万亿），且不能小到被当作 0（如 1e-400）${at(p).zh}。`,
    en: `"${p.col}": the number "${p.value}" is outside what the app can hold exactly: at most 10^15 (a thousand trillion) in size, and not so small it would read as 0 (like 1e-400)${at(p).en}.`,
  }),
  implausible_date: (p) => ({
    zh: `“${p.col}”有 ${p.count} 个日期不在 ${p.zh} 之间（可能是占位值，如 1900-01-01），第 ${p.row} 行起（例如“${p.value}”）；已按原值导入，但这些日期所在的期间不会出现在期间选择中。请核对。`,
    en: `"${p.col}": ${p.count} date(s) outside ${p.en} (perhaps a placeholder such as 1900-01-01), from line ${p.row} (e.g. "${p.value}"); imported as written, but their periods are not offered in the period picker. Please check them.`,
  }),
  implausible_number: (p) => ({
    zh: `“${p.col}”有 ${p.count} 个值大于通常的上限 ${p.zh}，第 ${p.row} 行起（例如“${p.value}”）；已按原值导入，请核对是否多写了位数。`,
    en: `"${p.col}": ${p.count} value(s) above the usual maximum of ${p.en}, from line ${p.row} (e.g. "${p.value}"); imported as written. Please check for extra digits.`,
  }),
  too_many_columns: (p) => ({
    zh: `第 ${p.row} 行有超过 ${p.count} 列（Excel 的列数上限），不是正常的表格：可能整个文件只有一行，或分隔符不对。已停止读取此文件，请从原系统重新导出 CSV。`,
    en: `Line ${p.row} has more than ${p.count} columns (Excel's column limit), so it is not a normal table: perhaps the whole file is one line, or the delimiter is wrong. Reading stopped; export the CSV from the source system again.`,
  }),
  record_too_long: (p) => ({
    zh: `第 ${p.row} 行超过 ${p.count} MB，不是正常的表格行（可能整个文件只有一行，或引号没有闭合）。已停止读取此文件，请从原系统重新导出 CSV。`,
    en: `Line ${p.row} is longer than ${p.count} MB, which no table row is (perhaps the whole file is one line, or a quote is never closed). Reading stopped; export the CSV from the source system again.`,
  }),
  cell_too_long: (p) => ({
    zh: `“${p.col}”的单元格有 ${p.count} 个字符，超过 32767（Excel 单元格的上限）（开头是“${p.value}”）${at(p).zh}。`,
    en: `"${p.col}": a cell of ${p.count} characters, more than 32767 (Excel's cell limit) (it starts "${p.value}")${at(p).en}.`,
  }),
  invisible_chars: (p) => ({
    zh: `“${p.col}”有 ${p.count} 个单元格含不可见字符（如零宽空格、不换行空格），已去除后导入，第 ${p.row} 行起（原为“${p.value}”）；去除后相同的编号视为同一个。请在原系统中清理这些字符。`,
    en: `"${p.col}": ${p.count} cell(s) held invisible characters (such as zero-width or no-break spaces), removed on import, from line ${p.row} (was "${p.value}"); values equal after removal are the same key. Clean them in the source system.`,
  }),
  custom_activity_type: (p) => ({
    zh: `活动类型“${p.value}”不是已知类型，按自定义类型导入（第 ${p.row} 行起共 ${p.count} 行）；如果是笔误，请改成已知类型。`,
    en: `Activity type "${p.value}" is not a known type and is imported as a custom type (${p.count} rows from line ${p.row}); if it is a typo, change it to a known type.`,
  }),
  unknown_staff: (p) => ({
    zh: `工号“${p.value}”不在人员文件中（第 ${p.row} 行起共 ${p.count} 行）；这些行不会计入任何人的考核。请核对工号，或在人员文件中补充此人。`,
    en: `Staff ID "${p.value}" is not in the staff file (${p.count} rows from line ${p.row}); these rows count for nobody. Check the ID or add the person to the staff file.`,
  }),
  more_issues: (p) => ({
    zh: `“${p.col}”还有 ${p.count} 处同类问题（${p.value}）未逐条列出；请按上面的说明一并修改。`,
    en: `${p.count} more issues of the same kind (${p.value}) in "${p.col}" are not listed one by one; fix them as described above.`,
  }),
} satisfies Messages;

/** The codes of the CSV import's issues. */
export type CsvIssueCode = keyof typeof MESSAGES;
/** Every issue code there is (CSV and workbook): a misspelt code does not compile. */
export type IssueCode = CsvIssueCode | WorkbookIssueCode;

/** Longest cell value shown in an issue; a 10,000-character cell must not flood the report. */
export const MAX_SHOWN = 60;

/** `shorten('x'.repeat(100)).length === 60`. */
export function shorten(value: string): string {
  return value.length <= MAX_SHOWN ? value : value.slice(0, MAX_SHOWN - 1) + '…';
}

/**
 * Builds one issue with both messages. `value` is shortened here, so callers may pass raw cells.
 * `makeIssue('error', 'required', 'a.csv', 12, '金额', null).message_zh` mentions line 12.
 */
export function makeIssue(
  severity: Severity, code: CsvIssueCode, file: string, row: number | null, column: string | null,
  value: string | null, params: MsgParams = {},
): Issue {
  const shown = value === null ? null : shorten(value);
  const msg: Messages[string] | undefined = MESSAGES[code];
  if (!msg) throw new Error(`no message for issue code ${code}`);
  const { zh, en } = msg({ col: column ?? '', row, value: shown ?? '', ...params });
  return { severity, file, row, column, value: shown, code, message_zh: zh, message_en: en };
}

/**
 * Collects a file's issues, listing at most `cap` of each (code, column) one by one and
 * summarising the rest: a million bad cells in one column is one problem to HR, not a
 * million report lines.
 */
export class IssueLog {
  readonly issues: Issue[] = [];
  errorCount = 0;
  private readonly counts = new Map<string, { n: number; severity: Severity; column: string | null }>();

  constructor(readonly file: string, readonly cap = 100) {}

  add(severity: Severity, code: CsvIssueCode, row: number | null, column: string | null, value: string | null, params?: MsgParams): void {
    if (severity === 'error') this.errorCount++;
    const group = `${code}\u0000${column ?? ''}`;
    const c = this.counts.get(group);
    if (c === undefined) this.counts.set(group, { n: 1, severity, column });
    else if (++c.n > this.cap) return;
    this.issues.push(makeIssue(severity, code, this.file, row, column, value, params));
  }

  /** The issues, with one `more_issues` line per capped group. */
  finish(): Issue[] {
    for (const [group, c] of this.counts) {
      if (c.n <= this.cap) continue;
      const code = group.slice(0, group.indexOf('\u0000'));
      this.issues.push(makeIssue(c.severity, 'more_issues', this.file, null, c.column, code, { count: c.n - this.cap }));
    }
    return this.issues;
  }
}

/** The report's columns and severities; an issue's message is its stored `message_zh` / `message_en`. */
const REPORT = {
  severity: { zh: '级别', en: 'severity' }, file: { zh: '文件', en: 'file' }, sheet: { zh: '工作表', en: 'sheet' },
  row: { zh: '行', en: 'row' }, column: { zh: '列', en: 'column' }, value: { zh: '值', en: 'value' },
  code: { zh: '代码', en: 'code' }, message: { zh: '说明', en: 'message' },
  error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' }, notice: { zh: '提示', en: 'notice' },
} satisfies Record<string, Text>;

/**
 * The downloadable issue report (UTF-8 with BOM, CRLF, so Excel opens the Chinese text).
 * `issuesToCsv(issues, 'zh')` starts with '\uFEFF级别,文件,行,列,值,代码,说明'.
 */
export function issuesToCsv(issues: Issue[], lang: Lang): string {
  // A sheet column only when some issue is in a workbook: CSV-only reports keep their columns.
  const sheets = issues.some((i) => i.sheet !== undefined);
  const head = (['severity', 'file', 'row', 'column', 'value', 'code', 'message'] as const).map((k) => REPORT[k][lang]);
  if (sheets) head.splice(2, 0, REPORT.sheet[lang]);
  const lines = [head.join(',')];
  for (const i of issues) {
    const cells = [
      REPORT[i.severity][lang], i.file, i.row === null ? '' : String(i.row), i.column ?? '',
      i.value ?? '', i.code, { zh: i.message_zh, en: i.message_en }[lang],
    ];
    if (sheets) cells.splice(2, 0, i.sheet ?? '');
    lines.push(cells.map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
