/**
 * Saved column mappings (字段映射) in the store: one record per header signature in the
 * `mappings` object store (schema version 2), its id the signature, so saving a mapping for a
 * header replaces the one saved before. The import reads them all (runImport.ts); the backup
 * carries them like the other record stores.
 */
import { KINDS } from '../engine/dataset';
import type { ColumnMapping } from './mapping';
import type { Store } from './store';

/** When it was saved, for the list on the Data page. */
export interface SavedMapping extends ColumnMapping { savedAt: string }

type MappingRecord = SavedMapping & { id: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a stored (or restored) record is a usable mapping: the import skips any other. */
export function isMappingRecord(r: unknown): r is MappingRecord {
  return isObj(r) && typeof r.id === 'string' && r.id === r.signature && KINDS.includes(r.kind as never) && isObj(r.columns)
    && Object.values(r.columns).every((v) => v === null || typeof v === 'string')
    && (r.values === undefined || (isObj(r.values) && Object.values(r.values).every((t) => isObj(t) && Object.values(t).every((x) => typeof x === 'string'))));
}

/** The saved mappings, oldest first. `(await listMappings(store)).map((m) => m.kind)`. */
export async function listMappings(store: Pick<Store, 'listRecords'>): Promise<SavedMapping[]> {
  const records = (await store.listRecords<unknown>('mappings')).filter(isMappingRecord);
  return records.map(({ id: _id, ...m }) => m).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Saves `m` under its header signature (replacing an earlier mapping of that header). */
export async function saveMapping(store: Pick<Store, 'putRecord'>, m: ColumnMapping, now = new Date()): Promise<SavedMapping> {
  const saved: SavedMapping = { signature: m.signature, kind: m.kind, columns: { ...m.columns }, values: { ...(m.values ?? {}) }, savedAt: now.toISOString() };
  await store.putRecord('mappings', { id: m.signature, ...saved });
  return saved;
}

export async function deleteMapping(store: Pick<Store, 'deleteRecord'>, signature: string): Promise<void> {
  await store.deleteRecord('mappings', signature);
}
