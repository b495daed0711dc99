/**
 * The unpacked size of a zip file (an .xlsx is one), read from its central directory before
 * anything is inflated: a 1 MB workbook may unpack to gigabytes (a zip bomb), and the workbook
 * reader would hold all of it in memory. The declared sizes may lie, so the entries are also
 * inflated (and thrown away) with a count before the reader sees them.
 */
import { Inflate } from 'fflate';

/** Unpacked bytes a workbook may hold before it is refused. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** Where the end of central directory record starts (22 bytes plus a comment of up to 65,535, at the very end); -1: none. */
function endOfDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 65535);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/**
 * Sum of the entries' uncompressed sizes; `Infinity` when a size is only in a zip64 record
 * (over 4 GB, or written so by a tool) or the directory runs past the file; null when no end
 * of central directory is found (not a zip, or cut short).
 * `zipUnpackedSize(xlsxBytes) < MAX_UNPACKED_BYTES` before `XLSX.read`.
 */
export function zipUnpackedSize(b: Uint8Array): number | null {
  const eocd = endOfDirectory(b);
  if (eocd < 0) return null;
  const entries = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  if (entries === 0xffff || p === 0xffffffff) return Infinity;
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return Infinity;
    const size = u32(b, p + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
  }
  return total;
}

/** Compressed bytes fed to the inflater at a time (as in boundedInflate.ts). */
const STEP = 64 * 1024;
class Overflow extends Error {}

/**
 * Inflates every deflated entry of a zip the way the workbook reader will (from its local
 * header, as far as the central directory's compressed size), without keeping the output, and
 * stops at the first entry that unpacks to more than the directory declares: the declared
 * sizes are what `zipUnpackedSize` bounds, and a zip bomb can lie about them.
 * 'ok': every entry fits its declared size (so the whole unpacks to at most their sum);
 * 'larger': an entry unpacks to more; 'corrupt': a header is missing or a stream is cut.
 * Call only after `zipUnpackedSize` gave a finite size (the directory is whole, no zip64).
 * `zipInflatesAsDeclared(xlsxBytes) === 'ok'` before `XLSX.read`.
 */
export function zipInflatesAsDeclared(b: Uint8Array): 'ok' | 'larger' | 'corrupt' {
  const eocd = endOfDirectory(b);
  if (eocd < 0) return 'corrupt';
  const entries = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return 'corrupt';
    const packed = u32(b, p + 20);
    const declared = u32(b, p + 24);
    const local = u32(b, p + 42);
    p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
    if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return 'corrupt';
    // The reader goes by the local header's method. Stored entries are no bigger than the
    // file; other methods and encrypted entries the reader refuses itself.
    if (u16(b, local + 8) !== 8 || (u16(b, local + 6) & 0x2041) !== 0) continue;
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    const end = Math.min(b.length, start + packed);
    let out = 0;
    const inflater = new Inflate((chunk) => {
      out += chunk.length;
      if (out > declared) throw new Overflow();
    });
    try {
      if (end <= start) inflater.push(new Uint8Array(0), true);
      for (let i = start; i < end; i += STEP) inflater.push(b.subarray(i, Math.min(end, i + STEP)), i + STEP >= end);
    } catch (e) {
      return e instanceof Overflow ? 'larger' : 'corrupt';
    }
  }
  return 'ok';
}
