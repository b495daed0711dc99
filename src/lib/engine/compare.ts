/**
 * Two scenarios side by side for one period (workshop "what changes if we adopt B?"):
 * the grade migration matrix, the people whose final grade changes, and the biggest rank
 * movers for a slope chart. People are matched by staff_id.
 */
import { GRADES, type Grade } from './codes';
import type { PersonResult } from './types';

/** Row/column index of "no grade" in a 6×6 migration matrix. */
export const NO_GRADE = GRADES.length;

const gradeSlot = (g: Grade | null): number => (g === null ? NO_GRADE : GRADES.indexOf(g));

/**
 * Counts `m[from][to]`: people graded `a[i]` under scenario A and `b[i]` under B (same
 * person at the same index). 5×5 over S…D, or 6×6 when anyone has no grade on either side
 * (index 5 = no grade). The sum of all cells is the number of people.
 * `migrationMatrix(['S', 'A'], ['A', 'A'])[0][1] === 1`.
 */
export function migrationMatrix(a: readonly (Grade | null)[], b: readonly (Grade | null)[]): number[][] {
  if (a.length !== b.length) throw new RangeError(`migrationMatrix: ${a.length} grades in A but ${b.length} in B`);
  const size = a.includes(null) || b.includes(null) ? GRADES.length + 1 : GRADES.length;
  const m = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < a.length; i++) m[gradeSlot(a[i])][gradeSlot(b[i])]++;
  return m;
}

/** Pairs of results of the same people (present in both lists), in A's order. */
function pairs(resultsA: readonly PersonResult[], resultsB: readonly PersonResult[]): [PersonResult, PersonResult][] {
  const byId = new Map(resultsB.map((r) => [r.staff_id, r]));
  const out: [PersonResult, PersonResult][] = [];
  for (const a of resultsA) {
    const b = byId.get(a.staff_id);
    if (b) out.push([a, b]);
  }
  return out;
}

/**
 * The migration matrix of two result lists of one period, matched by staff_id (people
 * missing from either list are left out). `migrationFromResults(ra, rb).flat()` sums to the matched count.
 */
export function migrationFromResults(resultsA: readonly PersonResult[], resultsB: readonly PersonResult[]): number[][] {
  const ps = pairs(resultsA, resultsB);
  return migrationMatrix(ps.map(([a]) => a.final_grade), ps.map(([, b]) => b.final_grade));
}

export interface GradeChange {
  staff_id: string;
  name: string;
  team: string;
  from: Grade | null;
  to: Grade | null;
  /** 'up' = a better grade under B (S is best); a grade gained from "no grade" counts as up */
  direction: 'up' | 'down';
}

/**
 * People whose final grade differs between A and B, sorted by staff_id.
 * `gradeChanges(ra, rb).filter((c) => c.direction === 'down').length` → how many lose a grade.
 */
export function gradeChanges(resultsA: readonly PersonResult[], resultsB: readonly PersonResult[]): GradeChange[] {
  const out: GradeChange[] = [];
  for (const [a, b] of pairs(resultsA, resultsB)) {
    if (a.final_grade === b.final_grade) continue;
    out.push({
      staff_id: a.staff_id, name: a.name, team: a.team, from: a.final_grade, to: b.final_grade,
      direction: gradeSlot(b.final_grade) < gradeSlot(a.final_grade) ? 'up' : 'down',
    });
  }
  return out.sort((x, y) => (x.staff_id < y.staff_id ? -1 : x.staff_id > y.staff_id ? 1 : 0));
}

export interface RankShift {
  staff_id: string;
  name: string;
  team: string;
  totalA: number;
  totalB: number;
  rankA: number;
  rankB: number;
  /** rankA − rankB: positive = moved up under B */
  delta: number;
}

/** Competition ranks (1 + the number strictly higher) of totals. */
function competitionRanks(totals: number[]): number[] {
  const sorted = [...totals].sort((x, y) => y - x);
  const first = new Map<number, number>();
  sorted.forEach((t, p) => { if (!first.has(t)) first.set(t, p + 1); });
  return totals.map((t) => first.get(t)!);
}

/**
 * Top and bottom rank movers for a slope chart. Ranks are recomputed over the whole
 * population of people who have a total under both scenarios (the results' own `rank` is
 * per forced-distribution group, which need not be the same grouping in A and B); ties
 * share a rank as in spec §6. `up` holds the `limit` biggest risers (delta > 0, biggest
 * first), `down` the biggest fallers (delta < 0, most negative first); ties by staff_id.
 * `rankShifts(ra, rb, 5).up[0].delta` → the largest rise.
 */
export function rankShifts(
  resultsA: readonly PersonResult[], resultsB: readonly PersonResult[], limit = 10,
): { up: RankShift[]; down: RankShift[]; all: RankShift[] } {
  const ps = pairs(resultsA, resultsB).filter(([a, b]) => a.total !== null && b.total !== null);
  const rankA = competitionRanks(ps.map(([a]) => a.total!));
  const rankB = competitionRanks(ps.map(([, b]) => b.total!));
  const all: RankShift[] = ps.map(([a, b], i) => ({
    staff_id: a.staff_id, name: a.name, team: a.team, totalA: a.total!, totalB: b.total!,
    rankA: rankA[i], rankB: rankB[i], delta: rankA[i] - rankB[i],
  }));
  const byId = (x: RankShift, y: RankShift) => (x.staff_id < y.staff_id ? -1 : x.staff_id > y.staff_id ? 1 : 0);
  const up = all.filter((s) => s.delta > 0).sort((x, y) => y.delta - x.delta || byId(x, y)).slice(0, limit);
  const down = all.filter((s) => s.delta < 0).sort((x, y) => x.delta - y.delta || byId(x, y)).slice(0, limit);
  return { up, down, all };
}
