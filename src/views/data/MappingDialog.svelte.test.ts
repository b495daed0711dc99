import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import MappingDialog from './MappingDialog.svelte';
import { i18n } from '../../lib/i18n/i18n.svelte';
import type { ColumnMapping } from '../../lib/data/mapping';
import type { FileSample } from '../../lib/data/mappingProposal';

beforeEach(() => { i18n.lang = 'zh'; });
afterEach(() => { cleanup(); i18n.lang = 'zh'; });

const header = ['商机编号', '负责人', '参与角色', '客户ID', '所属行业', '合同金额', '商机阶段', '赢单日期', '备注'];
const rows = [
  ['OP1', 'PS1', '负责人', 'C1', '金融', '100', '赢单(已签约)', '2026-03-01', 'x'],
  ['OP2', 'PS2', '协助', 'C2', '制造', '200', '丢失', '2026-03-02', ''],
  ['OP3', 'PS2', '负责人', 'C3', '制造', '300', '跟进', '', ''],
];
const sample: FileSample = { header, rows, values: header.map((_, c) => [...new Set(rows.map((r) => r[c]).filter(Boolean))]) };
const target = { fileName: '商机导出.csv', sample };

function open(props: Partial<{ canImport: boolean; saved: ColumnMapping }> = {}) {
  const onsave = vi.fn<(m: ColumnMapping) => void>();
  const oncancel = vi.fn();
  render(MappingDialog, { props: { target: { ...target, saved: props.saved }, canImport: props.canImport ?? true, onsave, oncancel } });
  return { onsave, oncancel };
}
const columnSelect = (cell: string) => screen.getByRole('combobox', { name: `“${cell}”对应的字段` }) as HTMLSelectElement;
const valueSelect = (value: string) => screen.getByRole('combobox', { name: `“${value}”对应的代码` }) as HTMLSelectElement;

describe('MappingDialog', () => {
  it('shows the proposal: kind, a field under each column, the first rows, and the values left to map', () => {
    open();
    expect((screen.getByTestId('mapping-kind') as HTMLSelectElement).value).toBe('projects');
    expect(columnSelect('商机编号').value).toBe('project_id');
    expect(columnSelect('负责人').value).toBe('staff_id');
    expect(columnSelect('商机阶段').value).toBe('status');
    expect(columnSelect('备注').value).toBe('');
    expect(within(screen.getByTestId('mapping-sample')).getAllByRole('row')).toHaveLength(2 + rows.length);
    expect(valueSelect('丢失').value).toBe('lost');
    expect(valueSelect('赢单(已签约)').value).toBe('');
    expect(screen.getByTestId('mapping-unmapped').textContent).toContain('状态: 赢单(已签约)');
    expect(screen.getByRole('button', { name: '保存并导入' })).toBeTruthy();
  });

  it('blocks saving while a required field has no column or a field is chosen twice, and says why', async () => {
    const { onsave } = open();
    await fireEvent.change(columnSelect('客户ID'), { target: { value: '' } });
    expect(screen.getByTestId('mapping-problems').textContent).toContain('客户编号（customer_id）');
    await fireEvent.change(columnSelect('客户ID'), { target: { value: 'industry' } });
    expect(screen.getByTestId('mapping-problems').textContent).toContain('被选了两次');
    const save = screen.getByTestId('mapping-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await fireEvent.click(save);
    expect(onsave).not.toHaveBeenCalled();
  });

  it('saves the mapping with the values the user set, keeping them when another column changes', async () => {
    const { onsave } = open();
    await fireEvent.change(valueSelect('赢单(已签约)'), { target: { value: 'won' } });
    await fireEvent.change(columnSelect('备注'), { target: { value: 'strategic' } });
    await fireEvent.change(columnSelect('备注'), { target: { value: '' } });
    expect(valueSelect('赢单(已签约)').value).toBe('won');
    expect(screen.queryByTestId('mapping-unmapped')).toBeNull();
    await fireEvent.click(screen.getByTestId('mapping-save'));
    expect(onsave).toHaveBeenCalledTimes(1);
    const m = onsave.mock.calls[0][0];
    expect(m.kind).toBe('projects');
    expect(m.signature).toBe(header.join('\u001f'));
    expect(m.columns).toEqual({
      商机编号: 'project_id', 负责人: 'staff_id', 参与角色: 'role', 客户ID: 'customer_id', 所属行业: 'industry', 合同金额: 'amount',
      商机阶段: 'status', 赢单日期: 'decided_on', 备注: null,
    });
    expect(m.values).toEqual({ status: { '赢单(已签约)': 'won', 丢失: 'lost', 跟进: 'open' }, role: { 负责人: 'lead', 协助: 'support' } });
  });

  it('re-proposes the columns for another kind', async () => {
    open();
    await fireEvent.change(screen.getByTestId('mapping-kind'), { target: { value: 'staff' } });
    expect(columnSelect('负责人').value).toBe('staff_id');
    expect(columnSelect('商机编号').value).toBe('');
    expect(screen.getByTestId('mapping-problems').textContent).toContain('姓名（name）');
  });

  it('opens a saved mapping with its choices, in English too', async () => {
    i18n.lang = 'en';
    const saved: ColumnMapping = {
      signature: header.join('\u001f'), kind: 'projects',
      columns: { 商机编号: 'project_id', 负责人: 'staff_id', 参与角色: 'role', 客户ID: 'customer_id', 所属行业: 'industry', 合同金额: 'amount', 商机阶段: 'status', 赢单日期: 'decided_on', 备注: null },
      values: { status: { '赢单(已签约)': 'cancelled' } },
    };
    const { oncancel } = open({ saved, canImport: false });
    expect((screen.getByRole('combobox', { name: 'Code for “赢单(已签约)”' }) as HTMLSelectElement).value).toBe('cancelled');
    expect(screen.getByRole('button', { name: 'Save mapping' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});
