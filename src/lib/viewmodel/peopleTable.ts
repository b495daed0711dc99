/**
 * Sorting and filtering of the People table's result rows. Empty values (no total, no grade,
 * N/A points) sort last in both directions, so "lowest first" does not start with 数据不足.
 */
import type { Domain, Level } from '../engine/codes';
import type { PersonResult } from '../engine/types';

export type SortKey =
  | 'staff_id' | 'name' | 'team' | 'level' | 'domain' | 'total' | 'grade' | 'forced_grade' | 'final_grade' | 'rank' | 'coverage'
  | `points:${string}`;

const GRADE_ORDER: Record<string, number> = { S: 0, A: 1, B: 2, C: 3, D: 4 };

function valueOf(r: PersonResult, key: SortKey): string | number | null {
  if (key.startsWith('points:')) return r.points[key.slice(7)] ?? null;
  switch (key) {
    case 'grade': case 'forced_grade': case 'final_grade': {
      const g = r[key];
      // Better grade = larger number, so "descending" lists S first like totals.
      return g === null ? null : 4 - GRADE_ORDER[g];
    }
    default: return r[key as keyof PersonResult] as string | number | null;
  }
}

/**
 * A sorted copy (the input is not changed); ties keep staff_id order.
 * `sortResults(rows, 'total', 'desc')[0]` → the best total.
 */
export function sortResults(rows: readonly PersonResult[], key: SortKey, dir: 'asc' | 'desc'): PersonResult[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const x = valueOf(a, key);
    const y = valueOf(b, key);
    if (x === null || y === null) return x === y ? a.staff_id.localeCompare(b.staff_id) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return c !== 0 ? sign * c : a.staff_id.localeCompare(b.staff_id);
  });
}

export interface ResultFilter { team: string | null; level: Level | null; domain: Domain | null; search: string }

/** Rows matching the filters; `search` matches name or staff_id, case-insensitive. */
export function filterResults(rows: readonly PersonResult[], f: ResultFilter): PersonResult[] {
  const q = f.search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.team === null || r.team.trim() === f.team) &&
      (f.level === null || r.level === f.level) &&
      (f.domain === null || r.domain === f.domain) &&
      (q === '' || r.name.toLowerCase().includes(q) || r.staff_id.toLowerCase().includes(q)),
  );
}
