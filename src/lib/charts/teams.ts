/**
 * Team comparison: per team the graded head count, mean and median total and the grade mix,
 * so managers see whether one team's people are systematically rated higher.
 */
import { median } from 'd3-array';
import { GRADES } from '../engine/codes';

export interface TeamRow {
  /** '' = people without a team */
  team: string;
  n: number;
  mean: number;
  median: number;
  /** people per grade, in GRADES order */
  counts: [number, number, number, number, number];
}

/**
 * `teamOf[r]`, `totals[r]`, `finalGrades[r]` per person; `rows` = the people to include. People
 * without a total are skipped. Sorted by mean descending, then by team name.
 * `teamComparison(['a','a','b'], Float64Array.of(80, 90, 70), Uint8Array.of(1, 0, 2), [0,1,2])`
 * → [{team:'a', n:2, mean:85, …}, {team:'b', n:1, mean:70, …}].
 */
export function teamComparison(
  teamOf: readonly string[],
  totals: ArrayLike<number>,
  finalGrades: ArrayLike<number>,
  rows: ArrayLike<number>,
): TeamRow[] {
  const byTeam = new Map<string, { values: number[]; counts: TeamRow['counts'] }>();
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    const v = totals[r];
    if (Number.isNaN(v)) continue;
    let e = byTeam.get(teamOf[r]);
    if (!e) byTeam.set(teamOf[r], (e = { values: [], counts: [0, 0, 0, 0, 0] }));
    e.values.push(v);
    const g = finalGrades[r];
    if (g < GRADES.length) e.counts[g]++;
  }
  const out: TeamRow[] = [];
  for (const [team, e] of byTeam) {
    const sum = e.values.reduce((s, v) => s + v, 0);
    out.push({ team, n: e.values.length, mean: sum / e.values.length, median: median(e.values) ?? NaN, counts: e.counts });
  }
  return out.sort((a, b) => b.mean - a.mean || a.team.localeCompare(b.team));
}
