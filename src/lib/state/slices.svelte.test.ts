import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { drainSlices, runSlices } from './slices';
import { SlicedValue } from './slicedValue.svelte';
import { manualPauses } from './pauses.testkit';

/** Counts to `n`, pausing after each number; `log` records what ran. */
function* counting(n: number, log: number[]): Generator<void, number, void> {
  for (let i = 1; i <= n; i++) { log.push(i); yield; }
  return n * 10;
}


describe('runSlices', () => {
  it('runs one piece per pause, the first only after a pause', async () => {
    const log: number[] = [];
    const p = manualPauses();
    const done = runSlices(counting(3, log), { cancelled: false }, p.pause);
    expect(log).toEqual([]);
    await p.step();
    expect(log).toEqual([1]);
    await p.step();
    expect(log).toEqual([1, 2]);
    await p.step(); await p.step();
    expect(await done).toBe(30);
  });

  it('stops at the next pause once cancelled, and resolves to null', async () => {
    const log: number[] = [];
    const job = { cancelled: false };
    const done = runSlices(counting(100, log), job);
    await new Promise((r) => setTimeout(r, 20));
    job.cancelled = true;
    expect(await done).toBeNull();
    const ran = log.length;
    expect(ran).toBeGreaterThan(0);
    expect(ran).toBeLessThan(100);
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toHaveLength(ran);
  });

  it('drainSlices runs every piece at once', () => {
    const log: number[] = [];
    expect(drainSlices(counting(4, log))).toBe(40);
    expect(log).toEqual([1, 2, 3, 4]);
  });
});

describe('SlicedValue', () => {
  it('is busy with no value until the run ends; an input change drops the old run', async () => {
    const p = manualPauses();
    let input = $state(3);
    const log: number[] = [];
    let v!: SlicedValue<number>;
    const stop = $effect.root(() => {
      v = new SlicedValue(() => counting(input, log), p.pause);
    });
    flushSync();
    expect(v.busy).toBe(true);
    expect(v.value).toBeNull();
    await p.step();
    input = 1;
    flushSync();
    expect(v.busy).toBe(true);
    // The old run (to 3) waits at a pause and would end after the new one (to 1): it must not
    // write its 30 over the new 10.
    for (let i = 0; i < 6; i++) await p.step();
    expect(v.value).toBe(10);
    expect(v.busy).toBe(false);
    stop();
  });

  it('nothing to compute: not busy, no value', () => {
    let v!: SlicedValue<number>;
    const stop = $effect.root(() => { v = new SlicedValue(() => null); });
    flushSync();
    expect(v.busy).toBe(false);
    expect(v.value).toBeNull();
    stop();
  });
});
