/** Labels of the Data page (数据管理): import, validation report, batches, templates. */
import type { Kind } from '../../engine/dataset';
import { dict, type Text } from '../i18n.svelte';

/** Input file kinds as HR calls them (spec §2 headings). `KIND_LABELS.projects.zh` → '项目'. */
export const KIND_LABELS: Record<Kind, Text> = {
  staff: { zh: '人员', en: 'Staff' },
  projects: { zh: '项目', en: 'Projects' },
  requests: { zh: '支持请求', en: 'Support requests' },
  reviews: { zh: '内部评审', en: 'Internal reviews' },
  ratings: { zh: '评分', en: 'Ratings' },
  activities: { zh: '活动', en: 'Activities' },
  metrics: { zh: '指标值', en: 'Metric values' },
  holidays: { zh: '节假日', en: 'Holidays' },
};

/** Where each kind usually comes from, to help HR find the right export. */
export const KIND_SOURCES: Record<Kind, Text> = {
  staff: { zh: 'HR 系统花名册', en: 'HR system roster' },
  projects: { zh: 'CRM 项目及参与售前', en: 'CRM projects and their presales participants' },
  requests: { zh: '销售提交的支持请求', en: 'Support requests raised by sales' },
  reviews: { zh: '内部方案评审记录', en: 'Internal deliverable reviews' },
  ratings: { zh: '满意度调查、考核与测试成绩', en: 'Surveys, assessments and test scores' },
  activities: { zh: '拜访、报告、认证、培训等计数', en: 'Counts of visits, reports, certifications, trainings…' },
  metrics: { zh: '可选：已汇总的指标值（工作坊用）', en: 'Optional: pre-aggregated metric values (for workshops)' },
  holidays: { zh: '可选：法定节假日与调休上班日', en: 'Optional: public holidays and adjusted workdays' },
};

export const SEVERITY_LABELS: Record<'error' | 'warning' | 'notice', Text> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  notice: { zh: '提示', en: 'Notice' },
};

export const DELIMITER_LABELS: Record<string, Text> = {
  ',': { zh: '逗号 ( , )', en: 'comma ( , )' },
  ';': { zh: '分号 ( ; )', en: 'semicolon ( ; )' },
  '\t': { zh: '制表符 (Tab)', en: 'tab' },
};

export const dataText = dict({
  title: { zh: '数据管理', en: 'Data' },
  intro: {
    zh: '导入从 CRM、HR 系统和调查问卷导出的 CSV 文件或 Excel 工作簿。所有数据只保存在本机浏览器中，不会上传。',
    en: 'Import the CSV files or Excel workbooks exported from your CRM, HR system and surveys. All data stays in this browser and is never uploaded.',
  },
  importTitle: { zh: '导入文件', en: 'Import files' },
  dropHere: { zh: '将一个或多个 CSV 文件或 Excel 工作簿拖到这里', en: 'Drop one or more CSV files or Excel workbooks here' },
  or: { zh: '或', en: 'or' },
  chooseFiles: { zh: '选择文件…', en: 'Choose files…' },
  dropHint: {
    zh: '可一次选择多个文件。文件类型按表头识别，与文件名无关；表头可用英文列名或中文列名。工作簿的每个工作表分别识别，说明页等非数据表会跳过。',
    en: 'You can choose several files at once. Each file\'s kind is recognised from its header row, not its name; headers may use the English or the Chinese column names. Each sheet of a workbook is recognised on its own; notes and other non-data sheets are skipped.',
  },
  encoding: { zh: '文件编码', en: 'File encoding' },
  encodingAuto: { zh: '自动识别', en: 'Auto-detect' },
  encodingUtf8: { zh: 'UTF-8', en: 'UTF-8' },
  encodingGb: { zh: 'GB18030（中文版 Excel 默认）', en: 'GB18030 (Chinese Excel default)' },
  encodingHint: {
    zh: '如果导入后中文显示为乱码，请改选编码后重新导入。',
    en: 'If Chinese text looks garbled after import, pick the encoding here and import again.',
  },
  importing: { zh: '正在导入：{file}', en: 'Importing: {file}' },
  saving: { zh: '正在保存 {rows} 行到本机数据库…', en: 'Saving {rows} rows to the local database…' },
  rowsRead: { zh: '已读取 {rows} 行（{percent}%）', en: '{rows} rows read ({percent}%)' },
  cancelImport: { zh: '取消导入', en: 'Cancel import' },
  cancelled: { zh: '导入已取消，已有数据未作任何修改。', en: 'Import cancelled. Existing data was not changed.' },
  importFailed: { zh: '导入失败，已有数据未作任何修改：', en: 'The import failed; existing data was not changed:' },
  notCsv: { zh: '请选择 .csv 文件或 .xlsx/.xls 工作簿。已忽略：{files}', en: 'Please choose .csv files or .xlsx/.xls workbooks. Ignored: {files}' },
  sheet: { zh: '工作表', en: 'Sheet' },
  resultsTitle: { zh: '本次导入结果', en: 'Results of this import' },
  recognisedAs: { zh: '识别为', en: 'Recognised as' },
  notRecognised: { zh: '无法识别', en: 'Not recognised' },
  rows: { zh: '行数', en: 'Rows' },
  encodingUsed: { zh: '编码', en: 'Encoding' },
  delimiter: { zh: '分隔符', en: 'Delimiter' },
  statusImported: { zh: '已导入', en: 'Imported' },
  statusNotImported: { zh: '未导入', en: 'Not imported' },
  statusImportedWithWarnings: {
    zh: '已导入，但有警告：数据已保存，请核对下列行。',
    en: 'Imported with warnings: the data was saved; please check the rows below.',
  },
  statusBlocked: {
    zh: '未导入：文件中有错误，整个文件都没有保存。请按下表修改这些行，保存后重新导入。',
    en: 'Not imported: the file has errors, so none of it was saved. Fix the rows listed below, save the file and import it again.',
  },
  statusRefused: { zh: '未导入：{why}', en: 'Not imported: {why}' },
  reportTitle: { zh: '校验报告', en: 'Validation report' },
  /** the downloaded report's name: `{file}-校验报告.csv` */
  reportFile: { zh: '校验报告', en: 'validation-report' },
  /** a template's file name: the kind's Chinese name in Chinese, its code in English */
  templateFile: { zh: '模板-{label}.csv', en: 'template-{code}.csv' },
  /** an allowed value: its Chinese label and its code, the reader's language first */
  codeAndLabel: { zh: '{label} / {code}', en: '{code} / {label}' },
  noIssues: { zh: '未发现问题。', en: 'No problems found.' },
  colSeverity: { zh: '级别', en: 'Severity' },
  colFile: { zh: '文件', en: 'File' },
  colRow: { zh: '行号', en: 'Row' },
  colColumn: { zh: '列', en: 'Column' },
  colValue: { zh: '值', en: 'Value' },
  colMessage: { zh: '说明', en: 'What to do' },
  showingFirst: { zh: '显示前 {shown} 条，共 {total} 条。', en: 'Showing the first {shown} of {total}.' },
  totalIssues: { zh: '共 {total} 条。', en: '{total} in total.' },
  reportTruncated: {
    zh: '问题过多，完整报告只包含前 {kept} 条（共 {total} 条）。',
    en: 'Too many problems: the full report holds the first {kept} of {total}.',
  },
  downloadReport: { zh: '下载完整报告（CSV）', en: 'Download full report (CSV)' },
  batchesTitle: { zh: '已导入的批次', en: 'Imported batches' },
  batchesHint: {
    zh: '每个导入的文件是一个批次。再次导入带同一编号的行会覆盖旧行，所以“有效行数”可能小于“行数”。',
    en: 'Each imported file is a batch. Importing rows with the same key again replaces the older rows, so "live rows" can be fewer than "rows".',
  },
  noBatches: { zh: '还没有导入任何数据。', en: 'No data has been imported yet.' },
  colFileName: { zh: '文件名', en: 'File name' },
  colKind: { zh: '类型', en: 'Kind' },
  colRows: { zh: '行数', en: 'Rows' },
  colLiveRows: { zh: '有效行数', en: 'Live rows' },
  colImportedAt: { zh: '导入时间', en: 'Imported at' },
  colActions: { zh: '操作', en: 'Actions' },
  deleteBatch: { zh: '删除', en: 'Delete' },
  demoTag: { zh: '演示', en: 'demo' },
  deleteBatchLabel: { zh: '删除批次 {file}', en: 'Delete batch {file}' },
  confirmDeleteBatch: {
    zh: '确定删除批次“{file}”吗？该文件导入的数据将从所有统计中移除。',
    en: 'Delete the batch "{file}"? The data it imported will be removed from every figure.',
  },
  templatesTitle: { zh: 'CSV 模板', en: 'CSV templates' },
  templatesHint: {
    zh: '每种文件需要的列如下。表头可用英文列名或中文列名；带 * 的列必须填写。',
    en: 'The columns each kind of file needs are listed below. Headers may use the English or the Chinese names; columns marked * are required.',
  },
  downloadTemplate: { zh: '下载模板', en: 'Download template' },
  colKey: { zh: '英文列名', en: 'English key' },
  colAlias: { zh: '中文列名', en: 'Chinese name' },
  colRequired: { zh: '是否必填', en: 'Required?' },
  colAllowed: { zh: '可选值', en: 'Allowed values' },
  anyOtherCode: { zh: '也可填写其他自定义代码', en: 'or any other custom code' },
  required: { zh: '必填', en: 'required' },
  conditional: { zh: '条件必填', en: 'conditional' },
  optional: { zh: '选填', en: 'optional' },
  anyMetricColumns: {
    zh: '之后每一列是一个指标编号（如 win_rate），空单元格表示不覆盖。',
    en: 'Every further column is a metric id (e.g. win_rate); an empty cell overrides nothing.',
  },
  maintenanceTitle: { zh: '演示数据与清除', en: 'Demo data and clearing' },
  loadDemo: { zh: '载入演示数据', en: 'Load demo data' },
  loadDemoHint: {
    zh: '载入约 60 名虚构售前人员 2025–2026 年的数据，用于熟悉功能或培训。',
    en: 'Loads 2025–2026 data of about 60 fictitious presales staff, to explore the app or for training.',
  },
  loadingDemo: { zh: '正在载入演示数据…', en: 'Loading demo data…' },
  clearAll: { zh: '清除全部数据', en: 'Clear all data' },
  clearAllHint: {
    zh: '删除本机保存的全部内容：导入的文件、保存的方案与设置。建议先导出需要保留的方案。',
    en: 'Deletes everything stored on this PC: imported files, saved scenarios and settings. Export any scenario you want to keep first.',
  },
  confirmClearAll: {
    zh: '确定要删除本机保存的全部数据（含导入的文件、方案和设置）吗？此操作无法撤销。',
    en: 'Delete all data stored on this PC (imported files, scenarios and settings)? This cannot be undone.',
  },
  cleared: { zh: '已清除全部数据。', en: 'All data has been cleared.' },
  actionFailed: { zh: '操作失败：', en: 'The action failed:' },
});
