/**
 * Bundle budget (issue: initial JS ≤ 250 KB gzip). The build is one self-contained
 * dist/index.html, so the initial JS is every inline <script> in it (workers included,
 * since they are inlined too). Fails when over budget; prints the figure either way.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
const jsKb = gzipSync(scripts).length / 1024;
const totalKb = gzipSync(html).length / 1024;
console.log(`initial JS: ${jsKb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB); whole index.html: ${totalKb.toFixed(1)} KB gzip, ${(html.length / 1024).toFixed(0)} KB raw`);
if (jsKb > BUDGET_KB) {
  console.error(`over budget by ${(jsKb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
