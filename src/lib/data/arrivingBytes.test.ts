import { describe, expect, it } from 'vitest';
import { arrived, readArriving, receiveBytes } from './arrivingBytes';

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

describe('receiveBytes', () => {
  const bytes = (n: number, from = 0) => Uint8Array.from({ length: n }, (_, i) => (from + i) & 255);

  it('takes a whole file\'s single part as its bytes, without a copy', async () => {
    const src = receiveBytes(5);
    const part = bytes(5);
    src.push(part);
    expect(src.filled).toBe(5);
    expect(await src.all).toBe(part);
    await expect(src.more()).resolves.toBeUndefined();
  });

  it('puts parts in order into one buffer and wakes a waiting reader at each', async () => {
    const src = receiveBytes(10);
    const seen: number[] = [];
    const reader = (async () => { while (src.filled < 10) { await src.more(); seen.push(src.filled); } })();
    src.push(bytes(4));
    await Promise.resolve();
    src.push(bytes(6, 4));
    await reader;
    expect(seen).toEqual([4, 10]);
    expect(Array.from(await src.all)).toEqual(Array.from(bytes(10)));
  });

  it('is complete at once when empty; rejects more() and all on fail() or on more bytes than the size', async () => {
    expect((await receiveBytes(0).all).length).toBe(0);
    const failed = receiveBytes(3);
    const waiting = failed.more();
    failed.fail(new Error('NotReadableError'));
    await expect(waiting).rejects.toThrow('NotReadableError');
    await expect(failed.all).rejects.toThrow('NotReadableError');
    const over = receiveBytes(3);
    over.push(bytes(4));
    await expect(over.all).rejects.toThrow(/4 bytes of a 3-byte file/);
  });
});
