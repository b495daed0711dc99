/**
 * Import throughput in Node: bare papaparse (`header: false`, strings only — the baseline of
 * perf-anchors.md) against `importCsvText` (parse + normalise + validate into typed columns)
 * on a generated 1,000,000-row projects CSV. Target: ratio ≥ 0.5 (import at least half as fast
 * as bare parsing), compared within one run because the machine is noisy.
 * Run alone: `npx tsx scripts/bench/import-node.ts [rows]`.
 */
import Papa from 'papaparse';
import { pathToFileURL } from 'node:url';
import { importCsvText } from '../../src/lib/data/csvImport';

export interface BenchFigure { name: string; value: number; unit: string; target?: number }

const INDUSTRIES = ['金融', '政府', '制造', 'Internet', '电信', '能源', '医疗', '教育', '零售'];
const STATUSES = ['won', 'lost', 'open', 'cancelled', '中标', '未中标'];

/** A deterministic projects CSV like a CRM export: 1–3 presales per project, Chinese and ASCII text, ~11% quoted amounts with commas. */
export function projectsCsv(rows: number): string {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: string[] = ['project_id,staff_id,role,customer_id,industry,amount,status,decided_on,strategic,proposals_made,proposals_adopted'];
  let p = 0;
  while (out.length <= rows) {
    p++;
    const people = 1 + Math.floor(rnd() * 3);
    const amount = Math.round(rnd() * 5000) * 1000;
    const amountCell = rnd() < 0.11 ? `"${amount.toLocaleString('en-US')}"` : String(amount);
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
    const decided = status === 'open' || status === 'cancelled' ? '' : `202${5 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const project = `P${String(p).padStart(8, '0')},`;
    const common = `C${20000 + Math.floor(rnd() * 5000)},${INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)]},${amountCell},${status},${decided},${rnd() < 0.1 ? 'true' : 'false'}`;
    for (let k = 0; k < people && out.length <= rows; k++) {
      const made = Math.floor(rnd() * 9);
      out.push(`${project}PS${1000 + ((p * 7 + k * 13) % 997)},${k === 0 ? 'lead' : '支撑'},${common},${made},${Math.floor(rnd() * (made + 1))}`);
    }
  }
  return out.join('\r\n') + '\r\n';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Figures for the benchmark table; `rows` defaults to the 1,000,000 of perf-anchors.md. */
export async function run(rows = 1_000_000, repeats = 3): Promise<BenchFigure[]> {
  const text = projectsCsv(rows);
  const bare: number[] = [];
  const imported: number[] = [];
  // Each measurement lives in its own function, so one's million rows are garbage before the next starts.
  const timeBare = () => {
    const t0 = performance.now();
    const n = Papa.parse<string[]>(text, { header: false }).data.length;
    const ms = performance.now() - t0;
    if (n < rows) throw new Error('bare parse lost rows');
    return ms;
  };
  const timeImport = () => {
    const t0 = performance.now();
    const result = importCsvText(text, 'bench-projects.csv');
    const ms = performance.now() - t0;
    const errors = result.issues.filter((x) => x.severity === 'error').length;
    if (result.rowCount !== rows || errors > 0) throw new Error(`import: ${result.rowCount} rows, ${errors} errors`);
    return ms;
  };
  for (let r = 0; r < repeats; r++) {
    bare.push(timeBare());
    imported.push(timeImport());
  }
  const b = median(bare), i = median(imported);
  return [
    { name: `papaparse header:false, ${rows} projects rows (Node)`, value: Math.round(b), unit: 'ms' },
    { name: `importCsvText, ${rows} projects rows (Node)`, value: Math.round(i), unit: 'ms' },
    { name: 'import throughput / bare papaparse (Node)', value: Math.round((b / i) * 100) / 100, unit: 'ratio', target: 0.5 },
    { name: 'importCsvText rows per second (Node)', value: Math.round(rows / (i / 1000)), unit: 'rows/s' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2]) || 1_000_000;
  void run(rows).then((figures) => console.table(figures));
}
