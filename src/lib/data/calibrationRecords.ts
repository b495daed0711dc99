/**
 * One calibration as the store keeps it: the log entry and the override it puts in force (or
 * the removal of the override, when a person goes back to the computed grade), written in one
 * IndexedDB transaction. A tab closed or a write refused half-way must not leave an override
 * without its log entry, nor a log entry whose override was never stored.
 */
import type { CalibrationLogEntry, GradeOverride } from '../engine/calibration';
import type { Store } from './store';

const RECORDS = 'calibration';

/** Record id of the override in force for one person in one period. */
export const overrideKey = (o: { periodId: string; staff_id: string }): string => `override|${o.periodId}|${o.staff_id}`;

/** Record id of a log entry; the random tail keeps two changes of one person within one second apart. */
export const logKey = (entry: CalibrationLogEntry, tail: string = Math.random().toString(36).slice(2, 8)): string => `log|${entry.id}|${tail}`;

/**
 * Stores `entry` and, in the same transaction, `inForce` (the person's override after the
 * change) or, when it is null, deletes the person's override. Both or neither: on any failure
 * the store is as before and the error (a StoreError from the store) is thrown.
 * `await writeCalibration(store, entry, { periodId: '2026Q1', staff_id: 'PS1001' }, override)`.
 */
export async function writeCalibration(
  store: Pick<Store, 'writeRecords'>, entry: CalibrationLogEntry,
  person: { periodId: string; staff_id: string }, inForce: GradeOverride | null,
): Promise<void> {
  const log = { id: logKey(entry), type: 'log', entry };
  await store.writeRecords(RECORDS, inForce
    ? { put: [log, { id: overrideKey(inForce), type: 'override', override: inForce }] }
    : { put: [log], delete: [overrideKey(person)] });
}
