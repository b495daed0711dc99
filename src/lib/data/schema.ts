/**
 * Every CSV column rule of spec §2, in one place: for each input kind its columns (English
 * key, Chinese alias, type, required or conditional, constraints, enum Chinese labels), its
 * key, and the cross-column rules. The importer (csvImport.ts), the validator (validate.ts)
 * and the templates (templates.ts) read these tables; none of them knows a column by heart.
 */
import {
  DOMAINS, HOLIDAY_KINDS, KNOWN_ACTIVITY_TYPES, LEVELS, RATING_SOURCES, REQUEST_TYPES, REVIEW_KINDS, ROLES, STATUSES,
} from '../engine/codes';
import type { Kind } from '../engine/dataset';
import { fill, type Lang, type Text } from '../i18n/text';

/**
 * How a cell is normalised. `activity_type` is text whose known Chinese labels map to the
 * code; `period` is a quarter or year id ('2026Q1', '2026').
 */
export type CellType = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'datetime' | 'activity_type' | 'period';

export interface ColumnRule {
  key: string;
  zh: string;
  type: CellType;
  /** an empty cell is an error */
  required?: boolean;
  /** enum codes (codes.ts order: the stored value is the index) and their Chinese labels */
  codes?: readonly string[];
  labelsZh?: readonly string[];
  /** further accepted spellings per code index (Chinese synonyms HR files use) */
  synonyms?: Readonly<Record<number, readonly string[]>>;
  min?: number;
  max?: number;
  /** above this a value is unusual (a typo, a placeholder): imported, with a warning (docs/decisions.md) */
  warnAbove?: number;
  /** min is exclusive (`> 0` rather than `≥ 0`) */
  minExclusive?: boolean;
  /** `85%` is accepted and means 85 */
  percent?: boolean;
  /** the spec's default for an empty cell, used by the cross-column checks (stored cells stay NaN) */
  defaultValue?: number;
  /** conditional requirement: required when `column` holds one of `codes` */
  requiredWhen?: { column: string; codes: readonly string[] };
  /** meaningful only when `column` holds one of `codes`; otherwise a warning (the engine ignores it) */
  onlyWhen?: { column: string; codes: readonly string[] };
  /** must be ≤ this column's value (or its default) */
  atMost?: string;
  /** must not be earlier than this column's value */
  notBefore?: string;
  /** project-level column: equal on every row of one project_id */
  projectLevel?: boolean;
}

export interface KindSchema {
  kind: Kind;
  zh: string;
  en: string;
  columns: readonly ColumnRule[];
  /** columns whose combination is unique within a file; null = no key (rows belong to their batch) */
  key: readonly string[] | null;
  /** metrics file: every further column is a metric value (a number, `%` allowed) */
  metricColumns?: boolean;
}

const WON_LOST = ['won', 'lost'] as const;

export const SCHEMAS: Readonly<Record<Kind, KindSchema>> = {
  staff: {
    kind: 'staff', zh: '人员', en: 'staff', key: ['staff_id'],
    columns: [
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'name', zh: '姓名', type: 'text', required: true },
      { key: 'level', zh: '职级', type: 'enum', required: true, codes: LEVELS, labelsZh: ['初级', '中级', '资深'], synonyms: { 2: ['高级'] } },
      {
        key: 'domain', zh: '方向', type: 'enum', required: true, codes: DOMAINS,
        labelsZh: ['行业解决方案', '产品专家', '售前咨询'],
      },
      { key: 'team', zh: '团队', type: 'text' },
      { key: 'manager', zh: '直属经理', type: 'text' },
      { key: 'salary', zh: '月薪', type: 'number', min: 0, warnAbove: 10_000_000 },
      { key: 'hired_on', zh: '入职日期', type: 'date' },
      { key: 'left_on', zh: '离职日期', type: 'date' },
    ],
  },
  projects: {
    kind: 'projects', zh: '项目', en: 'projects', key: ['project_id', 'staff_id'],
    columns: [
      { key: 'project_id', zh: '项目编号', type: 'text', required: true },
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'role', zh: '角色', type: 'enum', required: true, codes: ROLES, labelsZh: ['主导', '支撑'] },
      { key: 'customer_id', zh: '客户编号', type: 'text', required: true, projectLevel: true },
      { key: 'industry', zh: '行业', type: 'text', required: true, projectLevel: true },
      { key: 'amount', zh: '金额', type: 'number', required: true, min: 0, projectLevel: true, warnAbove: 10_000_000_000 },
      {
        key: 'status', zh: '状态', type: 'enum', required: true, codes: STATUSES,
        labelsZh: ['中标', '未中标', '进行中', '取消'], synonyms: { 0: ['赢单', '成交'], 1: ['丢标', '输单', '丢单'], 2: ['跟进中'], 3: ['已取消'] }, projectLevel: true,
      },
      { key: 'decided_on', zh: '结果日期', type: 'date', requiredWhen: { column: 'status', codes: WON_LOST }, projectLevel: true },
      { key: 'strategic', zh: '战略项目', type: 'boolean', defaultValue: 0, projectLevel: true },
      { key: 'proposals_made', zh: '方案建议数', type: 'integer', min: 0, defaultValue: 0, warnAbove: 10_000 },
      { key: 'proposals_adopted', zh: '采纳建议数', type: 'integer', min: 0, defaultValue: 0, atMost: 'proposals_made', warnAbove: 10_000 },
    ],
  },
  requests: {
    kind: 'requests', zh: '支持请求', en: 'requests', key: ['request_id'],
    columns: [
      { key: 'request_id', zh: '请求编号', type: 'text', required: true },
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'type', zh: '类型', type: 'enum', required: true, codes: REQUEST_TYPES, labelsZh: ['技术咨询', '方案', '投标'] },
      { key: 'requested_at', zh: '请求时间', type: 'datetime', required: true },
      { key: 'responded_at', zh: '响应时间', type: 'datetime', notBefore: 'requested_at' },
      { key: 'delivered_at', zh: '交付时间', type: 'datetime', notBefore: 'requested_at' },
      { key: 'bid_score', zh: '标书技术分', type: 'number', min: 0, max: 100, percent: true, onlyWhen: { column: 'type', codes: ['bid'] } },
    ],
  },
  reviews: {
    kind: 'reviews', zh: '内部评审', en: 'reviews', key: ['review_id'],
    columns: [
      { key: 'review_id', zh: '评审编号', type: 'text', required: true },
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'kind', zh: '类别', type: 'enum', required: true, codes: REVIEW_KINDS, labelsZh: ['需求调研报告', '解决方案'] },
      { key: 'reviewed_on', zh: '评审日期', type: 'date', required: true },
      {
        key: 'completeness', zh: '完整度', type: 'number', min: 0, max: 100, percent: true,
        requiredWhen: { column: 'kind', codes: ['research_report'] },
      },
      { key: 'first_pass', zh: '一次通过', type: 'boolean', requiredWhen: { column: 'kind', codes: ['solution'] } },
    ],
  },
  ratings: {
    kind: 'ratings', zh: '评分', en: 'ratings', key: null,
    columns: [
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'rated_on', zh: '评分日期', type: 'date', required: true },
      {
        key: 'source', zh: '来源', type: 'enum', required: true, codes: RATING_SOURCES,
        labelsZh: ['销售满意度', '跨部门协作', '客户满意度', '方案设计考核', '行业知识测试'],
      },
      { key: 'score', zh: '分数', type: 'number', required: true, min: 0, atMost: 'scale_max' },
      { key: 'scale_max', zh: '满分', type: 'number', min: 0, minExclusive: true, defaultValue: 5 },
    ],
  },
  activities: {
    kind: 'activities', zh: '活动', en: 'activities', key: null,
    columns: [
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'date', zh: '日期', type: 'date', required: true },
      { key: 'type', zh: '类型', type: 'activity_type', required: true },
      { key: 'count', zh: '数量', type: 'integer', min: 1, defaultValue: 1, warnAbove: 100_000 },
    ],
  },
  metrics: {
    kind: 'metrics', zh: '指标值', en: 'metrics', key: ['staff_id', 'period'], metricColumns: true,
    columns: [
      { key: 'staff_id', zh: '工号', type: 'text', required: true },
      { key: 'period', zh: '期间', type: 'period', required: true },
    ],
  },
  holidays: {
    kind: 'holidays', zh: '节假日', en: 'holidays', key: ['date'],
    columns: [
      { key: 'date', zh: '日期', type: 'date', required: true },
      {
        key: 'kind', zh: '类型', type: 'enum', required: true, codes: HOLIDAY_KINDS, labelsZh: ['假日', '调休上班'],
        synonyms: { 0: ['节假日', '休息日', '放假'], 1: ['调休', '补班', '上班'] },
      },
    ],
  },
};

/** Chinese labels of the known activity types (spec §2), in KNOWN_ACTIVITY_TYPES order. */
export const ACTIVITY_TYPE_ZH: readonly string[] = [
  '客户拜访/技术交流', '行业洞察报告', '需求反馈', '知识库贡献', '技术认证', '内部培训分享', '产品建议采纳', '创新方案案例', '流程改进',
];
/** Shorter spellings people write for the same activity. */
const ACTIVITY_TYPE_SYNONYMS: Record<string, string> = { 客户拜访: 'visit', 技术交流: 'visit', 培训: 'training', 认证: 'certification' };

/** Activity type cell → code: a known Chinese label maps to its code, anything else stays as written (trimmed). */
export const ACTIVITY_TYPE_BY_LABEL: ReadonlyMap<string, string> = new Map<string, string>([
  ...KNOWN_ACTIVITY_TYPES.map((code, i) => [ACTIVITY_TYPE_ZH[i], code] as [string, string]),
  ...KNOWN_ACTIVITY_TYPES.map((code) => [code.toLowerCase(), code] as [string, string]),
  ...Object.entries(ACTIVITY_TYPE_SYNONYMS),
]);

/**
 * Metric ids of spec §3 with their Chinese labels: a metrics file may name a column by either.
 * Any other column name is kept as a custom metric id.
 */
export const METRIC_LABELS_ZH: Readonly<Record<string, string>> = {
  win_rate: '项目中标率', sales_contribution: '销售额贡献度', high_value_rate: '高价值项目转化率', adoption_rate: '客户方案采纳率',
  research_completeness: '需求调研报告完整度', first_pass_rate: '方案评审一次通过率', delivery_on_time: '方案交付及时率',
  response_24h: '24小时响应率', bid_score: '标书技术分', visits: '客户拜访次数', insight_reports: '行业洞察报告数',
  requirement_feedback: '需求反馈条数', kb_contributions: '知识库贡献数', certifications: '新技术认证数',
  assessment_score: '方案设计考核分', knowledge_test: '行业知识测试分', cross_team_score: '跨部门协作评分',
  customer_satisfaction: '客户满意度', training_sessions: '内部培训分享次数', innovation_count: '创新与改进数',
  sales_satisfaction: '销售对售前支持满意度', customer_repeat_rate: '客户二次合作率', ltv_growth_share: '客户次年采购增长占比',
};

/** The rule for one metric value column of a metrics file (`id` = the metric id). */
export function metricColumnRule(id: string): ColumnRule {
  return { key: id, zh: METRIC_LABELS_ZH[id] ?? id, type: 'number', percent: true };
}

/** The column rule of `key` in `kind`, if the kind has that column. `columnRule('projects', 'amount').min === 0`. */
export function columnRule(kind: Kind, key: string): ColumnRule | undefined {
  return SCHEMAS[kind].columns.find((c) => c.key === key);
}

/**
 * Lookup table of an enum column: lower-cased English code, Chinese label or synonym → code index.
 * `enumLookup(columnRule('staff','level')!).get('资深') === 2`.
 */
export function enumLookup(rule: ColumnRule): Map<string, number> {
  const m = new Map<string, number>();
  (rule.codes ?? []).forEach((code, i) => {
    m.set(code.toLowerCase(), i);
    if (rule.labelsZh?.[i]) m.set(rule.labelsZh[i], i);
    for (const s of rule.synonyms?.[i] ?? []) m.set(s, i);
  });
  return m;
}

/** A code with its Chinese label, the reader's language first. */
const CODE_AND_LABEL: Text = { zh: '{label} ({code})', en: '{code} ({label})' };

/** `enumText(rule)` = '初级 (junior) / 中级 (mid) / 资深 (senior)' — what a message lists as allowed. */
export function enumText(rule: ColumnRule, lang: Lang): string {
  return (rule.codes ?? []).map((code, i) => fill(CODE_AND_LABEL[lang], { code, label: rule.labelsZh?.[i] ?? code })).join(' / ');
}
