import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import CalibrationPage from './CalibrationPage.svelte';
import { ScoringState, scoringContext } from '../lib/state/scoring.svelte';
import { installResizeObserverStub, memoryStore, metricsDataset } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { calibrationFor } from '../lib/state/calibration.svelte';

installResizeObserverStub();
let scoring: ScoringState;
let store: ReturnType<typeof memoryStore>;

beforeEach(() => {
  sessionStorage.clear();
  store = memoryStore();
  scoring = new ScoringState({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true });
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

async function override(staffId: string, to: string, reason: string) {
  await fireEvent.change(screen.getByTestId('cal-person'), { target: { value: staffId } });
  await fireEvent.change(screen.getByTestId('cal-to'), { target: { value: to } });
  await fireEvent.input(screen.getByTestId('cal-reason'), { target: { value: reason } });
  await fireEvent.submit(screen.getByTestId('override-form'));
  await settle();
}

describe('CalibrationPage', () => {
  it('asks for the name first, then overrides a grade with a reason and logs it', async () => {
    render(CalibrationPage, { context: scoringContext(scoring) });
    const person = scoring.results.find((r) => r.final_grade !== null && r.final_grade !== 'S')!;
    await fireEvent.change(screen.getByTestId('cal-person'), { target: { value: person.staff_id } });
    await fireEvent.input(screen.getByTestId('cal-reason'), { target: { value: '重大项目' } });
    expect((screen.getByText('确认调整') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('cal-original').textContent).toContain(`原等级: ${person.final_grade}`);

    await fireEvent.input(screen.getByTestId('cal-by'), { target: { value: '王芳' } });
    await fireEvent.submit(screen.getByTestId('cal-by').closest('form')!);
    flushSync();
    expect(screen.getByText('记录人：王芳')).toBeTruthy();

    await override(person.staff_id, 'S', '年度最大项目中标');
    expect(screen.getByTestId('cal-status').textContent).toBe(`已记录：${person.name} ${person.final_grade} → S。`);
    const overrides = screen.getByTestId('cal-overrides').querySelectorAll('tbody tr');
    expect(overrides).toHaveLength(1);
    expect(overrides[0].textContent).toContain('年度最大项目中标');
    const log = screen.getByTestId('cal-log').querySelectorAll('tbody tr');
    expect(log).toHaveLength(1);
    expect(log[0].textContent).toContain('王芳');
    expect(log[0].textContent).toContain(person.staff_id);
    expect([...store.records.values()].map((r) => r.type).sort()).toEqual(['log', 'override']);
  });

  it('shows the engine’s refusal for a grade already in force', async () => {
    render(CalibrationPage, { context: scoringContext(scoring) });
    calibrationFor(scoring.app).setBy('hr');
    flushSync();
    const person = scoring.results.find((r) => r.final_grade !== null)!;
    await override(person.staff_id, person.final_grade!, '无变化');
    expect(screen.getByTestId('cal-error').textContent).toBe(`${person.staff_id} 的等级已是 ${person.final_grade}。`);
    expect(screen.queryByTestId('cal-log')).toBeNull();
  });

  it('exports the log and the results with the override reason column', async () => {
    const blobs = blobsOf();
    render(CalibrationPage, { context: scoringContext(scoring) });
    calibrationFor(scoring.app).setBy('hr');
    flushSync();
    const person = scoring.results.find((r) => r.final_grade === 'B' || r.final_grade === 'C')!;
    await override(person.staff_id, 'A', '客户点名表扬');
    await fireEvent.click(screen.getByTestId('cal-export-results'));
    await fireEvent.click(screen.getByTestId('cal-export-log'));
    const [results, log] = await Promise.all(blobs.map(async (b) => new TextDecoder().decode(await b.arrayBuffer()).replace(/^\ufeff/, '')));
    const lines = results.trim().split('\n');
    const header = lines[0].split(',');
    expect(header.indexOf('override_reason')).toBe(header.indexOf('final_grade') + 1);
    const cells = lines.find((l) => l.startsWith(`${person.staff_id},`))!.split(',');
    expect(cells[header.indexOf('final_grade')]).toBe('A');
    expect(cells[header.indexOf('override_reason')]).toBe('客户点名表扬');
    expect(log.split('\n')[0]).toBe('记录编号,期间,工号,原等级,调整后等级,调整原因,调整人,调整时间');
    expect(log).toContain(`,2026Q1,${person.staff_id},${person.final_grade},A,客户点名表扬,hr,`);
  });

  it('locks the period: banner, no form, changes refused', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(CalibrationPage, { context: scoringContext(scoring) });
    await settle();
    await fireEvent.click(screen.getByTestId('cal-lock'));
    await settle();
    expect(screen.getByTestId('locked-banner').textContent).toContain('期间 2026Q1 已锁定');
    expect(screen.queryByTestId('override-form')).toBeNull();
    expect(store.settings.get('calibration.locks')).toEqual(['2026Q1']);
  });
});
