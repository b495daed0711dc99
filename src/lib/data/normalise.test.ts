import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateTimeSeconds, dayNumber } from '../engine/dataset';
import {
  booleanFromBytes, dateFromBytes, dateTimeFromBytes, IMPOSSIBLE_DATE, INVALID, isBad, OUT_OF_BOUNDS, normaliseActivityType, numberFromBytes,
  parseBoolean, parseDate, parseDateTime, parseEnum, parseNumber, parsePeriod,
} from './normalise';
import { columnRule, enumLookup } from './schema';

describe('parseNumber', () => {
  it.each([
    ['1200000', false, 1_200_000],
    ['1,200,000', false, 1_200_000],
    ['1200000.50', false, 1_200_000.5],
    ['120万', false, 1_200_000],
    ['1.5万', false, 15_000],
    ['120万元', false, 1_200_000],
    ['2亿', false, 200_000_000],
    ['¥1,200,000', false, 1_200_000],
    ['￥1,200,000.25', false, 1_200_000.25],
    [' 42 ', false, 42],
    ['-5', false, -5],
    ['0', false, 0],
    ['.5', false, 0.5],
    ['1.2E+06', false, 1_200_000],
    ['85%', true, 85],
    ['99.5 %', true, 99.5],
  ])('reads %s', (raw, percent, expected) => {
    expect(parseNumber(raw, percent)).toBe(expected);
  });

  it.each([
    ['1.2.3', false], ['abc', false], ['12,00', false], ['1,2345', false], ['85%', false], ['--5', false],
    ['Infinity', false], ['0x10', false], ['5万%', true], ['12 34', false], ['-', false], ['¥', false],
  ])('rejects %s', (raw, percent) => {
    expect(parseNumber(raw, percent)).toBe(INVALID);
  });

  it.each([
    ['1e999', 'Infinity as a double'], ['1e-400', 'would silently become 0'], ['-1E-400', 'would silently become -0'],
    ['9007199254740993', 'past 2^53: not exact'], ['1000000000000001', 'above 10^15'], ['-2000000000000000', 'below -10^15'],
    ['1.5e16', 'above 10^15 in Excel notation'], ['99999999999999999', 'the 17-digit fast path'],
  ])('%s is OUT_OF_BOUNDS (%s), not a number the app would hold wrongly', (raw) => {
    expect(parseNumber(raw, false)).toBe(OUT_OF_BOUNDS);
  });

  it.each([['1000000000000000', 1e15], ['-1000000000000000', -1e15], ['0e5', 0], ['0.000', 0], ['1e-5', 1e-5]])('%s is still read (%s)', (raw, v) => {
    expect(parseNumber(raw, false)).toBe(v);
  });

  it('treats empty and blank cells as empty (NaN), not as zero', () => {
    expect(parseNumber('', false)).toBeNaN();
    expect(parseNumber('   ', false)).toBeNaN();
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', 1], ['TRUE', 1], ['1', 1], ['yes', 1], ['Y', 1], ['是', 1],
    ['false', 0], ['False', 0], ['0', 0], ['no', 0], ['n', 0], ['否', 0],
  ])('reads %s', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });
  it('rejects other words and keeps empty as NaN', () => {
    expect(parseBoolean('maybe')).toBe(INVALID);
    expect(parseBoolean('2')).toBe(INVALID);
    expect(parseBoolean('')).toBeNaN();
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-03-31', dayNumber(2026, 3, 31)],
    ['2026/3/31', dayNumber(2026, 3, 31)],
    ['2026.3.31', dayNumber(2026, 3, 31)],
    ['2026年3月31日', dayNumber(2026, 3, 31)],
    ['2026-3-1', dayNumber(2026, 3, 1)],
    [' 2026/03/01 ', dayNumber(2026, 3, 1)],
    ['2024-02-29', dayNumber(2024, 2, 29)],
    ['2000-02-29', dayNumber(2000, 2, 29)],
    ['1970-01-01', 0],
    ['1969-12-31', -1],
  ])('reads %s', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it('agrees with dayNumber on every day of four years', () => {
    let mismatches = 0;
    for (let d = dayNumber(2024, 1, 1); d < dayNumber(2028, 1, 1); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (parseDate(iso) !== d) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it.each(['2026-02-30', '2025-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '2026/6/0'])(
    'calls %s impossible', (raw) => {
      expect(parseDate(raw)).toBe(IMPOSSIBLE_DATE);
    });

  it.each(['31.03.2026', '2026-03', '20260331', 'March 31', '2026-03-31x', '2026/03-31'])('rejects %s', (raw) => {
    expect(parseDate(raw)).toBe(INVALID);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-03-27 13:27', dateTimeSeconds(2026, 3, 27, 13, 27)],
    ['2026-03-27 13:27:45', dateTimeSeconds(2026, 3, 27, 13, 27, 45)],
    ['2026-03-27T13:27', dateTimeSeconds(2026, 3, 27, 13, 27)],
    ['2026-03-27T13:27:05', dateTimeSeconds(2026, 3, 27, 13, 27, 5)],
    ['2026/3/27 9:05', dateTimeSeconds(2026, 3, 27, 9, 5)],
    ['2026.3.27 00:00', dateTimeSeconds(2026, 3, 27)],
    ['2026年3月27日 23:59:59', dateTimeSeconds(2026, 3, 27, 23, 59, 59)],
  ])('reads %s', (raw, expected) => {
    expect(parseDateTime(raw)).toBe(expected);
  });
  it('rejects a date without time, and impossible dates or times', () => {
    expect(parseDateTime('2026-03-27')).toBe(INVALID);
    expect(parseDateTime('2026-03-27 1327')).toBe(INVALID);
    expect(parseDateTime('2026-02-30 10:00')).toBe(IMPOSSIBLE_DATE);
    expect(parseDateTime('2026-03-27 24:00')).toBe(IMPOSSIBLE_DATE);
    expect(parseDateTime('2026-03-27 10:60')).toBe(IMPOSSIBLE_DATE);
    expect(parseDateTime('')).toBeNaN();
    expect(isBad(parseDateTime('later'))).toBe(true);
  });
});

describe('parseEnum', () => {
  const level = enumLookup(columnRule('staff', 'level')!);
  const status = enumLookup(columnRule('projects', 'status')!);
  it('reads English codes in any case and Chinese labels', () => {
    expect([parseEnum('junior', level), parseEnum('Mid', level), parseEnum(' SENIOR ', level), parseEnum('资深', level)]).toEqual([0, 1, 2, 2]);
    expect([parseEnum('中标', status), parseEnum('未中标', status), parseEnum('进行中', status), parseEnum('取消', status)]).toEqual([0, 1, 2, 3]);
  });
  it('rejects unknown words', () => {
    expect(parseEnum('专家', level)).toBe(INVALID);
    expect(parseEnum('', level)).toBeNaN();
  });
});

describe('normaliseActivityType', () => {
  it('maps known Chinese labels to their code and keeps custom codes', () => {
    expect(normaliseActivityType('客户拜访/技术交流')).toBe('visit');
    expect(normaliseActivityType('客户拜访')).toBe('visit');
    expect(normaliseActivityType('知识库贡献')).toBe('kb_contribution');
    expect(normaliseActivityType(' Visit ')).toBe('visit');
    expect(normaliseActivityType('saas_demo')).toBe('saas_demo');
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2026Q1', '2026Q1'], ['2026q2', '2026Q2'], ['2026 Q3', '2026Q3'], ['2026-Q4', '2026Q4'],
    ['2026年第1季度', '2026Q1'], ['2026年Q2', '2026Q2'], ['2026', '2026'], ['2026年', '2026'], ['2026年度', '2026'],
  ])('reads %s', (raw, expected) => {
    expect(parsePeriod(raw)).toBe(expected);
  });
  it.each(['2026Q5', 'Q1', '26Q1', '2026-03'])('rejects %s', (raw) => {
    expect(parsePeriod(raw)).toBeNull();
  });
});

describe('the byte readers agree with the string parsers', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const pairs = [
    ['numberFromBytes', numberFromBytes, (s: string) => parseNumber(s, false)],
    ['dateFromBytes', dateFromBytes, parseDate],
    ['dateTimeFromBytes', dateTimeFromBytes, parseDateTime],
    ['booleanFromBytes', booleanFromBytes, parseBoolean],
  ] as const;
  // Cells near each reader's fast shape, and anything else.
  const digits = fc.stringMatching(/^[0-9]{1,18}$/);
  const cell = fc.oneof(
    fc.tuple(fc.constantFrom('', '-', '+'), digits, fc.constantFrom('', '.'), fc.stringMatching(/^[0-9]{0,8}$/)).map((p) => p.join('')),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.integer({ min: -1e9, max: 1e9 }).map(String),
    fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.tuple(fc.integer({ min: 1999, max: 2031 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.constantFrom(' ', 'T', '_'))
      .map(([y, mo, d, h, mi, se, sep]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}${sep}${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}${se === null ? '' : ':' + String(se).padStart(2, '0')}`),
    fc.constantFrom('true', 'false', '1', '0', 'TRUE', '是', '否', 'yes', ' 1', '1.', '.5', '-0', '-.5', '0x10', '1e3', '１２'),
    fc.string({ minLength: 1, maxLength: 20 }),
  ).filter((s) => s.length > 0);

  for (const [name, fromBytes, parse] of pairs) {
    it(`${name}: a decided cell is what the string parser says (property)`, () => {
      let decided = 0;
      fc.assert(fc.property(cell, (s) => {
        const b = utf8(`,${s},`);
        const x = fromBytes(b, 1, b.length - 1);
        if (x === INVALID) return;
        decided++;
        expect(Object.is(x, parse(s)), `${JSON.stringify(s)}: ${x} vs ${parse(s)}`).toBe(true);
      }), { numRuns: 3000 });
      // (booleans decide ~1 cell in 30 of these: true, false, 1, 0)
      expect(decided).toBeGreaterThan(30);
    });
  }

  it.each([
    ['12.50', 12.5], ['-4', -4], ['0.1', 0.1], ['999999999999999', 999999999999999], ['-0', -0], ['.5', 0.5], ['7.', 7],
  ])('numberFromBytes(%j) = %d', (s, want) => {
    const b = utf8(s);
    expect(Object.is(numberFromBytes(b, 0, b.length), want)).toBe(true);
  });

  it.each(['1,200', '1e3', '¥5', '12.5.1', '-', '.', '1234567890123456', ' 1'])('numberFromBytes(%j) leaves it to parseNumber', (s) => {
    const b = utf8(s);
    expect(numberFromBytes(b, 0, b.length)).toBe(INVALID);
  });

  it('dates: the impossible day is decided, other shapes are left', () => {
    const d = (s: string) => { const b = utf8(s); return dateFromBytes(b, 0, b.length); };
    const t = (s: string) => { const b = utf8(s); return dateTimeFromBytes(b, 0, b.length); };
    expect(d('2026-02-30')).toBe(IMPOSSIBLE_DATE);
    expect(d('2026-03-31')).toBe(dayNumber(2026, 3, 31));
    expect(d('2026/3/31')).toBe(INVALID);
    expect(t('2026-03-27 13:27')).toBe(dateTimeSeconds(2026, 3, 27, 13, 27));
    expect(t('2026-03-27T13:27:05')).toBe(dateTimeSeconds(2026, 3, 27, 13, 27, 5));
    expect(t('2026-03-27 24:00')).toBe(IMPOSSIBLE_DATE);
    expect(t('2026-03-27 9:05')).toBe(INVALID);
  });
});
