/**
 * Cell normalisation: a CSV cell becomes a typed value here and nowhere else (house style 4).
 *
 * Every parser returns a plain number so the hot import loop stays monomorphic and allocates
 * nothing: NaN = empty cell, `INVALID` = not in an accepted format, `IMPOSSIBLE_DATE` = a
 * well-formed date that does not exist (2026-02-30). Valid results are always finite.
 */
import { FIRST_ACCEPTED_YEAR, LAST_ACCEPTED_YEAR } from '../engine/dateWindow';
import { ACTIVITY_TYPE_BY_LABEL } from './schema';

export const INVALID = Number.NEGATIVE_INFINITY;
export const IMPOSSIBLE_DATE = Number.POSITIVE_INFINITY;
/**
 * A number cell the app cannot hold exactly: larger than MAX_NUMBER in size (integers lose
 * exactness past 2^53 ≈ 9×10^15, amounts their cents before that), or so small it would
 * silently become 0 (`1e-400`). Shares IMPOSSIBLE_DATE's value: a column is numbers or dates.
 */
export const OUT_OF_BOUNDS = IMPOSSIBLE_DATE;
/** The largest size of a number cell: 10^15. */
export const MAX_NUMBER = 1e15;

/** The year of a date cell the parsers refused, when it is outside 1900–2200 (a refusal that must state the range); else null. */
export function yearOutsideRange(raw: string): number | null {
  const m = /^\s*(\d{4,})\s*[-/.年]/.exec(raw);
  if (m === null) return null;
  const y = +m[1];
  return y < FIRST_ACCEPTED_YEAR || y > LAST_ACCEPTED_YEAR ? y : null;
}

/** True for a parser's failure results (not for NaN, which is an empty cell). */
export const isBad = (x: number): boolean => x === INVALID || x === IMPOSSIBLE_DATE;

/** Plain `123`, `-4`, `12.50`: the common case, checked by hand because a regex per cell costs more. */
function plainNumber(s: string): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return INVALID;
  let dot = false;
  let digits = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return INVALID;
  }
  return digits === 0 ? INVALID : +s;
}

const LOOSE_NUMBER = /^([-+]?)(?:¥|￥|RMB|CNY)?\s*([-+]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|\d+(?:\.\d+)?[eE][-+]?\d+)\s*(万|亿)?\s*(元)?\s*(%)?$/i;

/**
 * A number cell: `1200000`, `1,200,000`, `1200000.50`, `120万`, `¥1,200,000`, `85%` (when
 * `percent`, meaning 85), also `1.2E+06` as Excel writes big numbers. `1.2.3` is INVALID.
 * `parseNumber('120万', false) === 1200000`.
 */
export function parseNumber(raw: string, percent: boolean): number {
  if (raw.length === 0) return NaN;
  const fast = plainNumber(raw);
  if (fast !== INVALID) return fast > MAX_NUMBER || fast < -MAX_NUMBER ? OUT_OF_BOUNDS : fast;
  const s = raw.trim();
  if (s.length === 0) return NaN;
  const m = LOOSE_NUMBER.exec(s);
  if (m === null || (m[1] && m[2])) return INVALID;
  if (m[6] && (!percent || m[4] || m[5])) return INVALID;
  const unit = m[4] === '万' ? 10_000 : m[4] === '亿' ? 100_000_000 : 1;
  // 120万 must be exactly 1200000, not 1200000.0000000002: scale with a decimal shift, not a float multiply.
  const v = unit === 1 ? +m[3].replaceAll(',', '') : +(m[3].replaceAll(',', '') + 'e' + Math.log10(unit));
  // 1e400 or 1e-400: a number written right, but not one a double holds (Infinity, or 0 from non-zero digits).
  if (!Number.isFinite(v) || v > MAX_NUMBER || (v === 0 && /[1-9]/.test(m[3].split(/[eE]/)[0]))) return OUT_OF_BOUNDS;
  return m[1] === '-' || m[2] === '-' ? -v : v;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', 'f']);

/** `true/false`, `1/0`, `yes/no`, `y/n`, `是/否` (any case) → 1 / 0. `parseBoolean('是') === 1`. */
export function parseBoolean(raw: string): number {
  if (raw.length === 0) return NaN;
  if (raw === 'false') return 0;
  if (raw === 'true') return 1;
  const s = raw.trim().toLowerCase();
  if (s.length === 0) return NaN;
  if (TRUE_WORDS.has(s)) return 1;
  if (FALSE_WORDS.has(s)) return 0;
  return INVALID;
}

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/**
 * Day number of y-m-d, identical to `dayNumber` of dataset.ts but without a Date object:
 * days-from-civil (H. Hinnant), so a million date cells cost arithmetic only.
 */
function civilDay(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function checkedDay(y: number, m: number, d: number): number {
  if (y < FIRST_ACCEPTED_YEAR || y > LAST_ACCEPTED_YEAR || m < 1 || m > 12 || d < 1) return IMPOSSIBLE_DATE;
  if (d > daysIn(y, m)) return IMPOSSIBLE_DATE;
  return civilDay(y, m, d);
}

const d2 = (s: string, i: number) => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

const LOOSE_DATE = /^(\d{4})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/;

/** Date part only; the returned day is IMPOSSIBLE_DATE for 2026-02-30 and INVALID for other text. */
function dayOf(s: string): number {
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const hi = d2(s, 0), lo = d2(s, 2), m = d2(s, 5), d = d2(s, 8);
    if (hi >= 0 && lo >= 0 && m >= 0 && d >= 0) return checkedDay(hi * 100 + lo, m, d);
  }
  const r = LOOSE_DATE.exec(s);
  if (r === null) return INVALID;
  return r[2] ? checkedDay(+r[1], +r[3], +r[4]) : checkedDay(+r[1], +r[5], +r[6]);
}

/**
 * A date cell: `2026-03-31`, `2026/3/31`, `2026.3.31`, `2026年3月31日` → day number.
 * `parseDate('2026/3/31') === dayNumber(2026, 3, 31)`; `parseDate('2026-02-30') === IMPOSSIBLE_DATE`.
 */
export function parseDate(raw: string): number {
  if (raw.length === 0) return NaN;
  const s = raw.trim();
  if (s.length === 0) return NaN;
  return dayOf(s);
}

/*
 * The same parsers on a cell's bytes (byteCsv.ts), for the shapes nearly every cell has. Each
 * returns what its string parser returns for that cell, or INVALID when it cannot tell: the
 * caller then asks the string parser, which decides (and may say INVALID too).
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `plainNumber` on bytes [s, e) of a non-empty cell: `-`, digits, one `.`. Up to 15 digits the
 * digits are an exact integer and one division by an exact power of ten rounds once, so the
 * result is the double `+text` gives. `numberFromBytes(utf8('12.50'), 0, 5) === 12.5`.
 */
export function numberFromBytes(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0, digits = 0, frac = 0, dot = false;
  for (; i < e; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 && !dot) dot = true;
    else return INVALID;
  }
  if (digits === 0 || digits > 15) return INVALID;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

const digit2 = (b: Uint8Array, i: number) => {
  const x = b[i] - 48, y = b[i + 1] - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
};

/** Day of `yyyy-mm-dd` at b[s…s+10), as `dayOf`; INVALID when the bytes have another shape. */
function isoDayAt(b: Uint8Array, s: number): number {
  if (b[s + 4] !== 45 || b[s + 7] !== 45) return INVALID;
  const hi = digit2(b, s), lo = digit2(b, s + 2), m = digit2(b, s + 5), d = digit2(b, s + 8);
  return hi >= 0 && lo >= 0 && m >= 0 && d >= 0 ? checkedDay(hi * 100 + lo, m, d) : INVALID;
}

/** `parseDate` of a non-empty cell shaped `yyyy-mm-dd`; INVALID (ask `parseDate`) otherwise. */
export function dateFromBytes(b: Uint8Array, s: number, e: number): number {
  return e - s === 10 ? isoDayAt(b, s) : INVALID;
}

/** `parseDateTime` of a non-empty cell shaped `yyyy-mm-dd hh:mm[:ss]` (or with `T`); INVALID (ask `parseDateTime`) otherwise. */
export function dateTimeFromBytes(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if ((n !== 16 && n !== 19) || (b[s + 10] !== 32 && b[s + 10] !== 84) || b[s + 13] !== 58) return INVALID;
  const day = isoDayAt(b, s);
  const hh = digit2(b, s + 11), mm = digit2(b, s + 14);
  let ss = 0;
  if (n === 19) {
    if (b[s + 16] !== 58) return INVALID;
    ss = digit2(b, s + 17);
  }
  if (day === INVALID || hh < 0 || mm < 0 || ss < 0) return INVALID;
  if (day === IMPOSSIBLE_DATE || hh > 23 || mm > 59 || ss > 59) return IMPOSSIBLE_DATE;
  return day * 86_400 + hh * 3600 + mm * 60 + ss;
}

/** `parseBoolean` of a non-empty cell written `true`, `false`, `1` or `0`; INVALID (ask `parseBoolean`) otherwise. */
export function booleanFromBytes(b: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 1) return b[s] === 49 ? 1 : b[s] === 48 ? 0 : INVALID;
  if (n === 4 && b[s] === 116 && b[s + 1] === 114 && b[s + 2] === 117 && b[s + 3] === 101) return 1;
  if (n === 5 && b[s] === 102 && b[s + 1] === 97 && b[s + 2] === 108 && b[s + 3] === 115 && b[s + 4] === 101) return 0;
  return INVALID;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date-time cell: a date followed by ` HH:mm`, ` HH:mm:ss` or `THH:mm[:ss]` → wall-clock
 * seconds. A date without a time is INVALID (a response time needs the hour).
 * `parseDateTime('2026-03-27 13:27') === dateTimeSeconds(2026, 3, 27, 13, 27)`.
 */
export function parseDateTime(raw: string): number {
  if (raw.length === 0) return NaN;
  const s = raw.trim();
  if (s.length === 0) return NaN;
  let split = s.indexOf('T');
  if (split < 0) split = s.lastIndexOf(' ');
  if (split < 0) return dayOf(s) === IMPOSSIBLE_DATE ? IMPOSSIBLE_DATE : INVALID;
  const day = dayOf(s.slice(0, split).trimEnd());
  const t = TIME.exec(s.slice(split + 1).trimStart());
  if (t === null) return day === IMPOSSIBLE_DATE ? IMPOSSIBLE_DATE : INVALID;
  if (day === INVALID || day === IMPOSSIBLE_DATE) return day;
  const hh = +t[1], mm = +t[2], ss = t[3] === undefined ? 0 : +t[3];
  if (hh > 23 || mm > 59 || ss > 59) return IMPOSSIBLE_DATE;
  return day * 86_400 + hh * 3600 + mm * 60 + ss;
}

/**
 * An enum cell → code index through a lookup of `enumLookup` (schema.ts); unknown text is INVALID.
 * `parseEnum('资深', lookup) === 2`.
 */
export function parseEnum(raw: string, lookup: ReadonlyMap<string, number>): number {
  if (raw.length === 0) return NaN;
  const hit = lookup.get(raw);
  if (hit !== undefined) return hit;
  const s = raw.trim();
  if (s.length === 0) return NaN;
  return lookup.get(s.toLowerCase()) ?? INVALID;
}

/** An activity type: known Chinese label → code, known code in any case → code, else the trimmed text. */
export function normaliseActivityType(raw: string): string {
  const s = raw.trim();
  return ACTIVITY_TYPE_BY_LABEL.get(s) ?? ACTIVITY_TYPE_BY_LABEL.get(s.toLowerCase()) ?? s;
}

const PERIOD = /^(\d{4})\s*(?:年)?\s*(?:[-_/ ]?\s*(?:Q|第)\s*([1-4])\s*(?:季度|季)?|年度|)$/i;

/**
 * A period cell of the metrics file → '2026Q1' or '2026'; null when unreadable.
 * Accepts `2026Q1`, `2026 q1`, `2026-Q1`, `2026年第1季度`, `2026年Q1`, `2026`, `2026年`, `2026年度`.
 */
export function parsePeriod(raw: string): string | null {
  const m = PERIOD.exec(raw.trim());
  if (m === null) return null;
  return m[2] ? `${m[1]}Q${m[2]}` : m[1];
}

/** A character `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
export function trimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}
