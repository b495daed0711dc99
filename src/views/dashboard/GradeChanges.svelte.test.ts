import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import GradeChanges from './GradeChanges.svelte';
import { metricsDataset } from '../../lib/engine/metricsDataset.testkit';
import { parsePeriod } from '../../lib/engine/periods';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../../lib/state/states.testkit';
import type { ScoringState } from '../../lib/state/scoring.svelte';

let scoring: ScoringState;
let j: number;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1' }).scoring;
  j = scoring.scenario.indicators.findIndex((i) => i.id === 'win_rate');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  i18n.lang = 'zh';
});

/** Staff ids of the listed rows, top to bottom. */
const listed = () => [...(screen.queryByTestId('grade-changes')?.querySelectorAll('li') ?? [])].map((li) => li.querySelector('.id')!.textContent);
const ids = (n: number) => scoring.topGradeChanges(n).rows.map((c) => c.staff_id);
const move = (w: number) => {
  scoring.setWeight(j, w);
  flushSync();
};

describe('GradeChanges', () => {
  it('lists the first `limit` people, says how many more, and shows everybody on request', async () => {
    renderWithStates(GradeChanges, statesOf(scoring), { limit: 3 });
    expect(screen.getByText(/没有人的等级发生变化/)).toBeTruthy();
    move(200);
    const all = scoring.gradeChanges;
    expect(all.length).toBeGreaterThan(4);
    expect(listed()).toEqual(all.slice(0, 3).map((c) => c.staff_id));
    expect(screen.getByTestId('grade-changes-count').textContent).toBe(`${all.length} 人`);
    expect(screen.getByTestId('grade-changes-more').textContent).toContain(`另有 ${all.length - 3} 人未列出`);

    await fireEvent.click(screen.getByRole('button', { name: `显示全部 ${all.length} 人` }));
    flushSync();
    expect(listed()).toEqual(all.map((c) => c.staff_id));
    expect(screen.getByText('完整名单在拖动停顿后刷新。')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '只显示前 3 人' }));
    flushSync();
    expect(listed()).toEqual(all.slice(0, 3).map((c) => c.staff_id));

    i18n.lang = 'en';
    flushSync();
    expect(screen.getByTestId('grade-changes-more').textContent).toContain(`${all.length - 3} more not listed`);
    expect(screen.getByRole('button', { name: `Show all ${all.length}` })).toBeTruthy();
  });

  it('lists everybody without a "more" line when they fit', () => {
    renderWithStates(GradeChanges, statesOf(scoring), { limit: 30 });
    move(200);
    expect(listed()).toEqual(scoring.gradeChanges.map((c) => c.staff_id));
    expect(screen.queryByTestId('grade-changes-more')).toBeNull();
  });

  it('while dragging: the count follows every move, the rows at most every settleMs and within settleMs of the last move', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    renderWithStates(GradeChanges, statesOf(scoring), { limit: 3, settleMs: 150 });
    // the first move after a rest shows at once
    move(200);
    const first = ids(3);
    expect(listed()).toEqual(first);
    // 50 ms later: the count is live, the rows wait
    vi.advanceTimersByTime(50);
    move(0);
    const second = ids(3);
    expect(second).not.toEqual(first);
    expect(screen.getByTestId('grade-changes-count').textContent).toBe(`${scoring.gradeChanges.length} 人`);
    expect(listed()).toEqual(first);
    // the slider rests: the rows catch up settleMs after the last move
    vi.advanceTimersByTime(149);
    expect(listed()).toEqual(first);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(listed()).toEqual(second);

    // a long drag, one move every 40 ms: the rows refresh during it, not only at its end
    vi.advanceTimersByTime(40);
    const seen = new Set<string>();
    for (let k = 0; k < 12; k++) {
      move(40 + 15 * k);
      seen.add(listed().join());
      vi.advanceTimersByTime(40);
    }
    expect(seen.size).toBeGreaterThan(1);
    vi.advanceTimersByTime(150);
    flushSync();
    expect(listed()).toEqual(ids(3));
  });

  it('marks each re-listing for the slider benchmark, and keeps the rows of the people who stay', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const mark = vi.spyOn(performance, 'mark');
    renderWithStates(GradeChanges, statesOf(scoring), { limit: 3, settleMs: 150 });
    const relisted = () => mark.mock.calls.filter(([name]) => name === 'grade-changes-rows').length;
    const marks = relisted();
    const rowOf = () => new Map([...screen.getByTestId('grade-changes').querySelectorAll('li')].map((li) => [li.querySelector('.id')!.textContent, li]));
    move(200);
    const first = rowOf();
    expect([...first.keys()]).toEqual(ids(3));
    expect(relisted()).toBe(marks + 1);
    // a move within settleMs does not re-list; the timer settleMs after it does
    vi.advanceTimersByTime(50);
    move(190);
    expect(relisted()).toBe(marks + 1);
    vi.advanceTimersByTime(150);
    expect(relisted()).toBe(marks + 2);
    // a move settleMs after that re-lists at once, and the people still listed keep their <li>
    vi.advanceTimersByTime(150);
    move(80); // PS1010 leaves the first three, PS1017 joins (the fixture's people)
    expect(relisted()).toBe(marks + 3);
    const second = rowOf();
    expect([...second.keys()]).toEqual(ids(3));
    const stayed = [...second.keys()].filter((id) => first.has(id));
    expect(stayed.length).toBeGreaterThan(0);
    expect(stayed.length).toBeLessThan(3);
    for (const id of stayed) expect(second.get(id)).toBe(first.get(id));
  });

  it('when showing everybody, the long list refreshes once the slider rests', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    renderWithStates(GradeChanges, statesOf(scoring), { limit: 3, settleMs: 150 });
    move(200);
    await fireEvent.click(screen.getByRole('button', { name: /^显示全部/ }));
    flushSync();
    const before = scoring.gradeChanges.map((c) => c.staff_id);
    expect(listed()).toEqual(before);
    for (let k = 0; k < 5; k++) {
      vi.advanceTimersByTime(100);
      move(k % 2 ? 200 : 0);
    }
    const after = scoring.gradeChanges.map((c) => c.staff_id);
    expect(after).not.toEqual(before);
    expect(screen.getByTestId('grade-changes-count').textContent).toBe(`${after.length} 人`);
    expect(listed()).toEqual(before);
    vi.advanceTimersByTime(150);
    flushSync();
    expect(listed()).toEqual(after);
  });
});
