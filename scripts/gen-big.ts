/**
 * Writes the benchmark input: a CRM-like projects.csv (default 1,000,000 rows, ~88 MB) and
 * the staff.csv its staff ids refer to.
 *
 *   npx tsx scripts/gen-big.ts <outDir> [rows] [seed]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bigStaffCount, generateProjectsCsv, generateStaffCsv } from '../src/lib/demo/big';

const [outDir, rowsArg, seedArg] = process.argv.slice(2);
const rows = rowsArg === undefined ? 1_000_000 : Number(rowsArg.replaceAll('_', ''));
const seed = seedArg === undefined ? 1 : Number(seedArg);
if (!outDir || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed)) {
  console.error('用法 / usage: tsx scripts/gen-big.ts <输出目录 outDir> [行数 rows=1000000] [seed=1]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const t0 = performance.now();
const projects = generateProjectsCsv(rows, seed);
const staffCount = bigStaffCount(rows);
const staff = generateStaffCsv(staffCount, seed);
const t1 = performance.now();
writeFileSync(join(outDir, 'projects.csv'), projects, 'utf8');
writeFileSync(join(outDir, 'staff.csv'), staff, 'utf8');
const mb = (s: string) => (Buffer.byteLength(s, 'utf8') / 1e6).toFixed(1);
console.log(`projects.csv: ${rows} rows, ${mb(projects)} MB; staff.csv: ${staffCount} rows, ${mb(staff)} MB`);
console.log(`generated in ${((t1 - t0) / 1000).toFixed(1)} s, written in ${((performance.now() - t1) / 1000).toFixed(1)} s → ${outDir}`);
