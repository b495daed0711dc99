/**
 * Threshold grades of spec §5: S ≥ 90 · A ≥ 80 · B ≥ 70 · C ≥ 60 · D below (editable),
 * compared with the already rounded total. On typed arrays a grade is its index into
 * GRADES, and GRADE_NONE marks "no grade".
 */
import { GRADES, type Grade } from './codes';
import type { Scenario } from './types';

/** "No grade" in a Uint8Array of grade indices. */
export const GRADE_NONE = 255;

/** Grade index of a rounded total; GRADE_NONE for NaN. `thresholdGradeIndex(80, g) === 1` (A). */
export function thresholdGradeIndex(total: number, g: Scenario['grades']): number {
  if (total !== total) return GRADE_NONE;
  if (total >= g.S) return 0;
  if (total >= g.A) return 1;
  if (total >= g.B) return 2;
  if (total >= g.C) return 3;
  return 4;
}

/** Threshold grade of a rounded total; null for NaN (no total). `thresholdGrade(89.99, standard.grades) === 'A'`. */
export function thresholdGrade(total: number, g: Scenario['grades']): Grade | null {
  const i = thresholdGradeIndex(total, g);
  return i === GRADE_NONE ? null : GRADES[i];
}

/** Threshold grade indices of many totals, into `out` when given. */
export function thresholdGrades(total: Float64Array, g: Scenario['grades'], out: Uint8Array = new Uint8Array(total.length)): Uint8Array {
  for (let i = 0; i < total.length; i++) out[i] = thresholdGradeIndex(total[i], g);
  return out;
}

/** A grade index as a Grade, or null. `gradeOf(0) === 'S'`, `gradeOf(GRADE_NONE) === null`. */
export function gradeOf(index: number): Grade | null {
  return index < GRADES.length ? GRADES[index] : null;
}
