// @vitest-environment node
// Issue #17: after an import the periods of the new data set are found in pieces before it is
// shown (loadWithPeriods.ts), not in the task that swaps it in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { AppState } from './app.svelte';
import { openStore } from '../data/store';
import { runImport } from '../data/runImport';
import { emptyDataset } from '../engine/dataset';
import { periodsInData } from '../engine/periods';
import { loadWithPeriods } from './loadWithPeriods';

vi.mock('../engine/periods', async (importOriginal) => {
  const m = await importOriginal<typeof import('../engine/periods')>();
  return { ...m, periodsInData: vi.fn(m.periodsInData) };
});

const opened: AppState[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.dispose();
});

const visits = (id: string, date: string) => new File([`staff_id,date,type,count\n${id},${date},visit,2\n`], `${id}.csv`);
const staff = new File(['staff_id,name,team,level,domain,hired_on\nPS1,张三,华东,mid,industry_solution,2020-01-01\n'], 'staff.csv');

describe('AppState periods after a reload', () => {
  it('are those found while loading: reading them runs no periodsInData over the data set', async () => {
    const app: AppState = new AppState({ importFiles: (files, opts) => runImport(files, { store: app.store!, ...opts }), generateDemoFiles: () => [] });
    opened.push(app);
    await app.init(new IDBFactory());
    await app.importFiles([staff]);
    await app.importFiles([visits('PS1', '2026-05-06')]);
    vi.mocked(periodsInData).mockClear();
    expect(app.periods.map((p) => p.id)).toEqual(['2026Q2', '2026']);
    expect(periodsInData).not.toHaveBeenCalled();
    // A data set put in place some other way (tests, no reload): found when read, as before.
    app.dataset = emptyDataset();
    expect(app.periods).toEqual([]);
    expect(periodsInData).toHaveBeenCalledOnce();
  });

  it('loadWithPeriods: the periods of the snapshot, with pauses once the budget is spent', async () => {
    const store = await openStore(new IDBFactory());
    try {
      await runImport([staff, visits('PS1', '2025-11-30')], { store });
      let now = 0, pauses = 0;
      const out = await loadWithPeriods(store, { budgetMs: 0, now: () => now++, pause: async () => { pauses++; } });
      expect(out.periods.map((p) => p.id)).toEqual(['2025Q4', '2025']);
      expect(out.periods).toEqual(vi.mocked(periodsInData).getMockImplementation()!(out.dataset));
      expect(out.batches).toHaveLength(2);
      expect(pauses).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});
