// Issue #19: at thousands of staff the pages that list people hold one page of rows in the
// DOM (opening Meetings with 9,758 rows took 16–26 s); the pager reaches every row.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import MeetingsPage from './MeetingsPage.svelte';
import BonusPage from './BonusPage.svelte';
import PeoplePage from './PeoplePage.svelte';
import ExportPage from './ExportPage.svelte';
import type { ScoringApp } from '../lib/state/scoring.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { DEFAULT_PAGE_SIZE } from '../lib/ui/paging';

installResizeObserverStub();
afterEach(() => cleanup());

const STAFF = 450;
const dataset = metricsDataset(STAFF);
const scoringOf = (extra: Partial<ScoringApp> = {}) =>
  testStates({ dataset, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null, ...extra }).scoring;

describe.each([
  ['Meetings', MeetingsPage as Component, 'meetings-table', 'meetings-pager', 50],
  ['Bonus', BonusPage as Component, 'bonus-table', 'bonus-pager', DEFAULT_PAGE_SIZE],
  ['People', PeoplePage as Component, null, 'people-pager', DEFAULT_PAGE_SIZE],
])(`%s page with ${STAFF} staff`, (_name, page, tableId, pagerId, size) => {
  it(`holds one page of rows and pages through the rest`, { timeout: 60_000 }, async () => {
    const scoring = scoringOf();
    const { container } = renderWithStates(page, statesOf(scoring));
    const table = tableId ? screen.getByTestId(tableId) : container.querySelector('table')!;
    const ids = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent!.trim());
    const first = ids();
    expect(first).toHaveLength(size);
    const total = Number(screen.getByTestId(`${pagerId}-rows`).textContent!.match(/共 ([\d,]+) 条/)![1].replace(/,/g, ''));
    expect(total).toBeGreaterThan(2 * size);
    await fireEvent.click(screen.getByTestId(`${pagerId}-next`));
    const second = ids();
    expect(second).toHaveLength(size);
    expect(second.some((id) => first.includes(id))).toBe(false);
    await fireEvent.change(screen.getByTestId(`${pagerId}-page`), { target: { value: String(Math.ceil(total / size)) } });
    expect(ids()).toHaveLength(total - (Math.ceil(total / size) - 1) * size);
  });
});

describe('Export page while the stored data changed and is not loaded yet', () => {
  it('says so and offers no download of the data before', () => {
    renderWithStates(ExportPage, statesOf(scoringOf({ dataPending: true })));
    expect(screen.getByTestId('export-pending').textContent).toContain('正在按新数据重新计算');
    expect(screen.queryByTestId('download-results')).toBeNull();
    expect(screen.queryByTestId('export-rows')).toBeNull();
  });

  it('offers the download once the data is loaded', () => {
    renderWithStates(ExportPage, statesOf(scoringOf({ dataPending: false })));
    expect(screen.queryByTestId('export-pending')).toBeNull();
    expect(screen.getByTestId('download-results')).toBeTruthy();
  });
});
