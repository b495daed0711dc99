import { describe, expect, it } from 'vitest';
import { GRADES } from '../engine/codes';
import { resolveColor } from '../../../test/cssTokens';
import { GRADE_COLORS as GRADE_REFS, GRADE_TEXT_COLORS as TEXT_REFS, NO_GRADE_COLOR } from './gradeColors';

/** The colours the references of gradeColors.ts stand for in src/tokens.css. */
const GRADE_COLORS = Object.fromEntries(GRADES.map((g) => [g, resolveColor(GRADE_REFS[g])]));
const GRADE_TEXT_COLORS = Object.fromEntries(GRADES.map((g) => [g, resolveColor(TEXT_REFS[g])]));

/** WCAG 2 relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = c.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('grade colours', () => {
  it('has a colour and a text colour for every grade, as #rrggbb in the token file', () => {
    expect(resolveColor(NO_GRADE_COLOR)).toMatch(/^#[0-9a-f]{6}$/i);
    for (const g of GRADES) {
      expect(GRADE_COLORS[g]).toMatch(/^#[0-9a-f]{6}$/i);
      expect(GRADE_TEXT_COLORS[g]).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it('keeps the grade letter readable on its colour (WCAG AA, 4.5:1)', () => {
    for (const g of GRADES) expect(contrast(GRADE_COLORS[g], GRADE_TEXT_COLORS[g]), g).toBeGreaterThanOrEqual(4.5);
  });

  it('uses five different colours; neighbouring grades differ in lightness too', () => {
    expect(new Set(GRADES.map((g) => GRADE_COLORS[g].toLowerCase())).size).toBe(5);
    // neighbours must differ in luminance too, so a greyscale print still separates them
    for (let i = 1; i < GRADES.length; i++) {
      const a = luminance(GRADE_COLORS[GRADES[i - 1]]);
      const b = luminance(GRADE_COLORS[GRADES[i]]);
      expect(Math.abs(a - b), `${GRADES[i - 1]}/${GRADES[i]}`).toBeGreaterThan(0.04);
    }
  });
});
