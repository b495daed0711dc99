/**
 * Writes the built-in demo data set as CSV files, for `npm run score -- --data <dir>` and for
 * people who want to open the files in Excel.
 *
 *   npx tsx scripts/demo-data.ts <outDir> [seed]
 *
 * Files are written UTF-8 with a BOM: Excel on a Chinese Windows reads a BOM-less file as
 * GBK and garbles the names; the importer accepts both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoFiles } from '../src/lib/demo/generate';

const [outDir, seedArg] = process.argv.slice(2);
if (!outDir) {
  console.error('用法 / usage: tsx scripts/demo-data.ts <输出目录 outDir> [seed]');
  process.exit(2);
}
const seed = seedArg === undefined ? undefined : Number(seedArg);
if (seed !== undefined && !Number.isInteger(seed)) {
  console.error(`seed 必须是整数 / seed must be an integer: ${seedArg}`);
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
for (const f of generateDemoFiles(seed)) {
  writeFileSync(join(outDir, f.name), '\uFEFF' + f.text, 'utf8');
  console.log(`${join(outDir, f.name)}  ${f.text.split('\n').length - 2} rows`);
}
