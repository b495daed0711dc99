import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBytes, hasUtf16Bom, isPlainZip, sniffBinary } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** '工号,中文' in GB18030/GBK, from the code table: 工 b9a4, 号 bac5, 中 d6d0, 文 cec4. */
const GBK_HEADER = new Uint8Array([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd6, 0xd0, 0xce, 0xc4]);

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(utf8('工号,中文'))).toEqual({ text: '工号,中文', encoding: 'utf-8' });
  });
  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('工号')]);
    expect(decodeBytes(bytes)).toEqual({ text: '工号', encoding: 'utf-8' });
  });
  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    expect(decodeBytes(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toEqual({ text: '中文', encoding: 'gb18030' });
    expect(decodeBytes(GBK_HEADER).text).toBe('工号,中文');
  });
  it('honours a manual override', () => {
    // Valid UTF-8 that the user says is GB18030: decoded the way they asked.
    const r = decodeBytes(utf8('ab'), 'gb18030');
    expect(r).toEqual({ text: 'ab', encoding: 'gb18030' });
    const forced = decodeBytes(new Uint8Array([0xd6, 0xd0]), 'utf-8');
    expect(forced.encoding).toBe('utf-8');
    expect(forced.text).toContain('\uFFFD');
  });
  it('decodes empty input', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('sniffBinary', () => {
  it('recognises a workbook renamed to .csv', () => {
    expect(sniffBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('xlsx');
    expect(sniffBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('xlsx');
  });
  it('tells a whole zip with no spreadsheet in it (an archive of CSV files) from a workbook', () => {
    const plain = zipSync({ 'staff.csv': strToU8('staff_id\nPS1\n') });
    const book = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(sniffBinary(plain)).toBe('zip');
    expect(isPlainZip(plain)).toBe(true);
    expect(sniffBinary(book)).toBe('xlsx');
    expect(isPlainZip(book)).toBe(false);
    expect(isPlainZip(plain.subarray(0, plain.length - 22))).toBe(false); // cut: the workbook reader says what it is
  });
  it('recognises NUL bytes as binary', () => {
    expect(sniffBinary(new Uint8Array([0x61, 0x2c, 0x00, 0x62]))).toBe('binary');
  });
  it('passes text, GBK bytes and an empty file', () => {
    expect(sniffBinary(utf8('staff_id,name\nPS1,张三'))).toBeNull();
    expect(sniffBinary(GBK_HEADER)).toBeNull();
    expect(sniffBinary(new Uint8Array(0))).toBeNull();
    expect(sniffBinary(utf8('PK,not a zip'))).toBeNull();
  });
  it('spots a UTF-16 byte-order mark', () => {
    expect(hasUtf16Bom(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBe(true);
    expect(hasUtf16Bom(utf8('ab'))).toBe(false);
  });
});
