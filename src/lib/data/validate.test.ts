import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeSeconds, dayNumber } from '../engine/dataset';
import { columnRule } from './schema';
import { groupHeads, numberProblem, rangeText, showValue } from './validate';

describe('numberProblem', () => {
  it.each([
    ['activities', 'count', 1, null], ['activities', 'count', 0, 'out_of_range'], ['activities', 'count', 2.5, 'not_integer'],
    ['projects', 'amount', 0, null], ['projects', 'amount', -1, 'out_of_range'],
    ['requests', 'bid_score', 100, null], ['requests', 'bid_score', 100.1, 'out_of_range'], ['requests', 'bid_score', 0, null],
    ['reviews', 'completeness', 101, 'out_of_range'],
    ['ratings', 'scale_max', 0, 'out_of_range'], ['ratings', 'scale_max', 0.5, null],
    ['projects', 'proposals_made', 0, null], ['projects', 'proposals_adopted', -1, 'out_of_range'],
  ] as const)('%s.%s = %s → %s', (kind, key, x, expected) => {
    expect(numberProblem(columnRule(kind, key)!, x)).toBe(expected);
  });
});

describe('rangeText', () => {
  it('words each kind of range', () => {
    expect(rangeText(columnRule('requests', 'bid_score')!)).toEqual({ zh: '在 0 到 100 之间', en: 'between 0 and 100' });
    expect(rangeText(columnRule('ratings', 'scale_max')!).zh).toBe('大于 0');
    expect(rangeText(columnRule('activities', 'count')!)).toEqual({ zh: '是不小于 1 的整数', en: 'a whole number of at least 1' });
    expect(rangeText(columnRule('staff', 'salary')!).en).toBe('at least 0');
  });
});

describe('showValue', () => {
  it('shows stored values the way a person reads them', () => {
    expect(showValue(columnRule('projects', 'status'), 1)).toBe('lost/未中标');
    expect(showValue(columnRule('projects', 'decided_on'), dayNumber(2026, 3, 31))).toBe('2026-03-31');
    expect(showValue(columnRule('requests', 'requested_at'), dateTimeSeconds(2026, 3, 2, 9, 30))).toBe('2026-03-02 09:30:00');
    expect(showValue(columnRule('projects', 'strategic'), 1)).toBe('true');
    expect(showValue(columnRule('projects', 'amount'), NaN)).toBe('');
    expect(showValue(undefined, 'PS1')).toBe('PS1');
  });
});

describe('groupHeads', () => {
  const naive = (col: string[]) => {
    const first = new Map<string, number>();
    return col.map((g, i) => {
      if (g === '') return -1;
      if (!first.has(g)) first.set(g, i);
      return first.get(g)!;
    });
  };

  it('gives each row the first row of its text, -1 for empty cells', () => {
    expect(Array.from(groupHeads(['P1', 'P1', '', 'P2', 'P1', 'P2', '']))).toEqual([0, 0, -1, 3, 0, 3, -1]);
    expect(Array.from(groupHeads([]))).toEqual([]);
  });

  it('tells apart texts with the same hash', () => {
    // 'k4uzx' and 'kf2ad' collide under FNV-1a.
    expect(Array.from(groupHeads(['k4uzx', 'kf2ad', 'k4uzx', 'x', 'kf2ad']))).toEqual([0, 1, 0, 3, 1]);
  });

  it('equals a Map of first rows (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('', 'a', 'b', 'c', 'ab', '中', 'k4uzx', 'kf2ad'), { maxLength: 60 }), (col) => {
      expect(Array.from(groupHeads(col))).toEqual(naive(col));
    }), { numRuns: 500 });
  });
});
