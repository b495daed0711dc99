import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { strFromU8, unzipSync } from 'fflate';
import ExportPage from './ExportPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';

installResizeObserverStub();
let scoring: ScoringState;

beforeEach(() => {
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ExportPage', () => {
  it('downloads the §8 CSV with BOM for the current weights', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => { blobs.push(b); return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    scoring.setWeight(0, 30);
    renderWithStates(ExportPage, statesOf(scoring));
    expect(screen.getByTestId('export-rows').textContent).toContain('20');
    await fireEvent.click(screen.getByText('下载结果 CSV'));
    expect(click).toHaveBeenCalledTimes(1);
    const bytes = new Uint8Array(await blobs[0].arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^staff_id,name,team,level,domain,period,total,coverage,grade,forced_grade,final_grade,rank,win_rate_points/);
    expect(lines).toHaveLength(21);
    const first = scoring.results.find((r) => r.staff_id === 'PS1001')!;
    expect(lines[1].startsWith(`PS1001,姓名PS1001,华东,junior,industry_solution,2026Q1,${first.total!.toFixed(2)},`)).toBe(true);
  });

  it('downloads an .xlsx with Chinese headers under a Chinese file name, the CSV under the same name', async () => {
    const downloads: { name: string; blob: Blob }[] = [];
    let last: Blob | null = null;
    URL.createObjectURL = vi.fn((b: Blob) => { last = b; return 'blob:x'; }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { downloads.push({ name: this.download, blob: last! }); });
    renderWithStates(ExportPage, statesOf(scoring));
    await fireEvent.click(screen.getByTestId('format-xlsx'));
    await fireEvent.click(screen.getByTestId('chinese-headers'));
    await fireEvent.click(screen.getByTestId('download-results'));
    const name = `售前KPI结果-2026Q1-${scoring.currentScenario.name_zh || scoring.currentScenario.name}`;
    expect(downloads[0].name).toBe(`${name}.xlsx`);
    expect(name).not.toMatch(/_/);
    const zip = unzipSync(new Uint8Array(await downloads[0].blob.arrayBuffer()));
    expect(strFromU8(zip['xl/workbook.xml'])).toMatch(/<sheet name="结果".*<sheet name="方案"/);
    expect(strFromU8(zip['xl/worksheets/sheet1.xml'])).toContain('<t xml:space="preserve">工号</t>');
    await fireEvent.click(screen.getByTestId('format-csv'));
    await fireEvent.click(screen.getByTestId('download-results'));
    expect(downloads[1].name).toBe(`${name}.csv`);
    expect((await downloads[1].blob.text()).replace(/^\uFEFF/, '').startsWith('工号,姓名,团队,职级,方向,')).toBe(true);
  });

  it('previews the first rows', () => {
    const { container } = renderWithStates(ExportPage, statesOf(scoring));
    const pre = container.querySelector('pre.preview')!.textContent!.split('\n');
    expect(pre).toHaveLength(6);
    expect(pre[1].startsWith('PS1001,')).toBe(true);
  });
});
