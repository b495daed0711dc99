/**
 * Edits of the 方案参数 (scheme parameters) page as pure functions Scenario → Scenario:
 * strategic industries and their multiplier, the high-value threshold, role coefficients,
 * level and domain weight deltas, metric sub-weights, bonus items. Like the Targets page's
 * edits they reach the scoring state only through `editChecked` (targetsEdit.ts), so the
 * scenario parser's rules refuse what a scenario file would refuse, and every edit is one
 * step of the scheme history.
 */
import { DOMAINS, LEVELS, type Domain, type Level } from '../engine/codes';
import type { Dataset } from '../engine/dataset';
import type { BonusItem, ProfileOverride, Scenario } from '../engine/types';
import { promotionRule, SPEC_PROMOTION_RULE, type PromotionRule } from '../engine/promotion';

/** `setStrategicIndustries(s, ['金融', '能源'])`: trimmed, empty and repeated names dropped, order kept. */
export function setStrategicIndustries(s: Scenario, industries: readonly string[]): Scenario {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of industries) {
    const name = raw.trim();
    if (name !== '' && !seen.has(name)) { seen.add(name); list.push(name); }
  }
  return { ...s, strategic_industries: list };
}

/** Add or remove one industry: `toggleStrategicIndustry(s, '金融', true)`. */
export function toggleStrategicIndustry(s: Scenario, industry: string, on: boolean): Scenario {
  const name = industry.trim();
  const rest = s.strategic_industries.filter((x) => x.trim() !== name);
  return setStrategicIndustries(s, on ? [...rest, name] : rest);
}

export function setMultiplier(s: Scenario, value: number): Scenario {
  return { ...s, strategic_industry_multiplier: value };
}

export function setHighValueThreshold(s: Scenario, value: number): Scenario {
  return { ...s, high_value_threshold: value };
}

/** `setRoleCoefficient(s, 'lead', 0.4)`: the direct (lead) or indirect (support) participation weight. */
export function setRoleCoefficient(s: Scenario, role: 'lead' | 'support', value: number): Scenario {
  return { ...s, role_coefficients: { ...s.role_coefficients, [role]: value } };
}

/**
 * Set (or with `null` or 0 remove) one entry of a level's or a domain's overrides: a weight delta
 * (`field` 'weights', keyed by indicator id) or a target (`targets`, keyed by metric id). Empty
 * maps and profiles are removed, so a scenario without overrides writes none.
 * `setProfileValue(s, 'domain', 'consulting', 'weights', 'innovation', 2)`.
 */
export function setProfileValue(
  s: Scenario, kind: 'level' | 'domain', key: Level | Domain, field: 'weights' | 'targets', id: string, value: number | null,
): Scenario {
  const profiles = structuredClone(s.profiles);
  const group = profiles[kind] as Partial<Record<string, ProfileOverride>>;
  const p: ProfileOverride = { ...(group[key] ?? {}) };
  const entries = { ...(p[field] ?? {}) };
  if (value === null || (field === 'weights' && value === 0)) delete entries[id];
  else entries[id] = value;
  if (Object.keys(entries).length > 0) p[field] = entries;
  else delete p[field];
  if (Object.keys(p).length > 0) group[key] = p;
  else delete group[key];
  return { ...s, profiles };
}

/** The weight delta in force, 0 when none: `weightDelta(s, 'domain', 'consulting', 'insight_knowledge') === 4`. */
export function weightDelta(s: Scenario, kind: 'level' | 'domain', key: Level | Domain, indicatorId: string): number {
  const group = s.profiles[kind] as Partial<Record<string, ProfileOverride>>;
  return group[key]?.weights?.[indicatorId] ?? 0;
}

/** `setSubweight(s, 'solution_quality', 'first_pass_rate', 2)`: one metric's weight inside its indicator. */
export function setSubweight(s: Scenario, indicatorId: string, metricId: string, value: number): Scenario {
  return {
    ...s,
    indicators: s.indicators.map((ind) => (ind.id !== indicatorId ? ind : {
      ...ind, metrics: ind.metrics.map((m) => (m.id === metricId ? { ...m, subweight: value } : m)),
    })),
  };
}

/** `setBonusItem(s, 'ltv_uplift', { enabled: true, max_points: 5 })`. */
export function setBonusItem(s: Scenario, id: string, change: Partial<Pick<BonusItem, 'enabled' | 'max_points'>>): Scenario {
  return { ...s, bonus_items: s.bonus_items.map((b) => (b.id === id ? { ...b, ...change } : b)) };
}

export interface IndustryChoice {
  /** trimmed, as the strategic list compares it */
  name: string;
  /** project rows with this industry in the data (0: kept from the scenario, not in the data) */
  projects: number;
  strategic: boolean;
}

/**
 * The industries to pick from: those in the projects table (most rows first), then the
 * scenario's strategic ones the data does not hold, so none is lost by picking.
 */
export function industryChoices(projects: Dataset['projects'], s: Scenario): IndustryChoice[] {
  const counts = industryCounts(projects);
  const strategic = new Set(s.strategic_industries.map((x) => x.trim()));
  const inData = counts.sorted.map(([name, projects]) => ({ name, projects, strategic: strategic.has(name) }));
  const missing = [...strategic].filter((x) => !counts.counts.has(x)).map((name) => ({ name, projects: 0, strategic: true }));
  return [...inData, ...missing];
}

interface IndustryCounts { rows: number; counts: Map<string, number>; sorted: [string, number][] }
const countsCache = new WeakMap<Dataset['projects'], IndustryCounts>();

/**
 * Projects per industry, most first: counted once per projects table (tables are replaced, not
 * changed), since every scheme edit lists the choices again and 1,000,000 rows take ~40 ms.
 */
function industryCounts(projects: Dataset['projects']): IndustryCounts {
  const hit = countsCache.get(projects);
  if (hit && hit.rows === projects.length) return hit;
  const counts = new Map<string, number>();
  const industry = projects.industry;
  for (let r = 0; r < projects.length; r++) {
    const name = (industry[r] ?? '').trim();
    if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  const out = { rows: projects.length, counts, sorted };
  countsCache.set(projects, out);
  return out;
}

export interface ClampedWeight {
  level: Level;
  domain: Domain;
  indicatorId: string;
  /** base + level delta + domain delta, below 0 */
  raw: number;
}

/**
 * Where the deltas take a weight below 0, which the engine clamps to 0 (spec §4: a person's
 * weight = max(0, base + level delta + domain delta)), for the editor to show.
 * `weights` are the base weights in force (the sliders), in indicator order.
 */
export function clampedWeights(s: Scenario, weights: ArrayLike<number>): ClampedWeight[] {
  const out: ClampedWeight[] = [];
  s.indicators.forEach((ind, j) => {
    for (const level of LEVELS) {
      for (const domain of DOMAINS) {
        const raw = weights[j] + weightDelta(s, 'level', level, ind.id) + weightDelta(s, 'domain', domain, ind.id);
        if (raw < 0) out.push({ level, domain, indicatorId: ind.id, raw: Number(raw.toPrecision(12)) });
      }
    }
  });
  return out;
}

/**
 * Change the promotion rule; back at the spec's rule the scenario carries none, so a file
 * of a scheme that never changed it stays as the spec writes it.
 * `setPromotion(s, { min_grade: 'A' }).promotion` → `{ min_grade: 'A', consecutive_periods: 1, min_tenure_months: 0 }`.
 */
export function setPromotion(s: Scenario, change: Partial<PromotionRule>): Scenario {
  const rule = { ...promotionRule(s), ...change };
  const { promotion: _old, ...rest } = s;
  const spec = SPEC_PROMOTION_RULE;
  const isSpec = rule.min_grade === spec.min_grade && rule.consecutive_periods === spec.consecutive_periods && rule.min_tenure_months === spec.min_tenure_months;
  return isSpec ? rest : { ...rest, promotion: rule };
}

