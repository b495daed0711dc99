import { describe, expect, it } from 'vitest';
import { idOrder } from './gradeChanges';

describe('idOrder', () => {
  it('orders model rows by staff_id code units, not locale, whatever the staff table order', () => {
    // model row i is staff row staffIndex[i]
    expect(Array.from(idOrder(Int32Array.of(2, 0, 1), ['PS3', 'PS10', 'PS2']))).toEqual([2, 0, 1]); // model rows hold PS2, PS3, PS10; PS10 < PS2 < PS3
    expect(Array.from(idOrder(new Int32Array(0), []))).toEqual([]);
  });
});
