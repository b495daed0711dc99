// @vitest-environment node
// No DOM needed; fake-indexeddb/auto gives idb the IDB* globals it checks against.
import { afterEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type Store } from '../data/store';
import { formatDay } from '../engine/dataset';
import { parsePeriod } from '../engine/periods';
import { emptyDataset } from '../engine/dataset';
import { memoryStore } from './scoring.testkit';
import { MeetingsState, publishedKey, type MeetingsStore } from './meetings.svelte';
import { isOverdue, meetingDates, parseIsoDay } from '../viewmodel/meetingRules';

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
const day = (s: string) => parseIsoDay(s);

describe('MeetingsState with the real store (fake IndexedDB)', () => {
  it('keeps meeting date, plan, status and the publication date across a reload', async () => {
    const factory = new IDBFactory();
    const first = await openStore(factory, 'meetings-test');
    opened.push(first);
    const m = new MeetingsState({ store: first });
    await m.load();
    expect(await m.update('2026Q1', 'PS1001', { meetingOn: '2026-04-07', plan: '每月复盘两次投标' })).toBeNull();
    expect(await m.update('2026Q1', 'PS1001', { status: 'in_progress' })).toBeNull();
    expect(await m.update('2026Q2', 'PS1001', { plan: '另一期间' })).toBeNull();
    expect(await m.setPublished('2026Q1', '2026-04-03')).toBeNull();
    expect(m.saveState).toBe('saved');
    first.close();
    opened.pop();

    const again = await openStore(factory, 'meetings-test');
    opened.push(again);
    const fresh = new MeetingsState({ store: again });
    await fresh.load();
    await fresh.loadPublished('2026Q1');
    const r = fresh.get('2026Q1', 'PS1001');
    expect(r).toMatchObject({ id: '2026Q1:PS1001', meetingOn: '2026-04-07', plan: '每月复盘两次投标', status: 'in_progress' });
    expect(fresh.get('2026Q2', 'PS1001').plan).toBe('另一期间');
    expect(fresh.published['2026Q1']).toBe('2026-04-03');
    expect(await again.getSetting(publishedKey('2026Q1'))).toBe('2026-04-03');
    expect(fresh.get('2026Q1', 'PS9999')).toMatchObject({ meetingOn: '', plan: '', status: 'not_started' });
  });
});

describe('MeetingsState', () => {
  it('replaces its map of meeting dates when a date changes, never for a plan or status', async () => {
    const store = memoryStore();
    const m = new MeetingsState({ store });
    await m.update('2026Q1', 'PS1001', { meetingOn: '2026-04-07' });
    const days = m.meetingDays;
    expect([...days]).toEqual([['2026Q1:PS1001', '2026-04-07']]);
    await m.update('2026Q1', 'PS1001', { plan: '每周复盘' });
    await m.update('2026Q1', 'PS1002', { plan: '另一人', status: 'in_progress' });
    await m.update('2026Q1', 'PS1001', { meetingOn: ' 2026-04-07 ' });
    expect(m.meetingDays).toBe(days);
    await m.update('2026Q1', 'PS1001', { meetingOn: '' });
    expect(m.meetingDays.size).toBe(0);
    await m.update('2026Q1', 'PS1002', { meetingOn: '2026-04-08' });
    expect([...m.meetingDays]).toEqual([['2026Q1:PS1002', '2026-04-08']]);

    const fresh = new MeetingsState({ store });
    await fresh.load();
    expect([...fresh.meetingDays]).toEqual([['2026Q1:PS1002', '2026-04-08']]);
  });

  it('refuses an unreadable date with a message in both languages and stores nothing', async () => {
    const store = memoryStore();
    const m = new MeetingsState({ store });
    const err = await m.update('2026Q1', 'PS1001', { meetingOn: '2026-02-30' });
    expect(err?.zh).toContain('2026-02-30');
    expect(err?.en).toContain('YYYY-MM-DD');
    expect(store.records.size).toBe(0);
    expect((await m.setPublished('2026Q1', 'next week'))?.zh).toContain('next week');
    expect(store.settings.size).toBe(0);
  });

  it('an empty publication date means the default day again', async () => {
    const store = memoryStore();
    const m = new MeetingsState({ store });
    const q1 = parsePeriod('2026Q1');
    const holidays = emptyDataset().holidays;
    await m.setPublished('2026Q1', '2026-04-10');
    expect(formatDay(meetingDates(q1, holidays, m.published['2026Q1']).dueOn)).toBe('2026-04-17');
    await m.setPublished('2026Q1', '');
    expect(store.settings.get(publishedKey('2026Q1'))).toBe('');
    expect(formatDay(meetingDates(q1, holidays, m.published['2026Q1']).dueOn)).toBe('2026-04-08');
  });

  it('a recorded meeting date clears the overdue flag; the due day itself is not overdue', async () => {
    const m = new MeetingsState({ store: memoryStore() }, { today: () => day('2026-04-09') });
    const due = meetingDates(parsePeriod('2026Q1'), emptyDataset().holidays, undefined).dueOn;
    expect(isOverdue(due, m.get('2026Q1', 'PS1001').meetingOn, m.today())).toBe(true);
    await m.update('2026Q1', 'PS1001', { meetingOn: '2026-04-09' });
    expect(isOverdue(due, m.get('2026Q1', 'PS1001').meetingOn, m.today())).toBe(false);
    const onDueDay = new MeetingsState({ store: null }, { today: () => due });
    expect(isOverdue(due, onDueDay.get('2026Q1', 'PS1002').meetingOn, onDueDay.today())).toBe(false);
  });

  it('skips malformed stored records; an edit made while loading builds on the stored record', async () => {
    const store = memoryStore();
    store.records.set('bad', { id: 'bad', nothing: true });
    store.records.set('2026Q1:PS1', { id: '2026Q1:PS1', periodId: '2026Q1', staff_id: 'PS1', meetingOn: 'garbage', plan: 7, status: 'weird' });
    store.records.set('2026Q1:PS2', { id: '2026Q1:PS2', periodId: '2026Q1', staff_id: 'PS2', meetingOn: '', plan: 'old', status: 'done' });
    const m = new MeetingsState({ store });
    const loading = m.load();
    const edit = m.update('2026Q1', 'PS2', { plan: 'new' });
    await loading;
    await edit;
    expect(m.records.size).toBe(2);
    expect(m.get('2026Q1', 'PS1')).toMatchObject({ meetingOn: '', plan: '', status: 'not_started' });
    expect(m.get('2026Q1', 'PS2')).toMatchObject({ plan: 'new', status: 'done' });
    expect(m.loaded).toBe(true);
    expect(store.records.get('2026Q1:PS2')).toMatchObject({ plan: 'new', status: 'done' });
  });

  it('reports a failed write and keeps the edit on screen', async () => {
    const failing: MeetingsStore = {
      ...memoryStore(),
      putRecord: async () => { throw new Error('QuotaExceededError'); },
    };
    const m = new MeetingsState({ store: failing });
    await m.update('2026Q1', 'PS1', { plan: 'x' });
    expect(m.saveState).toBe('failed');
    expect(m.error?.zh).toContain('保存失败');
    expect(m.get('2026Q1', 'PS1').plan).toBe('x');
  });
});
