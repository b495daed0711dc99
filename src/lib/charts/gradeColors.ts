/**
 * Grade colours from the Okabe–Ito palette, which stays distinguishable under the common
 * colour-vision deficiencies. Blue for the top grades and orange/vermillion for the bottom
 * keeps "good vs needs attention" readable without relying on red vs green; B, the usual
 * majority, is a quiet grey so the eye goes to the tails. Always print the grade letter too.
 * The colours themselves are defined once, in src/tokens.css; these are references to them,
 * usable as a CSS value or an SVG fill.
 */
import type { Grade } from '../engine/codes';

/** `GRADE_COLORS.S` → 'var(--grade-S)' (Okabe–Ito blue). */
export const GRADE_COLORS: Record<Grade, string> = {
  S: 'var(--grade-S)',
  A: 'var(--grade-A)',
  B: 'var(--grade-B)',
  C: 'var(--grade-C)',
  D: 'var(--grade-D)',
};

/** Text colour with enough contrast on a grade-coloured background: `GRADE_TEXT_COLORS.S` → 'var(--grade-S-text)'. */
export const GRADE_TEXT_COLORS: Record<Grade, string> = {
  S: 'var(--grade-S-text)',
  A: 'var(--grade-A-text)',
  B: 'var(--grade-B-text)',
  C: 'var(--grade-C-text)',
  D: 'var(--grade-D-text)',
};

/** Colour for "no grade" (数据不足 / insufficient data). */
export const NO_GRADE_COLOR = 'var(--grade-none)';
