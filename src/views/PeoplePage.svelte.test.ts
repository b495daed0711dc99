import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import PeoplePage from './PeoplePage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { router } from '../lib/state/router.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
  router.go('people');
});
afterEach(() => cleanup());

const ids = (c: HTMLElement) => [...c.querySelectorAll('tbody tr td.id')].map((td) => td.textContent);

describe('PeoplePage', () => {
  it('lists everyone, best total first, with points per weighted indicator', () => {
    const { container } = renderWithStates(PeoplePage, statesOf(scoring));
    expect(container.querySelectorAll('tbody tr')).toHaveLength(20);
    const totals = [...container.querySelectorAll('tbody tr td.strong')].map((td) => Number(td.textContent));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // 11 fixed columns + 10 weighted indicators of the standard scenario
    expect(container.querySelectorAll('thead th')).toHaveLength(21);
    expect(container.querySelectorAll('tbody tr')[0].querySelectorAll('td')).toHaveLength(21);
  });

  it('sorts by a clicked column and reverses on a second click', async () => {
    const { container } = renderWithStates(PeoplePage, statesOf(scoring));
    const header = screen.getByRole('button', { name: /^工号/ });
    await fireEvent.click(header);
    flushSync();
    expect(ids(container).slice(0, 3)).toEqual(['PS1001', 'PS1002', 'PS1003']);
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(header);
    flushSync();
    expect(ids(container)[0]).toBe('PS1020');
  });

  it('filters by search text and opens a person on click', async () => {
    const { container } = renderWithStates(PeoplePage, statesOf(scoring));
    await fireEvent.input(screen.getByLabelText('搜索姓名或工号'), { target: { value: '1007' } });
    flushSync();
    // The list follows once typing paused (peopleView.svelte.ts).
    expect(ids(container)).toHaveLength(20);
    await vi.waitFor(() => expect(ids(container)).toEqual(['PS1007']));
    // The count names both: how many match, of everyone in scope.
    expect(screen.getByRole('status').textContent).toContain('符合条件 1 人（共 20 人）');
    await fireEvent.click(container.querySelector('tbody tr')!);
    expect(router.page).toBe('person');
    expect(router.param).toBe('PS1007');
  });

  it('keeps the search and the sort when the page is left and opened again (a person, then Back)', async () => {
    const first = renderWithStates(PeoplePage, statesOf(scoring));
    await fireEvent.click(screen.getByRole('button', { name: /^工号/ }));
    await fireEvent.input(screen.getByLabelText('搜索姓名或工号'), { target: { value: 'PS101' } });
    flushSync();
    first.unmount();
    await vi.waitFor(() => expect(statesOf(scoring).peopleView.search).toBe('PS101'));
    const again = renderWithStates(PeoplePage, statesOf(scoring));
    expect((screen.getByLabelText('搜索姓名或工号') as HTMLInputElement).value).toBe('PS101');
    expect(ids(again.container)).toEqual(['PS1010', 'PS1011', 'PS1012', 'PS1013', 'PS1014', 'PS1015', 'PS1016', 'PS1017', 'PS1018', 'PS1019']);
  });

  it('says so when nobody matches, and counts everyone when nothing is filtered', async () => {
    const { container } = renderWithStates(PeoplePage, statesOf(scoring));
    expect(screen.getByRole('status').textContent).toContain('显示 20 / 20 人');
    await fireEvent.input(screen.getByLabelText('搜索姓名或工号'), { target: { value: 'zzz' }});
    await fireEvent.keyDown(screen.getByLabelText('搜索姓名或工号'), { key: 'Enter' });
    flushSync();
    // The message instead of the table: an empty table squeezes its Chinese headers.
    expect(container.querySelector('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('符合条件 0 人（共 20 人）');
    expect(container.textContent).toContain('没有符合筛选或搜索条件的人员。');
  });
});

describe('PeoplePage annual view', () => {
  it('shows each person\'s quarterly final grades beside the annual one on demand', async () => {
    const { container } = renderWithStates(PeoplePage, statesOf(scoring));
    expect(screen.queryByTestId('ya-PS1001')).toBeNull();
    await fireEvent.click(screen.getByTestId('show-quarters'));
    flushSync();
    // Five periods' results are computed in slices: the page says so, then shows the columns.
    expect(screen.getByTestId('year-computing').textContent).toContain('正在计算…');
    await vi.waitFor(() => expect(container.querySelectorAll('thead th')).toHaveLength(26));
    expect(screen.queryByTestId('year-computing')).toBeNull();
    const r = scoring.results.find((x) => x.final_grade !== null)!;
    expect(screen.getByTestId(`yq-${r.staff_id}-1`).textContent!.trim()).toBe(r.final_grade);
    // No data for Q2–Q4 or the year in this data set: no grade there.
    expect(screen.getByTestId(`yq-${r.staff_id}-2`).textContent!.trim()).toBe('—');
    expect(screen.getByTestId(`ya-${r.staff_id}`).textContent!.trim()).toBe('—');
  });
});
