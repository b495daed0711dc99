import { describe, expect, it } from 'vitest';
import { arrived, readArriving } from './arrivingBytes';

const blob = (n: number) => new Blob([Uint8Array.from({ length: n }, (_, i) => (i * 7) & 255)]);

describe('readArriving', () => {
  it('fills the buffer slice by slice, every byte in place', async () => {
    const b = blob(1000);
    const src = readArriving(b, 64);
    expect(src.bytes.length).toBe(1000);
    const seen: number[] = [];
    while (src.filled < 1000) {
      await src.more();
      seen.push(src.filled);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(await src.all).toEqual(new Uint8Array(await b.arrayBuffer()));
    await expect(src.more()).resolves.toBeUndefined();
  });

  it('reads a file up to one slice whole, into the read\'s own buffer', async () => {
    const b = blob(100);
    const src = readArriving(b, 100);
    expect(src.size).toBe(100);
    await src.more();
    expect(src.filled).toBe(100);
    expect(src.bytes).toEqual(new Uint8Array(await b.arrayBuffer()));
    expect(await src.all).toBe(src.bytes);
  });

  it('handles an empty file and a file smaller than a slice', async () => {
    expect((await readArriving(blob(0)).all).length).toBe(0);
    const src = readArriving(blob(10), 64);
    expect(Array.from(await src.all)).toEqual(Array.from({ length: 10 }, (_, i) => (i * 7) & 255));
    expect(src.filled).toBe(10);
  });

  it('rejects more() and all when a read fails', async () => {
    const broken = { size: 100, slice: () => ({ arrayBuffer: () => Promise.reject(new Error('gone')) }) } as unknown as Blob;
    const src = readArriving(broken, 64);
    await expect(src.more()).rejects.toThrow('gone');
    await expect(src.all).rejects.toThrow('gone');
  });
});

describe('arrived', () => {
  it('has everything at once', async () => {
    const bytes = Uint8Array.of(1, 2, 3);
    const src = arrived(bytes);
    expect(src.filled).toBe(3);
    await expect(src.more()).resolves.toBeUndefined();
    expect(await src.all).toBe(bytes);
  });
});
