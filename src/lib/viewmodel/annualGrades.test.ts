import { describe, expect, it } from 'vitest';
import type { Grade } from '../engine/codes';
import type { PersonResult } from '../engine/types';
import { annualGrades } from './annualGrades';

const r = (staff_id: string, final_grade: Grade | null) => ({ staff_id, final_grade }) as PersonResult;

describe('annualGrades', () => {
  it('puts each quarter\'s final grade beside the annual one; quarters without data stay empty', () => {
    const rows = annualGrades([[r('P1', 'B'), r('P2', null)], [r('P1', 'A'), r('P2', 'C')], null, []], [r('P1', 'A'), r('P3', 'S')]);
    expect(rows.get('P1')).toEqual({ quarters: ['B', 'A', null, null], annual: 'A' });
    expect(rows.get('P2')).toEqual({ quarters: [null, 'C', null, null], annual: null });
    expect(rows.get('P3')).toEqual({ quarters: [null, null, null, null], annual: 'S' });
    expect(rows.size).toBe(3);
  });

  it('is empty for no data at all', () => {
    expect(annualGrades([null, null, null, null], null).size).toBe(0);
  });
});
