/**
 * One CSV cell, as every CSV export of the app writes it: RFC 4180 quoting plus the
 * formula-injection guard of spec §8.
 */

/** A plain decimal number (optionally signed, with exponent): never guarded, so `-5.00` stays a number. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Spreadsheets treat a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Quote and guard one cell: a cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'` unless it is a plain number; a cell with `"`, `,`, CR or LF is quoted.
 * `csvCell('=SUM(A1)') === "'=SUM(A1)"`, `csvCell('-5.00') === '-5.00'`, `csvCell('a,b') === '"a,b"'`.
 */
export function csvCell(value: string): string {
  let v = value;
  if (FORMULA_START.test(v) && !PLAIN_NUMBER.test(v)) v = `'${v}`;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line (no line end) from raw cell texts. `csvLine(['a', 'b,c']) === 'a,"b,c"'`. */
export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}
