/**
 * The unpacked size of a zip file (an .xlsx is one), read from its central directory before
 * anything is inflated: a 1 MB workbook may unpack to gigabytes (a zip bomb), and the workbook
 * reader would hold all of it in memory.
 */

/** Unpacked bytes a workbook may hold before it is refused. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/**
 * Sum of the entries' uncompressed sizes; `Infinity` when a size is only in a zip64 record
 * (over 4 GB, or written so by a tool) or the directory runs past the file; null when no end
 * of central directory is found (not a zip, or cut short).
 * `zipUnpackedSize(xlsxBytes) < MAX_UNPACKED_BYTES` before `XLSX.read`.
 */
export function zipUnpackedSize(b: Uint8Array): number | null {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 65535);
  let eocd = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) { eocd = i; break; }
  }
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
