/**
 * The two annual lists of spec §7: who may be promoted to senior, and who needs the
 * improvement plan. Membership is the engine's flags (results.ts → consequences.ts), so the
 * lists, the §8 export and the person page can never disagree.
 */
import type { Domain, Grade, Level } from '../engine/codes';
import type { Period, PersonResult } from '../engine/types';

export interface ListLine {
  staff_id: string;
  name: string;
  team: string;
  level: Level;
  domain: Domain;
  total: number | null;
  final_grade: Grade | null;
}

const line = (r: PersonResult): ListLine => ({
  staff_id: r.staff_id, name: r.name, team: r.team, level: r.level, domain: r.domain, total: r.total, final_grade: r.final_grade,
});

const byId = (a: ListLine, b: ListLine) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0);
/** Best total first, then staff_id, so the list reads like a ranking. */
const bestFirst = (a: ListLine, b: ListLine) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || byId(a, b);
const worstFirst = (a: ListLine, b: ListLine) => (a.total ?? Infinity) - (b.total ?? Infinity) || byId(a, b);

/**
 * 可晋升资深: null when `period` is a quarter (the list exists only for a year), else the
 * eligible people, best total first. `promotionList(results, parsePeriod('2026Q1')) === null`.
 */
export function promotionList(results: readonly PersonResult[], period: Period): ListLine[] | null {
  if (period.kind !== 'year') return null;
  return results.filter((r) => r.promotion_eligible).map(line).sort(bestFirst);
}

/**
 * 需参加能力提升计划: final grade C or D, lowest total first (the most urgent on top).
 * `improvementList(results).every((l) => l.final_grade === 'C' || l.final_grade === 'D')`.
 */
export function improvementList(results: readonly PersonResult[]): ListLine[] {
  return results.filter((r) => r.improvement_plan).map(line).sort(worstFirst);
}
