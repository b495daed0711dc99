import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import BackupPanel from './BackupPanel.svelte';
import { AppState } from '../../lib/state/app.svelte';
import { i18n } from '../../lib/i18n/i18n.svelte';
import { openStore, type Store } from '../../lib/data/store';
import { readBackup } from '../../lib/data/backup';
import { staffTable } from '../../lib/data/storeTestTables';
import { renderWithStates, testStates } from '../../lib/state/states.testkit';

const NAME = 'panel-test';
let factory: IDBFactory;
let store: Store;
let app: AppState;

beforeEach(async () => {
  i18n.lang = 'zh';
  factory = new IDBFactory();
  store = await openStore(factory, NAME);
  app = new AppState();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  store.close();
  vi.restoreAllMocks();
  i18n.lang = 'zh';
});

function renderPanel(extra: { save?: (f: string, b: Uint8Array) => void; reload?: () => void } = {}) {
  return renderWithStates(BackupPanel, testStates(app), { factory, dbName: NAME, ...extra });
}

async function backupBytes(): Promise<{ name: string; bytes: Uint8Array }> {
  const save = vi.fn<(f: string, b: Uint8Array) => void>();
  renderPanel({ save });
  await fireEvent.click(screen.getByRole('button', { name: '备份全部数据' }));
  await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
  cleanup();
  const [name, bytes] = save.mock.calls[0];
  return { name, bytes };
}

function pick(bytes: Uint8Array, name: string) {
  const input = screen.getByTestId('restore-input') as HTMLInputElement;
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('BackupPanel', () => {
  it('shows both actions in Chinese and in English', async () => {
    renderPanel();
    expect(screen.getByRole('heading', { name: '备份与恢复' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '备份全部数据' })).toBeTruthy();
    expect(screen.getByText('从备份恢复')).toBeTruthy();
    i18n.lang = 'en';
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back up everything' })).toBeTruthy());
    expect(screen.getByText('Restore from backup')).toBeTruthy();
  });

  it('backs up everything into a file named by date, and says what it holds', async () => {
    await store.addBatch({ fileName: 'staff.csv', contentHash: 'h1', encoding: 'utf-8' }, staffTable([['PS1', '张三'], ['PS2', '李四']]), 'staff');
    await store.putRecord('scenarios', { id: 's1', text: '{}' });
    await store.setSetting('app.periodId', '2026Q1');
    const save = vi.fn<(f: string, b: Uint8Array) => void>();
    renderPanel({ save });
    await fireEvent.click(screen.getByRole('button', { name: '备份全部数据' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [name, bytes] = save.mock.calls[0];
    expect(name).toMatch(/^presales-kpi-backup-\d{4}-\d\d-\d\d-\d{4}\.json\.gz$/);
    expect(readBackup(bytes).summary).toMatchObject({ batches: 1, rows: 2, scenarios: 1, settings: 1 });
    expect(screen.getByRole('status').textContent).toMatch(/1 个批次、2 行数据、1 个方案/);
  });

  it('restores after confirmation, replacing the store, then reloads and says so after the reload', async () => {
    await store.addBatch({ fileName: 'staff.csv', contentHash: 'h1', encoding: 'utf-8' }, staffTable([['PS1', '张三']]), 'staff');
    const { name, bytes } = await backupBytes();
    await store.clearAll();
    await store.addBatch({ fileName: 'other.csv', contentHash: 'h2', encoding: 'utf-8' }, staffTable([['X9', '某']]), 'staff');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const reload = vi.fn();
    renderPanel({ reload });
    await pick(bytes, name);
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(confirm.mock.calls[0][0]).toContain(`确定要用备份“${name}”`);
    expect((await store.listBatches()).map((b) => b.fileName)).toEqual(['staff.csv']);
    // What the reloaded page shows:
    cleanup();
    renderPanel();
    expect(screen.getByRole('status').textContent).toContain('已从备份恢复：1 个批次、1 行数据');
  });

  it('changes nothing when the user declines', async () => {
    await store.addBatch({ fileName: 'staff.csv', contentHash: 'h1', encoding: 'utf-8' }, staffTable([['PS1', '张三']]), 'staff');
    const { name, bytes } = await backupBytes();
    await store.clearAll();
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const reload = vi.fn();
    renderPanel({ reload });
    await pick(bytes, name);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已取消恢复'));
    expect(reload).not.toHaveBeenCalled();
    expect(await store.listBatches()).toEqual([]);
  });

  it('refuses a foreign file without asking, with the message in the chosen language', async () => {
    await store.addBatch({ fileName: 'staff.csv', contentHash: 'h1', encoding: 'utf-8' }, staffTable([['PS1', '张三']]), 'staff');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    i18n.lang = 'en';
    renderPanel();
    await pick(new TextEncoder().encode('staff_id,name\nPS1,x\n'), 'staff.csv');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('“staff.csv” is not a Presales KPI Studio backup'));
    expect(confirm).not.toHaveBeenCalled();
    expect((await store.listBatches()).map((b) => b.fileName)).toEqual(['staff.csv']);
  });
});
