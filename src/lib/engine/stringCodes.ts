/**
 * A code 0, 1, 2, … per distinct string, in order of first sight: what a `Map<string, number>`
 * gives, without using the strings as Map keys. Chromium's V8 internalizes every string used as
 * a Map or Set key, even in a `get` (it keeps a copy in its string table; checked with heap
 * snapshots of a page that only looks strings up in a Map). The ~32,000 customer ids of the
 * slider benchmark's 200,000-row projects file stayed in that table, and every major garbage
 * collection walks the whole table in its pause: ~3.5 ms of a ~10 ms pause in the bench's traces.
 * Open addressing on an FNV-1a hash of the UTF-16 code units; equal hashes compare with ===.
 * @example const c = new StringCodes(); c.add('C01'); c.add('C02'); c.add('C01'); c.get('C02') // 1; c.size // 2
 */
export class StringCodes {
  /** The strings in code order. */
  readonly keys: string[] = [];
  /** code + 1 per slot, 0 = empty; a power of two, at most half full */
  #slots: Int32Array;
  /** the hash of each code's string */
  #hashes: Int32Array;

  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#slots = new Int32Array(capacity);
    this.#hashes = new Int32Array(capacity >> 1);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The code of `s`, or undefined when it has none. */
  get(s: string): number | undefined {
    const code = this.#find(s, hashOf(s));
    return code < 0 ? undefined : code;
  }

  /** The code of `s`, given a new one (the next number) when it has none. */
  add(s: string): number {
    const h = hashOf(s);
    const found = this.#find(s, h);
    if (found >= 0) return found;
    if ((this.keys.length + 1) * 2 > this.#slots.length) this.#grow();
    const code = this.keys.length;
    this.keys.push(s);
    this.#hashes[code] = h;
    this.#place(code, h);
    return code;
  }

  #find(s: string, h: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const c = slots[i] - 1;
      if (c < 0) return -1;
      if (this.#hashes[c] === h && this.keys[c] === s) return c;
    }
  }

  #place(code: number, h: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let i = h & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = code + 1;
  }

  #grow(): void {
    const capacity = this.#slots.length * 2;
    this.#slots = new Int32Array(capacity);
    const hashes = new Int32Array(capacity >> 1);
    hashes.set(this.#hashes);
    this.#hashes = hashes;
    for (let c = 0; c < this.keys.length; c++) this.#place(c, hashes[c]);
  }
}

function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}
