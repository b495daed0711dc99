/**
 * A test-side way to hold the app's next read of the stored rows until the test lets it go, so
 * the window between "the import stored its rows" and "the pages hold the new data" stays open
 * while the test acts, whatever the machine's speed. Nothing of it is in the app:
 * `armIdbHold(page)` patches the page's IDBDatabase.prototype.transaction and the import
 * worker's message handler. Once the worker reports its import done (its rows are committed),
 * the next read-only transaction whose scope has the 'chunks' store (every batch listing and
 * data load has it) is preceded by a read-write transaction on 'chunks' that stays busy until
 * `releaseIdbHold(page)` (or HOLD_LIMIT_MS); IndexedDB starts a transaction only once every
 * earlier one with an overlapping scope has finished, so that read, and every read after it,
 * waits. (Armed earlier, the hold would catch a listing made while the worker still writes
 * its chunks, and the worker's next write would wait for it.)
 */
import type { Page } from 'playwright-core';

/** The hold lets go by itself after this long, so a failing test cannot hang the page. */
export const HOLD_LIMIT_MS = 60_000;

export interface IdbHold { armed: boolean; fired: boolean; release: boolean; firedAt: number; releasedAt: number; by: string }

/** Arms the hold in `page`; `idbHoldState` tells whether it fired and whether it still holds. */
export async function armIdbHold(page: Page): Promise<void> {
  await page.evaluate((limitMs) => {
    const w = window as unknown as { __idbHold?: IdbHold; __idbHoldPatched?: boolean };
    w.__idbHold = { armed: false, fired: false, release: false, firedAt: 0, releasedAt: 0, by: '' };
    if (w.__idbHoldPatched) return;
    w.__idbHoldPatched = true;
    const onmessage = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() { return onmessage.get!.call(this); },
      set(handler: ((e: MessageEvent) => unknown) | null) {
        const armOnDone = handler && function (this: Worker, e: MessageEvent) {
          const hold = w.__idbHold!;
          if ((e.data as { type?: string } | null)?.type === 'done' && !hold.fired) hold.armed = true;
          return handler.call(this, e);
        };
        onmessage.set!.call(this, armOnDone);
      },
    });
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) {
      const hold = w.__idbHold!;
      const scope = typeof names === 'string' ? [names] : [...names];
      if (hold.armed && (mode ?? 'readonly') === 'readonly' && scope.includes('chunks')) {
        hold.armed = false;
        hold.fired = true;
        hold.firedAt = performance.now();
        hold.by = new Error().stack ?? '';
        const chunks = transaction.call(this, ['chunks'], 'readwrite').objectStore('chunks');
        const spin = () => {
          if (!hold.release && performance.now() - hold.firedAt < limitMs) chunks.count().onsuccess = spin;
          else hold.releasedAt = performance.now();
        };
        spin();
      }
      return transaction.call(this, names, mode, options);
    } as typeof IDBDatabase.prototype.transaction;
  }, HOLD_LIMIT_MS);
}

export function idbHoldState(page: Page): Promise<IdbHold> {
  return page.evaluate(() => ({ ...(window as unknown as { __idbHold: IdbHold }).__idbHold }));
}

/** Lets the held read go (it runs once the hold's transaction has finished). */
export async function releaseIdbHold(page: Page): Promise<void> {
  await page.evaluate(() => { (window as unknown as { __idbHold: IdbHold }).__idbHold.release = true; });
}
