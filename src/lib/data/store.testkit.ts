/**
 * Test helper: stores opened on a fake IndexedDB factory under the app's database name, each
 * closed after the test. `const storeOf = openedStores(); const s = await storeOf(new IDBFactory());`
 */
import { afterEach } from 'vitest';
import { openStore, type Store } from './store';

export const STORE_NAME = 'presales-kpi-studio';

/** Registers an afterEach that closes every store the returned function opened in the test. */
export function openedStores(): (factory: IDBFactory) => Promise<Store> {
  let open: Store[] = [];
  afterEach(() => {
    open.forEach((s) => s.close());
    open = [];
  });
  return async (factory) => {
    const s = await openStore(factory, STORE_NAME);
    open.push(s);
    return s;
  };
}
