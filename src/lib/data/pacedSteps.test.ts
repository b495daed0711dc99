import { describe, expect, it } from 'vitest';
import { pauseForTask, runPaced, type Pacing } from './pacedSteps';

/** Steps that each take `cost` ms on a fake clock and record where the pauses fell. */
function fake(costs: number[], budgetMs: number) {
  let now = 0;
  const log: string[] = [];
  const pacing: Pacing = { budgetMs, now: () => now, pause: async () => { log.push('pause'); } };
  function* steps(): Generator<void, string, void> {
    for (const [i, c] of costs.entries()) {
      now += c;
      log.push(`step ${i}`);
      yield;
    }
    return 'done';
  }
  return { pacing, log, steps };
}

describe('runPaced', () => {
  it('pauses only once the budget has run out since the last pause, and returns the value', async () => {
    const { pacing, log, steps } = fake([3, 3, 3, 10, 1, 1], 8);
    expect(await runPaced(steps(), pacing)).toBe('done');
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'pause', 'step 3', 'pause', 'step 4', 'step 5']);
  });

  it('never pauses for work under the budget', async () => {
    const { pacing, log, steps } = fake([1, 1, 1], 8);
    expect(await runPaced(steps(), pacing)).toBe('done');
    expect(log).not.toContain('pause');
  });

  it('lets other tasks run at a pause (a timer set before it fires first)', async () => {
    let now = 0;
    const seen: string[] = [];
    function* steps(): Generator<void, number, void> {
      now += 20;
      setTimeout(() => seen.push('timer'), 0);
      yield;
      seen.push('after pause');
      return 1;
    }
    expect(await runPaced(steps(), { budgetMs: 8, now: () => now, pause: () => new Promise((r) => setTimeout(r, 0)) })).toBe(1);
    expect(seen).toEqual(['timer', 'after pause']);
  });
});

describe('the default pause', () => {
  it('resolves in a later task, after a message posted before it', async () => {
    const seen: string[] = [];
    const other = new MessageChannel();
    other.port1.onmessage = () => { seen.push('earlier message'); other.port1.close(); };
    other.port2.postMessage(null);
    const p = pauseForTask().then(() => seen.push('pause over'));
    seen.push('same task');
    await p;
    expect(seen).toEqual(['same task', 'earlier message', 'pause over']);
  });
});
