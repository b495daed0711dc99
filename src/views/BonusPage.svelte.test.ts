import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import BonusPage from './BonusPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { bonusPool } from '../lib/engine/consequences';
import { fmtCny } from '../lib/format';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  const dataset = metricsDataset(20);
  dataset.staff.salary = Float64Array.from(dataset.staff.staff_id, (_, i) => 15_000 + 1_000 * i);
  dataset.staff.salary[2] = NaN; // PS1003, 华东
  scoring = testStates({ dataset, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

const pool = () => bonusPool(scoring.results, scoring.app.dataset.staff.salary, scoring.currentScenario, scoring.period!);

describe('BonusPage', () => {
  it('shows the engine’s totals against the pool by team, and lists the person without a salary apart', () => {
    renderWithStates(BonusPage, statesOf(scoring));
    const rows = [...screen.getByTestId('pool-table').querySelectorAll<HTMLElement>('tbody tr')];
    const p = pool();
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual(['（未分组）', '华东', '华北', '合计']);
    expect(rows[1].textContent).toContain(fmtCny(p.teams[1].total, 'zh'));
    expect(rows[1].textContent).toContain(fmtCny(p.teams[1].pool, 'zh'));
    expect(rows[3].textContent).toContain(fmtCny(p.overall.total, 'zh'));
    expect(within(rows[1]).getAllByRole('cell')[1].textContent).toBe('7'); // 8 in 华东, PS1003 has no salary
    const missing = screen.getByTestId('no-salary');
    expect(missing.textContent).toContain('PS1003');
    expect(screen.getByTestId('bonus-table').querySelector('[data-staff="PS1003"]')).toBeNull();
    expect(screen.getByTestId('bonus-table').querySelectorAll('tbody tr')).toHaveLength(19);
  });

  it('edits the bonus share and a coefficient in the scenario, and refuses an invalid value with a message', async () => {
    renderWithStates(BonusPage, statesOf(scoring));
    const before = pool().overall;
    await fireEvent.change(screen.getByTestId('bonus-share'), { target: { value: '30' } });
    expect(scoring.currentScenario.bonus.bonus_share).toBe(0.3);
    expect(pool().overall.pool).toBeCloseTo(before.pool * 1.2, 2);
    expect(screen.getByTestId('pool-table').textContent).toContain(fmtCny(pool().overall.pool, 'zh'));

    await fireEvent.change(screen.getByTestId('coef-S'), { target: { value: '3' } });
    expect(scoring.currentScenario.bonus.coefficients.S).toBe(3);
    expect(scoring.dirty).toBe(true);

    await fireEvent.change(screen.getByTestId('bonus-share'), { target: { value: '150' } });
    expect(screen.getByRole('alert').textContent).toContain('150');
    expect(scoring.currentScenario.bonus.bonus_share).toBe(0.3);
  });

  it('warns when the total exceeds the pool at coefficient 1', async () => {
    renderWithStates(BonusPage, statesOf(scoring));
    for (const g of ['S', 'A', 'B', 'C', 'D']) await fireEvent.change(screen.getByTestId(`coef-${g}`), { target: { value: '2' } });
    expect(screen.getByTestId('budget-state').textContent).toContain('超出基准奖金池 100.0%');
    for (const g of ['S', 'A', 'B', 'C', 'D']) await fireEvent.change(screen.getByTestId(`coef-${g}`), { target: { value: '1' } });
    expect(screen.getByTestId('budget-state').textContent).toBe('奖金总额未超出基准奖金池。');
  });

  it('exports every person, the one without a salary as no_salary with an empty amount', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithStates(BonusPage, statesOf(scoring));
    await fireEvent.click(screen.getByText('导出 CSV'));
    const text = new TextDecoder().decode(await blobs[0].arrayBuffer());
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[3]).toMatch(/^PS1003,.*,,no_salary$/);
    const first = scoring.results[0];
    expect(lines[1].endsWith(`,${first.bonus_amount!.toFixed(2)},ok`)).toBe(true);
  });

  it('has every label in English too', () => {
    i18n.lang = 'en';
    renderWithStates(BonusPage, statesOf(scoring));
    expect(screen.getByText('Bonus total against the pool at coefficient 1, by team')).toBeTruthy();
    expect(screen.getByText('People without a salary (not counted)', { exact: false })).toBeTruthy();
  });
});
