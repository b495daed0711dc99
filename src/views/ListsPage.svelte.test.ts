import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ListsPage from './ListsPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';

installResizeObserverStub();
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

function state(periodId: string) {
  const dataset = metricsDataset(30);
  dataset.metrics.period = dataset.metrics.period.map(() => periodId);
  return testStates({ dataset, periods: [parsePeriod(periodId)], periodId, store: null }).scoring;
}
const ids = (testid: string) => [...screen.getByTestId(testid).querySelectorAll('tbody tr')].map((r) => (r as HTMLElement).dataset.staff);

describe('ListsPage', () => {
  it('for a quarter: says the promotion list needs a year, and lists the C/D people', () => {
    const scoring = state('2026Q1');
    renderWithStates(ListsPage, statesOf(scoring));
    expect(screen.getByTestId('promotion').textContent).toContain('晋升名单只在年度考核时产生');
    expect(screen.getByTestId('promotion').textContent).toContain('2026Q1');
    expect(screen.queryByTestId('promotion-table')).toBeNull();
    const want = scoring.results.filter((r) => r.final_grade === 'C' || r.final_grade === 'D').map((r) => r.staff_id);
    expect(want.length).toBeGreaterThan(0);
    expect(ids('improvement-table').sort()).toEqual(want.sort());
  });

  it('for a year: lists the non-senior S/A/B people and exports them', async () => {
    const scoring = state('2026');
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithStates(ListsPage, statesOf(scoring));
    const want = scoring.results.filter((r) => r.level !== 'senior' && ['S', 'A', 'B'].includes(r.final_grade ?? '')).map((r) => r.staff_id);
    expect(want.length).toBeGreaterThan(0);
    expect(ids('promotion-table').sort()).toEqual([...want].sort());
    await fireEvent.click(screen.getAllByText('导出 CSV')[0]);
    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines[0]).toBe('staff_id,name,team,level,domain,period,total,final_grade');
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...want].sort());
    expect(lines.slice(1).every((l) => l.split(',')[5] === '2026')).toBe(true);
  });

  it('has its labels in English', () => {
    i18n.lang = 'en';
    renderWithStates(ListsPage, statesOf(state('2026Q1')));
    expect(screen.getByTestId('promotion').textContent).toContain('The promotion list exists only for an annual period');
    expect(screen.getByText('Needing the improvement plan', { exact: false })).toBeTruthy();
  });
});
