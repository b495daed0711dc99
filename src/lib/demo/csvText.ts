/**
 * Writing CSV text for the generated files. The demo and benchmark files must import with
 * zero errors, so quoting follows RFC 4180 exactly and dates use the spec's plain forms.
 */

/**
 * One CSV cell; a cell holding a comma, quote or line break is quoted, quotes doubled.
 * @example csvCell('1,200,000'); // '"1,200,000"'
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * CSV text with '\n' line ends and a final newline.
 * @example toCsv(['a', 'b'], [[1, 'x,y']]); // 'a,b\n1,"x,y"\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/**
 * 'yyyy-mm-dd HH:mm' of a wall-clock minute count (minutes since 1970-01-01 00:00, no zones).
 * @example formatMinute(29_484_000); // '2026-01-22 00:00'
 */
export const formatMinute = (minute: number): string =>
  new Date(minute * 60_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A CRM-style thousands-separated amount. `groupThousands(1234000) === '1,234,000'`.
 */
export const groupThousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
