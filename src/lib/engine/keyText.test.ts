import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanKey, needsCleaning, showInvisible } from './keyText';

describe('cleanKey', () => {
  it.each<[string, string, string]>([
    ['zero-width space at the end', 'BW001\u200b', 'BW001'],
    ['zero-width non-joiner and joiner inside', 'BW\u200c0\u200d01', 'BW001'],
    ['word joiner', '\u2060BW001', 'BW001'],
    ['BOM inside', 'BW\ufeff001', 'BW001'],
    ['soft hyphen', 'BW\u00ad001', 'BW001'],
    ['left-to-right and right-to-left marks', '\u200eBW001\u200f', 'BW001'],
    ['bidi embedding and isolate', '\u202aBW001\u202c\u2066', 'BW001'],
    ['no-break space at the ends', '\u00a0BW001\u00a0', 'BW001'],
    ['no-break and ideographic spaces inside become plain spaces', 'BW\u00a0001\u3000x', 'BW 001 x'],
    ['only invisible characters', '\u200b\u200b', ''],
    ['Chinese text untouched', '华东售前部', '华东售前部'],
    ['plain ASCII untouched', 'PS000001', 'PS000001'],
  ])('%s', (_, input, expected) => {
    expect(cleanKey(input)).toBe(expected);
    expect(needsCleaning(input)).toBe(input !== expected);
  });

  it('returns the same string object when nothing changes (no allocation on the common path)', () => {
    const s = 'PS000001';
    expect(cleanKey(s)).toBe(s);
  });

  it('is idempotent and never leaves a character it removes (property)', () => {
    const odd = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u3000', '\u00ad', '\u202e', 'a', '中', ' ', '1');
    fc.assert(fc.property(fc.array(odd, { maxLength: 12 }).map((a) => a.join('')), (s) => {
      const once = cleanKey(s.trim()); // as the importer calls it: on a trimmed cell
      expect(cleanKey(once)).toBe(once);
      expect(needsCleaning(once)).toBe(false);
      expect(once).toBe(once.trim());
    }));
  });

  it('shows what was removed', () => {
    expect(showInvisible('BW001\u200b')).toBe('BW001<U+200B>');
    expect(showInvisible('\u00a0x')).toBe('<U+00A0>x');
  });
});
