/**
 * The spec's sample data set (test/fixtures/sample/*.csv, the repo's copy of ../shared/fixtures/sample) as one workbook, the way HR would
 * keep it in Excel: one sheet per kind named in Chinese, Chinese headers and Chinese labels,
 * real date and date-time cells (serials with a number format), numbers as numbers, booleans as
 * booleans, review completeness and bid scores as percent cells, and a 说明 sheet of notes.
 * Built with the library from the CSVs, so the test data cannot drift from the fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { detectKind } from '../../src/lib/data/detect';
import { metricColumnRule, SCHEMAS } from '../../src/lib/data/schema';

const SHEET_ZH: Record<string, string> = { staff: '人员', projects: '项目', requests: '支持请求', reviews: '内部评审', ratings: '评分', activities: '活动' };

/** Excel serial of `yyyy-mm-dd[ hh:mm[:ss]]`. */
export function serialOf(text: string): number {
  const [d, t] = text.split(' ');
  const [y, m, day] = d.split('-').map(Number);
  const days = Date.UTC(y, m - 1, day) / 86_400_000 + 25569;
  if (!t) return days;
  const [hh, mm, ss] = t.split(':').map(Number);
  return days + (hh * 3600 + mm * 60 + (ss || 0)) / 86_400;
}

/** One CSV file as a worksheet of typed cells; `titleRows` lines of title above the header. */
export function csvToSheet(text: string, opts: { chinese?: boolean; titleRows?: string[] } = {}): XLSX.WorkSheet {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trimEnd(), { header: false }).data;
  const det = detectKind(rows[0]);
  const kind = det.kind!;
  const rules = det.columns.map((k) => SCHEMAS[kind].columns.find((c) => c.key === k) ?? metricColumnRule(k!));
  const ws: XLSX.WorkSheet = {};
  const top = opts.titleRows?.length ?? 0;
  opts.titleRows?.forEach((t, r) => { ws[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: t }; });
  rows[0].forEach((h, c) => {
    ws[XLSX.utils.encode_cell({ r: top, c })] = { t: 's', v: opts.chinese ? rules[c].zh : h };
  });
  for (let r = 1; r < rows.length; r++) {
    rows[r].forEach((raw, c) => {
      if (raw === '') return;
      const rule = rules[c];
      const at = XLSX.utils.encode_cell({ r: top + r, c });
      switch (rule.type) {
        case 'date': ws[at] = { t: 'n', v: serialOf(raw), z: 'yyyy/m/d' }; break;
        case 'datetime': ws[at] = { t: 'n', v: serialOf(raw), z: 'yyyy-mm-dd hh:mm' }; break;
        case 'number': case 'integer':
          ws[at] = rule.percent ? { t: 'n', v: Number(raw) / 100, z: '0.0%' } : { t: 'n', v: Number(raw), z: rule.key === 'amount' ? '#,##0' : 'General' };
          break;
        case 'boolean': ws[at] = { t: 'b', v: raw === 'true' }; break;
        case 'enum': {
          const i = rule.codes!.indexOf(raw);
          ws[at] = { t: 's', v: opts.chinese && rule.labelsZh && i >= 0 ? rule.labelsZh[i] : raw };
          break;
        }
        default: ws[at] = { t: 's', v: raw };
      }
    });
  }
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: top + rows.length - 1, c: rows[0].length - 1 } });
  return ws;
}

/** The sample folder as one .xlsx (bytes): a 说明 sheet first, then one sheet per CSV file. */
export function sampleWorkbook(sampleDir: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['本工作簿由售前KPI工作室的测试生成。'], ['每个工作表一类数据。']]), '说明');
  for (const kind of Object.keys(SHEET_ZH)) {
    const text = readFileSync(join(sampleDir, `${kind}.csv`), 'utf8');
    XLSX.utils.book_append_sheet(wb, csvToSheet(text, { chinese: true }), SHEET_ZH[kind]);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}
