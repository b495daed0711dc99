/**
 * A number typed into a box of the scheme editor, read once at the boundary: full-width digits
 * (１２) and a decimal comma (12,5) are normalised and said so; empty, not a number, negative
 * or out of the box's range is refused with a message naming the value (zh/en). The caller
 * puts the box back to the value in force on a refusal.
 */

export type Typed =
  | { ok: true; value: number; /** set when the text was normalised: what it was read as */ note?: { zh: string; en: string } }
  | { ok: false; error: { zh: string; en: string } };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF0D\uFF0B\u3002]/g;
const toHalf = (c: string): string => (c === '\u3002' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * `readTyped('12,5', 0, 100)` → { ok: true, value: 12.5, note }; `readTyped('-3', 0, 100)` → { ok: false, error }.
 * `max` is inclusive; `min` inclusive unless `minExclusive`.
 */
export function readTyped(text: string, min: number, max: number, minExclusive = false): Typed {
  const raw = text.trim();
  const shown = raw.length > 20 ? `${raw.slice(0, 17)}...` : raw;
  if (raw === '') return { ok: false, error: { zh: '请输入一个数字。', en: 'Type a number.' } };
  let s = raw.replace(FULL_WIDTH, toHalf).replace(/\s+/g, '');
  // One comma and no point: a decimal comma (12,5), as typed on many keyboards.
  if (/^[+-]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(value)) {
    return { ok: false, error: { zh: `“${shown}”不是数字。`, en: `“${shown}” is not a number.` } };
  }
  const tooLow = minExclusive ? !(value > min) : value < min;
  if (tooLow || value > max) {
    const lo = minExclusive ? `大于 ${min}` : `不小于 ${min}`;
    const loEn = minExclusive ? `greater than ${min}` : `at least ${min}`;
    return {
      ok: false,
      error: { zh: `“${shown}”超出范围：应${lo}且不大于 ${max}。`, en: `“${shown}” is out of range: it must be ${loEn} and at most ${max}.` },
    };
  }
  if (s !== raw) return { ok: true, value, note: { zh: `“${shown}”已按 ${value} 读取。`, en: `“${shown}” was read as ${value}.` } };
  return { ok: true, value };
}
