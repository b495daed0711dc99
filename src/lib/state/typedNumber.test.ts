import { describe, expect, it } from 'vitest';
import { readTyped } from './typedNumber';

describe('readTyped', () => {
  it.each([
    ['18', 18], [' 7.5 ', 7.5], ['0', 0], ['100', 100], ['.5', 0.5], ['1e1', 10],
  ])('takes %j as %d without a note', (text, value) => {
    expect(readTyped(text, 0, 100)).toEqual({ ok: true, value });
  });

  it.each([
    ['12,5', 12.5], ['１２', 12], ['１２．５', 12.5], ['－０', -0],
  ])('normalises %j to %d and says so', (text, value) => {
    const r = readTyped(text, 0, 100);
    expect(r.ok && r.value).toBe(value);
    expect(r.ok && r.note?.zh).toContain(`已按 ${value} 读取`);
  });

  it.each([
    ['', '请输入一个数字'], ['abc', '不是数字'], ['NaN', '不是数字'], ['Infinity', '不是数字'], ['12,5,1', '不是数字'],
    ['1,234.5', '不是数字'], ['-3', '超出范围'], ['1e308', '超出范围'], ['100.5', '超出范围'], ['0x10', '不是数字'],
  ])('refuses %j with a message (%s)', (text, zh) => {
    const r = readTyped(text, 0, 100);
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.error.zh).toContain(zh); expect(r.error.en.length).toBeGreaterThan(5); }
  });

  it('an exclusive minimum refuses the minimum itself', () => {
    expect(readTyped('0', 0, 10, true).ok).toBe(false);
    expect(readTyped('0.1', 0, 10, true).ok).toBe(true);
  });
});
