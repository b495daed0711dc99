/**
 * Work in steps that gives the thread back between them once it has run for a while: a
 * computation written as a generator pauses (`yield`) between pieces, and `runPaced` runs
 * pieces back to back until `budgetMs` have passed, then lets a new task start (the page
 * paints and answers input) before the next piece. Used where the page reloads its data set
 * after an import (store.ts's combine of the stored chunks): one task of ~100 ms at 200,000
 * rows became several of a few ms each. The result does not depend on the timing; only where
 * the pauses fall does.
 */

/** Where the time comes from and how a pause is taken (tests pass their own). */
export interface Pacing {
  budgetMs: number;
  now(): number;
  pause(): Promise<void>;
}

/**
 * A new task, which the page may precede with a frame and input events: a message to itself
 * (a chain of zero-delay timers is held back to 4 ms each after the fifth), else a timer.
 */
const nextTask = (): Promise<void> => new Promise((resolve) => {
  if (typeof MessageChannel !== 'function') { setTimeout(resolve, 0); return; }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
  channel.port2.postMessage(null);
});

/** ~8 ms of work per task: well under the 50 ms that counts as a long task. */
export const PACING: Pacing = { budgetMs: 8, now: () => performance.now(), pause: nextTask };

/** The default pause on its own (tests). */
export const pauseForTask = nextTask;

/**
 * Runs `steps` to the end and resolves with its return value, pausing between steps whenever
 * `pacing.budgetMs` have passed since the last pause (the first piece runs at once).
 * @example const table = await runPaced(combinePartsSteps('projects', parts));
 */
export async function runPaced<T>(steps: Iterator<unknown, T>, pacing: Pacing = PACING): Promise<T> {
  let since = pacing.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (pacing.now() - since >= pacing.budgetMs) {
      await pacing.pause();
      since = pacing.now();
    }
  }
}
