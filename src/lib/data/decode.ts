/**
 * Bytes → text. HR files come as UTF-8 (with or without BOM, what "CSV UTF-8" writes) or as
 * GB18030/GBK (what Excel on a Chinese Windows writes for plain "CSV"). A strict UTF-8 decode
 * fails on GBK bytes almost surely, so trying UTF-8 first and falling back is reliable.
 */
export type Encoding = 'utf-8' | 'gb18030';
/** What a file was read as: UTF-16 is recognised by its byte-order mark only (Excel's "Unicode text"). */
export type ReadEncoding = Encoding | 'utf-16le' | 'utf-16be';

/**
 * Decodes a file, auto-detecting the encoding unless `override` is given; a BOM is dropped.
 * `decodeBytes(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4])).text === '中文'` (encoding 'gb18030').
 */
export function decodeBytes(bytes: Uint8Array, override?: Encoding): { text: string; encoding: Encoding } {
  if (override) return { text: new TextDecoder(override).decode(bytes), encoding: override };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** How many leading bytes are looked at for NUL bytes: enough for any header row, cheap for 100 MB files. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Recognises files that are not text CSV: an .xlsx (a zip: 'PK\x03\x04') or legacy .xls
 * (OLE2: D0 CF 11 E0) renamed to .csv → 'xlsx', but a whole zip with no spreadsheet in it
 * (isPlainZip) → 'zip'; any other file with NUL bytes → 'binary'.
 * `sniffBinary(new TextEncoder().encode('a,b\n1,2')) === null`.
 */
export function sniffBinary(bytes: Uint8Array): 'xlsx' | 'zip' | 'binary' | null {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return isPlainZip(b) ? 'zip' : 'xlsx';
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xlsx';
  const n = Math.min(b.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (b[i] === 0) return 'binary';
  return null;
}

/**
 * A whole zip archive (its end-of-directory record is there) whose entry names, plain ASCII in
 * the local headers at its start and the directory at its end, name no spreadsheet part:
 * `xl/` (.xlsx, .xlsb), `content.xml` (.ods) or `Index/` (.numbers). An archive of CSV files,
 * say, renamed .csv. A cut or odd zip is not called plain: the workbook reader says what it is.
 */
export function isPlainZip(b: Uint8Array): boolean {
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)) return false;
  const ascii = new TextDecoder('latin1');
  const tail = ascii.decode(b.subarray(Math.max(0, b.length - 1024 * 1024)));
  if (!tail.includes('PK\x05\x06')) return false;
  const names = ascii.decode(b.subarray(0, 64 * 1024)) + tail;
  return !/xl\/|content\.xml|Index\//.test(names);
}

/** A UTF-16 byte-order mark ("Unicode Text" from Excel: UTF-16 LE, tab-separated). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * The text of a file with a UTF-16 byte-order mark (the mark dropped).
 * `decodeUtf16(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e])).text === '中'` (encoding 'utf-16le').
 */
export function decodeUtf16(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } {
  const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
