/** Labels of the dashboard pages: Overview, Weights, People, Person, Export, and their charts. */
import { dict, type Text } from '../i18n.svelte';
import type { Category, Domain, Level } from '../../engine/codes';
import type { GroupBy } from '../../engine/types';

export const M = dict({
  // shared
  noData: { zh: '当前期间没有可计算的人员数据。请先在“数据管理”中导入文件或载入演示数据。', en: 'No staff data for this period. Import files or load the demo data on the Data page first.' },
  noPeriod: { zh: '请先在页面顶部选择考核期间。', en: 'Choose a period at the top of the page first.' },
  computeError: { zh: '计算失败', en: 'The calculation failed' },
  scenario: { zh: '考核方案', en: 'Scenario' },
  savedScenario: { zh: '（已保存）', en: '(saved)' },
  unsaved: { zh: '有未保存的修改', en: 'Unsaved changes' },
  filters: { zh: '筛选', en: 'Filters' },
  team: { zh: '团队', en: 'Team' },
  level: { zh: '职级', en: 'Level' },
  domain: { zh: '方向', en: 'Domain' },
  all: { zh: '全部', en: 'All' },
  noTeam: { zh: '（未分组）', en: '(no team)' },
  people: { zh: '人', en: 'people' },
  grade: { zh: '等级', en: 'Grade' },
  noGrade: { zh: '数据不足', en: 'Insufficient data' },
  indicator: { zh: '考核指标', en: 'Indicator' },
  weight: { zh: '权重', en: 'Weight' },
  points: { zh: '得分', en: 'Points' },
  total: { zh: '总分', en: 'Total' },
  target: { zh: '目标', en: 'Target' },
  actual: { zh: '实际', en: 'Actual' },
  gap: { zh: '差额', en: 'Gap' },
  // overview
  overviewTitle: { zh: '总览', en: 'Overview' },
  cardGraded: { zh: '参与评级人数', en: 'People graded' },
  cardMean: { zh: '平均总分', en: 'Mean total' },
  cardInsufficient: { zh: '数据不足人数', en: 'Insufficient data' },
  cardInScope: { zh: '在岗人数', en: 'Staff in scope' },
  distTitle: { zh: '等级分布与强制分布目标', en: 'Grade distribution vs forced-distribution target' },
  bandLine: { zh: '{band}: {actual} 人, 目标 {target}, {gap}', en: '{band}: {actual} people, target {target}, {gap}' },
  legendActual: { zh: '实际人数', en: 'Actual' },
  legendTarget: { zh: '目标名额', en: 'Quota' },
  distAria: { zh: '各等级实际人数与目标名额柱状图', en: 'Bar chart of actual counts and quotas per grade band' },
  histAria: { zh: '总分分布直方图，标有等级分数线', en: 'Histogram of totals with the grade thresholds' },
  trendAria: { zh: '各季度总分折线图', en: 'Line chart of the total per quarter' },
  scoreAxis: { zh: '总分', en: 'Total' },
  countAxis: { zh: '人数', en: 'People' },
  distNote: { zh: '每个等级左侧为实际人数，右侧（浅色）为按目标比例计算的名额。', en: 'Each band shows the actual count (left) beside the quota from the target shares (right, light).' },
  distForcedOn: { zh: '当前启用强制分布：最终等级按名额确定。', en: 'Forced distribution is on: final grades follow the quotas.' },
  distForcedOff: { zh: '当前未启用强制分布：最终等级按分数线确定，名额仅供对照。', en: 'Forced distribution is off: final grades follow the thresholds; quotas are shown for comparison.' },
  histTitle: { zh: '总分分布', en: 'Distribution of totals' },
  histNote: { zh: '竖线为等级分数线；线下 1 分以内的人数标在线旁。', en: 'Vertical lines are the grade thresholds; the count within 1 point below each line is shown beside it.' },
  nearMiss: { zh: '差1分内', en: 'within 1 pt below' },
  contribTitle: { zh: '各指标贡献', en: 'Contribution of each indicator' },
  contribNote: { zh: '条形为平均得分，刻度线为权重占比；百分比为该指标解释的总分差异份额。', en: 'Bars are mean points, ticks the weight share; the percentage is the share of the differences in totals the indicator explains.' },
  dominantWarn: { zh: '“{id}”解释了 {share} 的总分差异，考核结果可能由单一指标决定（避免“唯中标论”）。', en: '“{id}” explains {share} of the differences in totals: one indicator may be deciding the result (avoid judging on win rate alone).' },
  spreadShare: { zh: '差异贡献', en: 'Share of spread' },
  teamTitle: { zh: '团队对比', en: 'Team comparison' },
  teamNote: { zh: '按平均总分排序；色条为等级构成。', en: 'Sorted by mean total; the bar shows the grade mix.' },
  mean: { zh: '平均', en: 'Mean' },
  median: { zh: '中位数', en: 'Median' },
  // weights
  weightsTitle: { zh: '权重调整', en: 'Weights' },
  weightsNote: { zh: '权重为相对值，无需合计 100；拖动滑块即时重新计算所有人的结果。', en: 'Weights are relative and need not add up to 100; moving a slider recomputes everyone at once.' },
  shareOfTotal: { zh: '占比', en: 'Share' },
  seedBand: { zh: '建议区间', en: 'Seed range' },
  outOfBand: { zh: '超出建议区间', en: 'Outside the seed range' },
  inBand: { zh: '在建议区间内', en: 'Inside the seed range' },
  noBand: { zh: '无建议区间', en: 'No seed range' },
  categoryShare: { zh: '类别占比', en: 'Category share' },
  changedTitle: { zh: '等级变化（相对已保存方案）', en: 'Grade changes (vs the saved scenario)' },
  changedNone: { zh: '与已保存方案相比，没有人的等级发生变化。', en: 'Nobody’s grade differs from the saved scenario.' },
  changedMore: { zh: '另有 {n} 人未列出', en: '{n} more not listed' },
  changedUp: { zh: '上升', en: 'up' },
  changedDown: { zh: '下降', en: 'down' },
  thresholdsTitle: { zh: '等级分数线', en: 'Grade thresholds' },
  thresholdOrder: { zh: '分数线须满足 S > A > B > C。', en: 'Thresholds must satisfy S > A > B > C.' },
  ruleTitle: { zh: '计分规则', en: 'Scoring rule' },
  ruleCap: { zh: '封顶系数', en: 'Cap' },
  ruleBonus: { zh: '超额加分斜率', en: 'Bonus slope' },
  rulePenalty: { zh: '未达标扣分斜率', en: 'Penalty slope' },
  ruleZero: { zh: '零分线（达成率低于此为 0）', en: 'Zero below (attainment)' },
  ruleHelp: { zh: '达成率 A ≥ 1 时得分系数 = min(封顶, 1 + 加分斜率 ×(A − 1))；A < 1 时 = max(0, 1 − 扣分斜率 ×(1 − A))。', en: 'Score fraction = min(cap, 1 + bonus slope × (A − 1)) when attainment A ≥ 1, and max(0, 1 − penalty slope × (1 − A)) below.' },
  forcedTitle: { zh: '强制分布', en: 'Forced distribution' },
  forcedUse: { zh: '按强制分布确定最终等级', en: 'Final grades follow the forced distribution' },
  forcedGroup: { zh: '分组方式', en: 'Group by' },
  forcedShares: { zh: '目标比例', en: 'Target shares' },
  sharesSum: { zh: '比例合计须为 100%（当前 {sum}）。', en: 'Shares must add up to 100% (now {sum}).' },
  reset: { zh: '恢复为已保存方案', en: 'Reset to the saved scenario' },
  save: { zh: '保存修改', en: 'Save changes' },
  saveAs: { zh: '另存为新方案', en: 'Save as a new scenario' },
  saveAsPrompt: { zh: '新方案名称', en: 'Name of the new scenario' },
  savedOk: { zh: '已保存。', en: 'Saved.' },
  builtInSaveNote: { zh: '内置方案不能直接修改，请“另存为新方案”。', en: 'Built-in scenarios cannot be changed; use “Save as a new scenario”.' },
  // people
  peopleTitle: { zh: '人员', en: 'People' },
  search: { zh: '搜索姓名或工号', en: 'Search name or staff ID' },
  staffId: { zh: '工号', en: 'Staff ID' },
  name: { zh: '姓名', en: 'Name' },
  forcedGrade: { zh: '强制分布等级', en: 'Forced grade' },
  finalGrade: { zh: '最终等级', en: 'Final grade' },
  thresholdGrade: { zh: '分数线等级', en: 'Threshold grade' },
  rank: { zh: '排名', en: 'Rank' },
  coverage: { zh: '数据覆盖率', en: 'Coverage' },
  sortBy: { zh: '按此列排序', en: 'Sort by this column' },
  shownOf: { zh: '显示 {shown} / {total} 人', en: 'Showing {shown} of {total}' },
  showMore: { zh: '显示更多', en: 'Show more' },
  openPerson: { zh: '查看个人详情', en: 'Open the person’s details' },
  // person
  personTitle: { zh: '个人详情', en: 'Person' },
  personMissing: { zh: '在当前期间找不到该人员（工号 {id}）。', en: 'No staff member {id} in this period.' },
  choosePerson: { zh: '请在“人员”页点击一位员工。', en: 'Click a staff member on the People page.' },
  back: { zh: '返回人员列表', en: 'Back to People' },
  pointsVsWeight: { zh: '各指标得分与权重', en: 'Points per indicator against the weight' },
  pointsVsWeightNote: { zh: '条形为得分，刻度线为达标（系数 1）时的满分；按得分系数从低到高排列，最弱的在前。', en: 'Bars are points, the tick is the points at target (fraction 1); weakest indicators first.' },
  metricsTitle: { zh: '指标值与目标', en: 'Metric values against targets' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '实际值', en: 'Value' },
  attainment: { zh: '达成率', en: 'Attainment' },
  notApplicable: { zh: '无数据', en: 'N/A' },
  trendTitle: { zh: '年度各季度总分', en: 'Total by quarter of the year' },
  industryTitle: { zh: '分行业中标率', en: 'Win rate by industry' },
  industryNone: { zh: '本期间没有已决项目。', en: 'No decided projects in this period.' },
  decided: { zh: '已决', en: 'decided' },
  won: { zh: '中标', en: 'won' },
  bonusAmount: { zh: '绩效奖金', en: 'Performance bonus' },
  promotion: { zh: '可晋升资深', en: 'Eligible for promotion to senior' },
  improvement: { zh: '需参加能力提升计划', en: 'Needs the improvement plan' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  // export
  exportTitle: { zh: '结果导出', en: 'Results export' },
  exportNote: { zh: '导出当前期间、当前方案（含未保存的权重修改）的结果，CSV 格式（UTF-8 带 BOM，可直接用 Excel 打开），数值保留两位小数。', en: 'Exports the results of the current period and scenario (including unsaved weight changes) as CSV (UTF-8 with BOM, opens in Excel) with 2-decimal numbers.' },
  exportRows: { zh: '共 {n} 行（每位在岗人员一行）。', en: '{n} rows (one per staff member in scope).' },
  exportColumns: { zh: '列', en: 'Columns' },
  download: { zh: '下载结果 CSV', en: 'Download results CSV' },
  downloadScenario: { zh: '下载方案文件（JSON）', en: 'Download the scenario file (JSON)' },
  preview: { zh: '预览（前 5 行）', en: 'Preview (first 5 rows)' },
});

export const LEVEL_LABEL: Record<Level, Text> = {
  junior: { zh: '初级', en: 'Junior' },
  mid: { zh: '中级', en: 'Mid' },
  senior: { zh: '资深', en: 'Senior' },
};
export const DOMAIN_LABEL: Record<Domain, Text> = {
  industry_solution: { zh: '行业解决方案', en: 'Industry solution' },
  product_expert: { zh: '产品专家', en: 'Product expert' },
  consulting: { zh: '售前咨询', en: 'Consulting' },
};
export const CATEGORY_LABEL: Record<Category, Text> = {
  result: { zh: '结果性指标', en: 'Results' },
  process: { zh: '过程性指标', en: 'Process' },
  capability: { zh: '能力与发展', en: 'Capability & growth' },
};
export const GROUP_BY_LABEL: Record<GroupBy, Text> = {
  none: { zh: '全体人员', en: 'Whole population' },
  team: { zh: '按团队', en: 'By team' },
  level: { zh: '按职级', en: 'By level' },
  domain: { zh: '按方向', en: 'By domain' },
};

/** `fill('共 {n} 行', { n: 5 })` → '共 5 行'. Unknown keys stay as written so a typo is visible. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** A scenario-provided label pair as Text: `t(labelOf(indicator))`. */
export const labelOf = (x: { label_zh: string; label_en: string }): Text => ({ zh: x.label_zh, en: x.label_en });

/** A scenario's display name: its Chinese name when it has one. */
export const scenarioName = (s: { name: string; name_zh?: string }): Text => ({ zh: s.name_zh || s.name, en: s.name });
