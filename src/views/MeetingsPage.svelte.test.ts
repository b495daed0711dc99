import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import MeetingsPage from './MeetingsPage.svelte';
import type { ScoringApp, ScoringState } from '../lib/state/scoring.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { publishedKey, type MeetingsStore } from '../lib/state/meetings.svelte';
import { loadPersisted } from '../lib/state/appStates.svelte';
import { parsePeriod } from '../lib/engine/periods';
import { parseIsoDay } from '../lib/viewmodel/meetingRules';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';

// Counts how often the page builds its lines (the real function runs): typing a plan must not.
const built = vi.hoisted(() => ({ lines: 0 }));
vi.mock('../lib/viewmodel/meetingRules', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/viewmodel/meetingRules')>();
  return { ...real, meetingLines: (...args: Parameters<typeof real.meetingLines>) => { built.lines++; return real.meetingLines(...args); } };
});

installResizeObserverStub();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

/** The store's record and setting methods, per object store, in memory (survives a "reload"). */
function namedStore() {
  const stores = new Map<string, Map<string, { id: string } & Record<string, unknown>>>();
  const settings = new Map<string, unknown>();
  const of = (name: string) => stores.get(name) ?? stores.set(name, new Map()).get(name)!;
  const store: MeetingsStore & ScoringApp['store'] = {
    putRecord: async (name, v) => { of(name).set(v.id, structuredClone(v)); },
    listRecords: async <T,>(name: string) => [...of(name).values()].map((v) => structuredClone(v)) as T[],
    deleteRecord: async (name, id) => { of(name).delete(id); },
    getSetting: async <T,>(k: string) => settings.get(k) as T | undefined,
    setSetting: async (k, v) => { settings.set(k, v); },
  };
  return { store, meetings: of('meetings'), settings };
}

const today = () => parseIsoDay('2026-04-09');
/**
 * A fresh app over `store`, as after a page reload (what the store keeps loaded at start, as
 * createAppState does); today is 2026-04-09, the day after the default due day.
 */
async function open(store: MeetingsStore & ScoringApp['store']) {
  const app: ScoringApp = { dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store };
  const states = testStates(app, { today });
  await loadPersisted(states);
  return renderWithStates(MeetingsPage, states);
}
const row = (container: HTMLElement, id: string) => container.querySelector<HTMLTableRowElement>(`tr[data-staff="${id}"]`)!;
const field = <T extends Element>(tr: HTMLElement, name: string) => tr.querySelector<T & HTMLElement>(`[data-field="${name}"]`)!;

describe('MeetingsPage', () => {
  it('shows the default dates, highlights everyone overdue, and records a meeting, plan and status', async () => {
    const { store, meetings } = namedStore();
    const { container } = await open(store);
    await waitFor(() => expect(screen.getByTestId('due-on').textContent).toBe('2026-04-08'));
    expect((screen.getByTestId('published-on') as HTMLInputElement).value).toBe('2026-04-01');
    expect(screen.getByTestId('overdue-count').textContent).toBe('逾期未面谈：20 人');
    const tr = row(container, 'PS1001');
    expect(tr.classList.contains('overdue')).toBe(true);
    expect(tr.textContent).toContain('已逾期');

    await fireEvent.change(field(tr, 'meetingOn'), { target: { value: '2026-04-07' } });
    await fireEvent.input(field(tr, 'plan'), { target: { value: '投标复盘：每月两次' } });
    await fireEvent.change(field(tr, 'status'), { target: { value: 'in_progress' } });
    await waitFor(() => expect(meetings.get('2026Q1:PS1001')).toMatchObject({
      periodId: '2026Q1', staff_id: 'PS1001', meetingOn: '2026-04-07', plan: '投标复盘：每月两次', status: 'in_progress',
    }));
    expect(row(container, 'PS1001').classList.contains('overdue')).toBe(false);
    expect(screen.getByTestId('overdue-count').textContent).toBe('逾期未面谈：19 人');
    expect(screen.getByTestId('save-state').textContent!.trim()).toBe('已保存');
  });

  it('stores each key typed into a plan without building the list of lines again; a meeting date does', async () => {
    const { store, meetings } = namedStore();
    const { container } = await open(store);
    await waitFor(() => expect(row(container, 'PS1004')).not.toBeNull());
    const before = built.lines;
    const plan = field<HTMLTextAreaElement>(row(container, 'PS1004'), 'plan');
    for (const text of ['每', '每周', '每周复盘']) await fireEvent.input(plan, { target: { value: text } });
    await waitFor(() => expect(meetings.get('2026Q1:PS1004')?.plan).toBe('每周复盘'));
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
    expect(built.lines).toBe(before);
    expect(field<HTMLTextAreaElement>(row(container, 'PS1004'), 'plan').value).toBe('每周复盘');

    await fireEvent.change(field(row(container, 'PS1004'), 'meetingOn'), { target: { value: '2026-04-07' } });
    await waitFor(() => expect(screen.getByTestId('overdue-count').textContent).toBe('逾期未面谈：19 人'));
    expect(built.lines).toBeGreaterThan(before);
    expect(field<HTMLTextAreaElement>(row(container, 'PS1004'), 'plan').value).toBe('每周复盘');
  });

  it('moves the due date with the publication date and keeps it per period', async () => {
    const { store, settings } = namedStore();
    await open(store);
    await fireEvent.change(await screen.findByTestId('published-on'), { target: { value: '2026-04-10' } });
    await waitFor(() => expect(screen.getByTestId('due-on').textContent).toBe('2026-04-17'));
    expect(settings.get(publishedKey('2026Q1'))).toBe('2026-04-10');
    expect(screen.getByTestId('overdue-count').textContent).toBe('逾期未面谈：0 人');
    await fireEvent.click(screen.getByText('恢复默认'));
    await waitFor(() => expect(screen.getByTestId('due-on').textContent).toBe('2026-04-08'));
  });

  it('loses nothing on reload', async () => {
    const { store } = namedStore();
    const first = await open(store);
    const tr = row(first.container, 'PS1002');
    await fireEvent.change(field(tr, 'meetingOn'), { target: { value: '2026-04-08' } });
    await fireEvent.input(field(tr, 'plan'), { target: { value: '方案评审前自查' } });
    await fireEvent.change(field(tr, 'status'), { target: { value: 'done' } });
    await fireEvent.change(screen.getByTestId('published-on'), { target: { value: '2026-04-02' } });
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'));
    first.unmount();

    const { container } = await open(store);
    await waitFor(() => expect(field<HTMLTextAreaElement>(row(container, 'PS1002'), 'plan').value).toBe('方案评审前自查'));
    const again = row(container, 'PS1002');
    expect(field<HTMLInputElement>(again, 'meetingOn').value).toBe('2026-04-08');
    expect(field<HTMLSelectElement>(again, 'status').value).toBe('done');
    await waitFor(() => expect((screen.getByTestId('published-on') as HTMLInputElement).value).toBe('2026-04-02'));
    expect(screen.getByTestId('due-on').textContent).toBe('2026-04-09');
  });

  it('filters the overdue and exports every row with its dates', async () => {
    const { store } = namedStore();
    const { container } = await open(store);
    await fireEvent.change(field(row(container, 'PS1003'), 'meetingOn'), { target: { value: '2026-04-03' } });
    await fireEvent.click(screen.getByTestId('only-overdue'));
    expect(row(container, 'PS1003')).toBeNull();
    expect(container.querySelectorAll('tbody tr')).toHaveLength(19);

    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await fireEvent.click(screen.getByText('导出 CSV'));
    const lines = new TextDecoder().decode(await blobs[0].arrayBuffer()).replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('staff_id,name,team,period,final_grade,improvement_plan_needed,published_on,due_on,meeting_on,overdue,status,plan');
    expect(lines).toHaveLength(21); // the export is not filtered
    expect(lines[3]).toMatch(/^PS1003,姓名PS1003,华东,2026Q1,[SABCD],(true|false),2026-04-01,2026-04-08,2026-04-03,false,not_started,$/);
    expect(lines[1]).toContain(',2026-04-08,,true,not_started,');
  });

  it('has its labels in English', async () => {
    i18n.lang = 'en';
    await open(namedStore().store);
    expect(await screen.findByText('Overdue, no meeting yet: 20')).toBeTruthy();
    expect(screen.getAllByRole('option', { name: 'In progress' }).length).toBe(20);
  });

  it('warns when the holidays file does not reach the due date (none in the test data), and names the year to import', async () => {
    const { store } = namedStore();
    await open(store);
    const warn = await screen.findByTestId('calendar-short');
    expect(warn.textContent).toContain('还没有导入节假日文件');
    cleanup();
    // A holidays file with one row on `last`: the dates after it skip no holiday.
    const withCalendarTo = (last: string) => {
      const dataset = { ...metricsDataset(20), holidays: { length: 1, date: Float64Array.of(parseIsoDay(last)), kind: Float64Array.of(0) } };
      const app: ScoringApp = { dataset, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store };
      renderWithStates(MeetingsPage, testStates(app, { today }));
    };
    // It ends before the 2026Q1 due date (2026-04-08).
    withCalendarTo('2026-04-03');
    const short = await screen.findByTestId('calendar-short');
    expect(short.textContent).toContain('节假日文件只列到 2026-04-03');
    expect(short.textContent).toContain('包含 2026 年');
    cleanup();
    withCalendarTo('2026-12-31');
    await screen.findByTestId('due-on');
    expect(screen.queryByTestId('calendar-short')).toBeNull();
  });
});
