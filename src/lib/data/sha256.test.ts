import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('known vector %j', (input, digest) => {
    expect(sha256Hex(enc(input))).toBe(digest);
  });

  it('agrees with node:crypto at every padding boundary and on Chinese text', () => {
    for (let len = 0; len < 200; len++) {
      const bytes = new Uint8Array(len).map((_, i) => (i * 31 + len) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const zh = enc('工号,姓名\nPS1001,杜眉\n'.repeat(1000));
    expect(sha256Hex(zh)).toBe(createHash('sha256').update(zh).digest('hex'));
  });

  it('reads a subarray view, not its whole buffer', () => {
    const big = enc('xxabcxx');
    expect(sha256Hex(big.subarray(2, 5))).toBe(sha256Hex(enc('abc')));
  });
});
