/**
 * Workbook import throughput in Node (#17): a 200,000-row projects sheet (.xlsx written by the
 * library from the import benchmark's CSV, with number and date cells) through the app's
 * workbook import — `readWorkbook` (read + cells to text + normalise + validate) and, in a
 * second figure, `runImport` into IndexedDB (fake-indexeddb in Node) — against the library's
 * bare `read` + `sheet_to_json` of the same bytes in the same run. Target: ratio ≥ 0.7.
 * Run alone: `npx tsx scripts/bench/import-xlsx-node.ts [rows]`.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { pathToFileURL } from 'node:url';
import { runImport } from '../../src/lib/data/runImport';
import { openStore } from '../../src/lib/data/store';
import { readWorkbook } from '../../src/lib/data/workbook';
import { projectsCsv, type BenchFigure } from './import-node';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The projects CSV as an .xlsx: amounts and counts as numbers, decided_on as date cells. */
export function projectsXlsx(rows: number): Uint8Array {
  const data = Papa.parse<string[]>(projectsCsv(rows).trimEnd(), { header: false }).data;
  const aoa = data.map((r, i) => (i === 0 ? r : r.map((v, c) => {
    if (c === 5 || c === 9 || c === 10) return Number(v.replaceAll(',', ''));
    if (c === 7 && v !== '') { const [y, m, d] = v.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); }
    return v;
  })));
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'yyyy-mm-dd' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '项目');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
}

export async function run(rows = 200_000, repeats = Number(process.env.BENCH_REPEATS) || 3): Promise<BenchFigure[]> {
  const bytes = projectsXlsx(rows);
  const bare: number[] = [], read: number[] = [], stored: number[] = [];
  const timeBare = () => {
    const t0 = performance.now();
    const wb = XLSX.read(bytes, { type: 'array', dense: true });
    const n = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 }).length;
    const ms = performance.now() - t0;
    if (n < rows) throw new Error('bare read lost rows');
    return ms;
  };
  const timeRead = () => {
    const t0 = performance.now();
    const [r] = readWorkbook(bytes, 'bench-projects.xlsx', XLSX);
    const ms = performance.now() - t0;
    const errors = r.issues.filter((x) => x.severity === 'error');
    if (r.rowCount !== rows || errors.length > 0) throw new Error(`readWorkbook: ${r.rowCount} rows, ${errors.length} errors: ${errors[0]?.message_en}`);
    return ms;
  };
  const timeStored = async () => {
    const store = await openStore(new IDBFactory());
    try {
      const t0 = performance.now();
      const { results } = await runImport([new File([bytes as Uint8Array<ArrayBuffer>], 'bench-projects.xlsx')], { store, readWorkbook: (b, n) => readWorkbook(b, n, XLSX) });
      const ms = performance.now() - t0;
      if (results[0].batch?.rowCount !== rows) throw new Error(`runImport stored ${results[0].batch?.rowCount ?? 0} rows`);
      return ms;
    } finally {
      store.close();
    }
  };
  for (let r = 0; r < repeats; r++) {
    bare.push(timeBare());
    read.push(timeRead());
    stored.push(await timeStored());
  }
  const b = median(bare), i = median(read), s = median(stored);
  return [
    { name: `xlsx ${(bytes.length / 1024 / 1024).toFixed(1)} MB: read + sheet_to_json, ${rows} rows`, value: Math.round(b), unit: 'ms' },
    { name: `readWorkbook (read, normalise, validate), ${rows} rows`, value: Math.round(i), unit: 'ms' },
    { name: `runImport of the .xlsx into IndexedDB (fake-indexeddb), ${rows} rows`, value: Math.round(s), unit: 'ms' },
    { name: 'workbook import / bare read + sheet_to_json (Node)', value: Math.round((b / i) * 100) / 100, unit: 'ratio', target: 0.7 },
    { name: 'workbook import with store / bare (Node, fake-indexeddb)', value: Math.round((b / s) * 100) / 100, unit: 'ratio', target: 0.7 },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2]) || 200_000;
  void run(rows).then((figures) => console.table(figures));
}
