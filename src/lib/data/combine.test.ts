import { describe, expect, it } from 'vitest';
import { encodeChunks, decodeChunk, newBitmap, setBit, flattenTable } from './chunks';
import { combineParts, combinePartsPaced, combinePartsSteps, rowKeys, type Part } from './combine';
import type { HolidaysTable, MetricsTable, ProjectsTable } from '../engine/dataset';

const projects = (rows: [string, string, number][]): ProjectsTable => {
  const n = rows.length;
  const f = (v: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => v(i));
  return {
    length: n, project_id: rows.map((r) => r[0]), staff_id: rows.map((r) => r[1]), role: f(() => 0),
    customer_id: rows.map(() => 'C1'), industry: rows.map(() => '金融'), amount: f((i) => rows[i][2]),
    status: f(() => 0), decided_on: f(() => 20_500), strategic: f(() => NaN), proposals_made: f(() => 1), proposals_adopted: f(() => 0),
  };
};

const partsOf = (t: Parameters<typeof encodeChunks>[0], dead: Uint8Array | null = null, size = 2): Part[] => {
  let offset = 0;
  return encodeChunks(t, size).map((c) => {
    const p = { table: decodeChunk(c), dead, offset };
    offset += c.rows;
    return p;
  });
};

describe('rowKeys', () => {
  it('joins composite keys so that (P1, S12) and (P11, S2) differ', () => {
    const keys = rowKeys('projects', flattenTable(projects([['P1', 'S12', 1], ['P11', 'S2', 1]])))!;
    expect(new Set(keys).size).toBe(2);
  });

  it('keys holidays by their day number and has no key for ratings or activities', () => {
    const h: HolidaysTable = { length: 2, date: new Float64Array([20_000, 20_001]), kind: new Float64Array([0, 1]) };
    expect(rowKeys('holidays', flattenTable(h))).toEqual(['20000', '20001']);
    expect(rowKeys('ratings', { length: 0, columns: {} })).toBeNull();
    expect(rowKeys('activities', { length: 0, columns: {} })).toBeNull();
  });
});

describe('combineParts', () => {
  it('concatenates chunks in order and drops dead rows', () => {
    const t = projects([['P1', 'A', 1], ['P2', 'A', 2], ['P3', 'A', 3], ['P4', 'A', 4], ['P5', 'A', 5]]);
    const dead = newBitmap(5);
    setBit(dead, 1);
    setBit(dead, 4);
    const out = combineParts('projects', partsOf(t, dead));
    expect(out.length).toBe(3);
    expect(out.project_id).toEqual(['P1', 'P3', 'P4']);
    expect(Array.from(out.amount)).toEqual([1, 3, 4]);
    expect(out.industry).toEqual(['金融', '金融', '金融']);
  });

  it('fills a column missing from old chunks with empty cells', () => {
    const t = projects([['P1', 'A', 1]]);
    const [p] = partsOf(t);
    delete p.table.columns.industry;
    delete p.table.columns.strategic;
    const out = combineParts('projects', [p]);
    expect(out.industry).toEqual(['']);
    expect(Number.isNaN(out.strategic[0])).toBe(true);
  });

  it('unites metric value columns of different files', () => {
    const a: MetricsTable = { length: 1, staff_id: ['S1'], period: ['2026Q1'], values: { win_rate: new Float64Array([50]) } };
    const b: MetricsTable = { length: 1, staff_id: ['S2'], period: ['2026Q1'], values: { visits: new Float64Array([7]) } };
    const out = combineParts('metrics', [...partsOf(a), ...partsOf(b)]);
    expect(out.staff_id).toEqual(['S1', 'S2']);
    expect(Array.from(out.values.win_rate)).toEqual([50, NaN]);
    expect(Array.from(out.values.visits)).toEqual([NaN, 7]);
  });

  it('gives an empty table of the right shape when nothing is stored', () => {
    const out = combineParts('ratings', []);
    expect(out.length).toBe(0);
    expect(out.score).toBeInstanceOf(Float64Array);
    expect(out.staff_id).toEqual([]);
  });
});

describe('combineParts over stored chunks (what loadSnapshot does)', () => {
  it('drops dead rows across chunks, reads a column a chunk lacks as empty, and takes metric ids from any chunk', () => {
    const t = projects([['P1', 'S1', 1], ['P1', 'S2', 2], ['P2', 'S1', 3], ['P3', 'S3', 4], ['P3', 'S1', 5]]);
    const dead = newBitmap(5);
    setBit(dead, 1);
    setBit(dead, 4);
    const chunks = encodeChunks(t, 2);
    delete chunks[1].columns.industry;
    delete chunks[0].columns.amount;
    let offset = 0;
    const parts: Part[] = chunks.map((chunk) => { const p = { table: decodeChunk(chunk), dead, offset }; offset += chunk.rows; return p; });
    const out = combineParts('projects', parts);
    expect(out.project_id).toEqual(['P1', 'P2', 'P3']);
    expect(out.industry).toEqual(['金融', '', '']);
    expect(Array.from(out.amount)).toEqual([NaN, 3, 4]);
    const a = { length: 1, staff_id: ['PS1'], period: ['2026Q1'], values: { win_rate: new Float64Array([50]) } };
    const b = { length: 1, staff_id: ['PS2'], period: ['2026Q1'], values: { hours: new Float64Array([7]) } };
    const m = combineParts('metrics', [...encodeChunks(a), ...encodeChunks(b)].map((chunk) => ({ table: decodeChunk(chunk), dead: null, offset: 0 })));
    expect(Object.keys(m.values).sort()).toEqual(['hours', 'win_rate']);
    expect(Array.from(m.values.win_rate)).toEqual([50, NaN]);
  });
});

describe('combinePartsPaced (the page reload after an import, in pieces)', () => {
  it('gives the same table as combineParts, pausing between pieces', async () => {
    const t = projects(Array.from({ length: 9 }, (_, i) => [`P${i}`, `S${i % 4}`, i * 10] as [string, string, number]));
    const dead = newBitmap(9);
    setBit(dead, 3);
    const parts = partsOf(t, dead, 2);
    const steps = combinePartsSteps('projects', parts);
    let pauses = 0;
    for (let r = steps.next(); !r.done; r = steps.next()) pauses++;
    // One pause after each of the 5 pieces of each of the 11 columns.
    expect(pauses).toBe(5 * 11);
    const out = await combinePartsPaced('projects', parts);
    expect(out).toEqual(combineParts('projects', parts));
    expect(out.project_id).toEqual(['P0', 'P1', 'P2', 'P4', 'P5', 'P6', 'P7', 'P8']);
  });
});
