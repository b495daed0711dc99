/**
 * One person's indicators as the Person page shows them: points against the points the
 * indicator would give on target (f = 1), weakest first, and each metric's value against its
 * target. The weights and targets come from the same engine look-ups the scores use.
 */
import { metricAttainment, indicatorRule } from '../engine/attainment';
import { DOMAINS, LEVELS } from '../engine/codes';
import { metricInfo, type MetricUnit } from '../engine/metricCatalog';
import { metricTarget } from '../engine/scenario';
import type { ScoringModel, Scores } from '../engine/score';
import type { IndicatorMetric, MetricMatrix, Scenario } from '../engine/types';
import type { BarRow, BarRowsHead } from './BarRows.svelte';
import type { Text } from '../i18n/text';
import { dashboardText } from '../i18n/messages/dashboard';
import { chartText } from '../i18n/messages/charts';
import { fmtNum } from '../format';

export interface MetricLine { id: string; value: number; target: number; unit: MetricUnit; attainment: number; direction: 'higher' | 'lower' }
export interface IndicatorLine {
  id: string;
  /** score fraction f; NaN = N/A */
  fraction: number;
  /** points (NaN = N/A or weight 0) */
  points: number;
  /** points this indicator gives at f = 1 with the same denominator as the total */
  atTarget: number;
  weight: number;
  metrics: MetricLine[];
}

/** Display unit of a scenario-defined metric, by how it is computed. */
export function customUnit(m: IndicatorMetric): MetricUnit {
  switch (m.define?.kind) {
    case 'activity_count': return 'count';
    case 'activity_ratio': return 'percent';
    default: return 'score';
  }
}

/**
 * Indicators of model row `i`, those with a weight for this person, weakest (lowest f) first
 * and N/A last. `scenario` must carry the base weights used for `scores`.
 * `indicatorBreakdown(model, scores, matrix, scenario, 0)[0].id` → the person's weakest indicator.
 */
export function indicatorBreakdown(model: ScoringModel, scores: Scores, matrix: MetricMatrix, scenario: Scenario, i: number): IndicatorLine[] {
  const { k } = model;
  const level = LEVELS[model.levelOf[i]];
  const domain = DOMAINS[model.domainOf[i]];
  const combo = model.comboOf[i];
  const w = scenario.indicators.map((ind, j) => Math.max(0, ind.weight + model.deltas[combo * k + j]));
  let denom = 0;
  for (let j = 0; j < k; j++) if (w[j] > 0 && !Number.isNaN(model.fraction[i * k + j])) denom += w[j];
  const lines: IndicatorLine[] = [];
  scenario.indicators.forEach((ind, j) => {
    if (w[j] <= 0) return;
    const cap = indicatorRule(scenario, ind.id).cap;
    const metrics = ind.metrics.map((m) => {
      const value = matrix.values[m.id]?.[i] ?? NaN;
      const target = metricTarget(scenario, ind, m, level, domain, model.period);
      return {
        id: m.id, value, target, direction: m.direction,
        unit: metricInfo(m.id)?.unit ?? customUnit(m),
        attainment: metricAttainment(value, target, m.direction, cap),
      };
    });
    const fraction = model.fraction[i * k + j];
    lines.push({
      id: ind.id, fraction, points: scores.points[i * k + j],
      atTarget: denom > 0 && !Number.isNaN(fraction) ? (100 * w[j]) / denom : NaN,
      weight: w[j], metrics,
    });
  });
  const key = (l: IndicatorLine) => (Number.isNaN(l.fraction) ? Infinity : l.fraction);
  return lines.sort((a, b) => key(a) - key(b));
}

/**
 * The "points against weight" bars of the person page and the A4 report: one row per
 * indicator, the marker at the points a fraction of 1 would give, N/A shown as text; the two
 * numbers in their own columns (see `pointBarHead`), the note keeps them as one string.
 * `pointBarRows(lines, (id) => id, 'N/A')[0].cells` → ['12.0', '18.0'].
 */
export function pointBarRows(lines: readonly IndicatorLine[], label: (id: string) => string, notApplicable: string): BarRow[] {
  return lines.map((l) => ({
    key: l.id,
    label: label(l.id),
    value: Number.isNaN(l.points) ? 0 : l.points,
    marker: Number.isNaN(l.atTarget) ? null : l.atTarget,
    note: Number.isNaN(l.fraction) ? notApplicable : `${fmtNum(l.points, 1)} / ${fmtNum(l.atTarget, 1)}`,
    cells: Number.isNaN(l.fraction) ? [notApplicable, '—'] : [fmtNum(l.points, 1), fmtNum(l.atTarget, 1)],
    flag: !Number.isNaN(l.fraction) && l.fraction < 1,
  }));
}

/** Column titles of those bars in a language: `pointBarHead((x) => x.zh).cells` → ['得分', '达标得分']. */
export function pointBarHead(say: (x: Text) => string): BarRowsHead {
  return { label: say(dashboardText.indicator), bar: say(chartText.pointsBar), cells: [say(chartText.colPoints), say(chartText.colAtTarget)] };
}
