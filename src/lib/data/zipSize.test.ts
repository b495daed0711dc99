import * as XLSX from '@e965/xlsx';
import { inflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflated, rawZip, zeroBomb } from '../../../test/workbook/hostileZip';
import { csvToSheet } from '../../../test/workbook/sampleWorkbook';
import { readWorkbook, type WorkbookLib } from './workbook';
import { zipInflatesAsDeclared, zipUnpackedSize } from './zipSize';

const staffCsv = 'staff_id,name,level,domain\nPS1,张三,junior,product_expert\nPS2,李四,mid,industry_solution\n';
/** The parts of a real one-sheet workbook, to rebuild with rawZip. */
function workbookParts(): Record<string, Uint8Array> {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, csvToSheet(staffCsv), '人员');
  return unzipSync(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
}
/** The library, with a count of the reads it was asked for. */
function countingLib(): WorkbookLib & { reads: number } {
  const lib = { reads: 0, SSF: XLSX.SSF, read: (d: Uint8Array, o: Record<string, unknown>) => { lib.reads++; return XLSX.read(d, o) as ReturnType<WorkbookLib['read']>; } };
  return lib;
}
// 1.5 GB of zeros in a 9.4 MB stream: a picture that declares 4 KB.
const BOMB_MATCHES = Math.ceil(1.5e9 / 258);

describe('zeroBomb (the test helper) is a real deflate stream', () => {
  it('inflates to exactly 1 + 258 × matches zero bytes', () => {
    const out = inflateSync(zeroBomb(1000));
    expect(out.length).toBe(1 + 258 * 1000);
    expect(out.every((b) => b === 0)).toBe(true);
  });
});

describe('zipInflatesAsDeclared', () => {
  it('an honest workbook: ok, and the reader reads it', () => {
    const zip = rawZip(Object.entries(workbookParts()).map(([n, d]) => deflated(n, d)));
    expect(zipInflatesAsDeclared(zip)).toBe('ok');
    const lib = countingLib();
    expect(readWorkbook(zip, '人员.xlsx', lib).map((r) => [r.sheet, r.kind, r.rowCount])).toEqual([['人员', 'staff', 2]]);
  });

  it('an entry declaring 4 KB that inflates to 1.5 GB: larger (stopped just past 4 KB)', () => {
    const entries = Object.entries(workbookParts()).map(([n, d]) => deflated(n, d));
    entries.push({ name: 'xl/media/image1.png', stream: zeroBomb(BOMB_MATCHES), declared: 4096 });
    const zip = rawZip(entries);
    // The directory's own word is small: the size check alone lets it through.
    expect(zipUnpackedSize(zip)).toBeLessThan(1024 * 1024);
    expect(zipInflatesAsDeclared(zip)).toBe('larger');
  });

  it('a stream cut short of its declared compressed size: corrupt', () => {
    const [name, data] = Object.entries(workbookParts()).find(([n]) => n.endsWith('sheet1.xml'))!;
    const e = deflated(name, data);
    expect(zipInflatesAsDeclared(rawZip([{ ...e, stream: e.stream.subarray(0, e.stream.length >> 1) }]))).toBe('corrupt');
  });
});

describe('readWorkbook refuses a zip bomb whose directory lies', () => {
  it('names the file, says damaged or zip bomb in both languages, and never hands it to the library', () => {
    const entries = Object.entries(workbookParts()).map(([n, d]) => deflated(n, d));
    // The bomb is the worksheet itself: a sheet the library would inflate whole.
    const sheet = entries.findIndex((e) => e.name.endsWith('sheet1.xml'));
    entries[sheet] = { name: entries[sheet].name, stream: zeroBomb(BOMB_MATCHES), declared: 2048 };
    const lib = countingLib();
    const [r] = readWorkbook(rawZip(entries), '炸弹.xlsx', lib);
    expect(lib.reads).toBe(0);
    expect(r.table).toBeNull();
    expect(r.issues.map((i) => [i.severity, i.code, i.file])).toEqual([['error', 'xlsx_size_mismatch', '炸弹.xlsx']]);
    expect(r.issues[0].message_zh).toContain('压缩炸弹');
    expect(r.issues[0].message_en).toContain('zip bomb');
  });
});
