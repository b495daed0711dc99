import { describe, expect, it } from 'vitest';
import { KINDS } from '../engine/dataset';
import { importCsvText } from './csvImport';
import { SCHEMAS } from './schema';
import { templateCsv } from './templates';

describe('templateCsv', () => {
  it.each(KINDS)('%s: Chinese header, two rows, imports cleanly as its own kind', (kind) => {
    const csv = templateCsv(kind);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const header = csv.slice(1).split('\r\n')[0].split(',');
    expect(header.slice(0, SCHEMAS[kind].columns.length)).toEqual(SCHEMAS[kind].columns.map((c) => c.zh));
    const r = importCsvText(csv, `${kind}.csv`);
    expect(r.issues).toEqual([]);
    expect([r.kind, r.rowCount, r.headerLanguage]).toEqual([kind, 2, 'zh']);
  });
});
