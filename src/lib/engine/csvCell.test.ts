import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csvCell';

describe('csvCell (spec §8)', () => {
  it.each<[string, string]>([
    ['PS1001', 'PS1001'],
    ['杜眉', '杜眉'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 138', "'+86 138"],
    ['-cmd', "'-cmd"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'], // guarded, then quoted for the CR
    ['=1,2', '"\'=1,2"'],
    ['-5.00', '-5.00'], // plain numbers are not guarded
    ['+3', '+3'],
    ['-1e5', '-1e5'],
    ['-.5', '-.5'],
    ['-5.00abc', "'-5.00abc"],
    ['- 5', "'- 5"],
    ['a=b', 'a=b'], // only a leading character counts
  ])('%j → %j', (value, want) => {
    expect(csvCell(value)).toBe(want);
  });

  it('never lets a formula start through and always quotes separators', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const out = csvCell(s);
      const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
      if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) expect(unquoted).toBe(`'${s}`);
      else expect(unquoted).toBe(s);
      if (/[",\r\n]/.test(s)) expect(out.startsWith('"') && out.endsWith('"')).toBe(true);
    }));
  });

  it('csvLine joins guarded cells with commas', () => {
    expect(csvLine(['a', 'b,c', '=x'])).toBe('a,"b,c",\'=x');
  });
});
