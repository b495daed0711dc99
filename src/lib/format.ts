/**
 * Numbers for the screen, the Chinese way: thousands separators, money in 万元, percents with
 * one decimal. Exports never use these (they write exact 2-decimal numbers, spec §8); the UI
 * does. Every function takes the language explicitly so it stays pure and testable; an empty
 * value (NaN, null, undefined) shows as an em dash rather than "NaN".
 */
import { fill, type Lang, type Text } from './i18n/text';
import type { MetricUnit } from './engine/metricCatalog';

export const EMPTY = '—';

/**
 * `x` with `digits` decimals and thousands separators, exactly as d3-format's `,.{digits}f`
 * writes it but with an ASCII minus (HR copies numbers into Excel, which wants a hyphen): d3's
 * `f` is `toFixed`, a negative number that rounds to zero loses its sign, and only the digits
 * before the first non-digit are grouped. Written out because the Weights page formats ~50
 * numbers per slider move, and d3's formatter allocates arrays for each (format.test.ts checks
 * the two agree on arbitrary numbers).
 * @example fixed(-1234.5, 1) // '-1,234.5'
 */
export function fixed(x: number, digits: number): string {
  let s = Math.abs(x).toFixed(digits);
  const negative = (x < 0 || 1 / x < 0) && +s !== 0;
  let end = 0;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  if (end > 3) {
    let grouped = s.slice(0, end - 3 * Math.floor((end - 1) / 3));
    for (let i = grouped.length; i < end; i += 3) grouped += ',' + s.slice(i, i + 3);
    s = grouped + s.slice(end);
  }
  return negative ? '-' + s : s;
}

const isEmpty = (x: number | null | undefined): x is null | undefined =>
  x === null || x === undefined || Number.isNaN(x);

/** Trailing zeros after the decimal point add nothing to 120.50万元: `trimZeros('120.50')` → '120.5'. */
const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** `fmtInt(1234567)` → '1,234,567'; `fmtInt(NaN)` → '—'. */
export function fmtInt(x: number | null | undefined): string {
  return isEmpty(x) ? EMPTY : fixed(x, 0);
}

/** `fmtNum(1234.5)` → '1,234.50'; `fmtNum(85, 1)` → '85.0'. */
export function fmtNum(x: number | null | undefined, digits = 2): string {
  return isEmpty(x) ? EMPTY : fixed(x, digits);
}

/** A 0–100 percentage: `fmtPct(85)` → '85.0%'; `fmtPct(12.345, 2)` → '12.35%'. */
export function fmtPct(x: number | null | undefined, digits = 1): string {
  return isEmpty(x) ? EMPTY : fixed(x, digits) + '%';
}

/** A 0–1 share: `fmtShare(0.125)` → '12.5%'. */
export function fmtShare(x: number | null | undefined, digits = 1): string {
  return isEmpty(x) ? EMPTY : fmtPct(x * 100, digits);
}

/** A difference with its sign: `fmtSigned(6)` → '+6', `fmtSigned(-2)` → '-2', `fmtSigned(0)` → '0'. */
export function fmtSigned(x: number, digits = 0): string {
  const s = fixed(x, digits);
  return x > 0 && +x.toFixed(digits) !== 0 ? '+' + s : s;
}

/**
 * Money in CNY. Chinese: 万元 from 1万 up (at most 2 decimals, trailing zeros dropped), 元 below;
 * English: ¥ with thousands separators.
 * `fmtCny(1_200_000, 'zh')` → '120万元'; `fmtCny(123_456, 'zh')` → '12.35万元';
 * `fmtCny(8_500, 'zh')` → '8,500元'; `fmtCny(1_200_000, 'en')` → '¥1,200,000'.
 */
export function fmtCny(x: number | null | undefined, lang: Lang): string {
  if (isEmpty(x)) return EMPTY;
  if (lang === 'en') return x < 0 ? `-¥${fmtInt(-x)}` : `¥${fmtInt(x)}`;
  if (Math.abs(x) < 10_000) return `${fmtInt(x)}元`;
  return `${trimZeros(fixed(x / 10_000, 2))}万元`;
}



/** Units written after a figure; `{n}` is the figure. English counts and scores go bare. */
const UNIT = {
  count: { zh: '{n}次', en: '{n}' },
  score: { zh: '{n}分', en: '{n}' },
  person: { zh: '{n} 人', en: '{n} person' },
  people: { zh: '{n} 人', en: '{n} people' },
} satisfies Record<string, Text>;

/**
 * A metric value with its unit: `fmtMetric(85, 'percent', 'zh')` → '85.0%',
 * `fmtMetric(4, 'count', 'zh')` → '4次', `fmtMetric(4, 'count', 'en')` → '4',
 * `fmtMetric(600000, 'cny', 'zh')` → '60万元', `fmtMetric(87.5, 'score', 'zh')` → '87.5分'.
 * Counts may be fractional targets (2 per year over a quarter is 0.5), so up to 2 decimals show.
 */
export function fmtMetric(x: number | null | undefined, unit: MetricUnit, lang: Lang): string {
  if (isEmpty(x)) return EMPTY;
  switch (unit) {
    case 'percent':
      return fmtPct(x);
    case 'cny':
      return fmtCny(x, lang);
    case 'count': {
      return fill(UNIT.count[lang], { n: trimZeros(fmtNum(x, 2)) });
    }
    case 'score':
      return fill(UNIT.score[lang], { n: fmtNum(x, 1) });
  }
}

/** A head count: `fmtPeople(18, 'zh')` → '18 人', `fmtPeople(1, 'en')` → '1 person'. */
export function fmtPeople(n: number, lang: Lang): string {
  return fill((n === 1 ? UNIT.person : UNIT.people)[lang], { n: fmtInt(n) });
}
