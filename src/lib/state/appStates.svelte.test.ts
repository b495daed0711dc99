// The app's states made in one place (createAppState / wireStates) and the final grade every
// page reads: calibration applied from the first read after a reload (#15).
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import type { Grade } from '../engine/codes';
import type { Store } from '../data/store';
import { createAppState, loadPersisted, wireStates, type RunningApp } from './appStates.svelte';
import type { AppState } from './app.svelte';
import type { ScoringApp } from './scoring.svelte';

type RecordStore = Pick<Store, 'putRecord' | 'listRecords' | 'deleteRecord' | 'getSetting' | 'setSetting' | 'writeRecords'>;

/** The store's records (per record store) and settings, in memory: it outlives the states, as IndexedDB outlives a tab. */
function namedStore(): RecordStore {
  const stores = new Map<string, Map<string, { id: string }>>();
  const settings = new Map<string, unknown>();
  const of = (name: string) => stores.get(name) ?? stores.set(name, new Map()).get(name)!;
  return {
    putRecord: async (name, v) => { of(name).set(v.id, structuredClone(v)); },
    listRecords: async <T,>(name: string) => [...of(name).values()].map((v) => structuredClone(v)) as T[],
    deleteRecord: async (name, id) => { of(name).delete(id); },
    writeRecords: async (name, change) => {
      for (const v of change.put ?? []) of(name).set(v.id, structuredClone(v));
      for (const id of change.delete ?? []) of(name).delete(id);
    },
    getSetting: async <T,>(k: string) => structuredClone(settings.get(k)) as T | undefined,
    setSetting: async (k, v) => { settings.set(k, structuredClone(v)); },
  };
}

const dataset = metricsDataset(20);
/** The states of one tab over `store`, with what the store keeps loaded, as at the app's start. */
async function openTab(store: RecordStore) {
  const app: ScoringApp = { dataset, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true };
  const states = wireStates(app as AppState, { calibration: { session: null } });
  await loadPersisted(states);
  return states;
}

/** What a page shows: the final grade of `id`, read for the first time inside an effect. */
function firstReadOf(states: Awaited<ReturnType<typeof openTab>>, id: string) {
  let seen: { final: Grade | null; original: unknown; bonus: number | null } | undefined;
  const stop = $effect.root(() => {
    $effect(() => {
      const r = states.scoring.results.find((x) => x.staff_id === id)!;
      seen = { final: r.final_grade, original: (r as { original_grade?: unknown }).original_grade, bonus: r.bonus_amount };
    });
  });
  flushSync();
  stop();
  return seen!;
}

describe('one source of the final grade', () => {
  it('a calibrated grade is the final grade from the first read after a reload, with its bonus', async () => {
    const store = namedStore();
    const before = await openTab(store);
    const person = before.scoring.results.find((r) => r.final_grade === 'B' && r.bonus_amount !== null)!;
    const computed = firstReadOf(before, person.staff_id);
    before.calibration.setBy('hr');
    await before.calibration.calibrate({ periodId: '2026Q1', staff_id: person.staff_id, to: 'A', reason: '重大项目' }, before.scoring.computedResults);

    const after = await openTab(store);
    const shown = firstReadOf(after, person.staff_id);
    expect(shown.final).toBe('A');
    expect(shown.original).toBe('B');
    const coefficients = presetScenario('standard').bonus.coefficients;
    expect(shown.bonus! / computed.bonus!).toBeCloseTo(coefficients.A / coefficients.B, 9);
    expect(after.resultsExport.csv()).toContain(`${person.staff_id},`);
    expect(after.resultsExport.csv().split('\n').find((l) => l.includes(person.staff_id))).toContain(',A,重大项目');
  });

  it('pages of one app share one calibration: a move shows in the scored results at once', async () => {
    const states = await openTab(namedStore());
    const person = states.scoring.results.find((r) => r.final_grade === 'C')!;
    let final: Grade | null = null;
    const stop = $effect.root(() => {
      $effect(() => { final = states.scoring.results.find((r) => r.staff_id === person.staff_id)!.final_grade; });
    });
    flushSync();
    expect(final).toBe('C');
    states.calibration.setBy('hr');
    await states.calibration.calibrate({ periodId: '2026Q1', staff_id: person.staff_id, to: 'B', reason: '客户表扬' }, states.scoring.computedResults);
    flushSync();
    expect(final).toBe('B');
    stop();
  });

  it('refuses a reason that is empty or only spaces, and stores nothing', async () => {
    const store = namedStore();
    const states = await openTab(store);
    const person = states.scoring.results.find((r) => r.final_grade === 'B')!;
    states.calibration.setBy('hr');
    for (const reason of ['', '   ', '\u3000\t ']) {
      await expect(states.calibration.calibrate({ periodId: '2026Q1', staff_id: person.staff_id, to: 'A', reason }, states.scoring.computedResults))
        .rejects.toMatchObject({ code: 'reason' });
    }
    expect(await store.listRecords('calibration')).toEqual([]);
    expect(states.calibration.log).toEqual([]);
  });
});

describe('createAppState', () => {
  const running: RunningApp[] = [];
  afterEach(() => {
    while (running.length) running.pop()!.dispose();
  });

  it('loads what the store keeps beside the data before the app is ready', async () => {
    const factory = new IDBFactory();
    const states = createAppState({ deps: { generateDemoFiles: () => [] }, calibration: { session: null } });
    running.push(states);
    const atReady: boolean[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        if (states.app.ready) atReady.push(states.calibration.loaded, states.meetings.loaded);
      });
    });
    await states.start(factory);
    flushSync();
    stop();
    expect(states.app.error).toBeNull();
    expect(atReady).toEqual([true, true]);
  });

  it('makes each state once and hands the same calibration to the scoring', () => {
    const states = createAppState({ calibration: { session: null } });
    running.push(states);
    expect(new Set([states.app, states.scoring, states.calibration, states.meetings, states.peopleView]).size).toBe(5);
    expect(states.scoring.app).toBe(states.app);
  });
});
