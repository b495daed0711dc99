import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ReportPage from './ReportPage.svelte';
import TeamReportPage from './results/TeamReportPage.svelte';
import type { ScoringApp, ScoringState } from '../lib/state/scoring.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { indicatorBreakdown } from '../lib/charts/personBreakdown';
import { router } from '../lib/state/router.svelte';
import { REPORTS_PER_TASK, TEAM_REPORTS_PER_PAGE } from '../lib/viewmodel/reportData';
import { fmtNum } from '../lib/format';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';

installResizeObserverStub();
let app: ScoringApp;
let scoring: ScoringState;

beforeEach(() => {
  app = { dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() };
  scoring = testStates(app).scoring;
});
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
  router.param = null;
});

describe('ReportPage', () => {
  it('shows total, grades, the weakest three indicators, metrics against targets and the plan, in Chinese', async () => {
    await statesOf(scoring).meetings.update('2026Q1', 'PS1001', { plan: '每周参加一次投标复盘', meetingOn: '2026-04-07' });
    i18n.lang = 'en'; // the report stays Chinese unless its own language is switched
    router.param = 'PS1001';
    const { container } = renderWithStates(ReportPage, statesOf(scoring));
    const sheet = container.querySelector('.print-reports .report-sheet')!;
    expect(sheet.getAttribute('lang')).toBe('zh-CN');
    expect(sheet.textContent).toContain('个人绩效报告');
    expect(sheet.textContent).toContain('2026年第1季度');
    expect(sheet.textContent).toContain('姓名PS1001');
    const result = scoring.results.find((r) => r.staff_id === 'PS1001')!;
    expect(screen.getByTestId('report-total').textContent).toBe(fmtNum(result.total));
    expect(screen.getByTestId('report-final').textContent).toBe(result.final_grade);

    const g = scoring.graded!;
    const lines = indicatorBreakdown(g.model, g.scores, scoring.matrix!, scoring.currentScenario, 0);
    const weakest = [...screen.getByTestId('report-weakest').querySelectorAll('li')].map((li) => li.dataset.key);
    expect(weakest).toEqual(lines.filter((l) => !Number.isNaN(l.fraction)).slice(0, 3).map((l) => l.id));
    expect(weakest).toEqual(['innovation', 'insight_knowledge', 'win_rate']);
    expect(sheet.querySelectorAll('.r-metrics tbody tr')).toHaveLength(lines.reduce((s, l) => s + l.metrics.length, 0));
    expect(sheet.textContent).toContain('≥ 50.0%'); // junior win-rate target
    await waitFor(() => expect(sheet.querySelectorAll('[data-testid="trend-chart"] circle').length).toBe(1)); // only Q1 has data
    // the chart's words follow the report's language, not the UI's (English here)
    expect(sheet.querySelector('[data-testid="trend-y-title"]')!.textContent).toBe('总分（分）');
    expect([...sheet.querySelectorAll('[data-testid="bar-rows-head"] .cell')].map((e) => e.textContent)).toEqual(['得分', '达标得分']);
    await waitFor(() => expect(screen.getByTestId('report-plan').textContent).toBe('每周参加一次投标复盘'));
    expect(sheet.textContent).toContain('2026-04-07'); // meeting date on the signature line
  });

  it('switches the report to English on request', async () => {
    router.param = 'PS1002';
    const { container } = renderWithStates(ReportPage, statesOf(scoring));
    await fireEvent.change(screen.getByTestId('report-lang'), { target: { value: 'en' } });
    const sheet = container.querySelector('.report-sheet')!;
    expect(sheet.getAttribute('lang')).toBe('en');
    expect(sheet.textContent).toContain('Individual performance report');
    expect(sheet.textContent).toContain('2026 Q1');
    expect(sheet.textContent).toContain('The three weakest indicators');
    // the trend is computed in slices: wait for it
    await waitFor(() => expect(sheet.querySelector('[data-testid="trend-y-title"]')?.textContent).toBe('Total score (points)'));
  });

  it('says when a plan is needed but missing, and when the person is unknown', () => {
    const needing = scoring.results.find((r) => r.improvement_plan)!;
    router.param = needing.staff_id;
    const first = renderWithStates(ReportPage, statesOf(scoring));
    expect(first.container.textContent).toContain('需参加能力提升计划，尚未在“绩效面谈”中填写。');
    first.unmount();
    router.param = 'NOPE';
    renderWithStates(ReportPage, statesOf(scoring));
    expect(screen.getByRole('status').textContent).toContain('NOPE');
  });

  it('without a staff id offers the people to choose from', () => {
    renderWithStates(ReportPage, statesOf(scoring));
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.chooser a')].map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(20);
    expect(links[0]).toBe('#/report/PS1001');
  });
});

describe('TeamReportPage', () => {
  it('prints one sheet per team member, drawn a few per task, and can print once all are drawn', async () => {
    router.param = '华东';
    const { container } = renderWithStates(TeamReportPage, statesOf(scoring));
    const sheets = () => [...container.querySelectorAll('[data-testid="team-reports"] > .report-sheet')].map((s) => (s as HTMLElement).dataset.staff);
    const print = screen.getByRole('button', { name: '打印该团队全部报告' }) as HTMLButtonElement;
    expect(sheets()).toEqual(['PS1001', 'PS1002', 'PS1003', 'PS1004', 'PS1005'].slice(0, REPORTS_PER_TASK));
    expect(screen.getByTestId('team-reports').getAttribute('aria-busy')).toBe('true');
    expect(print.disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId('team-reports').getAttribute('aria-busy')).toBe('false'));
    expect(sheets()).toEqual(['PS1001', 'PS1002', 'PS1003', 'PS1004', 'PS1005', 'PS1006', 'PS1007', 'PS1008']);
    expect(print.disabled).toBe(false);
  });

  it('holds one page of reports of a big team, and prints that page', async () => {
    const big = testStates({ dataset: metricsDataset(60), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() }).scoring;
    const team = big.results.filter((r) => r.team === '华东').map((r) => r.staff_id).sort();
    expect(team.length).toBeGreaterThan(TEAM_REPORTS_PER_PAGE);
    router.param = '华东';
    const { container } = renderWithStates(TeamReportPage, statesOf(big));
    const shown = () => [...container.querySelectorAll('[data-testid="team-reports"] > .report-sheet')].map((s) => (s as HTMLElement).dataset.staff);
    await waitFor(() => expect(shown()).toEqual(team.slice(0, TEAM_REPORTS_PER_PAGE)));
    expect(screen.getByRole('button', { name: `打印本页 ${TEAM_REPORTS_PER_PAGE} 份报告` })).toBeTruthy();
    expect(screen.getByTestId('team-count').textContent).toContain(`共 ${team.length} 人，每页 ${TEAM_REPORTS_PER_PAGE} 份报告`);
    await fireEvent.click(within(screen.getByTestId('team-reports-pager')).getByRole('button', { name: /下一页/ }));
    expect(shown()).toEqual(team.slice(TEAM_REPORTS_PER_PAGE, TEAM_REPORTS_PER_PAGE + REPORTS_PER_TASK));
    await waitFor(() => expect(shown()).toEqual(team.slice(TEAM_REPORTS_PER_PAGE, 2 * TEAM_REPORTS_PER_PAGE)));
  });

  it('"~" stands for the people without a team; an unknown team says so', () => {
    router.param = '~';
    const first = renderWithStates(TeamReportPage, statesOf(scoring));
    expect(first.container.querySelectorAll('.report-sheet')).toHaveLength(4);
    first.unmount();
    router.param = '华南';
    renderWithStates(TeamReportPage, statesOf(scoring));
    expect(screen.getByRole('status').textContent).toContain('华南');
  });

  it('without a team offers the teams', () => {
    renderWithStates(TeamReportPage, statesOf(scoring));
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([['（未分组）', '#/report-team/~'], ['华北', `#/report-team/${encodeURIComponent('华北')}`], ['华东', `#/report-team/${encodeURIComponent('华东')}`]]);
  });
});
