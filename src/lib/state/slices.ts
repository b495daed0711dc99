/**
 * Long computations on the page's main thread, in slices. A computation written as a generator
 * pauses (`yield`) between pieces of work; `runSlices` runs one piece per task, with a
 * macrotask between pieces, so the page paints and answers keys in between and no task of a
 * computation that takes ⅓ s in all lasts more than one piece (issue #19: ≤ 100 ms a task at
 * 10,000 staff). A cancelled run stops at its next pause and resolves to null.
 */

/** Set `cancelled` to stop a run at its next pause. */
export interface Cancel { cancelled: boolean }

/** A new task: the page may paint and handle input before the next piece. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs `steps` one piece per task, starting with a pause (so the caller's own task ends first);
 * its return value, or null once `cancel.cancelled` was set.
 * @example const job = { cancelled: false }; const result = await runSlices(sensitivitySteps(m, s, g), job);
 */
export async function runSlices<T>(steps: Iterator<unknown, T>, cancel: Cancel, pause: () => Promise<void> = nextTask): Promise<T | null> {
  for (;;) {
    await pause();
    if (cancel.cancelled) return null;
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs every piece at once: `drainSlices(sensitivitySteps(m, s, g))` is `sensitivity(m, s, g)`. */
export function drainSlices<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
