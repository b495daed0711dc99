import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { asciiString, ByteRecords, CELL_ESCAPED, CELL_NON_ASCII, CELL_QUOTED, Interner } from './byteCsv';
import { MAX_RECORD_CELLS, RecordTooWide } from './parseLimits';

const utf8 = (s: string) => new TextEncoder().encode(s);
type Newline = '\n' | '\r\n' | '\r';

/** Every record of `text` as ByteRecords reads it, or null at the first record it leaves to papaparse. */
function readAll(text: string, delimiter = ',', newline: Newline = '\n'): string[][] | null {
  const bytes = utf8(text);
  const r = new ByteRecords(bytes, new TextDecoder('utf-8', { fatal: true }), delimiter, newline);
  const rows: string[][] = [];
  if (bytes.length === 0) return rows;
  for (let p = 0; ;) {
    const next = r.scan(p, bytes.length);
    if (next < 0) return null;
    rows.push(r.strings());
    if (!r.terminated) return rows;
    p = next;
  }
}

const papa = (text: string, delimiter = ',', newline: Newline = '\n') => Papa.parse<string[]>(text, { header: false, delimiter, newline }).data;

describe('ByteRecords.scan reads what papaparse reads', () => {
  it.each([
    ['a,b\n1,2', '\n'],
    ['a,b\n1,2\n', '\n'],
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\r1,2', '\r'],
    ['a,b\r\n1,2', '\n'],
    ['a\r\nb\nc', '\r\n'],
    ['', '\n'],
    ['\n', '\n'],
    ['\n\n', '\n'],
    [',,\n,', '\n'],
    ['"a,b","c\nd",e', '\n'],
    ['"q ""x"" q",""', '\n'],
    ['"""",x', '\n'],
    ['x"y,z"', '\n'],
    ['中文,"金融/集团"\r\n"",a', '\r\n'],
    ['"a"\r\n"b"', '\r\n'],
    ['a,"b"', '\n'],
  ] as [string, Newline][])('%j (%j)', (text, newline) => {
    expect(readAll(text, ',', newline)).toEqual(papa(text, ',', newline));
  });

  it('reads tab- and semicolon-separated records', () => {
    expect(readAll('a\tb\n"x\ty"\tz', '\t')).toEqual([['a', 'b'], ['x\ty', 'z']]);
    expect(readAll('a;b\n1,5;2', ';')).toEqual([['a', 'b'], ['1,5', '2']]);
  });

  it.each([
    ['"unclosed,a\nb', '\n'],
    ['"a"b,c', '\n'],
    ['"a" ,c', '\n'],
    ['"a"\nb', '\r\n'],
    ['"a"\rb', '\r\n'],
  ] as [string, Newline][])('leaves %j to papaparse (malformed or spaced quotes)', (text, newline) => {
    expect(readAll(text, ',', newline)).toBeNull();
  });

  it('flags cells: non-ASCII, quoted, quoted with doubled quotes', () => {
    const bytes = utf8('a,中,"x","y""z"');
    const r = new ByteRecords(bytes, new TextDecoder(), ',', '\n');
    expect(r.scan(0, bytes.length)).toBe(bytes.length);
    expect(Array.from(r.flags.subarray(0, r.n))).toEqual([0, CELL_NON_ASCII, CELL_QUOTED, CELL_QUOTED | CELL_ESCAPED]);
    expect(r.terminated).toBe(false);
  });

  it('stops at a record wider than MAX_RECORD_CELLS (a file on one line) before holding its cells', () => {
    const bytes = new TextEncoder().encode('a,'.repeat(MAX_RECORD_CELLS + 10));
    const r = new ByteRecords(bytes, new TextDecoder(), ',', '\n');
    expect(() => r.scan(0, bytes.length)).toThrow(RecordTooWide);
    expect(r.start.length).toBe(MAX_RECORD_CELLS);
    const ok = new TextEncoder().encode('a,'.repeat(MAX_RECORD_CELLS - 1) + 'a\n');
    const widest = new ByteRecords(ok, new TextDecoder(), ',', '\n');
    expect(widest.scan(0, ok.length)).toBe(ok.length);
    expect(widest.n).toBe(MAX_RECORD_CELLS);
  });

  it('grows past 64 cells', () => {
    const row = Array.from({ length: 300 }, (_, i) => `c${i}`);
    expect(readAll(row.join(','))).toEqual([row]);
  });

  const cell = fc.oneof(
    fc.constantFrom('', ' ', '中文', '金融/集团客户', 'a,b', 'x"y', '"', '""', 'line\nbreak', 'cr\rx', 'cr\r\nlf', '1,200', ' 42 ', '\t', ';'),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 5 }),
  );
  const quote = (c: string, force: boolean) => (force || /[",\n\r]/.test(c) || c.startsWith('"') ? `"${c.replaceAll('"', '""')}"` : c);

  it('equals papaparse on any well-quoted CSV (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
      fc.constantFrom<Newline>('\n', '\r\n'), fc.boolean(),
      (rows, newline, trailing) => {
        const text = rows.map((r) => r.map(([c, q]) => quote(c, q)).join(',')).join(newline) + (trailing ? newline : '');
        const mine = readAll(text, ',', newline);
        expect(mine).not.toBeNull();
        expect(mine).toEqual(papa(text, ',', newline));
      },
    ), { numRuns: 400 });
  });

  it('whenever it reads a record at all, it reads it as papaparse does (property, any bytes)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '"', ',', '\n', '\r', ' ', '中'), { maxLength: 30 }), (chars) => {
      const text = chars.join('');
      const mine = readAll(text);
      if (mine !== null) expect(mine).toEqual(papa(text));
    }), { numRuns: 1000 });
  });
});

describe('asciiString', () => {
  it('makes the string of any length of ASCII bytes', () => {
    const src = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(33 + (i % 90))).join('');
    const bytes = utf8(src);
    for (const n of [...Array.from({ length: 40 }, (_, i) => i), 8192, 8193, 20_000]) {
      expect(asciiString(bytes, 3, 3 + Math.min(n, bytes.length - 3))).toBe(src.slice(3, 3 + n));
    }
  });
});

describe('ByteRecords.textAt through an Interner', () => {
  function column(values: string[]): { got: string[]; it: Interner } {
    const bytes = utf8(values.join('\n'));
    const r = new ByteRecords(bytes, new TextDecoder('utf-8', { fatal: true }), ',', '\n');
    const it = new Interner();
    const got: string[] = [];
    for (let p = 0, i = 0; i < values.length; i++) {
      p = r.scan(p, bytes.length);
      got.push(r.textAt(0, it));
    }
    return { got, it };
  }

  it('gives every cell its own text, repeated values the same string, and counts the hits', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ['金融', 'PS000001', 'PS000002', '', `x${i % 7}`][i % 5]);
    const { got, it } = column(values);
    expect(got).toEqual(values);
    expect(it.on).toBe(true);
    expect(it.hits).toBeGreaterThan(3000);
  });

  it('stops hashing an id-like column after 16k lookups, and still reads it right', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `CRM-2026-${String(i).padStart(7, '0')}`);
    const { got, it } = column(values);
    expect(got).toEqual(values);
    expect(it.on).toBe(false);
  });

  it('tells apart two values with the same 32-bit hash', () => {
    // 'k4uzx' and 'kf2ad' collide under FNV-1a (found by search).
    const values = ['k4uzx', 'x', 'kf2ad', 'y', 'k4uzx', 'z', 'kf2ad'];
    expect(column(values).got).toEqual(values);
  });

  it('never mixes up values that share a hash bucket (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', '中', 'aa', 'b中', '1', '11'), { minLength: 1, maxLength: 200 }), (values) => {
      expect(column(values).got).toEqual(values);
    }), { numRuns: 200 });
  });
});
