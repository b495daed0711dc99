/**
 * Test helpers for the state and page tests (only *.test.ts files import this): an in-memory
 * stand-in for the store's scenario records and settings, and a ResizeObserver for jsdom.
 * The metrics data set they score is src/lib/engine/metricsDataset.testkit.ts.
 */

/** The store methods ScoringState uses, kept in memory. */
export function memoryStore() {
  const records = new Map<string, { id: string } & Record<string, unknown>>();
  const settings = new Map<string, unknown>();
  return {
    records,
    settings,
    putRecord: async (_s: string, v: { id: string } & Record<string, unknown>) => { records.set(v.id, v); },
    listRecords: async <T>() => [...records.values()] as T[],
    deleteRecord: async (_s: string, id: string) => { records.delete(id); },
    /** all or nothing, as the store's one transaction */
    writeRecords: async (_s: string, change: { put?: readonly ({ id: string } & Record<string, unknown>)[]; delete?: readonly string[] }) => {
      for (const v of change.put ?? []) records.set(v.id, v);
      for (const id of change.delete ?? []) records.delete(id);
    },
    getSetting: async <T>(k: string) => settings.get(k) as T | undefined,
    setSetting: async (k: string, v: unknown) => { settings.set(k, v); },
  };
}

/** jsdom has no ResizeObserver, which Svelte's bind:clientWidth needs; the charts then use their default width. */
export function installResizeObserverStub(): void {
  if (typeof globalThis.ResizeObserver !== 'undefined') return;
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
