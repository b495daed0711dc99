import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { resultsToCsv } from '../engine/exportCsv';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { computeResults } from '../engine/results';
import { chineseResultsCsv, csvToSheet, exportFileName, scenarioSheet } from './exportSheets';
import { readCsvFolder } from './readFolder';
import { readWorkbook } from './workbook';
import { writeXlsx } from './xlsxWriter';

const sample = fileURLToPath(new URL('../../../test/fixtures/sample/', import.meta.url));
const { dataset } = readCsvFolder(sample);
const scenario = presetScenario('standard');
const period = parsePeriod('2026Q1');
const csv = resultsToCsv(computeResults(dataset, period.id, scenario).results, scenario, period);
const read = (bytes: Uint8Array) => XLSX.read(bytes, { type: 'array', cellNF: true });

describe('chineseResultsCsv', () => {
  const zh = chineseResultsCsv(csv, scenario);
  const lines = zh.replace(/^\uFEFF/, '').trimEnd().split('\n');
  it('names every column in Chinese, indicators by their Chinese label', () => {
    expect(zh.startsWith('\uFEFF工号,姓名,团队,职级,方向,期间,总分,数据覆盖率,等级,强制分布等级,最终等级,排名,')).toBe(true);
    expect(lines[0]).toContain(`${scenario.indicators[0].label_zh}得分`);
    expect(lines[0]).toMatch(/可晋升,需改进计划$/);
  });
  it('writes levels, domains and booleans as HR reads them, the rest as the §8 export', () => {
    const en = csv.replace(/^\uFEFF/, '').trimEnd().split('\n');
    expect(lines.length).toBe(en.length);
    const row = lines.find((l) => l.startsWith('PS1001,'))!;
    expect(row).toContain(',中级,行业解决方案,');
    expect(row).toMatch(/,(是|否),(是|否)$/);
    expect(row.split(',')[6]).toBe(en.find((l) => l.startsWith('PS1001,'))!.split(',')[6]);
  });
  it('keeps the formula guard', () => {
    const hostile = '\uFEFFstaff_id,name\nPS1,\'=HYPERLINK("x")\n';
    expect(chineseResultsCsv(hostile, scenario).split('\n')[1]).toBe('PS1,"\'=HYPERLINK(""x"")"');
  });
});

describe('the results workbook', () => {
  const bytes = writeXlsx([csvToSheet(chineseResultsCsv(csv, scenario), '结果'), scenarioSheet(scenario, 'zh')]);
  const wb = read(bytes);
  const ws = wb.Sheets['结果'];
  it('has real number cells with formats, text ids, and the scheme sheet', () => {
    expect(wb.SheetNames).toEqual(['结果', '方案']);
    expect(ws.A1.v).toBe('工号');
    expect(ws.A2).toMatchObject({ t: 's', v: 'PS1001' });
    expect(ws.G2.t).toBe('n');
    expect(ws.G2.z).toBe('0.00');
    expect(ws.L2).toMatchObject({ t: 'n', z: '0' });
    const sheet = wb.Sheets['方案'];
    expect(sheet.A2.v).toBe('指标');
    expect(sheet.D2).toMatchObject({ t: 'n', v: scenario.indicators[0].weight });
  });
  it('freezes the header row, sets column widths and a filter', () => {
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
  });
  it('round trip: the people columns of the exported workbook import again as the same staff', () => {
    const [r] = readWorkbook(bytes, '结果.xlsx', XLSX);
    expect(r.kind).toBe('staff');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const t = r.table as typeof dataset.staff;
    const byId = new Map(dataset.staff.staff_id.map((id, i) => [id, i]));
    expect(t.length).toBe(csv.trimEnd().split('\n').length - 1);
    for (let k = 0; k < t.length; k++) {
      const i = byId.get(t.staff_id[k])!;
      expect([t.name[k], t.team[k], t.level[k], t.domain[k]]).toEqual([dataset.staff.name[i], dataset.staff.team[i], dataset.staff.level[i], dataset.staff.domain[i]]);
    }
  });
  it('guards text a spreadsheet would take for a formula: an inline string marked quote-prefix, never a formula', () => {
    const b = writeXlsx([csvToSheet('\uFEFFstaff_id,name\nPS1,\'=1+1\nPS2,@SUM(A1)\n', 'x')]);
    const xml = strFromU8(unzipSync(b)['xl/worksheets/sheet1.xml']);
    expect(xml).not.toContain('<f>');
    expect(xml).toContain('<c r="B2" t="inlineStr" s="5"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(strFromU8(unzipSync(b)['xl/styles.xml'])).toContain('quotePrefix="1"');
    const cell = read(b).Sheets.x.B3;
    expect([cell.t, cell.v, cell.f]).toEqual(['s', '@SUM(A1)', undefined]);
  });
  it('drops characters XML cannot hold and escapes markup', () => {
    const b = writeXlsx([csvToSheet('\uFEFFstaff_id,name\nPS1,<b>a\u0001&b</b>\n', 'x')]);
    expect(read(b).Sheets.x.B2.v).toBe('<b>a&b</b>');
  });
});

describe('exportFileName', () => {
  it.each([
    [['售前KPI结果', '2026Q1', '标准方案（季度）'], 'xlsx', '售前KPI结果-2026Q1-标准方案（季度）.xlsx'],
    [['presales-kpi-results', '2026Q1', 'Standard (quarterly)'], 'csv', 'presales-kpi-results-2026Q1-Standard (quarterly).csv'],
    [['结果', '2026', 'A/B: "测试"?'], 'xlsx', '结果-2026-A B 测试.xlsx'],
    [['结果', '', '方案'], 'csv', '结果-方案.csv'],
  ])('%j → %s', (parts, ext, name) => {
    expect(exportFileName(parts, ext)).toBe(name);
  });
});
