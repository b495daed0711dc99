import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, formatMinute, groupThousands, toCsv } from './csvText';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'], ['1,200,000', '"1,200,000"'], ['say "hi"', '"say ""hi"""'], ['a\nb', '"a\nb"'], ['a\rb', '"a\rb"'],
    [12.5, '12.5'], [true, 'true'], [null, ''], [undefined, ''], ['华东售前部', '华东售前部'],
  ])('%j → %j', (v, out) => expect(csvCell(v)).toBe(out));
});

describe('toCsv', () => {
  it('round-trips through papaparse', () => {
    const rows = [['P1', '1,230,000', '金融, 银行'], ['P2', 'x "y"', ''], ['P3', null, 7]];
    const text = toCsv(['id', 'amount', 'note'], rows);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
    expect(parsed).toEqual([['id', 'amount', 'note'], ['P1', '1,230,000', '金融, 银行'], ['P2', 'x "y"', ''], ['P3', '', '7']]);
  });
});

describe('formatMinute and groupThousands', () => {
  it('formats wall-clock minutes', () => {
    expect(formatMinute(Date.UTC(2026, 2, 31, 9, 5) / 60_000)).toBe('2026-03-31 09:05');
  });
  it.each([[0, '0'], [999, '999'], [1000, '1,000'], [1234567, '1,234,567'], [20_000_000, '20,000,000']])('%i → %s', (n, s) => {
    expect(groupThousands(n)).toBe(s);
  });
});
