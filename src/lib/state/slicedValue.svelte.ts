/**
 * A value computed in slices (slices.ts) from reactive inputs: `start` reads the inputs and
 * returns the computation (a generator not yet run), or null when there is nothing to compute.
 * When an input changes the running computation is dropped and a new one starts; `value` is
 * null and `busy` true until it finishes, so a page never shows a result of inputs that changed.
 * Made while a component (or an `$effect.root`) initialises: the computation lives as long as it.
 *
 *   const analysis = new SlicedValue(() => (scoring.model ? sensitivitySteps(scoring.model, scoring.currentScenario, scoring.group.group) : null));
 *   {#if analysis.busy}computing…{:else if analysis.value}…{/if}
 */
import { runSlices, type Cancel } from './slices';

export class SlicedValue<T> {
  value = $state.raw<T | null>(null);
  busy = $state(false);
  /** Resolves when the computation running now (if any) has finished or been dropped. */
  settled: Promise<void> = Promise.resolve();

  constructor(start: () => Iterator<unknown, T> | null, pause?: () => Promise<void>) {
    $effect.pre(() => {
      const steps = start();
      const job: Cancel = { cancelled: false };
      this.value = null;
      this.busy = steps !== null;
      if (steps) {
        this.settled = runSlices(steps, job, pause).then(
          (v) => {
            if (job.cancelled) return;
            this.value = v;
            this.busy = false;
          },
          (e: unknown) => {
            if (!job.cancelled) this.busy = false;
            throw e;
          },
        );
      }
      return () => { job.cancelled = true; };
    });
  }
}
