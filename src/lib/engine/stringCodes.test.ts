import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringCodes } from './stringCodes';

describe('StringCodes', () => {
  it('numbers distinct strings in order of first sight, as a Map would', () => {
    // Few distinct values (many repeats and hash-slot neighbours) and arbitrary text.
    const str = fc.oneof(fc.constantFrom('', 'a', 'b', 'C0001', 'C0002', '金融', '\u0000'), fc.string({ unit: 'binary', maxLength: 12 }));
    fc.assert(fc.property(fc.array(str, { maxLength: 300 }), fc.array(str, { maxLength: 30 }), fc.nat(64), (xs, probes, expected) => {
      const codes = new StringCodes(expected);
      const map = new Map<string, number>();
      for (const x of xs) {
        if (!map.has(x)) map.set(x, map.size);
        expect(codes.add(x)).toBe(map.get(x));
      }
      expect(codes.size).toBe(map.size);
      expect(codes.keys).toEqual([...map.keys()]);
      for (const p of [...xs, ...probes]) expect(codes.get(p)).toBe(map.get(p));
    }));
  });

  it('grows past its first capacity and keeps every code', () => {
    const codes = new StringCodes();
    const ids = Array.from({ length: 50_000 }, (_, i) => `C${String(i).padStart(7, '0')}`);
    ids.forEach((id, i) => expect(codes.add(id)).toBe(i));
    expect(codes.size).toBe(ids.length);
    for (let i = 0; i < ids.length; i += 997) expect(codes.get(ids[i])).toBe(i);
    expect(codes.get('C9999999')).toBeUndefined();
  });
});
