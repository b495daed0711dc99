/**
 * Which dropped files are workbooks: by name (a corrupt or empty .xlsx still gets a workbook
 * message) or by their first bytes (a workbook renamed .csv). Small on purpose: the page and the
 * CSV import worker load it; the workbook reader itself (workbook.ts) loads only with a workbook.
 */

import { hasUtf16Bom, sniffBinary } from './decode';

/** File names read as workbooks whatever their first bytes (unless those are text). */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|ett|numbers|ods)$/i;

/** The first bytes of a zip (.xlsx) or OLE2 compound file (.xls, encrypted .xlsx). */
export function isWorkbookBytes(b: Uint8Array): boolean {
  return b.length >= 4 && ((b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0));
}

/**
 * How a file is read, by its first bytes (`head`: up to SNIFF_BYTES, fewer only when the file is
 * shorter) and then its name: a workbook by its bytes whatever its name; a file named like a
 * workbook whose bytes are text (a CSV renamed .xlsx) is 'text-named-workbook', read as CSV with
 * a notice; a 0-byte or binary file named like one goes to the workbook reader for its message.
 * `workbookOrText('a.xlsx', new TextEncoder().encode('staff_id,name\n')) === 'text-named-workbook'`.
 */
export function workbookOrText(name: string, head: Uint8Array): 'workbook' | 'text-named-workbook' | 'text' {
  if (isWorkbookBytes(head)) return 'workbook';
  if (!WORKBOOK_NAME.test(name)) return 'text';
  if (head.length === 0) return 'workbook';
  return hasUtf16Bom(head) || sniffBinary(head) === null ? 'text-named-workbook' : 'workbook';
}

/**
 * Whether a drop needs the workbook reader: a file named like a workbook, or one whose first
 * bytes are a workbook's (an .xlsx renamed .csv). A file that cannot be read here is left to
 * the import, which reports the read error.
 * `await dropHasWorkbook([new File([xlsxBytes], 'staff.csv')]) === true`.
 */
export async function dropHasWorkbook(files: readonly File[]): Promise<boolean> {
  for (const f of files) {
    if (WORKBOOK_NAME.test(f.name)) return true;
    if (f.size < 4) continue;
    try {
      if (isWorkbookBytes(new Uint8Array(await f.slice(0, 4).arrayBuffer()))) return true;
    } catch {
      /* the import says why it cannot be read */
    }
  }
  return false;
}
