/** Labels of the export formats: CSV for machines, Excel workbooks for people (#17). */
import { dict } from '../i18n.svelte';

export const exportFormatText = dict({
  format: { zh: '格式', en: 'Format' },
  formatCsv: { zh: 'CSV（规范 §8，供系统导入）', en: 'CSV (spec §8, for other systems)' },
  formatXlsx: { zh: 'Excel 工作簿（.xlsx，供人阅读）', en: 'Excel workbook (.xlsx, for people)' },
  chineseHeaders: { zh: '中文表头和标签（工号、中级、行业解决方案、是/否）', en: 'Chinese headers and labels (工号, 中级, 行业解决方案, 是/否)' },
  schemeSheet: { zh: '附“方案”工作表（权重、目标、分数线）', en: 'Add a "Scheme" sheet (weights, targets, thresholds)' },
  logSheet: { zh: '附“校准记录”工作表', en: 'Add a "Calibration log" sheet' },
  downloadXlsx: { zh: '下载结果工作簿', en: 'Download results workbook' },
  resultsSheet: { zh: '结果', en: 'Results' },
  logSheetName: { zh: '校准记录', en: 'Calibration log' },
  resultsFile: { zh: '售前KPI结果', en: 'presales-kpi-results' },
  xlsxNote: {
    zh: '工作簿中数值为数字单元格（两位小数），表头冻结并可筛选；以 =、+、-、@ 开头的文字按文本保存，不会被当作公式。',
    en: 'In the workbook numbers are number cells (2 decimals), the header row is frozen and filterable; text starting with =, +, - or @ is stored as text, never as a formula.',
  },
  downloadReportXlsx: { zh: '下载报告（xlsx）', en: 'Download report (xlsx)' },
  downloadLogXlsx: { zh: '导出日志 xlsx', en: 'Export log xlsx' },
});
