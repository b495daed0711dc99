/**
 * A worksheet cell as the text a CSV export of it would hold, so that a sheet goes through the
 * CSV import's normalisation and validation (csvImport.ts) and not a second validator. Real cell
 * types are honoured: a date cell in any number format becomes `2026-03-31` (or with its time in
 * a date-time column), a percent cell `85%` where the column takes percents, an id formatted
 * `000123` keeps its leading zeros, a boolean `true`/`false`.
 */
import type { CellType } from './schema';

/** The parts of a SheetJS cell object read here (`XLSX.read(…, { cellNF: true })`). */
export interface SheetCell {
  t: 's' | 'n' | 'b' | 'e' | 'd' | 'z';
  v?: string | number | boolean | Date;
  w?: string;
  z?: string | number;
  f?: string;
}

/** What a column wants of its cells: its type and whether `85%` is accepted (schema.ts). */
export interface CellTarget { type: CellType | null; percent: boolean }

/** A cell that is not a value: an Excel error (#N/A) or a formula with no saved result. */
export type CellProblem = { code: 'xlsx_error_cell' | 'xlsx_formula_no_value'; value: string };

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** y-m-d of a day count since 1970-01-01 (proleptic Gregorian, no time zone). */
function ymd(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * An Excel date serial as `yyyy-mm-dd` (`withTime`: `yyyy-mm-dd hh:mm:ss`). Serials count days
 * from 1899-12-30 (25569 = 1970-01-01), or from 1904-01-01 in a Mac 1904 workbook; the time is
 * the fraction, rounded to the second as Excel shows it.
 * `serialToText(46112, false, false) === '2026-03-31'`.
 */
export function serialToText(serial: number, withTime: boolean, date1904: boolean): string {
  const s = Math.round((serial + (date1904 ? 1462 : 0) - 25569) * 86_400);
  const days = Math.floor(s / 86_400);
  if (!withTime) return ymd(days);
  const sec = s - days * 86_400;
  return `${ymd(days)} ${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor(sec / 60) % 60)}:${pad2(sec % 60)}`;
}

/** A number format that shows a date or time (SheetJS `SSF.is_date`, passed in so this file has no library). */
export type IsDateFormat = (fmt: string) => boolean;

const formatOf = (c: SheetCell): string => (typeof c.z === 'string' ? c.z : 'General');

/** `String(x)` without binary noise: 0.1 + 0.2 is shown as Excel shows it, 0.3. */
function numberText(x: number): string {
  return Number.isInteger(x) ? String(x) : String(+x.toPrecision(15));
}

/**
 * The CSV text of one cell for a column of `target` type (null: a column the import does not
 * read, or a header cell). Returns a CellProblem for an error cell or a formula without a value.
 * `cellText({ t: 'n', v: 46112, z: 'yyyy/m/d' }, { type: 'date', percent: false }, isDate, false) === '2026-03-31'`.
 */
export function cellText(c: SheetCell | null | undefined, target: CellTarget, isDate: IsDateFormat, date1904: boolean): string | CellProblem {
  if (c == null) return '';
  const v = c.v;
  if (v === undefined || v === null) {
    if (c.f !== undefined || c.t === 'e') return { code: 'xlsx_formula_no_value', value: c.f !== undefined ? `=${c.f}` : '' };
    return '';
  }
  switch (c.t) {
    case 's': return String(v);
    case 'b': return v ? 'true' : 'false';
    case 'e': return { code: 'xlsx_error_cell', value: c.w ?? String(v) };
    case 'd': {
      const d = v as Date;
      const serial = d.getTime() / 86_400_000 + 25569;
      return serialToText(serial, target.type === 'datetime', false);
    }
    case 'z': return '';
  }
  const x = v as number;
  const fmt = formatOf(c);
  const t = target.type;
  if (fmt !== 'General' && isDate(fmt)) {
    if (t === 'number' || t === 'integer') return c.w ?? numberText(x);
    // A date-time column wants the hour (a response time); a date column the day only.
    return serialToText(x, t === 'datetime' && (x % 1 !== 0 || /[hs]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''))), date1904);
  }
  if (fmt.includes('%') && target.percent) return `${numberText(x * 100)}%`;
  // Ids and codes: what the cell shows when it has its own format (000123 keeps its zeros).
  if ((t === 'text' || t === 'period' || t === null) && fmt !== 'General' && c.w !== undefined) return c.w;
  return numberText(x);
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
