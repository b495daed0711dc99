/**
 * Which dropped files are workbooks: by name (a corrupt or empty .xlsx still gets a workbook
 * message) or by their first bytes (a workbook renamed .csv). Small on purpose: the page and the
 * CSV import worker load it; the workbook reader itself (workbook.ts) loads only with a workbook.
 */

/** File names read as workbooks whatever their first bytes. */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|ett|numbers|ods)$/i;

/** The first bytes of a zip (.xlsx) or OLE2 compound file (.xls, encrypted .xlsx). */
export function isWorkbookBytes(b: Uint8Array): boolean {
  return b.length >= 4 && ((b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0));
}
