/**
 * Test helper for work done in slices: a `pause` the test releases by hand, so it can look between
 * the pieces. `const p = manualPauses(); start(p.pause); await p.step(); expect(await p.runAll()).toBe(2);`
 */

/** A few microtask turns: enough for a released piece to run up to its next pause. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await Promise.resolve();
}

export function manualPauses() {
  const waiting: (() => void)[] = [];
  return {
    pause: () => new Promise<void>((r) => waiting.push(r)),
    /** Lets the next piece run (and the promises it settles). */
    step: async () => { waiting.shift()?.(); await settle(); },
    /** How many pieces wait for their pause to end. */
    get waiting() { return waiting.length; },
    /** Lets every piece run, one at a time; how many pauses there were. */
    async runAll(): Promise<number> {
      let n = 0;
      for (; waiting.length; n++) { waiting.shift()!(); await settle(); }
      return n;
    },
  };
}
