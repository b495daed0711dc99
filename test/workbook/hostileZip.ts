/**
 * Zip files written byte by byte for the workbook reader's hostile-input tests: every entry's
 * raw deflate stream and its declared sizes are given separately, so a test can build a zip
 * whose central directory lies (a zip bomb that declares kilobytes and inflates to gigabytes).
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';

export interface RawEntry {
  name: string;
  /** raw deflate stream (method 8) */
  stream: Uint8Array;
  /** the uncompressed size the headers declare */
  declared: number;
  /** CRC-32 the headers declare (0 when unknown) */
  crc?: number;
}

/** An honest entry: `data` deflated, its true size and CRC declared. */
export const deflated = (name: string, data: Uint8Array): RawEntry => ({ name, stream: deflateSync(data), declared: data.length, crc: crc32(data) });

/**
 * A raw deflate stream of `1 + 258 * matches` zero bytes in one fixed-Huffman block: a literal 0,
 * then `matches` copies of (length 258, distance 1), 13 bits each — about 6.3 MB of stream per
 * gigabyte it inflates to, written in a few milliseconds (deflating a gigabyte would take seconds).
 */
export function zeroBomb(matches: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8) + 1);
  let bit = 0;
  // Deflate packs bits from the least significant; Huffman codes go most significant bit first.
  const put = (value: number, n: number) => {
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman codes
  code(0x30, 8); // literal 0
  for (let k = 0; k < matches; k++) {
    code(0xc5, 8); // length symbol 285: 258 bytes
    code(0, 5); // distance symbol 0: distance 1
  }
  code(0, 7); // end of block
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A zip of `entries`, each stored with method 8 and its declared size in both headers. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const dir: Uint8Array[] = [];
  let at = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.stream.length, true);
    lv.setUint32(22, e.declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, e.stream.length, true);
    cv.setUint32(24, e.declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, at, true);
    central.set(name, 46);
    parts.push(local, e.stream);
    dir.push(central);
    at += local.length + e.stream.length;
  }
  const dirSize = dir.reduce((s, d) => s + d.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, at, true);
  const all = new Uint8Array(at + dirSize + 22);
  let p = 0;
  for (const x of [...parts, ...dir, end]) { all.set(x, p); p += x.length; }
  return all;
}
