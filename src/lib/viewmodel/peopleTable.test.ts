import { describe, expect, it } from 'vitest';
import { filterResults, sortResults } from './peopleTable';
import type { PersonResult } from '../engine/types';

const person = (staff_id: string, total: number | null, grade: PersonResult['grade'], extra: Partial<PersonResult> = {}): PersonResult => ({
  staffIndex: 0, staff_id, name: `名${staff_id}`, team: '', level: 'mid', domain: 'consulting', total, coverage: total === null ? 0 : 100,
  grade, forced_grade: grade, final_grade: grade, rank: null, points: { win_rate: total === null ? null : total / 5 },
  bonus_points: null, bonus_amount: null, promotion_eligible: false, improvement_plan: false, ...extra,
});
const rows = [person('P3', 72, 'B'), person('P1', 91, 'S'), person('P2', null, null), person('P4', 72, 'B', { team: '华东', level: 'senior' })];

describe('sortResults', () => {
  it('sorts by total either way with empty totals last and staff_id breaking ties', () => {
    expect(sortResults(rows, 'total', 'desc').map((r) => r.staff_id)).toEqual(['P1', 'P3', 'P4', 'P2']);
    expect(sortResults(rows, 'total', 'asc').map((r) => r.staff_id)).toEqual(['P3', 'P4', 'P1', 'P2']);
  });

  it('sorts grades best first when descending, and points by indicator', () => {
    expect(sortResults(rows, 'final_grade', 'desc').map((r) => r.final_grade)).toEqual(['S', 'B', 'B', null]);
    expect(sortResults(rows, 'points:win_rate', 'asc')[0].staff_id).toBe('P3');
    expect(sortResults(rows, 'staff_id', 'desc').map((r) => r.staff_id)).toEqual(['P4', 'P3', 'P2', 'P1']);
  });

  it('does not change its input', () => {
    const before = rows.map((r) => r.staff_id);
    sortResults(rows, 'total', 'desc');
    expect(rows.map((r) => r.staff_id)).toEqual(before);
  });
});

describe('filterResults', () => {
  it('filters by team, level, domain and a search text', () => {
    const none = { team: null, level: null, domain: null, search: '' };
    expect(filterResults(rows, none)).toHaveLength(4);
    expect(filterResults(rows, { ...none, team: '华东' }).map((r) => r.staff_id)).toEqual(['P4']);
    expect(filterResults(rows, { ...none, team: '' }).map((r) => r.staff_id)).toEqual(['P3', 'P1', 'P2']);
    expect(filterResults(rows, { ...none, level: 'senior' })).toHaveLength(1);
    expect(filterResults(rows, { ...none, domain: 'product_expert' })).toHaveLength(0);
    expect(filterResults(rows, { ...none, search: ' p1 ' }).map((r) => r.staff_id)).toEqual(['P1']);
    expect(filterResults(rows, { ...none, search: '名P3' })).toHaveLength(1);
  });
});
