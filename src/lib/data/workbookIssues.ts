/**
 * The messages of a workbook import (.xlsx/.xls): what is wrong with the workbook or one of its
 * sheets, where (file, sheet, Excel row, Excel column letter and header), and what to do — in
 * Chinese first and English. The cell-level rules are the CSV import's (issues.ts).
 */
import { shorten, type Issue, type Severity } from './issues';
import type { Text } from '../i18n/text';

export interface WorkbookMsgParams {
  sheet?: string;
  cell?: string;
  value?: string;
  list?: string;
  row?: number;
  count?: number;
  limit?: string;
  detail?: string;
}

type Messages = Record<string, (p: WorkbookMsgParams) => Text>;

const SAVE_AS_XLSX_ZH = '请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入';
const SAVE_AS_XLSX_EN = 'open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" and import that';

export const WORKBOOK_MESSAGES = {
  xlsx_encrypted: () => ({
    zh: `工作簿设置了打开密码，无法读取。请在 Excel 中打开，选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再导入。`,
    en: 'The workbook is protected with a password and cannot be read. Open it in Excel, choose File → Info → Protect Workbook → Encrypt with Password, clear the password, save, and import it again.',
  }),
  xlsx_corrupt: (p) => ({
    zh: `工作簿已损坏或不完整，无法读取（${p.detail}）。${SAVE_AS_XLSX_ZH}；如果打不开，请从原系统重新导出。`,
    en: `The workbook is damaged or incomplete and cannot be read (${p.detail}). Please ${SAVE_AS_XLSX_EN}; if it does not open, export it from the source system again.`,
  }),
  xlsx_empty_file: () => ({
    zh: '文件大小为 0 字节，不是有效的 Excel 工作簿。请重新导出或重新复制该文件。',
    en: 'The file is 0 bytes and is not a valid Excel workbook. Export or copy the file again.',
  }),
  xlsx_unsupported: (p) => ({
    zh: `不支持这种表格格式（${p.detail}）。${SAVE_AS_XLSX_ZH}，或另存为“CSV UTF-8（逗号分隔）”。`,
    en: `This spreadsheet format is not supported (${p.detail}). Please ${SAVE_AS_XLSX_EN}, or save it as "CSV UTF-8 (Comma delimited)".`,
  }),
  xlsx_too_big: (p) => ({
    zh: `工作簿解压后超过 ${p.limit}，超出本工具能安全读取的大小。请删除不需要的工作表、图片或列，或把数据另存为 CSV 后再导入。`,
    en: `Unpacked, the workbook is larger than ${p.limit}, more than this tool reads safely. Delete the sheets, pictures or columns you do not need, or save the data as CSV and import that.`,
  }),
  xlsx_size_mismatch: () => ({
    zh: '工作簿内部记录的大小与实际解压出的内容不符（文件已损坏，或是刻意构造的“压缩炸弹”），为保护本机内存未读取。请在 Excel 或 WPS 中打开并另存为“Excel 工作簿（*.xlsx）”；如果打不开，请从原系统重新导出。',
    en: 'The sizes recorded inside the workbook do not match what it unpacks to (the file is damaged, or built as a "zip bomb"), so it was not read, to protect this computer\'s memory. Open it in Excel or WPS and save it as "Excel Workbook (*.xlsx)"; if it does not open, export it from the source system again.',
  }),
  xlsx_too_many_rows: (p) => ({
    zh: `工作表“${p.sheet}”超过 ${p.limit} 行。请把数据拆分到几个工作簿，或另存为 CSV（CSV 可导入百万行）后再导入。`,
    en: `The sheet "${p.sheet}" has more than ${p.limit} rows. Split the data over several workbooks, or save it as CSV (CSV files of a million rows import) and import that.`,
  }),
  xlsx_too_many_columns: (p) => ({
    zh: `工作表“${p.sheet}”的数据宽达 ${p.count} 列（超过 ${p.limit} 列）。请删除多余的列（常见原因是整列设置了格式）后再导入。`,
    en: `The sheet "${p.sheet}" is ${p.count} columns wide (more than ${p.limit}). Delete the extra columns (often whole columns given a format) and import it again.`,
  }),
  xlsx_no_sheet: (p) => ({
    zh: `工作簿中没有可识别的数据表。工作表：${p.list}。每个数据表的第一行（或标题下面的那一行）需要是表头，例如“工号、姓名、职级、方向”。`,
    en: `No sheet of the workbook holds recognisable data. Sheets: ${p.list}. Each data sheet needs a header row (its first row, or the row below a title), e.g. "staff_id, name, level, domain".`,
  }),
  xlsx_sheets_skipped: (p) => ({
    zh: `以下工作表为空或不是数据表，已跳过：${p.list}。`,
    en: `These sheets are empty or hold no data table and were skipped: ${p.list}.`,
  }),
  xlsx_header_below_title: (p) => ({
    zh: `工作表“${p.sheet}”的表头在第 ${p.row} 行，上面的标题行已忽略。`,
    en: `The header of the sheet "${p.sheet}" is on row ${p.row}; the title rows above it were ignored.`,
  }),
  xlsx_merged_header: (p) => ({
    zh: `工作表“${p.sheet}”的表头有合并单元格（${p.cell}），无法确定每一列的列名。请取消合并，让表头每一列各有一个列名后再导入。`,
    en: `The header of the sheet "${p.sheet}" has merged cells (${p.cell}), so the columns cannot be told apart. Unmerge them so that each column has its own name, and import it again.`,
  }),
  mapping_applied: (p) => ({
    zh: `表头与保存的字段映射一致，已按映射读取为“${p.detail}”文件（${p.count} 列已对应，其余列忽略）。如需修改，请编辑映射后重新导入。`,
    en: `The header matches a saved column mapping: read as a ${p.detail} file (${p.count} columns mapped, the rest ignored). To change it, edit the mapping and import again.`,
  }),
  xlsx_error_cell: (p) => ({
    zh: `单元格 ${p.cell} 是 Excel 错误值“${p.value}”（公式出错）。请修正公式或填入数值后再导入。`,
    en: `The cell ${p.cell} holds the Excel error "${p.value}" (a formula failed). Fix the formula or enter a value and import it again.`,
  }),
  xlsx_formula_no_value: (p) => ({
    zh: `单元格 ${p.cell} 是公式，但文件中没有保存它的计算结果（文件可能由其他程序生成）。请在 Excel 中打开并保存一次（会重新计算）后再导入。`,
    en: `The cell ${p.cell} holds a formula whose result was not saved in the file (it may have been written by another program). Open the file in Excel and save it once (Excel recalculates) and import it again.`,
  }),
} satisfies Messages;

/** The codes of the workbook import's issues. */
export type WorkbookIssueCode = keyof typeof WORKBOOK_MESSAGES;

/**
 * One workbook issue with both messages.
 * `workbookIssue('error', 'xlsx_error_cell', 'a.xlsx', '项目', 4, 'F 金额', '#N/A', { cell: 'F4' })`.
 */
export function workbookIssue(
  severity: Severity, code: WorkbookIssueCode, file: string, sheet: string | null, row: number | null, column: string | null,
  value: string | null, params: WorkbookMsgParams = {},
): Issue {
  const shown = value === null ? null : shorten(value);
  const msg: Messages[string] | undefined = WORKBOOK_MESSAGES[code];
  if (!msg) throw new Error(`no message for workbook issue code ${code}`);
  const { zh, en } = msg({ sheet: sheet ?? '', value: shown ?? '', ...params });
  const issue: Issue = { severity, file, row, column, value: shown, code, message_zh: zh, message_en: en };
  if (sheet !== null) issue.sheet = sheet;
  return issue;
}
