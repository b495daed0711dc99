/**
 * Bundle budget (issue: initial JS ≤ 250 KB gzip). The build is one self-contained
 * dist/index.html whose inline <script> also holds every worker's code, each as a string
 * literal turned into a blob: URL when the worker starts. Initial JS is the script the page
 * parses and runs at load, with each worker's code left out (a string literal, compiled only
 * when that worker starts): budget 250 KB. A second, looser budget (290 KB) holds that script
 * with the other workers (CSV import, hashing, robustness, demo data), so worker
 * code cannot grow unchecked either; the workbook import worker (the SheetJS library) runs only
 * when a workbook is dropped and is reported, not budgeted. See docs/decisions.md "Bundle budget".
 * Prints every part and the whole file; fails when either budget is exceeded.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const WITH_WORKERS_BUDGET_KB = 290;
const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
const kb = (s: string) => gzipSync(s).length / 1024;

/**
 * The string literals of `js` that hold a worker's code: Vite writes each as `name="(function(){…"`
 * (or with single quotes); the literal runs to its first unescaped closing quote.
 */
function workerLiterals(js: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  for (const m of js.matchAll(/[\w$]+=(["'])\(function\(\)\{/g)) {
    const quote = m[1];
    const start = m.index + m[0].indexOf(quote);
    let i = start + 1;
    while (i < js.length && js[i] !== quote) i += js[i] === '\\' ? 2 : 1;
    const text = js.slice(start, i + 1);
    if (text.includes('WorkerGlobalScope')) found.push({ start, end: i + 1, text });
  }
  return found;
}

const workers = workerLiterals(scripts);
const isWorkbook = (w: { text: string }) => w.text.includes('sheetRows');
let page = '';
let at = 0;
for (const w of workers) { page += scripts.slice(at, w.start) + '""'; at = w.end; }
page += scripts.slice(at);
const workbook = workers.filter(isWorkbook);
const initial = kb(page);
const withWorkers = kb(page + workers.filter((w) => !isWorkbook(w)).map((w) => w.text).join('\n'));

for (const w of workers) console.log(`  worker${isWorkbook(w) ? ' (workbook import, started when a workbook is dropped)' : ''}: ${kb(w.text).toFixed(1)} KB gzip`);
console.log(`initial JS (page script, run at load): ${initial.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
console.log(`page script + CSV import, hash, robustness and demo workers: ${withWorkers.toFixed(1)} KB gzip (budget ${WITH_WORKERS_BUDGET_KB} KB)`);
console.log(`whole single file dist/index.html: ${kb(html).toFixed(1)} KB gzip, ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB raw`);
if (workbook.length !== 1) {
  console.error(`expected exactly one workbook import worker in the build, found ${workbook.length} (of ${workers.length} workers)`);
  process.exit(1);
}
if (initial > BUDGET_KB) {
  console.error(`initial JS over budget by ${(initial - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
if (withWorkers > WITH_WORKERS_BUDGET_KB) {
  console.error(`page script with its usual workers over budget by ${(withWorkers - WITH_WORKERS_BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
