/**
 * Save text as a file on this PC: Blob + object URL + <a download>, so nothing goes over the
 * network and it works from file:// too.
 */

/** `downloadText('report.csv', csv)`; CSV gets a UTF-8 BOM so Excel on Chinese Windows reads it as UTF-8. */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  const body = mime.startsWith('text/csv') && !text.startsWith('\ufeff') ? '\ufeff' + text : text;
  saveBlob(fileName, new Blob([body], { type: mime }));
}

/** `baseName('staff.2026.csv')` → 'staff.2026'. */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^./\\]+$/, '');
}

/** The MIME type of an .xlsx workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `downloadBytes('结果.xlsx', bytes)`: binary files (workbooks) the same way as `downloadText`. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime = XLSX_MIME): void {
  saveBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a later tick is safe.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
