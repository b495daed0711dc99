import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import SchemePage from './SchemePage.svelte';
import { buildDataset, type ProjectRow } from '../lib/engine/metrics.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

// Four people; P1 wins in 金融 and loses in 制造, P2 the other way round, P3 and P4 only 能源.
const project = (id: string, staff: string, industry: string, status: 'won' | 'lost'): ProjectRow =>
  ({ project_id: id, staff_id: staff, industry, status, decided_on: '2026-02-10', role: 'lead', amount: 500_000, customer_id: `C${id}` });
const dataset = () => buildDataset({
  staff: ['P1', 'P2', 'P3', 'P4'].map((staff_id) => ({ staff_id, salary: 20_000 })),
  projects: [
    project('X1', 'P1', '金融', 'won'), project('X2', 'P1', '制造', 'lost'),
    project('X3', 'P2', '金融', 'lost'), project('X4', 'P2', '制造', 'won'),
    project('X5', 'P3', '能源', 'won'), project('X6', 'P4', '能源', 'lost'), project('X7', 'P4', '金融 ', 'won'),
  ],
});

beforeEach(() => {
  scoring = testStates({ dataset: dataset(), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: memoryStore() }).scoring;
});
afterEach(() => cleanup());

const change = async (testid: string, value: string) => {
  const input = screen.getByTestId(testid) as HTMLInputElement;
  await fireEvent.change(input, { target: { value } });
  flushSync();
  return input;
};
const winRates = () => Array.from(scoring.matrix!.values.win_rate);

describe('SchemePage', () => {
  it('lists the industries in the data and makes one strategic: the win rate changes, undo restores it', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    const section = screen.getByTestId('scheme-projects');
    expect(within(section).getAllByRole('checkbox').map((b) => b.getAttribute('data-industry'))).toEqual(['金融', '能源', '制造']);
    expect(winRates()).toEqual([50, 50, 100, 50]);
    await fireEvent.click(within(section).getByRole('checkbox', { name: /金融/ }));
    flushSync();
    expect(scoring.scenario.strategic_industries).toEqual(['金融']);
    // P1: 1.5 won of 2.5 = 60; P2: 1 of 2.5 = 40; P4: 1.5 of 2.5 = 60.
    expect(winRates()).toEqual([60, 40, 100, 60]);
    expect(scoring.dirty).toBe(true);
    scoring.history.undo();
    flushSync();
    expect(scoring.scenario.strategic_industries).toEqual([]);
    expect(winRates()).toEqual([50, 50, 100, 50]);
  });

  it('keeps a strategic industry the data lacks, and adds one by name', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    const box = screen.getByPlaceholderText('添加数据中没有的行业') as HTMLInputElement;
    await fireEvent.input(box, { target: { value: ' 航天 ' } });
    await fireEvent.submit(box.form!);
    flushSync();
    expect(scoring.scenario.strategic_industries).toEqual(['航天']);
    expect(within(screen.getByTestId('scheme-projects')).getByRole('checkbox', { name: /航天/ }).closest('label')!.textContent).toContain('数据中没有');
  });

  it('refuses a multiplier outside the scenario range and puts the box back; normalises full-width digits', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    const box = await change('multiplier', '0');
    expect(box.value).toBe('1.5');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('战略行业倍数：');
    expect(scoring.scenario.strategic_industry_multiplier).toBe(1.5);
    await change('multiplier', '２');
    expect(scoring.scenario.strategic_industry_multiplier).toBe(2);
    expect(screen.getByTestId('scheme-projects').textContent).toContain('已按 2 读取');
  });

  it.each([['-1', 'high-value-threshold'], ['1e308', 'high-value-threshold'], ['', 'role-lead'], ['abc', 'role-support'], ['NaN', 'role-lead'], ['11', 'role-support'], ['-0.5', 'multiplier']])(
    'refuses %j in %s and keeps the value in force', async (text, testid) => {
      renderWithStates(SchemePage, statesOf(scoring));
      const before = structuredClone(scoring.scenario);
      const box = await change(testid, text);
      expect(box.getAttribute('aria-invalid')).toBe('true');
      expect(scoring.scenario).toEqual(before);
      expect(scoring.history.canUndo).toBe(false);
    },
  );

  it('sets the role coefficients and the high-value threshold', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    await change('role-lead', '0.5');
    await change('high-value-threshold', '12,5');
    expect(scoring.scenario.role_coefficients).toEqual({ lead: 0.5, support: 0.2 });
    expect(scoring.scenario.high_value_threshold).toBe(12.5);
  });

  it('edits a weight delta, shows where it clamps a weight to 0, and clears it with an empty box', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    expect((screen.getByTestId('delta-domain-consulting-insight_knowledge') as HTMLInputElement).value).toBe('4');
    expect(screen.queryByTestId('clamped')).toBeNull();
    await change('delta-level-junior-innovation', '-3');
    expect(scoring.scenario.profiles.level.junior?.weights).toEqual({ innovation: -3 });
    const clamped = screen.getByTestId('clamped');
    expect(clamped.querySelectorAll('li')).toHaveLength(3);
    expect(clamped.textContent).toContain('初级 · 售前咨询：创新与改进贡献 -1.0 → 0');
    await change('delta-level-junior-innovation', '');
    expect(scoring.scenario.profiles.level.junior?.weights).toBeUndefined();
    expect(screen.queryByTestId('clamped')).toBeNull();
  });

  it('edits a metric sub-weight and refuses 0', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    await change('subweight-solution_quality-first_pass_rate', '2');
    expect(scoring.scenario.indicators.find((i) => i.id === 'solution_quality')!.metrics.map((m) => m.subweight)).toEqual([1, 2, 1]);
    expect(screen.getByTestId('scheme-subweights').textContent).toContain('50.0%');
    const box = await change('subweight-solution_quality-first_pass_rate', '0');
    expect(box.value).toBe('2');
    expect(screen.getByTestId('scheme-subweights').querySelector('[role=alert]')!.textContent).toContain('已恢复为 2');
  });

  it('turns the LTV bonus item on, sets its points, the bonus share and a coefficient', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    await fireEvent.click(screen.getByTestId('bonus-item-ltv_uplift'));
    await change('bonus-max-ltv_uplift', '5');
    await change('scheme-bonus-share', '30');
    await change('scheme-coef-S', '2');
    expect(scoring.scenario.bonus_items[0]).toMatchObject({ enabled: true, max_points: 5 });
    expect(scoring.scenario.bonus).toEqual({ bonus_share: 0.3, coefficients: { S: 2, A: 1.2, B: 1, C: 0.6, D: 0 } });
    expect(scoring.history.depth).toBe(4);
  });

  it('lists what differs from the saved scenario beside the save button, in words', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    expect(screen.queryByTestId('change-list')).toBeNull();
    await change('multiplier', '2');
    await fireEvent.click(within(screen.getByTestId('scheme-projects')).getByRole('checkbox', { name: /金融/ }));
    flushSync();
    const list = screen.getByTestId('change-list');
    expect(list.querySelector('summary')!.textContent).toContain('2 项');
    expect(Array.from(list.querySelectorAll('li'), (li) => li.textContent)).toEqual(['战略行业倍数 1.5 → 2', '战略行业 新增 金融']);
    scoring.reset();
    flushSync();
    expect(screen.queryByTestId('change-list')).toBeNull();
  });

  it('sets the promotion rule, refuses a fraction of a year, and back at the spec rule the scenario carries none', async () => {
    renderWithStates(SchemePage, statesOf(scoring));
    expect(screen.getByTestId('scheme-promotion').textContent).toContain('当前为规范默认规则');
    await fireEvent.change(screen.getByTestId('promotion-grade'), { target: { value: 'A' } });
    await change('promotion-years', '2');
    await change('promotion-tenure', '12');
    expect(scoring.scenario.promotion).toEqual({ min_grade: 'A', consecutive_periods: 2, min_tenure_months: 12 });
    const box = await change('promotion-years', '1.5');
    expect(box.value).toBe('2');
    expect(screen.getByTestId('scheme-promotion').querySelector('[role=alert]')!.textContent).toContain('promotion.consecutive_periods');
    await fireEvent.change(screen.getByTestId('promotion-grade'), { target: { value: 'B' } });
    await change('promotion-years', '1');
    await change('promotion-tenure', '0');
    expect(scoring.scenario.promotion).toBeUndefined();
  });
});
