/**
 * Who changed grade against the saved scenario: the slider's grade-change list. Pure functions
 * over two gradings of the same people, so the list costs one pass per slider move, no sort.
 */
import { GRADES, type Grade } from '../engine/codes';
import type { StaffTable } from '../engine/dataset';
import type { Graded } from './gradeAll';

export interface GradeChange { row: number; staff_id: string; name: string; from: Grade | null; to: Grade | null }

const gradeAt = (i: number): Grade | null => (i < GRADES.length ? GRADES[i] : null);

/**
 * Model rows in staff_id order (plain code units: localeCompare on thousands of ids would cost
 * milliseconds), sorted once per model so that grade-change lists need no sort per slider move.
 * @example idOrder(Int32Array.of(0, 1), ['PS2', 'PS1']) // Int32Array [1, 0]
 */
export function idOrder(staffIndex: Int32Array, ids: readonly string[]): Int32Array {
  const idOf = Array.from(staffIndex, (r) => ids[r]);
  return Int32Array.from(staffIndex.keys()).sort((x, y) => (idOf[x] < idOf[y] ? -1 : idOf[x] > idOf[y] ? 1 : 0));
}

/**
 * How many people's final grade in `now` differs from `saved` (`topGradeChanges(…).total`): one
 * pass over the two grade arrays, nothing allocated, so a slider move can count on every frame.
 * @example countGradeChanges(now, saved) // 3 when three people changed grade
 */
export function countGradeChanges(now: Pick<Graded, 'final'>, saved: Pick<Graded, 'final'>): number {
  const a = now.final;
  const b = saved.final;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/**
 * People whose final grade in `now` differs from `saved`, in list order (best new grade first,
 * then staff_id as in `order`): the first `limit` of them and how many there are in all. One pass
 * over everyone, filling one bucket per new grade. `topGradeChanges(…, 0).total` only counts.
 */
export function topGradeChanges(now: Graded, saved: Graded, order: Int32Array, staff: Pick<StaffTable, 'staff_id' | 'name'>,
  limit = Infinity): { rows: GradeChange[]; total: number } {
  const buckets: number[][] = Array.from({ length: GRADES.length + 1 }, () => []);
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const to = now.final[i];
    if (to === saved.final[i]) continue;
    total++;
    const bucket = buckets[to < GRADES.length ? to : GRADES.length];
    if (bucket.length < limit) bucket.push(i);
  }
  const rows: GradeChange[] = [];
  for (const bucket of buckets) {
    for (const i of bucket) {
      if (rows.length >= limit) break;
      const row = now.model.staffIndex[i];
      rows.push({ row: i, staff_id: staff.staff_id[row], name: staff.name[row], from: gradeAt(saved.final[i]), to: gradeAt(now.final[i]) });
    }
  }
  return { rows, total };
}
