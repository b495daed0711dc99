/**
 * The change list 「与已保存方案的差异」: what differs between the saved scenario and the one
 * being edited, field by field, in words ("项目中标率 权重 18 → 20"). Each scenario is flattened
 * into labelled entries keyed by field; the list is the entries whose value differs, plus one
 * line for each indicator, strategic industry or bonus item added or removed.
 */
import { DOMAINS, GRADES, LEVELS } from '../engine/codes';
import { metricInfo } from '../engine/metricCatalog';
import { promotionRule } from '../engine/promotion';
import type { Scenario } from '../engine/types';
import type { Text } from '../i18n/i18n.svelte';
import { CATEGORY_LABEL, DOMAIN_LABEL, GROUP_BY_LABEL, LEVEL_LABEL, fill, labelOf } from '../i18n/messages/dashboard';
import { UNIT_LABEL, workshopText } from '../i18n/messages/workshop';
import { changeText } from '../i18n/messages/schemeChanges';
import { schemeText } from '../i18n/messages/scheme';

export interface SchemeChange {
  /** the field, stable across languages (for keyed lists and tests) */
  key: string;
  text: Text;
}

interface Entry { what: Text; value: Text; /** what the value is when the entry is missing (a delta: 0) */ absent?: Text }

const same = (s: string): Text => ({ zh: s, en: s });
/** Plain numbers without binary noise: 0.1 + 0.2 shows as 0.3. */
const num = (v: number): Text => same(String(Number(v.toPrecision(12))));
const pct = (v: number): Text => same(`${Number((v * 100).toPrecision(12))}%`);
const yesNo = (v: boolean): Text => (v ? changeText.yes : changeText.no);
const join = (...parts: Text[]): Text => ({ zh: parts.map((p) => p.zh).join(' '), en: parts.map((p) => p.en).join(' ') });
const tpl = (text: Text, values: Record<string, Text>): Text => ({
  zh: fill(text.zh, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.zh]))),
  en: fill(text.en, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.en]))),
});
const metricLabel = (id: string): Text => {
  const info = metricInfo(id);
  return info ? labelOf(info) : same(id);
};
const RULE_FIELDS = ['cap', 'bonus_slope', 'penalty_slope', 'zero_below'] as const;

/** Every field of a scenario a workshop edits, as labelled entries (indicators, industries and bonus items by id). */
function entries(s: Scenario): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const put = (key: string, what: Text, value: Text, absent?: Text) => out.set(key, { what, value, absent });
  put('name', changeText.name, same(s.name));
  put('name_zh', changeText.nameZh, same(s.name_zh ?? ''));
  put('note', changeText.note, same(s.note ?? ''));
  const indLabel = new Map(s.indicators.map((ind) => [ind.id, labelOf(ind)]));
  for (const ind of s.indicators) {
    const k = `indicators.${ind.id}`;
    const l = labelOf(ind);
    put(`${k}.weight`, join(l, changeText.weight), num(ind.weight));
    put(`${k}.category`, join(l, changeText.category), CATEGORY_LABEL[ind.category]);
    put(`${k}.label_zh`, join(l, changeText.labelZh), same(ind.label_zh));
    put(`${k}.label_en`, join(l, changeText.labelEn), same(ind.label_en));
    for (const m of ind.metrics) {
      const ml = m.id === ind.id || ind.metrics.length === 1 ? l : join(l, same('·'), metricLabel(m.id));
      put(`${k}.${m.id}.target`, join(ml, changeText.target), num(m.target));
      put(`${k}.${m.id}.unit`, join(ml, changeText.unit), UNIT_LABEL[m.unit ?? 'none']);
      put(`${k}.${m.id}.direction`, join(ml, changeText.direction), m.direction === 'higher' ? workshopText.higher : workshopText.lower);
      put(`${k}.${m.id}.subweight`, join(ml, changeText.subweight), num(m.subweight));
      put(`${k}.${m.id}.define`, join(ml, changeText.define), same(m.define ? JSON.stringify(m.define) : ''));
    }
    const o = s.scoring.overrides[ind.id] ?? {};
    for (const f of RULE_FIELDS) {
      if (o[f] !== undefined) put(`scoring.overrides.${ind.id}.${f}`, join(l, changeText.scoringRule, changeText[f]), num(o[f]), num(s.scoring[f]));
    }
  }
  for (const f of RULE_FIELDS) put(`scoring.${f}`, join(changeText.scoringRule, changeText[f]), num(s.scoring[f]));
  for (const [cat, band] of Object.entries(s.category_bands) as [keyof typeof CATEGORY_LABEL, [number, number]][]) {
    put(`category_bands.${cat}`, tpl(changeText.band, { category: CATEGORY_LABEL[cat] }), same(`${band[0]}–${band[1]}`));
  }
  for (const g of ['S', 'A', 'B', 'C'] as const) put(`grades.${g}`, tpl(changeText.gradeLine, { grade: same(g) }), num(s.grades[g]));
  const fd = s.forced_distribution;
  for (const b of ['S', 'A', 'B', 'CD'] as const) put(`forced.${b}`, tpl(changeText.forcedShare, { band: same(b === 'CD' ? 'C+D' : b) }), pct(fd.shares[b]));
  put('forced.group_by', changeText.groupBy, GROUP_BY_LABEL[fd.group_by]);
  put('forced.use', changeText.useForced, yesNo(fd.use_forced_distribution));
  const profiles = [
    ...LEVELS.map((key) => ({ kind: 'level', key, label: LEVEL_LABEL[key], p: s.profiles.level[key] })),
    ...DOMAINS.map((key) => ({ kind: 'domain', key, label: DOMAIN_LABEL[key], p: s.profiles.domain[key] })),
  ];
  for (const { kind, key, label, p } of profiles) {
    for (const [id, v] of Object.entries(p?.weights ?? {})) {
      put(`profiles.${kind}.${key}.weights.${id}`, tpl(changeText.deltaOf, { profile: label, indicator: indLabel.get(id) ?? same(id) }), num(v), num(0));
    }
    for (const [id, v] of Object.entries(p?.targets ?? {})) {
      put(`profiles.${kind}.${key}.targets.${id}`, tpl(changeText.targetOf, { profile: label, metric: metricLabel(id) }), num(v), changeText.baseTarget);
    }
  }
  put('strategic_industry_multiplier', changeText.multiplier, num(s.strategic_industry_multiplier));
  put('high_value_threshold', changeText.highValue, num(s.high_value_threshold));
  put('role_coefficients.lead', changeText.roleLead, num(s.role_coefficients.lead));
  put('role_coefficients.support', changeText.roleSupport, num(s.role_coefficients.support));
  put('bonus.bonus_share', changeText.bonusShare, pct(s.bonus.bonus_share));
  for (const g of GRADES) put(`bonus.coefficients.${g}`, tpl(changeText.coefficient, { grade: same(g) }), num(s.bonus.coefficients[g]));
  const rule = promotionRule(s);
  put('promotion.min_grade', changeText.promotionMin, same(rule.min_grade));
  put('promotion.consecutive_periods', changeText.promotionYears, num(rule.consecutive_periods));
  put('promotion.min_tenure_months', changeText.promotionTenure, num(rule.min_tenure_months));
  for (const b of s.bonus_items) {
    const item = b.id === 'ltv_uplift' ? schemeText.ltvUplift : metricLabel(b.metric);
    put(`bonus_items.${b.id}.enabled`, tpl(changeText.itemOn, { item }), yesNo(b.enabled));
    put(`bonus_items.${b.id}.max_points`, tpl(changeText.itemPoints, { item }), num(b.max_points));
    put(`bonus_items.${b.id}.metric`, join(item, same('·'), changeText.define), metricLabel(b.metric));
  }
  return out;
}

/** Ids in `a` missing from `b`, in `a`'s order. */
const missing = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

/**
 * `schemeChanges(saved, current)`; pass the current scenario with the slider weights in
 * (ScoringState.currentScenario). Empty when nothing a workshop edits differs.
 * Win rate weight 18 → 20 gives `{ key: 'indicators.win_rate.weight', text: { zh: '项目中标率 权重 18 → 20', … } }`.
 */
export function schemeChanges(saved: Scenario, current: Scenario): SchemeChange[] {
  const out: SchemeChange[] = [];
  const savedIds = saved.indicators.map((i) => i.id);
  const currentIds = current.indicators.map((i) => i.id);
  for (const id of missing(currentIds, savedIds)) {
    out.push({ key: `indicators.${id}`, text: tpl(changeText.indicatorAdded, { name: labelOf(current.indicators.find((i) => i.id === id)!) }) });
  }
  for (const id of missing(savedIds, currentIds)) {
    out.push({ key: `indicators.${id}`, text: tpl(changeText.indicatorRemoved, { name: labelOf(saved.indicators.find((i) => i.id === id)!) }) });
  }
  const onlyIn = (id: string) => missing([id], savedIds).length > 0 || missing([id], currentIds).length > 0;
  const before = entries(saved);
  const after = entries(current);
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  for (const key of keys) {
    // Fields of an added or removed indicator are said by its one line.
    const m = /^(?:indicators|scoring\.overrides)\.([^.]+)\./.exec(key);
    if (m && onlyIn(m[1])) continue;
    const b = before.get(key);
    const a = after.get(key);
    if (key.startsWith('bonus_items.') && (!a || !b)) continue;
    const was = b?.value ?? a?.absent ?? same('—');
    const now = a?.value ?? b?.absent ?? same('—');
    if (was.zh === now.zh && was.en === now.en) continue;
    out.push({ key, text: tpl(changeText.arrow, { what: (a ?? b)!.what, before: was, after: now }) });
  }
  const industries = (s: Scenario) => s.strategic_industries.map((x) => x.trim());
  for (const name of missing(industries(current), industries(saved))) out.push({ key: `strategic_industries.${name}`, text: tpl(changeText.industryAdded, { name: same(name) }) });
  for (const name of missing(industries(saved), industries(current))) out.push({ key: `strategic_industries.${name}`, text: tpl(changeText.industryRemoved, { name: same(name) }) });
  const items = (s: Scenario) => s.bonus_items.map((b) => b.id);
  for (const id of missing(items(current), items(saved))) out.push({ key: `bonus_items.${id}`, text: tpl(changeText.bonusItemAdded, { name: same(id) }) });
  for (const id of missing(items(saved), items(current))) out.push({ key: `bonus_items.${id}`, text: tpl(changeText.bonusItemRemoved, { name: same(id) }) });
  return out;
}
