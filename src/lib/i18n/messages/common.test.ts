import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../engine/periods';
import { commonText, fill, periodLabel } from './common';
import { fill as textFill } from '../text';

describe('periodLabel', () => {
  it('says a quarter and a year as people do, in both languages', () => {
    expect(periodLabel(parsePeriod('2026Q1'), 'zh')).toBe('2026年第1季度');
    expect(periodLabel(parsePeriod('2026Q4'), 'en')).toBe('2026 Q4');
    expect(periodLabel(parsePeriod('2025'), 'zh')).toBe('2025年全年');
    expect(periodLabel(parsePeriod('2025'), 'en')).toBe('2025 (full year)');
  });
});

describe('common texts', () => {
  it('name the product in the UI language first, and tag the page with its language', () => {
    expect(commonText.documentTitle.zh.startsWith(commonText.productName.zh)).toBe(true);
    expect(commonText.documentTitle.en.startsWith(commonText.productName.en)).toBe(true);
    expect(commonText.documentTitle.zh.endsWith(commonText.productName.en)).toBe(true);
    expect(commonText.langTag).toEqual({ zh: 'zh-CN', en: 'en' });
  });

  it('fill is the one of text.ts (no second copy)', () => {
    expect(fill).toBe(textFill);
  });
});
