// A closed period (结果定版) reads its snapshot on every page that shows its results (#15):
// after a weight move that changes live grades, People, the person page, Bonus, Lists,
// Meetings, the one-page report, the team report and the export show the snapshot's grades,
// points and bonus, and mark the period as closed; the live what-if is shown apart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import BonusPage from './BonusPage.svelte';
import CalibrationPage from './CalibrationPage.svelte';
import ExportPage from './ExportPage.svelte';
import ListsPage from './ListsPage.svelte';
import MeetingsPage from './MeetingsPage.svelte';
import PeoplePage from './PeoplePage.svelte';
import PersonPage from './PersonPage.svelte';
import ReportPage from './ReportPage.svelte';
import TeamReportPage from './results/TeamReportPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { parseIsoDay } from '../lib/viewmodel/meetingRules';
import { resultsToCsvWithOverrides } from '../lib/engine/calibration';
import { serializeScenario } from '../lib/engine/scenario';
import { bonusPool } from '../lib/engine/consequences';
import { improvementList } from '../lib/viewmodel/resultLists';
import { teamParam } from '../lib/viewmodel/reportData';
import { snapshotToCsv, type PeriodSnapshot } from '../lib/engine/periodClose';
import type { PersonResult } from '../lib/engine/types';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { renderWithStates, testStates } from '../lib/state/states.testkit';
import { loadPersisted, type AppStates } from '../lib/state/appStates.svelte';
import { router } from '../lib/state/router.svelte';
import { fmtCny, fmtNum } from '../lib/format';
import { i18n } from '../lib/i18n/i18n.svelte';

installResizeObserverStub();
const period = parsePeriod('2026Q1');
let states: AppStates;
let snap: PeriodSnapshot;
/** a person whose live final grade differs from the snapshot's after the weight move */
let moved: PersonResult;
let live: PersonResult[];

/** The first one-indicator weighting that changes someone's final grade and the improvement list (the data are fixed). */
function moveWeights(): void {
  const { scoring } = states;
  const k = scoring.weights.length;
  const ids = (rs: readonly PersonResult[]) => improvementList(rs).map((l) => l.staff_id).join();
  for (let j = 0; j < k; j++) {
    scoring.setWeights(Float64Array.from({ length: k }, (_, i) => (i === j ? 100 : 0)));
    const now = scoring.computedResults;
    if (ids(now) !== ids(snap.results) && now.some((r, i) => r.final_grade !== snap.results[i].final_grade)) return;
  }
  throw new Error('no weighting changes the live grades: the test data no longer fit this test');
}

beforeEach(async () => {
  const dataset = metricsDataset(20);
  dataset.staff.salary = Float64Array.from(dataset.staff.staff_id, (_, i) => 15_000 + 1_000 * i);
  states = testStates({ dataset, periods: [period], periodId: '2026Q1', store: memoryStore() },
    { calibration: { session: null }, today: () => parseIsoDay('2026-04-09') });
  await loadPersisted(states);
  const { scoring, calibration } = states;
  calibration.setBy('王芳');
  snap = await calibration.close({
    period, scenarioId: scoring.scenarioId, scenarioText: serializeScenario(scoring.currentScenario), batches: [],
    results: calibration.applied(scoring.computedResults, scoring.currentScenario, period, dataset.staff.salary), salary: dataset.staff.salary,
  });
  moveWeights();
  live = scoring.computedResults;
  const i = live.findIndex((r, n) => r.final_grade !== snap.results[n].final_grade);
  moved = snap.results[i];
  expect(live[i].staff_id).toBe(moved.staff_id);
});
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
  router.param = null;
});

const liveOf = (id: string) => live.find((r) => r.staff_id === id)!;
const badgeIn = (el: Element | null) => el?.querySelector('.badge')?.textContent?.trim();

describe('a closed period after a weight move', () => {
  it('People shows the snapshot’s final grade and the closed banner', () => {
    const { container } = renderWithStates(PeoplePage, states);
    const row = [...container.querySelectorAll('tbody tr')].find((r) => r.querySelector('td.id')?.textContent === moved.staff_id)!;
    const cells = row.querySelectorAll('td');
    expect(badgeIn(cells[8])).toBe(moved.final_grade); // 最终等级
    expect(badgeIn(cells[8])).not.toBe(liveOf(moved.staff_id).final_grade);
    expect(cells[5].textContent).toBe(fmtNum(moved.total));
    expect(screen.getByTestId('closed-banner').textContent).toContain('2026Q1 已定版（第 1 版，王芳');
  });

  it('the person page shows the snapshot’s grade and points under the closed scenario, marked closed', async () => {
    router.go('person', moved.staff_id);
    const { container } = renderWithStates(PersonPage, states);
    expect(screen.getByTestId('person-total').textContent).toBe(fmtNum(moved.total));
    const facts = container.querySelector('.facts')!.textContent!;
    expect(facts).toMatch(new RegExp(`最终等级\\s*${moved.final_grade}`));
    const bars = [...container.querySelectorAll<HTMLElement>('ul.bars')[0].querySelectorAll('li')];
    const kept = Object.entries(moved.points).filter(([, p]) => p !== null);
    expect(bars.map((b) => b.dataset.key).sort()).toEqual(kept.map(([id]) => id).sort());
    for (const [id, p] of kept) {
      // the points column (its title is read out before the number)
      expect(bars.find((b) => b.dataset.key === id)!.querySelector('.cell[data-col="0"]')!.textContent).toMatch(new RegExp(` ${fmtNum(p!, 1)}$`));
    }
    expect(screen.getByTestId('points-closed')).toBeTruthy();
    expect(screen.getByTestId('closed-banner')).toBeTruthy();
    // The quarter trend's closed Q1 is the snapshot's total, not the live one (the trend is computed in slices).
    const trendValues = () => [...container.querySelectorAll('[data-testid="trend-chart"] text.value')].map((x) => x.textContent);
    await waitFor(() => expect(trendValues()).toContain(fmtNum(moved.total, 1)));
    const values = trendValues();
    expect(values).not.toContain(fmtNum(liveOf(moved.staff_id).total, 1));
  });

  it('Bonus pays the snapshot’s amounts under its scenario, and shows the live share as a marked what-if', async () => {
    const { scoring } = states;
    const { container } = renderWithStates(BonusPage, states);
    const row = container.querySelector(`[data-testid="bonus-table"] tr[data-staff="${moved.staff_id}"]`)!;
    expect(badgeIn(row)).toBe(moved.final_grade);
    expect(row.textContent).toContain(fmtCny(moved.bonus_amount, 'zh'));
    const closedPool = bonusPool(snap.results, scoring.app.dataset.staff.salary, scoring.baseline, period);
    const overall = [...screen.getByTestId('pool-table').querySelectorAll('tbody tr')].at(-1)!;
    expect(overall.textContent).toContain(fmtCny(closedPool.overall.total, 'zh'));
    expect(screen.queryByTestId('bonus-whatif')).toBeTruthy();

    // The what-if share changes the what-if line, never the closed figures.
    await fireEvent.change(screen.getByTestId('bonus-share'), { target: { value: '40' } });
    expect(scoring.currentScenario.bonus.bonus_share).toBe(0.4);
    expect(overall.textContent).toContain(fmtCny(closedPool.overall.total, 'zh'));
    expect(overall.textContent).toContain(fmtCny(closedPool.overall.pool, 'zh'));
    expect(screen.getByTestId('bonus-closed-values').textContent).toContain(`${scoring.baseline.bonus.bonus_share * 100}%`);
    const livePool = bonusPool(scoring.computedResults, scoring.app.dataset.staff.salary, scoring.currentScenario, period).overall;
    expect(screen.getByTestId('bonus-whatif').textContent).toContain(fmtCny(livePool.pool, 'zh'));
    expect(screen.getByTestId('bonus-inputs').textContent).toContain('模拟（不影响定版结果）');
  });

  it('Lists has the snapshot’s improvement list, not the live one', () => {
    renderWithStates(ListsPage, states);
    const shown = [...screen.getByTestId('improvement-table').querySelectorAll<HTMLElement>('tr[data-staff]')].map((r) => r.dataset.staff);
    expect(shown).toEqual(improvementList(snap.results).map((l) => l.staff_id));
    expect(shown).not.toEqual(improvementList(live).map((l) => l.staff_id));
    expect(screen.getByTestId('closed-banner')).toBeTruthy();
  });

  it('Meetings shows the snapshot’s final grade', async () => {
    const { container } = renderWithStates(MeetingsPage, states);
    await waitFor(() => expect(container.querySelector(`tr[data-staff="${moved.staff_id}"]`)).toBeTruthy());
    expect(badgeIn(container.querySelector(`tr[data-staff="${moved.staff_id}"]`))).toBe(moved.final_grade);
    expect(screen.getByTestId('closed-banner')).toBeTruthy();
  });

  it('the one-page report carries the snapshot’s grade and points', () => {
    router.go('report', moved.staff_id);
    const { container } = renderWithStates(ReportPage, states);
    expect(badgeIn(screen.getByTestId('report-final'))).toBe(moved.final_grade);
    const sheet = container.querySelector('.report-sheet')!;
    expect(sheet.textContent).toContain(fmtNum(moved.total));
    const [id, p] = Object.entries(moved.points).find(([, x]) => x !== null)!;
    expect(sheet.querySelector(`ul.bars li[data-key="${id}"] .cell[data-col="0"]`)!.textContent).toMatch(new RegExp(` ${fmtNum(p!, 1)}$`));
  });

  it('the team report carries the snapshot’s grade', () => {
    router.go('report-team', teamParam(moved.team));
    const { container } = renderWithStates(TeamReportPage, states);
    const sheet = container.querySelector(`.report-sheet[data-staff="${moved.staff_id}"]`)!;
    expect(badgeIn(sheet.querySelector('[data-testid="report-final"]'))).toBe(moved.final_grade);
  });

  it('Export previews the snapshot’s rows, not the live ones, and marks the period closed', () => {
    const { scoring } = states;
    const { container } = renderWithStates(ExportPage, states);
    const firstLines = (csv: string) => csv.replace(/^\ufeff/, '').split(/\r?\n/).slice(0, 6).join('\n');
    const shown = container.querySelector('pre.preview')!.textContent!;
    expect(shown).toBe(firstLines(snapshotToCsv(snap)));
    const salary = scoring.app.dataset.staff.salary;
    expect(shown).not.toBe(firstLines(resultsToCsvWithOverrides(scoring.computedResults, scoring.currentScenario, period, [], salary)));
    expect(screen.getByTestId('closed-banner')).toBeTruthy();
  });

  it('the calibration board counts its quotas with the snapshot’s forced distribution, not a live edit of it', () => {
    const { scoring } = states;
    const target = (band: 'S') => screen.getByTestId(`board-status-${band}`).textContent!.match(/(目标|target) (\d+)/)![2];
    renderWithStates(CalibrationPage, states);
    const closedTarget = target('S');
    cleanup();
    scoring.edit((s) => ({ ...s, forced_distribution: { ...s.forced_distribution, shares: { S: 0.3, A: 0.2, B: 0.4, CD: 0.1 } } }));
    renderWithStates(CalibrationPage, states);
    expect(target('S')).toBe(closedTarget);
    expect(Number(closedTarget)).toBeLessThan(6); // 10 % of 20, not 30 %
  });
});
