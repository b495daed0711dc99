/**
 * The built-in metrics of spec §3, in the spec's order, with their labels and display unit.
 *
 * `unit`: `percent` 0–100 · `cny` an amount · `count` a number of things · `score` a mean mark
 * on a 0–100 scale. `count: true` marks the metrics that are sums (Σ) — the spec's "count
 * metrics": never N/A, zero is a real value. `sales_contribution` is one of them although its
 * unit is CNY (spec: "never (0)").
 */
export type MetricUnit = 'percent' | 'cny' | 'count' | 'score';

export interface MetricInfo {
  id: string;
  label_zh: string;
  label_en: string;
  unit: MetricUnit;
  count: boolean;
}

const m = (id: string, label_zh: string, label_en: string, unit: MetricUnit): MetricInfo => ({
  id, label_zh, label_en, unit, count: unit === 'count' || unit === 'cny',
});

export const METRICS: readonly MetricInfo[] = [
  m('win_rate', '项目中标率', 'Project win rate', 'percent'),
  m('sales_contribution', '销售额贡献度', 'Sales contribution', 'cny'),
  m('high_value_rate', '高价值项目转化率', 'High-value project conversion', 'percent'),
  m('adoption_rate', '客户方案采纳率', 'Solution adoption rate', 'percent'),
  m('research_completeness', '需求调研报告完整度', 'Research report completeness', 'score'),
  m('first_pass_rate', '方案评审一次通过率', 'Solution first-pass review rate', 'percent'),
  m('delivery_on_time', '方案交付及时率', 'On-time solution delivery', 'percent'),
  m('response_24h', '24小时响应率', '24-hour response rate', 'percent'),
  m('bid_score', '标书技术分', 'Bid technical score', 'score'),
  m('visits', '客户拜访次数', 'Customer visits', 'count'),
  m('insight_reports', '行业洞察报告数', 'Industry insight reports', 'count'),
  m('requirement_feedback', '需求反馈条数', 'Requirement feedback items', 'count'),
  m('kb_contributions', '知识库贡献数', 'Knowledge-base contributions', 'count'),
  m('certifications', '新技术认证数', 'New technical certifications', 'count'),
  m('assessment_score', '方案设计考核分', 'Solution design assessment', 'score'),
  m('knowledge_test', '行业知识测试分', 'Industry knowledge test', 'score'),
  m('cross_team_score', '跨部门协作评分', 'Cross-team collaboration rating', 'score'),
  m('customer_satisfaction', '客户满意度', 'Customer satisfaction', 'score'),
  m('training_sessions', '内部培训分享次数', 'Internal training sessions', 'count'),
  m('innovation_count', '创新与改进数', 'Innovations and improvements', 'count'),
  m('sales_satisfaction', '销售对售前支持满意度', 'Sales satisfaction with presales support', 'score'),
  m('customer_repeat_rate', '客户二次合作率', 'Customer repeat rate', 'percent'),
  m('ltv_growth_share', '客户次年采购增长占比', 'Customers with next-year purchase growth', 'percent'),
];

const BY_ID = new Map(METRICS.map((x) => [x.id, x]));

/** `metricInfo('visits')?.count === true`; undefined for an id that is not built in. */
export function metricInfo(id: string): MetricInfo | undefined {
  return BY_ID.get(id);
}
