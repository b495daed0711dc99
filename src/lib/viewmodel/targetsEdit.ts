/**
 * Edits of the Targets page as pure functions Scenario → Scenario, and the one way they
 * reach ScoringState: through the scenario file's own validation (parseScenario after a
 * serialise round trip), so the page can never hold a scenario the app could not save or
 * read back. A refused edit returns the engine's field-named message in both languages.
 */
import type { Domain, Level } from '../engine/codes';
import { parseScenario, ScenarioError, serializeScenario } from '../engine/scenario';
import type { Indicator, IndicatorMetric, MetricDefine, Scenario } from '../engine/types';
import type { Text } from '../i18n/i18n.svelte';
import { loadUnsavedScenario } from '../state/shareLink.svelte';
import type { ScoringState } from '../state/scoring.svelte';
import { setProfileValue } from './schemeEdit';

export type Checked = { ok: true; scenario: Scenario } | { ok: false; field: string; error: Text };

/**
 * Validate a candidate exactly as a scenario file would be read.
 * `checkScenario({ ...s, grades: { ...s.grades, A: 95 } })` → `{ ok: false, field: 'grades', … }`.
 */
export function checkScenario(candidate: Scenario): Checked {
  try {
    return { ok: true, scenario: parseScenario(JSON.parse(serializeScenario(candidate))) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, field: e.field, error: e.text };
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, field: '', error: { zh: msg, en: msg } };
  }
}

/** A number typed into an input: '' → null (no value), anything unparsable → NaN (refused by validation). */
export function parseInputNumber(text: string): number | null {
  const s = text.trim().replace(/,/g, '');
  if (s === '') return null;
  return Number(s);
}

const mapMetric = (s: Scenario, metricId: string, f: (m: IndicatorMetric) => IndicatorMetric): Scenario => ({
  ...s,
  indicators: s.indicators.map((ind) => ({ ...ind, metrics: ind.metrics.map((m) => (m.id === metricId ? f(m) : m)) })),
});

/** Every metric with this id gets the base target (a metric id has one meaning in a scenario). */
export function setBaseTarget(s: Scenario, metricId: string, target: number): Scenario {
  return mapMetric(s, metricId, (m) => ({ ...m, target }));
}

/**
 * Set (or with `null` remove) a level's or a domain's target override for a metric.
 * `setProfileTarget(s, 'level', 'junior', 'win_rate', 50)`.
 */
export function setProfileTarget(
  s: Scenario, kind: 'level' | 'domain', key: Level | Domain, metricId: string, target: number | null,
): Scenario {
  return setProfileValue(s, kind, key, 'targets', metricId, target);
}

export interface CustomDraft {
  id: string;
  label_zh: string;
  label_en: string;
  category: Indicator['category'];
  weight: number;
  metricId: string;
  target: number;
  unit: IndicatorMetric['unit'] | '';
  direction: IndicatorMetric['direction'];
  kind: MetricDefine['kind'];
  /** comma-separated activity types for activity_count / activity_ratio */
  types: string;
  numerator: string;
  denominator: string;
  source: string;
}

const list = (text: string) => text.split(/[,，、;\s]+/).map((x) => x.trim()).filter((x) => x !== '');

/** The metric definition a draft describes. */
export function draftDefine(d: CustomDraft): MetricDefine {
  switch (d.kind) {
    case 'activity_count': return { kind: 'activity_count', types: list(d.types) };
    case 'activity_ratio': return { kind: 'activity_ratio', numerator: list(d.numerator), denominator: list(d.denominator) };
    case 'rating_mean': return { kind: 'rating_mean', source: d.source };
    case 'column': return { kind: 'column' };
  }
}

/**
 * The scenario with a custom indicator appended (one metric with its definition).
 * Validation is left to `checkScenario`, which names the offending field.
 */
export function addCustomIndicator(s: Scenario, d: CustomDraft): Scenario {
  const metric: IndicatorMetric = {
    id: d.metricId.trim() || d.id.trim(), target: d.target, direction: d.direction, subweight: 1, define: draftDefine(d),
  };
  if (d.unit) metric.unit = d.unit;
  const indicator: Indicator = {
    id: d.id.trim(), category: d.category, weight: d.weight,
    label_zh: d.label_zh.trim() || d.id.trim(), label_en: d.label_en.trim() || d.id.trim(), metrics: [metric],
  };
  return { ...s, indicators: [...s.indicators, indicator] };
}

/** Ids a new indicator or metric may not reuse. */
export function usedIds(s: Scenario): Set<string> {
  return new Set(s.indicators.flatMap((ind) => [ind.id, ...ind.metrics.map((m) => m.id)]));
}

/** Lower-case letters, digits and underscores, starting with a letter: safe as a CSV column and JSON key. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * The scenario without an indicator, and without everything keyed by it or by its custom
 * metrics (profile weight deltas and targets, scoring overrides, bonus items), which the
 * scenario file would otherwise refuse as unknown keys.
 */
export function removeIndicator(s: Scenario, indicatorId: string): Scenario {
  const ind = s.indicators.find((x) => x.id === indicatorId);
  if (!ind) return s;
  const rest = s.indicators.filter((x) => x.id !== indicatorId);
  const stillUsed = new Set(rest.flatMap((x) => x.metrics.map((m) => m.id)));
  const gone = new Set(ind.metrics.map((m) => m.id).filter((id) => !stillUsed.has(id)));
  const profiles = structuredClone(s.profiles);
  for (const group of [profiles.level, profiles.domain] as Partial<Record<string, { weights?: Record<string, number>; targets?: Record<string, number> }>>[]) {
    for (const p of Object.values(group)) {
      if (!p) continue;
      if (p.weights) delete p.weights[indicatorId];
      if (p.targets) for (const m of gone) delete p.targets[m];
    }
  }
  const { [indicatorId]: _dropped, ...overrides } = s.scoring.overrides;
  return {
    ...s, indicators: rest, profiles, scoring: { ...s.scoring, overrides },
    bonus_items: s.bonus_items.filter((b) => !gone.has(b.metric)),
  };
}

/**
 * Apply a checked scenario to the scoring state. The base weights come from the slider
 * state by indicator id (a new indicator brings its own weight), so an edit of targets
 * never resets weights the user has moved.
 */
export function applyEdit(scoring: ScoringState, next: Scenario): void {
  const byId = new Map(scoring.scenario.indicators.map((ind, j) => [ind.id, scoring.weights[j]] as const));
  const withSliders = { ...next, indicators: next.indicators.map((ind) => ({ ...ind, weight: byId.get(ind.id) ?? ind.weight })) };
  loadUnsavedScenario(scoring, withSliders);
}

/**
 * Check `change(current scenario)` and apply it when valid; returns the check.
 * `editChecked(scoring, (s) => setBaseTarget(s, 'win_rate', 65))`.
 */
export function editChecked(scoring: ScoringState, change: (s: Scenario) => Scenario): Checked {
  const checked = checkScenario(change(scoring.currentScenario));
  if (checked.ok) applyEdit(scoring, checked.scenario);
  return checked;
}
