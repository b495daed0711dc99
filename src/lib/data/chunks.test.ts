import { describe, expect, it } from 'vitest';
import { emptyDataset, type RatingsTable } from '../engine/dataset';
import {
  bitIsSet, decodeChunk, decodeColumn, encodeChunks, encodeColumn, flattenTable, metricIdOf, newBitmap, setBit,
} from './chunks';

describe('encodeColumn / decodeColumn', () => {
  it('keeps every number, NaN and the sign of zero included', () => {
    const xs = new Float64Array([1.5, NaN, -0, Infinity, -1e308, 20_260_331]);
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('num');
    const back = decodeColumn(enc) as Float64Array;
    expect(Array.from(back)).toEqual(Array.from(xs));
    expect(Object.is(back[2], -0)).toBe(true);
  });

  it.each([
    ['codes and booleans', [0, 1, NaN, 254], Uint8Array],
    ['day numbers', [20_454, NaN, 255, 65_534], Uint16Array],
    ['amounts and negatives', [1_200_000, -5, NaN, 0x7fffffff, -0x7fffffff], Int32Array],
  ])('stores whole %s in the narrowest array and gives back the same numbers', (_, values, type) => {
    const xs = Float64Array.from(values as number[]);
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('int');
    expect((enc as { v: unknown }).v).toBeInstanceOf(type);
    expect(Array.from(decodeColumn(enc) as Float64Array)).toEqual(Array.from(xs));
  });

  it.each([
    ['a value equal to the 1-byte empty marker', [255, 1], Uint16Array],
    ['a value equal to the 2-byte empty marker', [65_535, 1], Int32Array],
  ])('never confuses %s with an empty cell', (_, values, type) => {
    const xs = Float64Array.from(values);
    const enc = encodeColumn(xs, 0, xs.length);
    expect((enc as { v: unknown }).v).toBeInstanceOf(type);
    expect(Array.from(decodeColumn(enc) as Float64Array)).toEqual(values);
  });

  it.each([
    ['a fraction', [1, 2.5]], ['minus zero', [1, -0]], ['a value beyond 32 bits', [1, 2 ** 31]], ['the 32-bit empty marker', [-(2 ** 31)]],
  ])('keeps Float64 for %s', (_, values) => {
    const xs = Float64Array.from(values);
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('num');
    const back = decodeColumn(enc) as Float64Array;
    values.forEach((v, i) => expect(Object.is(back[i], v)).toBe(true));
  });

  it('stores an all-empty number column in one byte per row', () => {
    const enc = encodeColumn(new Float64Array([NaN, NaN]), 0, 2);
    expect((enc as { v: unknown }).v).toBeInstanceOf(Uint8Array);
    expect(Array.from(decodeColumn(enc) as Float64Array)).toEqual([NaN, NaN]);
  });

  it('slices numbers without sharing the caller’s buffer', () => {
    const xs = new Float64Array([1, 2, 3, 4]);
    const enc = encodeColumn(xs, 1, 3);
    expect(Array.from(decodeColumn(enc) as Float64Array)).toEqual([2, 3]);
    (decodeColumn(enc) as Float64Array)[0] = 99;
    expect(xs[1]).toBe(2);
  });

  const awkward = ['', '华东售前部', 'a\nb', 'line1\r\nline2', 'x,"y"', '\\n', '😀 emoji', '\u001f', ' padded '];

  it('round-trips awkward text as plain text (no repeats)', () => {
    const xs = Array.from({ length: 200 }, (_, i) => awkward[i % awkward.length] + (i >= awkward.length ? i : ''));
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('text');
    expect(decodeColumn(enc)).toEqual(xs);
  });

  it('uses a dictionary for repeated text and round-trips it', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => awkward[i % awkward.length]);
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('dict');
    expect(decodeColumn(enc)).toEqual(xs);
  });

  it('switches from dictionary to text when values stop repeating', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => (i < 500 ? 'same' : `id-${i}`));
    const enc = encodeColumn(xs, 0, xs.length);
    expect(enc.t).toBe('text');
    expect(decodeColumn(enc)).toEqual(xs);
  });
});

describe('text lengths and dictionaries of id columns', () => {
  it('stores lengths in the narrowest array for the longest cell', () => {
    const plain = (xs: string[]) => encodeColumn(xs, 0, xs.length) as { t: string; len: unknown };
    const ids = (n: number, long = '') => Array.from({ length: n }, (_, i) => `id-${i}${i === 3 ? long : ''}`);
    expect(plain(ids(50)).len).toBeInstanceOf(Uint8Array);
    expect(plain(ids(50, 'x'.repeat(300))).len).toBeInstanceOf(Uint16Array);
    expect(plain(ids(50, 'x'.repeat(70_000))).len).toBeInstanceOf(Uint32Array);
    for (const xs of [ids(50), ids(50, 'x'.repeat(300)), ids(50, 'x'.repeat(70_000))]) expect(decodeColumn(encodeColumn(xs, 0, xs.length))).toEqual(xs);
  });

  it('keeps a column as a dictionary while at most a quarter of the rows are distinct, taking repeats without a lookup', () => {
    const xs = Array.from({ length: 10_000 }, (_, i) => `PS${String(i >> 2).padStart(6, '0')}`);
    const enc = encodeColumn(xs, 0, xs.length) as { t: string; s: string; len: unknown; codes: unknown };
    expect(enc.t).toBe('dict');
    expect(enc.s.length).toBe(2500 * 8);
    expect(enc.len).toBeInstanceOf(Uint8Array);
    expect(decodeColumn(enc as never)).toEqual(xs);
  });

  it('stores runs of equal cells as a dictionary of runs when distinct values are too many for a Map, and ids as text', () => {
    // a project id on its 2 participants' rows, one project coming back later (a repeated entry)
    const xs = Array.from({ length: 10_000 }, (_, i) => `CRM-2026-${String(i >> 1).padStart(7, '0')}`);
    xs[9_998] = xs[9_999] = xs[0];
    const enc = encodeColumn(xs, 0, xs.length) as { t: string; s: string; codes: Uint16Array };
    expect(enc.t).toBe('dict');
    expect(enc.s.length).toBe(5000 * 16);
    expect(decodeColumn(enc as never)).toEqual(xs);
    // every cell different: plain text
    const ids = Array.from({ length: 10_000 }, (_, i) => `CRM-2026-${String(i).padStart(7, '0')}`);
    expect(encodeColumn(ids, 0, ids.length).t).toBe('text');
  });

  it('still reads lengths stored as Uint32Array by earlier versions', () => {
    expect(decodeColumn({ t: 'text', s: 'ab中', len: Uint32Array.of(1, 0, 2) })).toEqual(['a', '', 'b中']);
    expect(decodeColumn({ t: 'dict', s: 'xy', len: Uint32Array.of(1, 1), codes: Uint16Array.of(1, 0, 1) })).toEqual(['y', 'x', 'y']);
  });
});

describe('encodeChunks', () => {
  const ratings = (n: number): RatingsTable => ({
    length: n,
    staff_id: Array.from({ length: n }, (_, i) => `PS${1000 + (i % 7)}`),
    rated_on: Float64Array.from({ length: n }, (_, i) => 20_000 + i),
    source: Float64Array.from({ length: n }, (_, i) => i % 5),
    score: Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? NaN : i / 10)),
    scale_max: new Float64Array(n).fill(5),
  });

  it('cuts at the chunk size and keeps row order across chunks', () => {
    const t = ratings(25);
    const chunks = encodeChunks(t, 10);
    expect(chunks.map((c) => [c.index, c.rows])).toEqual([[0, 10], [1, 10], [2, 5]]);
    const ids = chunks.flatMap((c) => decodeChunk(c).columns.staff_id as string[]);
    const dates = chunks.flatMap((c) => Array.from(decodeChunk(c).columns.rated_on as Float64Array));
    expect(ids).toEqual(t.staff_id);
    expect(dates).toEqual(Array.from(t.rated_on));
  });

  it('decides dictionary or text per column on the first chunk, and stays exact either way', () => {
    // staff_id: unique in chunk 0 (text from then on), then one repeated value; source-like
    // text: repeated in chunk 0 (dictionary), then all distinct (each chunk falls back to text).
    const n = 60;
    const t = { ...ratings(n), staff_id: Array.from({ length: n }, (_, i) => (i < 20 ? `PS${i}` : 'PS0')) };
    const chunks = encodeChunks(t, 20);
    expect(chunks.map((c) => c.columns.staff_id.t)).toEqual(['text', 'text', 'text']);
    expect(chunks.flatMap((c) => decodeChunk(c).columns.staff_id as string[])).toEqual(t.staff_id);
    const u = { ...ratings(n), staff_id: Array.from({ length: n }, (_, i) => (i < 20 ? 'PS1' : `PS${i}`)) };
    const uc = encodeChunks(u, 20);
    expect(uc.map((c) => c.columns.staff_id.t)).toEqual(['dict', 'text', 'text']);
    expect(uc.flatMap((c) => decodeChunk(c).columns.staff_id as string[])).toEqual(u.staff_id);
    const codes = (uc[0].columns.staff_id as { codes: Uint16Array | Uint32Array }).codes;
    expect(codes).toBeInstanceOf(Uint16Array);
  });

  it('gives no chunk for an empty table', () => {
    expect(encodeChunks(emptyDataset().staff)).toEqual([]);
  });

  it('decodes only the columns asked for', () => {
    const [c] = encodeChunks(ratings(3));
    expect(Object.keys(decodeChunk(c, ['staff_id', 'nope']).columns)).toEqual(['staff_id']);
  });

  it('flattens metric values under values.<id>', () => {
    const m = { length: 1, staff_id: ['PS1'], period: ['2026Q1'], values: { win_rate: new Float64Array([55]) } };
    const flat = flattenTable(m);
    expect(Object.keys(flat.columns).sort()).toEqual(['period', 'staff_id', 'values.win_rate']);
    expect(metricIdOf('values.win_rate')).toBe('win_rate');
    expect(metricIdOf('staff_id')).toBeNull();
  });
});

describe('bitmap', () => {
  it('sets and reads single bits across byte edges', () => {
    const bits = newBitmap(17);
    expect(bits.length).toBe(3);
    for (const i of [0, 7, 8, 16]) setBit(bits, i);
    expect(Array.from({ length: 17 }, (_, i) => bitIsSet(bits, i)).flatMap((b, i) => (b ? [i] : []))).toEqual([0, 7, 8, 16]);
  });
});
