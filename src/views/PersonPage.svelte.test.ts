import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import PersonPage from './PersonPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { router } from '../lib/state/router.svelte';
import { fmtNum } from '../lib/format';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => cleanup());

describe('PersonPage', () => {
  it('shows the person’s total, weakest indicator first, and metrics with units against targets', async () => {
    router.go('person', 'PS1001'); // junior, industry solution: win rate 20 against a junior target of 50
    const { container } = renderWithStates(PersonPage, statesOf(scoring));
    expect(screen.getByText('姓名PS1001')).toBeTruthy();
    expect(screen.getByTestId('person-total').textContent).toBe(fmtNum(scoring.graded!.scores.total[0]));
    const bars = [...container.querySelectorAll('ul.bars')[0].querySelectorAll('li')];
    expect(bars[0].dataset.key).toBe('innovation'); // no innovation at all: fraction 0, the weakest
    // insight_knowledge (0/2, 10/15, 0/3 → 0.22) then win_rate (20 / 50 = 0.4, tied with high_value_rate 10 / 25, scenario order)
    expect(bars.slice(1, 4).map((b) => b.dataset.key)).toEqual(['insight_knowledge', 'win_rate', 'high_value_rate']);
    const rows = [...screen.getByTestId('metric-table').querySelectorAll('tbody tr')];
    expect(rows[0].textContent).toContain('创新与改进数');
    expect(rows[0].textContent).toContain('0次');
    const win = rows[4]; // after innovation's one metric and insight_knowledge's three
    expect(win.textContent).toContain('20.0%');
    expect(win.textContent).toContain('≥ 50.0%');
    expect(win.textContent).toContain('40%');
    const sales = rows.find((r) => r.textContent!.includes('销售额贡献度'))!;
    expect(sales.textContent).toContain('60万元'); // 600 000 in the metrics file
    expect(sales.textContent).toContain('≥ 90万元'); // junior 300 000 per month × 3
    const visits = rows.find((r) => r.textContent!.includes('客户拜访次数'))!;
    expect(visits.textContent).toContain('6次');
    await vi.waitFor(() => expect(container.querySelectorAll('[data-testid="trend-chart"] circle').length).toBeGreaterThanOrEqual(1));
    expect(screen.getByText('本期间没有已决项目。')).toBeTruthy();
  });

  it('says so when the staff id is not in the period', () => {
    router.go('person', 'NOPE');
    renderWithStates(PersonPage, statesOf(scoring));
    expect(screen.getByRole('status').textContent).toContain('NOPE');
  });
});

describe('PersonPage annual view', () => {
  it('shows the year\'s quarterly final grades beside the annual one', async () => {
    router.go('person', 'PS1005');
    renderWithStates(PersonPage, statesOf(scoring));
    const r = scoring.results.find((x) => x.staff_id === 'PS1005')!;
    expect(screen.getByTestId('year-computing').textContent).toBe('正在计算…');
    const year = await screen.findByTestId('person-year');
    const badges = [...year.querySelectorAll('.kv')].map((kv) => kv.textContent!.replace(/\s+/g, ' ').trim());
    expect(badges).toHaveLength(5);
    expect(badges[0]).toBe(`Q1 ${r.final_grade}`);
    expect(badges[1]).toBe('Q2 数据不足');
    expect(badges[4]).toBe('年度等级 数据不足');
  });
});
