import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Unfolding } from './unfolding.svelte';
import { manualPauses } from './pauses.testkit';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('Unfolding', () => {
  it('shows the first step at once, then one step more per pause, and ends with every item', async () => {
    const p = manualPauses();
    let u!: Unfolding<number>;
    const stop = $effect.root(() => { u = new Unfolding(() => upTo(10), 4, p.pause); });
    flushSync();
    expect(u.shown).toEqual([1, 2, 3, 4]);
    expect(u.done).toBe(false);
    await p.step();
    expect(u.shown).toEqual(upTo(8));
    expect(u.done).toBe(false);
    await p.step();
    expect(u.shown).toEqual(upTo(10));
    expect(u.done).toBe(true);
    stop();
  });

  it('starts again from the first step when the items change, and the old run writes nothing more', async () => {
    const p = manualPauses();
    let items = $state(upTo(12));
    let u!: Unfolding<number>;
    const stop = $effect.root(() => { u = new Unfolding(() => items, 4, p.pause); });
    flushSync();
    await p.step();
    expect(u.shown).toEqual(upTo(8));
    items = upTo(12).map((x) => x + 100);
    flushSync();
    expect(u.shown).toEqual([101, 102, 103, 104]);
    expect(u.done).toBe(false);
    for (let i = 0; i < 4; i++) await p.step();
    expect(u.shown).toEqual(items);
    expect(u.done).toBe(true);
    stop();
  });

  it('a list no longer than one step is shown whole at once; a step must be a whole number ≥ 1', () => {
    let u!: Unfolding<number>;
    const stop = $effect.root(() => { u = new Unfolding(() => upTo(3), 4); });
    flushSync();
    expect(u.shown).toEqual([1, 2, 3]);
    expect(u.done).toBe(true);
    stop();
    expect(() => $effect.root(() => { new Unfolding(() => [], 0); })).toThrow(/step/);
  });
});
