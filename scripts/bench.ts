/**
 * `npm run bench` — every benchmark of the project, printed as a table of figures.
 * Targets are printed beside the figures, never asserted: the machine is noisy (see
 * ../shared/perf-anchors.md), so compare within one run. Browser benchmarks need Chromium.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Figure } from './bench/lib/figure';

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows: (Figure & { suite: string })[] = [];
for (const f of files) {
  const suite = f.replace(/\.ts$/, '');
  process.stdout.write(`running ${suite} …\n`);
  const mod = (await import(`./bench/${f}`)) as { run: () => Promise<Figure[]> };
  try {
    for (const fig of await mod.run()) rows.push({ suite, ...fig });
  } catch (e) {
    console.error(`  ${suite} failed: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
console.log('\nsuite            | figure                                                      | value        | target');
console.log('-----------------|-------------------------------------------------------------|--------------|-------');
for (const r of rows) {
  const v = `${r.value < 10 ? r.value.toFixed(3) : r.value < 1000 ? r.value.toFixed(1) : Math.round(r.value).toLocaleString('en')} ${r.unit}`;
  console.log(`${r.suite.padEnd(16)} | ${r.name.padEnd(59)} | ${v.padEnd(12)} | ${r.target ?? ''}`);
}
