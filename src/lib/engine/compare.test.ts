import { describe, expect, it } from 'vitest';
import type { Grade } from './codes';
import { gradeChanges, migrationFromResults, migrationMatrix, NO_GRADE, rankShifts } from './compare';
import type { PersonResult } from './types';

function person(staff_id: string, total: number | null, final_grade: Grade | null): PersonResult {
  return {
    staffIndex: 0, staff_id, name: `姓名${staff_id}`, team: '华东', level: 'mid', domain: 'consulting',
    total, coverage: total === null ? 0 : 100, grade: final_grade, forced_grade: null, final_grade, rank: null,
    points: {}, bonus_points: null, bonus_amount: null, promotion_eligible: false, improvement_plan: false,
  };
}
const sum = (m: number[][]) => m.flat().reduce((s, x) => s + x, 0);

describe('migrationMatrix', () => {
  it('is 5×5 when everyone is graded, sums to the number of people, rows = A and columns = B', () => {
    const a: Grade[] = ['S', 'A', 'A', 'B', 'B', 'B', 'C', 'D'];
    const b: Grade[] = ['A', 'A', 'S', 'B', 'C', 'B', 'C', 'C'];
    const m = migrationMatrix(a, b);
    expect(m).toHaveLength(5);
    expect(m.every((row) => row.length === 5)).toBe(true);
    expect(sum(m)).toBe(a.length);
    expect(m[0][1]).toBe(1); // S → A
    expect(m[1][0]).toBe(1); // A → S
    expect(m[2][2]).toBe(2);
    expect(m[4][3]).toBe(1); // D → C
    // row sums are A's grade counts, column sums B's
    expect(m.map((row) => row.reduce((s, x) => s + x, 0))).toEqual([1, 2, 3, 1, 1]);
    expect([0, 1, 2, 3, 4].map((c) => m.reduce((s, row) => s + row[c], 0))).toEqual([1, 2, 2, 3, 0]);
  });

  it('adds a "no grade" row and column when anyone lacks a grade on either side', () => {
    const m = migrationMatrix(['A', null, 'B'], ['A', null, null]);
    expect(m).toHaveLength(6);
    expect(m[NO_GRADE][NO_GRADE]).toBe(1);
    expect(m[2][NO_GRADE]).toBe(1);
    expect(sum(m)).toBe(3);
  });

  it('handles empty input and refuses lists of different length', () => {
    expect(migrationMatrix([], [])).toEqual(Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]));
    expect(() => migrationMatrix(['A'], [])).toThrow(RangeError);
  });
});

describe('gradeChanges / migrationFromResults', () => {
  const A = [person('P3', 85, 'A'), person('P1', 91, 'S'), person('P2', 75, 'B'), person('P4', null, null), person('P5', 70, 'B')];
  const B = [person('P1', 88, 'A'), person('P2', 75, 'B'), person('P3', 90, 'S'), person('P4', 61, 'C'), person('P6', 99, 'S')];

  it('lists the people whose final grade changes, matched by staff_id and sorted, with a direction', () => {
    expect(gradeChanges(A, B).map((c) => [c.staff_id, c.from, c.to, c.direction])).toEqual([
      ['P1', 'S', 'A', 'down'], ['P3', 'A', 'S', 'up'], ['P4', null, 'C', 'up'],
    ]);
  });

  it('matches by staff_id and leaves out people missing on one side', () => {
    const m = migrationFromResults(A, B);
    expect(sum(m)).toBe(4); // P5 only in A, P6 only in B
    expect(m[NO_GRADE][3]).toBe(1);
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify([A, B]);
    gradeChanges(A, B);
    rankShifts(A, B);
    expect(JSON.stringify([A, B])).toBe(before);
  });
});

describe('rankShifts', () => {
  it('ranks the people graded in both scenarios and returns the biggest risers and fallers', () => {
    const A = ['P1', 'P2', 'P3', 'P4', 'P5'].map((id, i) => person(id, 90 - 5 * i, 'B'));
    // B reverses the order of P1 and P5 and ties P2 with P3
    const totalsB = [60, 80, 80, 75, 95];
    const B = A.map((r, i) => person(r.staff_id, totalsB[i], 'B'));
    const { up, down, all } = rankShifts(A, B, 2);
    expect(all.map((s) => [s.staff_id, s.rankA, s.rankB, s.delta])).toEqual([
      ['P1', 1, 5, -4], ['P2', 2, 2, 0], ['P3', 3, 2, 1], ['P4', 4, 4, 0], ['P5', 5, 1, 4],
    ]);
    expect(up.map((s) => s.staff_id)).toEqual(['P5', 'P3']);
    expect(down.map((s) => s.staff_id)).toEqual(['P1']);
  });

  it('leaves out people without a total in either scenario', () => {
    const A = [person('P1', 80, 'A'), person('P2', null, null), person('P3', 70, 'B')];
    const B = [person('P1', 70, 'B'), person('P2', 95, 'S'), person('P3', 80, 'A')];
    const { all } = rankShifts(A, B);
    expect(all.map((s) => s.staff_id)).toEqual(['P1', 'P3']);
    expect(all.map((s) => s.delta)).toEqual([-1, 1]);
  });
});
