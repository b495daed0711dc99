import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES } from './codes';
import { GRADE_NONE, gradeOf, thresholdGrade, thresholdGradeIndex, thresholdGrades } from './grades';

const g = { S: 90, A: 80, B: 70, C: 60 };

describe('thresholdGrade (spec §5)', () => {
  it.each<[number, string | null]>([
    [100, 'S'], [90, 'S'], [89.99, 'A'], [80, 'A'], [79.99, 'B'], [70, 'B'], [69.99, 'C'], [60, 'C'], [59.99, 'D'],
    [0, 'D'], [120, 'S'], [NaN, null],
  ])('%s → %s', (total, grade) => {
    expect(thresholdGrade(total, g)).toBe(grade);
  });

  it('uses edited thresholds', () => {
    expect(thresholdGrade(85, { S: 85, A: 75, B: 65, C: 50 })).toBe('S');
    expect(thresholdGrade(50, { S: 85, A: 75, B: 65, C: 50 })).toBe('C');
  });

  it('compares the rounded total: 89.995 rounds to 90.00 before grading', () => {
    // The caller rounds (score.ts); a total of 89.99 is A, its rounded neighbour 90 is S.
    expect(thresholdGrade(90, g)).toBe('S');
    expect(thresholdGrade(89.99, g)).toBe('A');
  });

  it('the typed-array version agrees with the scalar one', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 130, noNaN: true }), fc.constant(NaN))), (xs) => {
      const out = thresholdGrades(Float64Array.from(xs), g);
      xs.forEach((x, i) => {
        expect(gradeOf(out[i])).toBe(thresholdGrade(x, g));
        expect(out[i]).toBe(thresholdGradeIndex(x, g));
      });
    }));
  });

  it('gradeOf maps indices and GRADE_NONE', () => {
    expect(GRADES.map((_, i) => gradeOf(i))).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(gradeOf(GRADE_NONE)).toBeNull();
  });
});
