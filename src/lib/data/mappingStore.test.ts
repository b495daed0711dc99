import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteMapping, isMappingRecord, listMappings, saveMapping } from './mappingStore';
import { headerSignature, type ColumnMapping } from './mapping';
import { openStore, type Store } from './store';

let open: Store[] = [];
afterEach(() => { open.forEach((s) => s.close()); open = []; });
async function fresh(): Promise<Store> {
  const s = await openStore(new IDBFactory());
  open.push(s);
  return s;
}

const crm: ColumnMapping = {
  signature: headerSignature(['商机编号', '负责人', '商机阶段']), kind: 'projects',
  columns: { 商机编号: 'project_id', 负责人: 'staff_id', 商机阶段: 'status' }, values: { status: { 赢单关闭: 'won' } },
};

describe('saved mappings', () => {
  it('saves, lists, replaces by signature and deletes', async () => {
    const s = await fresh();
    expect(await listMappings(s)).toEqual([]);
    await saveMapping(s, crm, new Date('2026-03-01T00:00:00Z'));
    await saveMapping(s, { ...crm, signature: 'other', columns: { other: 'staff_id' } }, new Date('2026-03-02T00:00:00Z'));
    expect((await listMappings(s)).map((m) => m.signature)).toEqual([crm.signature, 'other']);
    await saveMapping(s, { ...crm, values: {} }, new Date('2026-03-03T00:00:00Z'));
    const list = await listMappings(s);
    expect(list.map((m) => [m.signature, m.savedAt])).toEqual([['other', '2026-03-02T00:00:00.000Z'], [crm.signature, '2026-03-03T00:00:00.000Z']]);
    expect(list[1]).toEqual({ ...crm, values: {}, savedAt: '2026-03-03T00:00:00.000Z' });
    await deleteMapping(s, 'other');
    expect((await listMappings(s)).map((m) => m.signature)).toEqual([crm.signature]);
  });

  it('skips a record that is not a usable mapping', async () => {
    const s = await fresh();
    await s.putRecord('mappings', { id: 'x', signature: 'x', kind: 'nonsense', columns: {} });
    await s.putRecord('mappings', { id: 'y', signature: 'z', kind: 'staff', columns: {} });
    expect(await listMappings(s)).toEqual([]);
  });
});

describe('isMappingRecord', () => {
  it.each([
    [{ id: 'a', signature: 'a', kind: 'staff', columns: { a: 'staff_id', b: null } }, true],
    [{ id: 'a', signature: 'a', kind: 'staff', columns: {}, values: { level: { 资深级: 'senior' } } }, true],
    [{ id: 'a', signature: 'a', kind: 'staff', columns: { a: 3 } }, false],
    [{ id: 'a', signature: 'a', kind: 'staff', columns: {}, values: { level: { x: 1 } } }, false],
    [{ id: 'a', signature: 'a', kind: 'staff' }, false],
    [null, false],
  ])('%j → %s', (r, ok) => {
    expect(isMappingRecord(r)).toBe(ok);
  });
});
