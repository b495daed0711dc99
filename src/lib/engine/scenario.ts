/**
 * The scenario file of spec §9: reading (with defaults and field-named refusals), writing,
 * and the two per-person look-ups every other engine file needs (weights, targets).
 */
import { CATEGORIES, DOMAINS, GRADES, LEVELS, RATING_SOURCES, type Domain, type Level } from './codes';
import { cleanKey } from './keyText';
import { SPEC_PROMOTION_RULE, type PromotionRule } from './promotion';
import { inRange, rangeText, SCENARIO_LIMITS, SCENARIO_RANGES, SUBWEIGHT, TARGET, WEIGHT, WEIGHT_DELTA, type NumberRange } from './scenarioRanges';
import type {
  BonusItem, GroupBy, Indicator, IndicatorMetric, MetricDefine, Period, ProfileOverride, Scenario, ScoringRule, TargetUnit,
} from './types';
import { BilingualError } from '../i18n/bilingualError';

/** A refused scenario: `field` is the JSON path of the offending value, e.g. `indicators[2].metrics[0].target`. */
export class ScenarioError extends BilingualError<'scenario'> {
  constructor(readonly field: string, zh: string, en: string) {
    super('scenario', { zh: `方案文件字段 ${field}：${zh}`, en: `Scenario field ${field}: ${en}` });
    this.name = 'ScenarioError';
  }
}

/** The metric ids of spec §3; any other metric id must carry a `define`. */
const BUILT_IN_METRICS = new Set([
  'win_rate', 'sales_contribution', 'high_value_rate', 'adoption_rate', 'research_completeness', 'first_pass_rate',
  'delivery_on_time', 'response_24h', 'bid_score', 'visits', 'insight_reports', 'requirement_feedback',
  'kb_contributions', 'certifications', 'assessment_score', 'knowledge_test', 'cross_team_score',
  'customer_satisfaction', 'training_sessions', 'innovation_count', 'sales_satisfaction', 'customer_repeat_rate',
  'ltv_growth_share',
]);
const UNIT_MONTHS: Record<TargetUnit, number> = { month: 1, quarter: 3, year: 12 };
const GROUP_BYS: readonly GroupBy[] = ['none', 'team', 'level', 'domain'];
const DEFAULT_BANDS: Scenario['category_bands'] = { result: [50, 60], process: [30, 40], capability: [10, 15] };
const DEFAULT_COEFFICIENTS = { S: 1.5, A: 1.2, B: 1.0, C: 0.6, D: 0 };

type Json = Record<string, unknown>;
const show = (v: unknown): string => {
  const text = v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function obj(v: unknown, field: string, optional = false): Json {
  if (v === undefined && optional) return {};
  if (!isObj(v)) throw new ScenarioError(field, `应为对象（当前 ${show(v)}）`, `must be an object (got ${show(v)})`);
  const keys = Object.keys(v).length;
  const most = SCENARIO_LIMITS.listEntries;
  if (keys > most) throw new ScenarioError(field, `条目过多：${keys} 项，最多 ${most} 项`, `has too many entries: ${keys}, at most ${most}`);
  return v;
}
function arr(v: unknown, field: string, optional = false): unknown[] {
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) throw new ScenarioError(field, `应为数组（当前 ${show(v)}）`, `must be an array (got ${show(v)})`);
  const most = SCENARIO_LIMITS.listEntries;
  if (v.length > most) throw new ScenarioError(field, `条目过多：${v.length} 项，最多 ${most} 项`, `has too many entries: ${v.length}, at most ${most}`);
  return v;
}
function str(v: unknown, field: string, fallback?: string, maxChars: number = SCENARIO_LIMITS.labelChars): string {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string') throw new ScenarioError(field, `应为文本（当前 ${show(v)}）`, `must be a text (got ${show(v)})`);
  if (v.length > maxChars) {
    throw new ScenarioError(field, `过长：${v.length} 个字符，最多 ${maxChars} 个`, `is too long: ${v.length} characters, at most ${maxChars}`);
  }
  return v;
}
function id(v: unknown, field: string): string {
  const s = cleanKey(str(v, field, undefined, SCENARIO_LIMITS.idChars).trim());
  if (s === '') throw new ScenarioError(field, '不能为空', 'must not be empty');
  return s;
}
function bool(v: unknown, field: string, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new ScenarioError(field, `应为 true 或 false（当前 ${show(v)}）`, `must be true or false (got ${show(v)})`);
  return v;
}
/** A number inside its stated range (scenarioRanges.ts); the refusal states the range. */
function num(v: unknown, field: string, range: NumberRange, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  const allowed = rangeText(range);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ScenarioError(field, `应为数字，范围 ${allowed.zh}（当前 ${show(v)}）`, `must be a number from ${allowed.en} (got ${show(v)})`);
  }
  if (!inRange(v, range)) {
    throw new ScenarioError(field, `超出允许范围 ${allowed.zh}（当前 ${show(v)}）`, `is outside the allowed range ${allowed.en} (got ${show(v)})`);
  }
  return v;
}
function oneOf<T extends string>(v: unknown, field: string, allowed: readonly T[], fallback?: T): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    const list = allowed.join(' / ');
    throw new ScenarioError(field, `应为 ${list} 之一（当前 ${show(v)}）`, `must be one of ${list} (got ${show(v)})`);
  }
  return v as T;
}
function strings(v: unknown, field: string, nonEmpty: boolean): string[] {
  const xs = arr(v, field).map((x, i) => id(x, `${field}[${i}]`));
  if (nonEmpty && xs.length === 0) throw new ScenarioError(field, '至少需要一项', 'needs at least one entry');
  return xs;
}
function keyIn(key: string, field: string, known: Set<string>, zhWhat: string, enWhat: string): void {
  if (!known.has(key)) throw new ScenarioError(field, `未知的${zhWhat} "${key}"`, `unknown ${enWhat} "${key}"`);
}

function parseDefine(v: unknown, field: string): MetricDefine {
  const d = obj(v, field);
  const kind = oneOf(d.kind, `${field}.kind`, ['activity_count', 'activity_ratio', 'rating_mean', 'column'] as const);
  switch (kind) {
    case 'activity_count': return { kind, types: strings(d.types, `${field}.types`, true) };
    case 'activity_ratio':
      return { kind, numerator: strings(d.numerator, `${field}.numerator`, true), denominator: strings(d.denominator, `${field}.denominator`, true) };
    case 'rating_mean': return { kind, source: oneOf(d.source, `${field}.source`, RATING_SOURCES) };
    case 'column': return { kind };
  }
}

function parseMetric(v: unknown, field: string): IndicatorMetric {
  const m = obj(v, field);
  const out: IndicatorMetric = {
    id: id(m.id, `${field}.id`),
    target: num(m.target, `${field}.target`, TARGET),
    direction: oneOf(m.direction, `${field}.direction`, ['higher', 'lower'] as const, 'higher'),
    subweight: num(m.subweight, `${field}.subweight`, SUBWEIGHT, 1),
  };
  if (m.unit !== undefined) out.unit = oneOf(m.unit, `${field}.unit`, ['month', 'quarter', 'year'] as const);
  if (m.define !== undefined) {
    if (BUILT_IN_METRICS.has(out.id)) {
      throw new ScenarioError(`${field}.define`, `内置指标 "${out.id}" 不能重新定义`, `built-in metric "${out.id}" cannot be redefined`);
    }
    out.define = parseDefine(m.define, `${field}.define`);
  }
  return out;
}

function parseIndicator(v: unknown, field: string): Indicator {
  const ind = obj(v, field);
  const indicatorId = id(ind.id, `${field}.id`);
  const metrics = arr(ind.metrics, `${field}.metrics`).map((m, i) => parseMetric(m, `${field}.metrics[${i}]`));
  if (metrics.length === 0) throw new ScenarioError(`${field}.metrics`, '至少需要一个指标项', 'needs at least one metric');
  const labelEn = str(ind.label_en, `${field}.label_en`, indicatorId);
  return {
    id: indicatorId,
    category: oneOf(ind.category, `${field}.category`, CATEGORIES),
    weight: num(ind.weight, `${field}.weight`, WEIGHT),
    label_zh: str(ind.label_zh, `${field}.label_zh`, labelEn),
    label_en: labelEn,
    metrics,
  };
}

/** Every metric id has one meaning: custom ones are defined once (or identically), others are built in. */
function checkMetricIds(indicators: Indicator[]): Set<string> {
  const defined = new Map<string, string>();
  indicators.forEach((ind, i) => ind.metrics.forEach((m, j) => {
    if (!m.define) return;
    const text = JSON.stringify(m.define);
    const before = defined.get(m.id);
    if (before !== undefined && before !== text) {
      throw new ScenarioError(`indicators[${i}].metrics[${j}].define`, `自定义指标 "${m.id}" 的定义前后不一致`, `custom metric "${m.id}" is defined twice, differently`);
    }
    defined.set(m.id, text);
  }));
  indicators.forEach((ind, i) => ind.metrics.forEach((m, j) => {
    if (!BUILT_IN_METRICS.has(m.id) && !defined.has(m.id)) {
      throw new ScenarioError(`indicators[${i}].metrics[${j}].id`, `未知指标 "${m.id}"：自定义指标需要 define`, `unknown metric "${m.id}": a custom metric needs a define`);
    }
  }));
  return new Set([...BUILT_IN_METRICS, ...defined.keys()]);
}

function parseRule(v: unknown, field: string, fallback: ScoringRule | null): Partial<ScoringRule> {
  const r = obj(v, field, fallback !== null);
  const out: Partial<ScoringRule> = {};
  const pick = (key: keyof ScoringRule) => {
    if (r[key] !== undefined || fallback) out[key] = num(r[key], `${field}.${key}`, SCENARIO_RANGES[`scoring.${key}`], fallback?.[key]);
  };
  pick('cap');
  pick('bonus_slope');
  pick('penalty_slope');
  pick('zero_below');
  return out;
}

function parseProfile(v: unknown, field: string, indicatorIds: Set<string>, metricIds: Set<string>): ProfileOverride {
  const p = obj(v, field);
  const out: ProfileOverride = {};
  if (p.weights !== undefined) {
    const w = obj(p.weights, `${field}.weights`);
    out.weights = {};
    for (const key of Object.keys(w)) {
      keyIn(key, `${field}.weights.${key}`, indicatorIds, '考核指标', 'indicator');
      out.weights[key] = num(w[key], `${field}.weights.${key}`, WEIGHT_DELTA);
    }
  }
  if (p.targets !== undefined) {
    const t = obj(p.targets, `${field}.targets`);
    out.targets = {};
    for (const key of Object.keys(t)) {
      keyIn(key, `${field}.targets.${key}`, metricIds, '指标项', 'metric');
      out.targets[key] = num(t[key], `${field}.targets.${key}`, TARGET);
    }
  }
  return out;
}

function parseProfiles<K extends string>(v: unknown, field: string, keys: readonly K[], ids: Set<string>, metrics: Set<string>) {
  const p = obj(v, field, true);
  const out: Partial<Record<K, ProfileOverride>> = {};
  for (const key of Object.keys(p)) {
    oneOf(key, `${field}.${key}`, keys);
    out[key as K] = parseProfile(p[key], `${field}.${key}`, ids, metrics);
  }
  return out;
}

function parseBonusItem(v: unknown, field: string, metricIds: Set<string>): BonusItem {
  const b = obj(v, field);
  const metric = id(b.metric, `${field}.metric`);
  keyIn(metric, `${field}.metric`, metricIds, '指标项', 'metric');
  return {
    id: id(b.id, `${field}.id`),
    metric,
    max_points: num(b.max_points, `${field}.max_points`, SCENARIO_RANGES['bonus_items[].max_points'], 3),
    enabled: bool(b.enabled, `${field}.enabled`, false),
  };
}

/**
 * Read a scenario (spec §9) from parsed JSON: fills the spec's defaults, refuses anything
 * malformed with a ScenarioError naming the field.
 * `parseScenario(JSON.parse(text)).indicators[0].metrics[0].subweight === 1`.
 */
export function parseScenario(input: unknown): Scenario {
  const s = obj(input, '(root)');
  if (s.format !== 'presales-kpi-scenario') {
    throw new ScenarioError('format', `不是方案文件（应为 "presales-kpi-scenario"，当前 ${show(s.format)}）`,
      `not a scenario file (expected "presales-kpi-scenario", got ${show(s.format)})`);
  }
  if (s.version !== 1) {
    throw new ScenarioError('version', `不支持的版本 ${show(s.version)}（本程序读取版本 1）`, `unsupported version ${show(s.version)} (this app reads version 1)`);
  }
  const indicators = arr(s.indicators, 'indicators').map((v, i) => parseIndicator(v, `indicators[${i}]`));
  if (indicators.length === 0) throw new ScenarioError('indicators', '至少需要一个考核指标', 'needs at least one indicator');
  const indicatorIds = new Set<string>();
  indicators.forEach((ind, i) => {
    if (indicatorIds.has(ind.id)) throw new ScenarioError(`indicators[${i}].id`, `考核指标 "${ind.id}" 重复`, `indicator "${ind.id}" appears twice`);
    indicatorIds.add(ind.id);
  });
  const metricIds = checkMetricIds(indicators);

  const roles = obj(s.role_coefficients, 'role_coefficients', true);
  const bandsIn = obj(s.category_bands, 'category_bands', true);
  const category_bands = { ...DEFAULT_BANDS };
  for (const key of Object.keys(bandsIn)) {
    const cat = oneOf(key, `category_bands.${key}`, CATEGORIES);
    const band = arr(bandsIn[key], `category_bands.${key}`);
    const lo = num(band[0], `category_bands.${key}[0]`, SCENARIO_RANGES['category_bands.*[]']);
    const hi = num(band[1], `category_bands.${key}[1]`, SCENARIO_RANGES['category_bands.*[]']);
    if (band.length !== 2 || lo > hi || hi > 100) {
      throw new ScenarioError(`category_bands.${key}`, `应为 [下限, 上限]，0 ≤ 下限 ≤ 上限 ≤ 100（当前 ${show(band)}）`,
        `must be [low, high] with 0 ≤ low ≤ high ≤ 100 (got ${show(band)})`);
    }
    category_bands[cat] = [lo, hi];
  }

  const sc = obj(s.scoring, 'scoring', true);
  const base = parseRule(sc, 'scoring', { cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0 }) as ScoringRule;
  const overridesIn = obj(sc.overrides, 'scoring.overrides', true);
  const overrides: Record<string, Partial<ScoringRule>> = {};
  for (const key of Object.keys(overridesIn)) {
    keyIn(key, `scoring.overrides.${key}`, indicatorIds, '考核指标', 'indicator');
    overrides[key] = parseRule(overridesIn[key], `scoring.overrides.${key}`, null);
  }

  const g = obj(s.grades, 'grades', true);
  const gradeRange = SCENARIO_RANGES['grades.*'];
  const grades = {
    S: num(g.S, 'grades.S', gradeRange, 90), A: num(g.A, 'grades.A', gradeRange, 80),
    B: num(g.B, 'grades.B', gradeRange, 70), C: num(g.C, 'grades.C', gradeRange, 60),
  };
  if (!(grades.S >= grades.A && grades.A >= grades.B && grades.B >= grades.C)) {
    throw new ScenarioError('grades', `分数线须满足 S ≥ A ≥ B ≥ C（当前 ${show(grades)}）`, `thresholds must satisfy S ≥ A ≥ B ≥ C (got ${show(grades)})`);
  }

  const fd = obj(s.forced_distribution, 'forced_distribution', true);
  const sh = obj(fd.shares, 'forced_distribution.shares', true);
  const share = (k: 'S' | 'A' | 'B' | 'CD', d: number) => {
    return num(sh[k], `forced_distribution.shares.${k}`, SCENARIO_RANGES['forced_distribution.shares.*'], d);
  };
  const shares = { S: share('S', 0.1), A: share('A', 0.2), B: share('B', 0.6), CD: share('CD', 0.1) };
  const shareSum = shares.S + shares.A + shares.B + shares.CD;
  if (Math.abs(shareSum - 1) > 1e-6) {
    throw new ScenarioError('forced_distribution.shares', `各档比例之和应为 1（当前 ${shareSum}）`, `shares must add up to 1 (got ${shareSum})`);
  }

  const pr = obj(s.profiles, 'profiles', true);
  const bonus = obj(s.bonus, 'bonus', true);
  const coeffIn = obj(bonus.coefficients, 'bonus.coefficients', true);
  const coefficients = { ...DEFAULT_COEFFICIENTS };
  for (const gr of GRADES) coefficients[gr] = num(coeffIn[gr], `bonus.coefficients.${gr}`, SCENARIO_RANGES['bonus.coefficients.*'], DEFAULT_COEFFICIENTS[gr]);

  const out: Scenario = {
    format: 'presales-kpi-scenario',
    version: 1,
    name: str(s.name, 'name', ''),
    high_value_threshold: num(s.high_value_threshold, 'high_value_threshold', SCENARIO_RANGES.high_value_threshold, 1_000_000),
    strategic_industries: arr(s.strategic_industries, 'strategic_industries', true).map((x, i) => id(x, `strategic_industries[${i}]`)),
    strategic_industry_multiplier: num(s.strategic_industry_multiplier, 'strategic_industry_multiplier', SCENARIO_RANGES.strategic_industry_multiplier, 1.5),
    role_coefficients: {
      lead: num(roles.lead, 'role_coefficients.lead', SCENARIO_RANGES['role_coefficients.*'], 0.3),
      support: num(roles.support, 'role_coefficients.support', SCENARIO_RANGES['role_coefficients.*'], 0.2),
    },
    indicators,
    category_bands,
    scoring: { ...base, overrides },
    grades,
    forced_distribution: {
      shares,
      group_by: oneOf(fd.group_by, 'forced_distribution.group_by', GROUP_BYS, 'none'),
      use_forced_distribution: bool(fd.use_forced_distribution, 'forced_distribution.use_forced_distribution', false),
    },
    profiles: {
      level: parseProfiles(pr.level, 'profiles.level', LEVELS, indicatorIds, metricIds),
      domain: parseProfiles(pr.domain, 'profiles.domain', DOMAINS, indicatorIds, metricIds),
    },
    bonus: { bonus_share: num(bonus.bonus_share, 'bonus.bonus_share', SCENARIO_RANGES['bonus.bonus_share'], 0.25), coefficients },
    bonus_items: arr(s.bonus_items, 'bonus_items', true).map((b, i) => parseBonusItem(b, `bonus_items[${i}]`, metricIds)),
  };
  if (s.promotion !== undefined) out.promotion = parsePromotion(s.promotion);
  if (s.name_zh !== undefined) out.name_zh = str(s.name_zh, 'name_zh');
  if (s.note !== undefined) out.note = str(s.note, 'note', undefined, SCENARIO_LIMITS.noteChars);
  if (s.note_zh !== undefined) out.note_zh = str(s.note_zh, 'note_zh', undefined, SCENARIO_LIMITS.noteChars);
  if (exportedIndicators(out).length === 0) {
    throw new ScenarioError('indicators', '所有考核指标的权重（含职级、领域调整）都为 0，无人能得分：请至少给一个指标大于 0 的权重',
      'every indicator weight (with level and domain adjustments) is 0, so nobody can be scored: give at least one indicator a weight above 0');
  }
  return out;
}

/** The optional promotion rule (promotion.ts): whole numbers of years and months. */
function parsePromotion(v: unknown): PromotionRule {
  const p = obj(v, 'promotion');
  const whole = (x: unknown, field: 'consecutive_periods' | 'min_tenure_months', fallback: number) => {
    const n = num(x, `promotion.${field}`, SCENARIO_RANGES[`promotion.${field}`], fallback);
    if (!Number.isInteger(n)) throw new ScenarioError(`promotion.${field}`, `应为整数（当前 ${show(n)}）`, `must be a whole number (got ${show(n)})`);
    return n;
  };
  return {
    min_grade: oneOf(p.min_grade, 'promotion.min_grade', GRADES, SPEC_PROMOTION_RULE.min_grade),
    consecutive_periods: whole(p.consecutive_periods, 'consecutive_periods', 1),
    min_tenure_months: whole(p.min_tenure_months, 'min_tenure_months', 0),
  };
}

/** `parseScenario` for file text; a JSON syntax error becomes a ScenarioError on field `(file)`. */
export function parseScenarioText(text: string): Scenario {
  const most = SCENARIO_LIMITS.fileBytes;
  if (text.length > most) {
    throw new ScenarioError('(file)', `文件过大：${text.length} 个字符，方案文件最多 ${most / 1024} KB`, `is too large: ${text.length} characters, a scenario file holds at most ${most / 1024} KB`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ScenarioError('(file)', `不是有效的 JSON（${why}）`, `not valid JSON (${why})`);
  }
  return parseScenario(json);
}

/**
 * Write a scenario in the §9 format (2-space JSON, keys in the preset's order).
 * `parseScenario(JSON.parse(serializeScenario(s)))` deep-equals a parsed `s`.
 */
export function serializeScenario(s: Scenario): string {
  const { format, version, name, name_zh, note, note_zh, ...rest } = s;
  const head: Json = { format, version, name };
  if (name_zh !== undefined) head.name_zh = name_zh;
  if (note !== undefined) head.note = note;
  if (note_zh !== undefined) head.note_zh = note_zh;
  const indicators = s.indicators.map((ind) => ({
    id: ind.id, category: ind.category, weight: ind.weight, label_zh: ind.label_zh, label_en: ind.label_en,
    metrics: ind.metrics.map((m) => ({
      id: m.id, target: m.target, ...(m.unit ? { unit: m.unit } : {}), direction: m.direction, subweight: m.subweight,
      ...(m.define ? { define: m.define } : {}),
    })),
  }));
  const body = {
    high_value_threshold: rest.high_value_threshold,
    strategic_industries: rest.strategic_industries,
    strategic_industry_multiplier: rest.strategic_industry_multiplier,
    role_coefficients: rest.role_coefficients,
    indicators,
    category_bands: rest.category_bands,
    scoring: rest.scoring,
    grades: rest.grades,
    forced_distribution: rest.forced_distribution,
    profiles: rest.profiles,
    bonus: rest.bonus,
    bonus_items: rest.bonus_items,
    ...(rest.promotion ? { promotion: rest.promotion } : {}),
  };
  return `${JSON.stringify({ ...head, ...body }, null, 2)}\n`;
}

/**
 * Each indicator's weight for one person, in indicator order: max(0, base + level delta + domain delta).
 * Standard scenario, mid consulting → insight_knowledge 12, sales_contribution 10.
 */
export function personWeights(s: Scenario, level: Level, domain: Domain): Float64Array {
  const lw = s.profiles.level[level]?.weights;
  const dw = s.profiles.domain[domain]?.weights;
  return Float64Array.from(s.indicators, (ind) => Math.max(0, ind.weight + (lw?.[ind.id] ?? 0) + (dw?.[ind.id] ?? 0)));
}

/**
 * A metric's target for one person in period p: the domain's override, else the level's,
 * else the base target; then scaled by months(p) / months(unit) when the target has a unit.
 * Standard, junior, 2026Q1: sales_contribution → 300 000 × 3 = 900 000.
 */
// `_ind` is unused: target overrides are keyed by metric id, not by indicator.
export function metricTarget(s: Scenario, _ind: Indicator, m: IndicatorMetric, level: Level, domain: Domain, p: Period): number {
  const target = s.profiles.domain[domain]?.targets?.[m.id] ?? s.profiles.level[level]?.targets?.[m.id] ?? m.target;
  return m.unit ? (target * p.months) / UNIT_MONTHS[m.unit] : target;
}

/**
 * Indicators that get an export column (spec §8): weight > 0 for at least one level/domain
 * combination. Standard: the 10 weighted indicators, not sales_satisfaction / customer_repeat_rate.
 */
export function exportedIndicators(s: Scenario): Indicator[] {
  const positive = new Uint8Array(s.indicators.length);
  for (const level of LEVELS) {
    for (const domain of DOMAINS) {
      personWeights(s, level, domain).forEach((w, j) => { if (w > 0) positive[j] = 1; });
    }
  }
  return s.indicators.filter((_, j) => positive[j] === 1);
}
