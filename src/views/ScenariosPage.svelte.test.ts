import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import ScenariosPage from './ScenariosPage.svelte';
import { metricsDataset } from '../lib/engine/metricsDataset.testkit';
import { installResizeObserverStub, memoryStore } from '../lib/state/scoring.testkit';
import { parsePeriod } from '../lib/engine/periods';
import { decodeShareLink } from '../lib/engine/shareLink';
import { serializeScenario } from '../lib/engine/scenario';
import { presetScenario } from '../lib/engine/presets';
import { i18n } from '../lib/i18n/i18n.svelte';
import { renderWithStates, statesOf, testStates } from '../lib/state/states.testkit';
import type { ScoringState } from '../lib/state/scoring.svelte';
import { moveShare } from '../lib/state/shareSlider';

installResizeObserverStub();
let scoring: ScoringState;
let store: ReturnType<typeof memoryStore>;

beforeEach(() => {
  store = memoryStore();
  scoring = testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true }).scoring;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
};
const row = (id: string) => screen.getByTestId('scenario-list').querySelector(`tr[data-id="${id}"]`)!;
const rowByName = (name: string) => [...screen.getByTestId('scenario-list').querySelectorAll('tbody tr')].find((tr) => tr.querySelector('strong')?.textContent === name);
const pickFile = async (name: string, text: string) => {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
  await settle();
};

describe('ScenariosPage', () => {
  it('lists the built-in scenarios as read-only', () => {
    renderWithStates(ScenariosPage, statesOf(scoring));
    const rows = screen.getByTestId('scenario-list').querySelectorAll('tbody tr');
    expect(rows).toHaveLength(5);
    expect(row('standard').textContent).toContain('使用中');
    expect(row('standard').textContent).not.toContain('删除');
  });

  it('saves the current edits with a name and a note, selected and stored', async () => {
    // Win rate at 25 of 107 is outside its 15–20 % band: the question is answered yes (its own tests follow).
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    scoring.setWeight(0, 25);
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.input(screen.getByTestId('save-name'), { target: { value: '华东试点' } });
    await fireEvent.input(screen.getByTestId('save-note'), { target: { value: '中标率权重提高到 25' } });
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    expect(screen.getByTestId('scenarios-status').textContent).toBe('已保存为“华东试点”。');
    expect(store.records.size).toBe(1);
    const saved = [...store.records.values()][0] as unknown as { text: string; savedAt: string };
    expect(JSON.parse(saved.text)).toMatchObject({ name: '华东试点', note: '中标率权重提高到 25' });
    expect(JSON.parse(saved.text).indicators[0].weight).toBe(25);
    const tr = rowByName('华东试点')!;
    expect(tr.textContent).toContain('中标率权重提高到 25');
    expect(tr.textContent).toContain('使用中');
    expect(scoring.dirty).toBe(false);
    // Saved at: written as on the Data page, whatever the language.
    expect(tr.textContent).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });

  it('shows each saved scenario’s time from the state, without reading the store on opening', async () => {
    const savedAt = new Date(2026, 10, 27, 10, 42).toISOString();
    store.records.set('user-old', { id: 'user-old', text: serializeScenario({ ...presetScenario('standard'), name: '旧方案', name_zh: '旧方案' }), savedAt });
    await scoring.loadSaved();
    const reads = vi.spyOn(store, 'listRecords');
    renderWithStates(ScenariosPage, statesOf(scoring));
    await settle();
    expect(reads).not.toHaveBeenCalled();
    expect(row('user-old').textContent).toContain('2026-11-27 10:42');
  });

  it('shows a built-in scenario’s note in the UI language only; a saved note replaces both', async () => {
    renderWithStates(ScenariosPage, statesOf(scoring));
    expect(row('balanced').textContent).toContain('种子文章 FAQ Q1');
    expect(row('balanced').textContent).not.toContain('Seed FAQ');
    i18n.lang = 'en';
    flushSync();
    expect(row('balanced').textContent).toContain('Seed FAQ Q1');
    expect(row('balanced').textContent).not.toContain('种子文章');
    i18n.lang = 'zh';
    scoring.select('balanced');
    await fireEvent.input(screen.getByTestId('save-name'), { target: { value: '我的平衡' } });
    await fireEvent.input(screen.getByTestId('save-note'), { target: { value: '只改了名字' } });
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    const saved = JSON.parse(([...store.records.values()][0] as unknown as { text: string }).text);
    expect(saved.note).toBe('只改了名字');
    expect(saved.note_zh).toBeUndefined();
    expect(rowByName('我的平衡')!.textContent).toContain('只改了名字');
  });

  it('saving shares outside the seed bands asks first, naming them, as the Weights page does; no saves nothing', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    scoring.setWeights(moveShare(scoring.weights, 0, 40, Array.from(scoring.weights, () => false)));
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.input(screen.getByTestId('save-name'), { target: { value: '冲刺' } });
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0][0]).toContain('项目中标率 占比 40%（建议 15–20%）');
    expect(ask.mock.calls[0][0]).toContain('仍要保存吗');
    expect(store.records.size).toBe(0);
    expect(screen.queryByTestId('scenarios-status')).toBeNull();
    expect(scoring.dirty).toBe(true);
    ask.mockReturnValue(true);
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    expect(store.records.size).toBe(1);
    expect(screen.getByTestId('scenarios-status').textContent).toBe('已保存为“冲刺”。');
  });

  it('“save changes” to a saved scenario asks the same question; shares in band ask nothing', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.input(screen.getByTestId('save-name'), { target: { value: '基线' } });
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    expect(ask).not.toHaveBeenCalled();
    expect(store.records.size).toBe(1);
    scoring.setWeights(moveShare(scoring.weights, 0, 40, Array.from(scoring.weights, () => false)));
    flushSync();
    ask.mockReturnValue(false);
    await fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await settle();
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0][0]).toContain('项目中标率');
    expect(scoring.dirty).toBe(true);
    ask.mockReturnValue(true);
    await fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await settle();
    expect(scoring.dirty).toBe(false);
    const saved = JSON.parse(([...store.records.values()][0] as unknown as { text: string }).text);
    expect(saved.indicators[0].weight / saved.indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBeCloseTo(0.4, 9);
  });

  it('a scheme with every weight 0 is refused with the reason, asking nothing', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(true);
    scoring.setWeights(new Float64Array(scoring.weights.length));
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.input(screen.getByTestId('save-name'), { target: { value: '全零' } });
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    await settle();
    expect(ask).not.toHaveBeenCalled();
    expect(store.records.size).toBe(0);
    expect(screen.getByTestId('scenarios-error').textContent).toContain('不能保存');
  });

  it('refuses to save without a name', async () => {
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.submit(screen.getByTestId('save-name').closest('form')!);
    expect(screen.getByTestId('scenarios-error').textContent).toBe('请填写方案名称。');
    expect(store.records.size).toBe(0);
  });

  it('duplicates, renames and deletes', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.click([...row('balanced').querySelectorAll('button')].find((b) => b.textContent === '复制')!);
    await settle();
    const balanced = scoring.choices.find((c) => c.id === 'balanced')!.scenario;
    const copyName = `${balanced.name_zh || balanced.name}（副本）`;
    const copy = rowByName(copyName)!;
    expect(copy).toBeTruthy();
    const id = copy.getAttribute('data-id')!;
    expect(store.records.has(id)).toBe(true);

    await fireEvent.click([...copy.querySelectorAll('button')].find((b) => b.textContent === '重命名')!);
    await fireEvent.input(screen.getByLabelText('新名称'), { target: { value: '均衡方案 B' } });
    await fireEvent.submit(screen.getByLabelText('新名称').closest('form')!);
    await settle();
    expect(rowByName('均衡方案 B')).toBeTruthy();
    expect(JSON.parse((store.records.get(id) as unknown as { text: string }).text).name).toBe('均衡方案 B');

    await fireEvent.click([...row(id).querySelectorAll('button')].find((b) => b.textContent === '删除')!);
    await settle();
    expect(store.records.has(id)).toBe(false);
    expect(rowByName('均衡方案 B')).toBeUndefined();
  });

  it('imports a scenario file, and refuses a broken one naming the field', async () => {
    renderWithStates(ScenariosPage, statesOf(scoring));
    const bad = JSON.parse(serializeScenario(presetScenario('standard')));
    bad.indicators[2].metrics[0].target = 0;
    await pickFile('bad.json', JSON.stringify(bad));
    expect(screen.getByTestId('scenarios-error').textContent)
      .toBe('无法导入 bad.json：方案文件字段 indicators[2].metrics[0].target：超出允许范围 10^-6 至 10^12（当前 0）');
    expect(store.records.size).toBe(0);

    await pickFile('v2.json', JSON.stringify({ ...bad, version: 2 }));
    expect(screen.getByTestId('scenarios-error').textContent).toContain('方案文件字段 version：不支持的版本 2');

    // A 3 MB "scenario" is refused by its size, before its text is read.
    await pickFile('huge.json', `{"name":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    expect(screen.getByTestId('scenarios-error').textContent).toMatch(/^无法导入 huge\.json：方案文件字段 \(file\)：文件过大：\d+ 字节，方案文件最多 1024 KB$/);
    expect(store.records.size).toBe(0);

    const good = { ...presetScenario('saas-push'), name: 'Imported', name_zh: '导入的方案' };
    await pickFile('good.json', serializeScenario(good));
    expect(screen.getByTestId('scenarios-status').textContent).toBe('已导入方案“导入的方案”。');
    expect(store.records.size).toBe(1);
    expect(scoring.scenario.name).toBe('Imported');
  });

  it('copies a share link that decodes to the current scenario and period', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    scoring.setWeight(1, 11);
    renderWithStates(ScenariosPage, statesOf(scoring));
    await fireEvent.click(screen.getByTestId('copy-share'));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const link = (screen.getByTestId('share-link') as HTMLInputElement).value;
    expect(writeText).toHaveBeenCalledWith(link);
    expect(link).toMatch(/#\/scenario\/1\.[A-Za-z0-9_-]+$/);
    const { scenario, periodId } = decodeShareLink(link);
    expect(periodId).toBe('2026Q1');
    expect(scenario).toEqual(scoring.currentScenario);
    expect(screen.getByText(`已复制到剪贴板（${link.length} 个字符）。`)).toBeTruthy();
  });
});
