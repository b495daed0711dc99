/**
 * What the person page (个人) and the one-page report both show of one person beside the
 * breakdown (closedPeriod.svelte.ts gives that): the names of its indicators and metrics, and
 * the quarter trend as chart points.
 */
import { metricInfo } from '../engine/metricCatalog';
import type { Scenario } from '../engine/types';
import type { Text } from '../i18n/text';
import type { TrendState } from '../state/trend.svelte';

/** An indicator's name in both languages; its id when the scenario has no such indicator. */
export function indicatorLabel(scenario: Scenario, id: string): Text {
  const ind = scenario.indicators.find((x) => x.id === id);
  return ind ? { zh: ind.label_zh, en: ind.label_en } : { zh: id, en: id };
}

/** A metric's name in both languages (custom metrics: their id). `metricLabel('win_rate').zh` → '赢单率'. */
export function metricLabel(id: string): Text {
  const m = metricInfo(id);
  return m ? { zh: m.label_zh, en: m.label_en } : { zh: id, en: id };
}

type QuarterTotals = ReturnType<TrendState['quarterTotals']>;

/**
 * The four quarters' totals of staff row `staffRow` as chart points `{ label: 'Q1', value }`;
 * `settled` replaces a closed quarter's live total by its snapshot's (ClosedPeriodReading.quarterTotals).
 */
export function trendPoints(
  trend: TrendState,
  staffRow: number,
  settled: (live: QuarterTotals) => QuarterTotals = (live) => live,
): { label: string; value: number | null }[] {
  return staffRow >= 0 && trend.shown ? settled(trend.quarterTotals(staffRow)).map((q) => ({ label: `Q${q.period.quarter}`, value: q.total })) : [];
}
