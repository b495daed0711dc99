import { describe, expect, it } from 'vitest';
import { countGradeChanges, idOrder } from './gradeChanges';

describe('idOrder', () => {
  it('orders model rows by staff_id code units, not locale, whatever the staff table order', () => {
    // model row i is staff row staffIndex[i]
    expect(Array.from(idOrder(Int32Array.of(2, 0, 1), ['PS3', 'PS10', 'PS2']))).toEqual([2, 0, 1]); // model rows hold PS2, PS3, PS10; PS10 < PS2 < PS3
    expect(Array.from(idOrder(new Int32Array(0), []))).toEqual([]);
  });
});

describe('countGradeChanges', () => {
  it('counts the people whose final grade differs, no grade (255) included', () => {
    const saved = { final: Uint8Array.of(0, 1, 2, 255, 3) };
    expect(countGradeChanges({ final: Uint8Array.of(0, 1, 2, 255, 3) }, saved)).toBe(0);
    expect(countGradeChanges({ final: Uint8Array.of(1, 1, 2, 2, 3) }, saved)).toBe(2);
    expect(countGradeChanges({ final: Uint8Array.of(255, 0, 0, 0, 255) }, saved)).toBe(5);
    expect(countGradeChanges({ final: new Uint8Array(0) }, { final: new Uint8Array(0) })).toBe(0);
  });
});
