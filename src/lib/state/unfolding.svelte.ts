/**
 * A list drawn a few items per task (slices.ts): `shown` holds the first `step` items at once,
 * then `step` more after each pause, until it holds every item. A page of 20 one-page reports
 * is ~¼ s of rendering and layout at 10,000 staff; four at a time, no task holds more than a
 * few of them (issue #19). When the items change (another page of the list, new results) it
 * starts again from the first `step`. Made while a component initialises, like SlicedValue.
 *
 *   const unfold = new Unfolding(() => members.slice(range.start, range.end), 4);
 *   {#each unfold.shown as m (m.staff_id)}…{/each}   <div aria-busy={!unfold.done}>
 */
import { runSlices, type Cancel } from './slices';

/** `shown` growing to `items`, `step` more per pause: the pieces runSlices runs. */
function* growing<T>(items: readonly T[], step: number, show: (part: readonly T[]) => void): Generator<void, void, void> {
  for (let n = 2 * step; n < items.length; n += step) {
    show(items.slice(0, n));
    yield;
  }
  show(items);
}

export class Unfolding<T> {
  /** The items drawn so far: a prefix of `items()`. */
  shown = $state.raw<readonly T[]>([]);
  /** true once `shown` holds every item. */
  done = $state(true);

  constructor(items: () => readonly T[], step: number, pause?: () => Promise<void>) {
    if (!(step >= 1) || !Number.isInteger(step)) throw new RangeError(`step must be a whole number ≥ 1, got ${step}`);
    $effect.pre(() => {
      const all = items();
      const job: Cancel = { cancelled: false };
      const whole = all.length <= step;
      this.shown = whole ? all : all.slice(0, step);
      this.done = whole;
      if (!whole) {
        void runSlices(growing(all, step, (part) => { this.shown = part; }), job, pause).then(() => {
          if (!job.cancelled) this.done = true;
        });
      }
      return () => { job.cancelled = true; };
    });
  }
}
