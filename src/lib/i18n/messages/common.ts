/** Labels of the app shell: header, navigation, banners, generic actions. */
import type { Period } from '../../engine/types';
import { dict, type Lang } from '../i18n.svelte';
import { fill } from '../text';

export { fill } from '../text';

export const commonText = dict({
  productName: { zh: '售前KPI工作室', en: 'Presales KPI Studio' },
  /** the window title: the product in the UI's language first, then in the other */
  documentTitle: { zh: '售前KPI工作室 · Presales KPI Studio', en: 'Presales KPI Studio · 售前KPI工作室' },
  /** the page's `lang` attribute and the locale numbers are written in */
  langTag: { zh: 'zh-CN', en: 'en' },
  /** between the items of a list written inline: 'A、B' / 'A, B' */
  listSep: { zh: '、', en: ', ' },
  /** a name beside its code or its other-language name: '中级（mid）' / 'mid (中级)' */
  nameWithCode: { zh: '{zh}（{code}）', en: '{code} ({zh})' },
  /** after a label: `{label}{colon}{value}` */
  colon: { zh: '：', en: ': ' },
  periodQuarter: { zh: '{year}年第{quarter}季度', en: '{year} Q{quarter}' },
  periodYear: { zh: '{year}年全年', en: '{year} (full year)' },
  productTagline: { zh: '数据仅保存在本机浏览器中', en: 'Data stays in this browser on this PC' },
  navLabel: { zh: '主导航', en: 'Main navigation' },
  navOverview: { zh: '总览', en: 'Overview' },
  navWeights: { zh: '权重调整', en: 'Weights' },
  navPeople: { zh: '人员', en: 'People' },
  navPerson: { zh: '个人', en: 'Person' },
  navExport: { zh: '导出', en: 'Export' },
  navData: { zh: '数据管理', en: 'Data' },
  navWorkshop: { zh: '方案工作坊', en: 'Workshop' },
  navResults: { zh: '结果应用', en: 'Results in use' },
  subNavLabel: { zh: '本栏目页面', en: 'Pages in this section' },
  period: { zh: '考核期间', en: 'Period' },
  noPeriods: { zh: '暂无数据', en: 'No data yet' },
  language: { zh: '语言', en: 'Language' },
  switchToEnglish: { zh: '切换到英文', en: 'Switch to English' },
  switchToChinese: { zh: '切换到中文', en: 'Switch to Chinese' },
  loading: { zh: '正在打开本地数据…', en: 'Opening local data…' },
  loadFailed: {
    zh: '无法打开本地数据库。请确认浏览器未处于无痕模式且允许本站存储数据，然后刷新页面。',
    en: 'The local database could not be opened. Make sure the browser is not in private mode and allows this site to store data, then reload the page.',
  },
  errorDetail: { zh: '详细信息', en: 'Details' },
  loadingRest: {
    zh: '当前显示的是上次计算保存的结果；正在后台读取全部原始记录，完成前其他期间和方案暂不可用。',
    en: 'Showing the figures saved at the last calculation; all raw records are loading in the background. Other periods and scenarios are available once they are in.',
  },
  dataPending: {
    zh: '数据已更新，正在按新数据重新计算；完成前不显示、不导出结果。',
    en: 'The data has changed and the results are being recomputed from it; nothing is shown or exported until they are ready.',
  },
  /** A page's analysis still running in slices (state/slicedValue.svelte.ts). */
  computing: { zh: '正在计算…', en: 'Computing…' },
  demoBanner: {
    zh: '首次打开，已自动载入演示数据（约 60 名虚构售前人员，2025–2026 年）。导入您自己的文件前，可以先清除演示数据。',
    en: 'First start: demo data has been loaded automatically (about 60 fictitious presales staff, 2025–2026). You can clear it before importing your own files.',
  },
  demoActive: {
    zh: '当前包含演示数据。',
    en: 'The current data includes demo data.',
  },
  clearDemo: { zh: '清除演示数据', en: 'Clear demo data' },
  skipToMain: { zh: '跳到主要内容', en: 'Skip to main content' },
  confirmClearDemo: {
    zh: '确定要删除演示数据吗？您自己导入的文件不受影响。',
    en: 'Delete the demo data? Files you imported yourself are kept.',
  },
  dismiss: { zh: '知道了', en: 'Got it' },
  cancel: { zh: '取消', en: 'Cancel' },
  confirm: { zh: '确定', en: 'OK' },
  close: { zh: '关闭', en: 'Close' },
  pageMissing: { zh: '该页面暂不可用。', en: 'This page is not available yet.' },
  otherTabChanged: { zh: '其他标签页修改了数据，已自动刷新。', en: 'Data was changed in another tab and has been reloaded.' },
});

/**
 * A period as people say it. `periodLabel({ id: '2026Q1', kind: 'quarter', year: 2026, quarter: 1 }, 'zh')`
 * → '2026年第1季度'; in English '2026 Q1'; a year → '2026年全年' / '2026 (full year)'.
 */
export function periodLabel(p: Pick<Period, 'id' | 'kind' | 'year' | 'quarter'>, lang: Lang): string {
  return fill((p.kind === 'quarter' ? commonText.periodQuarter : commonText.periodYear)[lang], { year: p.year, quarter: p.quarter ?? '' });
}
