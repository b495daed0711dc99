/**
 * Growable columns for the importer (csvImport.ts): one typed or plain array per column, sized
 * up front from the rows the caller expects and doubled when short, so appending a million cells
 * costs no object per row and no per-push growth.
 */

/**
 * A Float64Array that grows by doubling, so appending a million cells costs no per-row objects;
 * sized up front when the caller knows roughly how many rows come.
 */
export class NumBuilder {
  a: Float64Array;
  n = 0;
  constructor(capacity: number) { this.a = new Float64Array(Math.max(1024, capacity)); }
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  /** The cells as a view, not a copy: on this kind of VM a fresh 8 MB buffer costs ~70 ms of page faults. */
  done(): Float64Array { return this.n === this.a.length ? this.a : this.a.subarray(0, this.n); }
}

/**
 * A string column in one array sized up front (doubling when the guess was short), cut to its
 * length at the end: pushing a million cells onto a growing `[]` measured 3–5× slower (each
 * growth of a multi-megabyte array copies it and strains the collector).
 */
export class TextBuilder {
  private a: string[];
  private n = 0;
  constructor(capacity: number) { this.a = new Array<string>(Math.max(1024, capacity)); }
  push(s: string): void {
    if (this.n === this.a.length) {
      const b = new Array<string>(this.a.length * 2);
      for (let i = 0; i < this.n; i++) b[i] = this.a[i];
      this.a = b;
    }
    this.a[this.n++] = s;
  }
  done(): string[] {
    this.a.length = this.n;
    return this.a;
  }
}
