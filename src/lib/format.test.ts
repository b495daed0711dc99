import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format } from 'd3-format';
import { EMPTY, fixed, fmtCny, fmtInt, fmtMetric, fmtNum, fmtPct, fmtPeople, fmtShare, fmtSigned } from './format';

describe('format', () => {
  it.each([
    [fmtInt(1234567), '1,234,567'],
    [fmtInt(-1234), '-1,234'],
    [fmtNum(1234.5), '1,234.50'],
    [fmtNum(85, 1), '85.0'],
    [fmtPct(85), '85.0%'],
    [fmtPct(12.345, 2), '12.35%'],
    [fmtShare(0.125), '12.5%'],
    [fmtSigned(6), '+6'],
    [fmtSigned(-2), '-2'],
    [fmtSigned(0), '0'],
    [fmtSigned(0.2), '0'],
    [fmtSigned(1.25, 1), '+1.3'],
  ])('%s', (got, want) => {
    expect(got).toBe(want);
  });

  it('writes numbers exactly as d3-format does, with an ASCII minus', () => {
    const d3 = [0, 1, 2, 3].map((d) => format(`,.${d}f`));
    const same = (x: number, d: number) => { expect(fixed(x, d)).toBe(d3[d](x).replace('\u2212', '-')); };
    for (const x of [0, -0, 0.04, -0.04, -0.05, 0.5, 999.95, -999.95, 1e21, -1e21, 1234567.891, NaN, Infinity, -Infinity]) {
      for (let d = 0; d < 4; d++) same(x, d);
    }
    fc.assert(fc.property(fc.double(), fc.integer({ min: 0, max: 3 }), (x, d) => same(x, d)), { numRuns: 5_000 });
    fc.assert(fc.property(fc.double({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 3 }), (x, d) => same(x, d)), { numRuns: 5_000 });
  });

  it('writes money in 万元 in Chinese and ¥ in English', () => {
    expect(fmtCny(1_200_000, 'zh')).toBe('120万元');
    expect(fmtCny(123_456, 'zh')).toBe('12.35万元');
    expect(fmtCny(10_000, 'zh')).toBe('1万元');
    expect(fmtCny(8_500, 'zh')).toBe('8,500元');
    expect(fmtCny(123_456_789, 'zh')).toBe('12,345.68万元');
    expect(fmtCny(1_200_000, 'en')).toBe('¥1,200,000');
    expect(fmtCny(-5_000, 'en')).toBe('-¥5,000');
  });

  it('shows a metric with its unit', () => {
    expect(fmtMetric(85, 'percent', 'zh')).toBe('85.0%');
    expect(fmtMetric(4, 'count', 'zh')).toBe('4次');
    expect(fmtMetric(0.5, 'count', 'zh')).toBe('0.5次');
    expect(fmtMetric(4, 'count', 'en')).toBe('4');
    expect(fmtMetric(600_000, 'cny', 'zh')).toBe('60万元');
    expect(fmtMetric(87.5, 'score', 'zh')).toBe('87.5分');
    expect(fmtMetric(87.5, 'score', 'en')).toBe('87.5');
  });

  it('shows empty values as a dash, never NaN', () => {
    for (const s of [fmtInt(NaN), fmtNum(null), fmtPct(undefined), fmtCny(NaN, 'zh'), fmtMetric(NaN, 'count', 'en')]) {
      expect(s).toBe(EMPTY);
    }
  });

  it('counts people in both languages', () => {
    expect(fmtPeople(18, 'zh')).toBe('18 人');
    expect(fmtPeople(1, 'en')).toBe('1 person');
    expect(fmtPeople(2_000, 'en')).toBe('2,000 people');
  });
});
