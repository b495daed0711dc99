// A calibration's log entry and override are written in one transaction (#15): a failure
// half-way leaves neither, never one without the other.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalibrationLogEntry, GradeOverride } from '../engine/calibration';
import { openStore, StoreError, type Store } from './store';
import { overrideKey, writeCalibration } from './calibrationRecords';

let open: Store[] = [];
afterEach(() => {
  open.forEach((s) => s.close());
  open = [];
});
async function fresh(): Promise<Store> {
  const s = await openStore(new IDBFactory(), 'calibration-records');
  open.push(s);
  return s;
}

const person = { periodId: '2026Q1', staff_id: 'PS1001' };
const entry = (to: 'A' | 'B' | null, from: 'A' | 'B' | null = 'B'): CalibrationLogEntry =>
  ({ id: `2026Q1|PS1001|${to}`, ...person, from, to, reason: '重大项目', by: '王芳', at: '2026-04-08 10:30:05' });
const override: GradeOverride = { ...person, to: 'A', reason: '重大项目', by: '王芳', at: '2026-04-08 10:30:05' };
type Rec = { id: string; type: string };
const kinds = async (s: Store) => (await s.listRecords<Rec>('calibration')).map((r) => r.type).sort();

/** Makes the `n`-th put on the calibration store (0-based) throw, or abort its transaction, until restored. */
function breakPut(n: number, how: 'throw' | 'abort'): () => void {
  const original = IDBObjectStore.prototype.put;
  let calls = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name !== 'calibration' || calls++ !== n) return original.apply(this, args);
    if (how === 'throw') throw new DOMException('refused', 'DataCloneError');
    const req = original.apply(this, args);
    this.transaction.abort();
    return req;
  };
  return () => { IDBObjectStore.prototype.put = original; };
}

describe('writeCalibration', () => {
  it('stores the log entry and the override together, and the way back deletes the override beside its own entry', async () => {
    const s = await fresh();
    await writeCalibration(s, entry('A'), person, override);
    expect(await kinds(s)).toEqual(['log', 'override']);
    const stored = await s.listRecords<Rec & { override?: GradeOverride }>('calibration');
    expect(stored.find((r) => r.type === 'override')).toMatchObject({ id: overrideKey(person), override });
    await writeCalibration(s, entry('B', 'A'), person, null);
    expect(await kinds(s)).toEqual(['log', 'log']);
  });

  for (const how of ['throw', 'abort'] as const) {
    it(`writes neither when the second put fails (${how}): no log entry without its override`, async () => {
      const s = await fresh();
      const restore = breakPut(1, how);
      const err = await writeCalibration(s, entry('A'), person, override).catch((e) => e).finally(restore);
      expect(err).toBeInstanceOf(StoreError);
      expect(await s.listRecords('calibration')).toEqual([]);
    });
  }

  it('keeps the override in force when the way back fails: no deletion without its log entry', async () => {
    const s = await fresh();
    await writeCalibration(s, entry('A'), person, override);
    const restore = breakPut(0, 'throw');
    const err = await writeCalibration(s, entry('B', 'A'), person, null).catch((e) => e).finally(restore);
    expect(err).toBeInstanceOf(StoreError);
    expect(await kinds(s)).toEqual(['log', 'override']);
  });
});
