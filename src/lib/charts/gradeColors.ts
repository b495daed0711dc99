/**
 * Grade colours from the Okabe–Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies. Blue for the top grades and orange/vermillion for the bottom
 * keeps "good vs needs attention" readable without relying on red vs green; B, the usual
 * majority, is a quiet grey so the eye goes to the tails. Always print the grade letter too.
 */
import type { Grade } from '../engine/codes';

/** `GRADE_COLORS.S` → '#0072B2' (Okabe–Ito blue). */
export const GRADE_COLORS: Record<Grade, string> = {
  S: '#0072B2',
  A: '#56B4E9',
  B: '#999999',
  C: '#E69F00',
  D: '#D55E00',
};

/**
 * Text colour with enough contrast on a grade-coloured background.
 * `GRADE_TEXT_COLORS.S` → '#ffffff', `GRADE_TEXT_COLORS.A` → '#1a1a1a'.
 */
export const GRADE_TEXT_COLORS: Record<Grade, string> = {
  S: '#ffffff',
  A: '#1a1a1a',
  B: '#1a1a1a',
  C: '#1a1a1a',
  D: '#1a1a1a',
};

/** Colour for "no grade" (数据不足 / insufficient data). */
export const NO_GRADE_COLOR = '#d9d9d9';
