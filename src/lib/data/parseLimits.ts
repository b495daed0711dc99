/**
 * How large one CSV record and one cell may be. Real exports stay far below; a file past them
 * is not a table (a 50 MB file on one line, a wrong delimiter, a binary dump) and is refused
 * naming the file and line, instead of running out of memory somewhere inside the parse.
 */

/** Cells in one record: Excel's own column limit (XFD = 16,384). */
export const MAX_RECORD_CELLS = 16_384;
/** Bytes in one record (one line, or several when a quoted cell holds line breaks): 16 MiB. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
/** Characters in one text cell: Excel's own cell limit. */
export const MAX_CELL_CHARS = 32_767;

/** Thrown by ByteRecords.scan when a record passes MAX_RECORD_CELLS. */
export class RecordTooWide extends Error {
  constructor() {
    super(`a record with more than ${MAX_RECORD_CELLS} cells`);
    this.name = 'RecordTooWide';
  }
}
