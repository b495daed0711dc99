/**
 * What the one-page report selects from the person page's pieces: the weakest indicators and
 * the members of a team for "print all". The numbers themselves come from
 * charts/personBreakdown.ts and the scoring state, as on the person page.
 */
import type { IndicatorLine } from '../charts/personBreakdown';
import type { PersonResult } from '../engine/types';

/**
 * The `n` indicators with the lowest score fraction, N/A ones left out. `lines` is
 * indicatorBreakdown's output (weakest first, N/A last); the caller's array is not changed.
 * `weakestIndicators(lines).map((l) => l.id)` → e.g. ['innovation', 'insight_knowledge', 'win_rate'].
 */
export function weakestIndicators(lines: readonly IndicatorLine[], n = 3): IndicatorLine[] {
  return lines.filter((l) => !Number.isNaN(l.fraction)).sort((a, b) => a.fraction - b.fraction).slice(0, n);
}

/**
 * One-page reports a team report page holds at once: a team of 2,500 (10,000 staff in four
 * teams) drawn whole froze the page for seconds; printing prints the page shown.
 */
export const TEAM_REPORTS_PER_PAGE = 20;
/** Reports the team page draws per task while it fills a page (the rest follow, a few per task). */
export const REPORTS_PER_TASK = 4;

/** The route parameter that stands for "people without a team" (`#/report-team/~`). */
export const NO_TEAM_PARAM = '~';

/**
 * The in-scope people of one team (trimmed names compare equal), by staff_id; `NO_TEAM_PARAM`
 * selects those without a team. `teamMembers(results, '华东').every((r) => r.team.trim() === '华东')`.
 */
export function teamMembers(results: readonly PersonResult[], team: string): PersonResult[] {
  const want = team === NO_TEAM_PARAM ? '' : team.trim();
  return results
    .filter((r) => r.team.trim() === want)
    .sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
}

/** `teamParam('')` → '~', `teamParam('华东')` → '华东': the route parameter of a team. */
export function teamParam(team: string): string {
  return team.trim() === '' ? NO_TEAM_PARAM : team.trim();
}
