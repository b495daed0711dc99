/**
 * The per-person metric matrices already derived from the stored data, kept in memory and
 * (for a big store) in IndexedDB, so a cold open can show the overview before a million raw
 * rows are read back (docs/storage.md, "Derived cache").
 *
 * A matrix depends only on the stored rows, the period, the parts of the scenario that
 * deriveMetrics reads (`metricsKey`) and the engine's code. So an entry is keyed by period
 * and metricsKey, and the whole cache by the data's signature (every live batch and its live
 * row count: any import, delete, replace or clear changes it) and by a hash of the engine's
 * source files taken at build time. Any mismatch and the record is ignored: a stale figure
 * is never shown.
 */
import type { BatchInfo } from '../data/store';
import type { MetricMatrix, Period } from '../engine/types';

declare const __ENGINE_HASH__: string | undefined;

/** Hash of src/lib/engine/*.ts at build time (vite.config.ts); 'dev' where no build defined it. */
export const ENGINE_HASH: string = typeof __ENGINE_HASH__ === 'string' ? __ENGINE_HASH__ : 'dev';

/** The settings key of the stored record. */
export const DERIVED_SETTING = 'app.derivedCache';
/** Matrices kept: the periods and scenarios looked at last. ~1 MB each for 5,000 people. */
export const MAX_ENTRIES = 4;

export interface DerivedRecord {
  v: 1;
  engine: string;
  signature: string;
  /** periodsInData of the full data set: the period selector before the raw rows are loaded. */
  periods: Period[];
  entries: { key: string; matrix: MetricMatrix }[];
}

/**
 * What identifies the stored data: batch ids (unique per import) with their live rows.
 * @example dataSignature([{ id: 'b1', liveRows: 60 }, { id: 'b2', liveRows: 9 }]) // 'b1:60,b2:9'
 */
export function dataSignature(batches: readonly Pick<BatchInfo, 'id' | 'liveRows'>[]): string {
  return batches.map((b) => `${b.id}:${b.liveRows}`).join(',');
}

/** The key of one matrix: `matrixKey(period, metricsKey(scenario))`. */
export const matrixKey = (period: Period, metricsKey: string): string => `${period.id}|${metricsKey}`;

const isMatrix = (m: unknown): m is MetricMatrix => {
  const x = m as MetricMatrix | null;
  return !!x && typeof x === 'object' && !!x.period && typeof x.period.id === 'string' && x.staffIndex instanceof Int32Array
    && !!x.values && typeof x.values === 'object'
    && Object.values(x.values).every((v) => v instanceof Float64Array && v.length === x.staffIndex.length);
};

/**
 * A stored record's content when it belongs to this data and this engine and is whole; else null.
 * @example usableRecord(await store.getSetting(DERIVED_SETTING), dataSignature(batches))
 */
export function usableRecord(raw: unknown, signature: string): DerivedRecord | null {
  const r = raw as DerivedRecord | null | undefined;
  if (!r || typeof r !== 'object' || r.v !== 1 || r.engine !== ENGINE_HASH || r.signature !== signature) return null;
  if (!Array.isArray(r.periods) || !Array.isArray(r.entries)) return null;
  if (!r.entries.every((e) => e && typeof e.key === 'string' && isMatrix(e.matrix))) return null;
  return r;
}

/** The in-memory cache of one data signature (most recently used last). */
export class DerivedCache {
  signature = '';
  periods: Period[] | null = null;
  #entries = new Map<string, MetricMatrix>();

  /** Forget everything unless `signature` is the current one. */
  reset(signature: string): void {
    if (signature === this.signature) return;
    this.signature = signature;
    this.periods = null;
    this.#entries.clear();
  }

  /** Take a stored record's matrices and periods (the caller checked it with `usableRecord`). */
  seed(record: DerivedRecord): void {
    this.reset(record.signature);
    this.periods = record.periods;
    for (const e of record.entries) this.#entries.set(e.key, e.matrix);
  }

  get(key: string): MetricMatrix | undefined {
    const m = this.#entries.get(key);
    if (m) { this.#entries.delete(key); this.#entries.set(key, m); }
    return m;
  }

  put(key: string, matrix: MetricMatrix): void {
    this.#entries.delete(key);
    this.#entries.set(key, matrix);
    while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The record to store, or null while the periods of the full data are unknown. */
  toRecord(): DerivedRecord | null {
    if (!this.periods) return null;
    return {
      v: 1, engine: ENGINE_HASH, signature: this.signature, periods: this.periods,
      entries: [...this.#entries].map(([key, matrix]) => ({ key, matrix })),
    };
  }
}
