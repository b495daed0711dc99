/**
 * Graded rows and band counts for the slider's hot path. Each keeps its scratch arrays from one
 * move to the next and gives back the previous array while the contents are the same, as they
 * are in most moves: a Svelte `$derived` returning it then keeps its identity, and the chart and
 * gap lines that read it have nothing to redo.
 */
import { bandCounts } from '../engine/forcedDistribution';
import { GRADE_NONE } from '../engine/grades';
import type { BandCount, Scenario } from '../engine/types';
import type { Graded } from './gradeAll';

/** `rows` (model rows) that have a threshold grade, i.e. a total. */
export class GradedRows {
  #scratch = new Int32Array(0);
  #last = new Int32Array(0);

  of(grade: Uint8Array | null, rows: Int32Array): Int32Array {
    if (!grade) return (this.#last = new Int32Array(0));
    if (this.#scratch.length < rows.length) this.#scratch = new Int32Array(rows.length);
    const out = this.#scratch;
    let n = 0;
    // A plain loop: TypedArray.filter with a closure costs a third of a millisecond per slider move.
    for (let j = 0; j < rows.length; j++) if (grade[rows[j]] !== GRADE_NONE) out[n++] = rows[j];
    const last = this.#last;
    let same = last.length === n;
    for (let j = 0; same && j < n; j++) same = last[j] === out[j];
    return same ? last : (this.#last = out.slice(0, n));
  }
}

/** Band counts of `rows` (graded model rows) by final grade; quotas add up group by group (§6). */
export class BandCounts {
  #finals = new Uint8Array(0);
  #last: BandCount[] = [];

  of(g: Graded | null, rows: Int32Array, groups: number, shares: Scenario['forced_distribution']['shares']): BandCount[] {
    let next: BandCount[];
    if (!g) next = bandCounts([], shares, 0);
    else {
      if (this.#finals.length < rows.length) this.#finals = new Uint8Array(rows.length);
      const finals = this.#finals.subarray(0, rows.length);
      const sizes = new Int32Array(groups);
      for (let j = 0; j < rows.length; j++) { finals[j] = g.final[rows[j]]; sizes[g.group[rows[j]]]++; }
      next = bandCounts(finals, shares, rows.length, sizes);
    }
    const last = this.#last;
    const same = next.length === last.length && next.every((b, i) =>
      b.band === last[i].band && b.target === last[i].target && b.actual === last[i].actual && b.gap === last[i].gap);
    return same ? last : (this.#last = next);
  }
}
