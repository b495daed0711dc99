import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { strFromU8, unzipSync } from 'fflate';
import CalibrationPage from './CalibrationPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { loadPersisted } from '../lib/state/appStates.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;
let store: ReturnType<typeof memoryStore>;

beforeEach(async () => {
  sessionStorage.clear();
  store = memoryStore();
  const states = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true });
  await loadPersisted(states);
  scoring = states.scoring;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
};
const blobsOf = () => {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return blobs;
};

const card = (staffId: string) => screen.getByTestId('cal-board').querySelector<HTMLElement>(`[data-staff="${staffId}"]`)!;
const count = (g: string) => Number(screen.getByTestId(`board-count-${g}`).textContent!.match(/\d+/)![0]);
const gradeOf = (staffId: string) => scoring.results.find((r) => r.staff_id === staffId)!.final_grade;

async function named(name = 'hr') {
  await fireEvent.input(screen.getByTestId('cal-by'), { target: { value: name } });
  await fireEvent.submit(screen.getByTestId('cal-by').closest('form')!);
  flushSync();
}
async function giveReason(reason: string) {
  await fireEvent.input(screen.getByTestId('board-reason'), { target: { value: reason } });
  await fireEvent.submit(screen.getByTestId('board-move'));
  await settle();
}
/** a person graded B: the middle column, so both arrows move them */
const middle = () => scoring.results.find((r) => r.final_grade === 'B')!;

describe('CalibrationPage board', () => {
  it('moves a person by keyboard with a reason: counts, band line, log and store follow', async () => {
    renderWithStates(CalibrationPage, statesOf(scoring));
    await settle();
    const p = middle();
    const [a, b] = [count('A'), count('B')];
    await fireEvent.keyDown(card(p.staff_id), { key: 'a' });
    expect(screen.queryByTestId('board-move')).toBeNull(); // no name yet: nothing moves
    await named('王芳');
    await fireEvent.keyDown(card(p.staff_id), { key: 'ArrowLeft' });
    expect(screen.getByTestId('board-move').textContent).toContain(`${p.name}：B → A`);
    expect((screen.getByTestId('board-apply') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('board-reason'), { target: { value: '   ' } });
    expect((screen.getByTestId('board-apply') as HTMLButtonElement).disabled).toBe(true);
    await giveReason('年度最大项目中标');
    expect(gradeOf(p.staff_id)).toBe('A');
    expect([count('A'), count('B')]).toEqual([a + 1, b - 1]);
    expect(screen.getByTestId('board-status-A').textContent).toContain(`A：${a + 1} 人`);
    expect(card(p.staff_id).closest('[data-testid="board-col-A"]')).not.toBeNull();
    expect(card(p.staff_id).textContent).toContain('B → A');
    expect(document.activeElement).toBe(card(p.staff_id)); // focus follows the card into its new column
    const log = screen.getByTestId('cal-log').querySelectorAll('tbody tr');
    expect(log).toHaveLength(1);
    expect(log[0].textContent).toContain('王芳');
    expect(log[0].textContent).toContain('年度最大项目中标');
    expect([...store.records.values()].map((r) => r.type).sort()).toEqual(['log', 'override']);
  });

  it('moves a person by drag and drop, then undoes the move (both logged)', async () => {
    renderWithStates(CalibrationPage, statesOf(scoring));
    await settle();
    await named();
    const p = middle();
    const c = count('C');
    const data = new Map<string, string>();
    const dataTransfer = { setData: (k: string, v: string) => void data.set(k, v), getData: (k: string) => data.get(k) ?? '', effectAllowed: 'all' };
    await fireEvent.dragStart(card(p.staff_id), { dataTransfer });
    await fireEvent.dragOver(screen.getByTestId('board-col-C'), { dataTransfer });
    await fireEvent.drop(screen.getByTestId('board-col-C'), { dataTransfer });
    expect(screen.getByTestId('board-move').textContent).toContain('B → C');
    await giveReason('交付延误');
    expect(gradeOf(p.staff_id)).toBe('C');
    expect(count('C')).toBe(c + 1);
    await fireEvent.click(screen.getByTestId('board-undo'));
    await settle();
    expect(gradeOf(p.staff_id)).toBe('B');
    expect(count('C')).toBe(c);
    const log = screen.getByTestId('cal-log').querySelectorAll('tbody tr');
    expect(log).toHaveLength(2);
    expect(log[0].textContent).toContain('撤销上一步（原理由：交付延误）');
    expect((screen.getByTestId('board-undo') as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters by team and level; the quotas follow the group shown', async () => {
    renderWithStates(CalibrationPage, statesOf(scoring));
    await settle();
    const all = (['S', 'A', 'B', 'C', 'D'] as const).reduce((n, g) => n + count(g), 0);
    await fireEvent.change(screen.getByTestId('board-team'), { target: { value: '华东' } });
    const east = (['S', 'A', 'B', 'C', 'D'] as const).reduce((n, g) => n + count(g), 0);
    expect(east).toBe(scoring.results.filter((r) => r.team === '华东' && r.final_grade !== null).length);
    expect(east).toBeLessThan(all);
    await fireEvent.change(screen.getByTestId('board-level'), { target: { value: 'senior' } });
    const cards = [...screen.getByTestId('cal-board').querySelectorAll<HTMLElement>('[data-staff]')].map((e) => e.dataset.staff);
    expect(cards.sort()).toEqual(scoring.results.filter((r) => r.team === '华东' && r.level === 'senior' && r.final_grade !== null).map((r) => r.staff_id).sort());
  });

  it('exports the log and the results with the override reason column', async () => {
    const blobs = blobsOf();
    renderWithStates(CalibrationPage, statesOf(scoring));
    await settle();
    await named();
    const p = middle();
    await fireEvent.keyDown(card(p.staff_id), { key: 'a' });
    await giveReason('客户点名表扬');
    await fireEvent.click(screen.getByTestId('cal-export-results'));
    await fireEvent.click(screen.getByTestId('cal-export-log'));
    const [results, log] = await Promise.all(blobs.map(async (b) => new TextDecoder().decode(await b.arrayBuffer()).replace(/^\ufeff/, '')));
    const lines = results.trim().split('\n');
    const header = lines[0].split(',');
    expect(header.indexOf('override_reason')).toBe(header.indexOf('final_grade') + 1);
    const cells = lines.find((l) => l.startsWith(`${p.staff_id},`))!.split(',');
    expect(cells[header.indexOf('final_grade')]).toBe('A');
    expect(cells[header.indexOf('override_reason')]).toBe('客户点名表扬');
    expect(log.split('\n')[0]).toBe('记录编号,期间,工号,原等级,调整后等级,调整原因,调整人,调整时间');
    expect(log).toContain(`,2026Q1,${p.staff_id},B,A,客户点名表扬,hr,`);
    // The same log as a workbook: one sheet, the same header and the reason as text cells.
    await fireEvent.click(screen.getByTestId('cal-export-log-xlsx'));
    const zip = unzipSync(new Uint8Array(await blobs[2].arrayBuffer()));
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']);
    for (const text of ['记录编号', '调整原因', p.staff_id, '客户点名表扬']) expect(sheet).toContain(`>${text}</t>`);
  });
});

describe('CalibrationPage period close', () => {
  it('closes: banner, board frozen, v1 listed; reopen needs a reason; closing again gives v2, both exportable', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const blobs = blobsOf();
    renderWithStates(CalibrationPage, statesOf(scoring));
    await settle();
    await named('王芳');
    const p = middle();
    await fireEvent.keyDown(card(p.staff_id), { key: 'a' });
    await giveReason('大单');
    await fireEvent.click(screen.getByTestId('cal-close'));
    await settle();
    expect(screen.getByTestId('locked-banner').textContent).toContain('2026Q1 已定版（第 1 版，王芳');
    await fireEvent.keyDown(card(p.staff_id), { key: 'b' });
    expect(screen.queryByTestId('board-move')).toBeNull();
    expect(screen.queryByTestId('cal-close')).toBeNull();
    expect(screen.getByTestId('cal-versions').querySelectorAll('tbody tr')).toHaveLength(1);

    expect((screen.getByTestId('cal-reopen') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('reopen-reason'), { target: { value: '  ' } });
    expect((screen.getByTestId('cal-reopen') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('reopen-reason'), { target: { value: '补录 3 月商机' } });
    await fireEvent.submit(screen.getByTestId('reopen-form'));
    await settle();
    expect(screen.queryByTestId('locked-banner')).toBeNull();
    await fireEvent.keyDown(card(p.staff_id), { key: 'b' });
    await giveReason('复核后恢复');
    await fireEvent.click(screen.getByTestId('cal-close'));
    await settle();
    const rows = screen.getByTestId('cal-versions').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('补录 3 月商机');
    await fireEvent.click(screen.getByTestId('export-v1'));
    await fireEvent.click(screen.getByTestId('export-v2'));
    const [v1, v2] = await Promise.all(blobs.map(async (b) => new TextDecoder().decode(await b.arrayBuffer())));
    expect(v1).toContain('override_reason');
    expect(v1.split('\n').find((l) => l.startsWith(`${p.staff_id},`))).toContain(',A,大单,');
    expect(v2).not.toContain('override_reason');
  });
});

describe('CalibrationPage after new data', () => {
  it('says the data changed since closing; the closed results and export stay', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const blobs = blobsOf();
    const batches = [{ id: 'b1', fileName: 'metrics.csv', kind: 'metrics', contentHash: 'h1' }];
    const app = { dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true, batches };
    const first = testStates(app);
    await loadPersisted(first);
    renderWithStates(CalibrationPage, first);
    await settle();
    await named();
    await fireEvent.click(screen.getByTestId('cal-close'));
    await settle();
    expect(screen.queryByTestId('data-changed')).toBeNull();
    await fireEvent.click(screen.getByTestId('cal-export-results'));
    cleanup();

    // The same store opened again after one more file was imported.
    const laterStates = testStates({ ...app, dataset: metricsDataset(21), batches: [...batches, { id: 'b2', fileName: 'more.csv', kind: 'metrics', contentHash: 'h2' }] });
    await loadPersisted(laterStates);
    const later = laterStates.scoring;
    renderWithStates(CalibrationPage, laterStates);
    await settle();
    expect(screen.getByTestId('data-changed').textContent).toContain('定版后数据已变化');
    expect(screen.getByTestId('locked-banner')).toBeTruthy();
    expect(later.results).toHaveLength(20);
    await fireEvent.click(screen.getByTestId('cal-export-results'));
    const [before, after] = await Promise.all(blobs.map(async (b) => new TextDecoder().decode(await b.arrayBuffer())));
    expect(after).toBe(before);
  });
});
