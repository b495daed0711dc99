/**
 * Period-close snapshots in the store: one record per version in the 'calibration' record
 * store (id `snapshot|<period>|v<n>`, beside the overrides and log entries it freezes), so
 * they travel in the backup file with no change to its format and no schema upgrade; a
 * backup or database from before snapshots existed simply has none.
 * Records read back are checked: one that is not a snapshot of this shape is left out, never
 * half-used (a damaged record must not become a period's final results).
 */
import type { PeriodSnapshot } from '../engine/periodClose';
import type { Store } from './store';

const RECORDS = 'calibration';
type SnapshotRecord = { id: string; type: 'snapshot'; snapshot: PeriodSnapshot };

export const snapshotKey = (s: Pick<PeriodSnapshot, 'periodId' | 'version'>): string => `snapshot|${s.periodId}|v${s.version}`;

const isText = (x: unknown): x is string => typeof x === 'string';

/** The snapshot a stored record holds, or null when the record is not a well-formed snapshot. */
export function snapshotOfRecord(record: unknown): PeriodSnapshot | null {
  const r = record as Partial<SnapshotRecord> | null;
  if (!r || r.type !== 'snapshot' || typeof r.snapshot !== 'object' || r.snapshot === null) return null;
  const s = r.snapshot as Partial<PeriodSnapshot>;
  const ok = isText(s.id) && isText(s.periodId) && Number.isInteger(s.version) && (s.version as number) >= 1
    && typeof s.period === 'object' && s.period !== null && s.period.id === s.periodId
    && isText(s.scenarioText) && isText(s.scenarioId) && isText(s.closedBy) && isText(s.closedAt)
    && Array.isArray(s.batches) && Array.isArray(s.results) && Array.isArray(s.overrides) && Array.isArray(s.log)
    && (s.reopened === null || (typeof s.reopened === 'object' && isText(s.reopened?.reason)));
  return ok ? (s as PeriodSnapshot) : null;
}

/** Every stored snapshot (all periods, all versions). */
export async function loadSnapshots(store: Pick<Store, 'listRecords'>): Promise<PeriodSnapshot[]> {
  const records = await store.listRecords<unknown>(RECORDS);
  return records.flatMap((r) => {
    const s = snapshotOfRecord(r);
    return s ? [s] : [];
  });
}

/** Writes (or, for a reopening, rewrites) one version. */
export async function saveSnapshot(store: Pick<Store, 'putRecord'>, snapshot: PeriodSnapshot): Promise<void> {
  const record: SnapshotRecord = { id: snapshotKey(snapshot), type: 'snapshot', snapshot };
  await store.putRecord(RECORDS, record as unknown as { id: string } & Record<string, unknown>);
}
