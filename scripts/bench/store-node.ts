/**
 * The store in Node with fake-indexeddb: write and read 1,000,000 projects rows as 10k-row
 * column chunks, and upsert 10,000 rows over them. Figures for the record only — fake-indexeddb
 * is an in-memory JavaScript model, not Chromium's LevelDB (the browser bench is separate;
 * perf-anchors.md has 0.46 s write / 0.27 s read for 1M rows there).
 * Run alone: `npx tsx scripts/bench/store-node.ts [rows]`.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { pathToFileURL } from 'node:url';
import type { ProjectsTable } from '../../src/lib/engine/dataset';
import { encodeChunks } from '../../src/lib/data/chunks';
import { openStore } from '../../src/lib/data/store';

import type { Figure } from './lib/figure';

const INDUSTRIES = ['金融', '政府', '制造', 'Internet', '电信', '能源', '医疗', '教育', '零售'];

/** A CRM-like projects table: two presales per project, 500 people, 5,000 customers, NaN where CSV cells are empty. */
export function projectsTable(rows: number, idPrefix = 'P'): ProjectsTable {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const f = () => new Float64Array(rows);
  const t: ProjectsTable = {
    length: rows, project_id: new Array(rows), staff_id: new Array(rows), role: f(), customer_id: new Array(rows),
    industry: new Array(rows), amount: f(), status: f(), decided_on: f(), strategic: f(), proposals_made: f(), proposals_adopted: f(),
  };
  for (let i = 0; i < rows; i++) {
    const p = i >> 1;
    t.project_id[i] = `${idPrefix}${String(p).padStart(8, '0')}`;
    t.staff_id[i] = `PS${1000 + ((p * 7 + (i & 1) * 13) % 500)}`;
    t.role[i] = i & 1;
    t.customer_id[i] = `C${20000 + (p % 5000)}`;
    t.industry[i] = INDUSTRIES[p % INDUSTRIES.length];
    t.amount[i] = Math.round(rnd() * 5000) * 1000;
    t.status[i] = p % 4;
    t.decided_on[i] = t.status[i] < 2 ? 20_454 + (p % 700) : NaN;
    t.strategic[i] = p % 10 === 0 ? 1 : NaN;
    t.proposals_made[i] = p % 9;
    t.proposals_adopted[i] = p % 9 >> 1;
  }
  return t;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
}

export async function run(rows = 1_000_000): Promise<Figure[]> {
  const table = projectsTable(rows);
  const store = await openStore(new IDBFactory(), 'bench');
  try {
    const [chunks, encodeS] = await timed(() => encodeChunks(table));
    const [, writeS] = await timed(() => store.addBatch({ fileName: 'crm.csv', contentHash: 'h1', encoding: 'utf-8' }, table, 'projects'));
    const [ds, readS] = await timed(() => store.loadDataset());
    if (ds.projects.length !== rows || ds.projects.project_id[rows - 1] !== table.project_id[rows - 1]) throw new Error('round trip lost rows');
    // 10,000 rows whose keys are already stored: the upsert reads every stored key column.
    const update = projectsTable(10_000);
    const [, upsertS] = await timed(() => store.addBatch({ fileName: 'fix.csv', contentHash: 'h2', encoding: 'utf-8' }, update, 'projects'));
    const [after, reread] = await timed(() => store.loadDataset());
    if (after.projects.length !== rows) throw new Error(`upsert changed the row count: ${after.projects.length}`);
    const m = (s: string) => `${s} (${rows.toLocaleString('en')} rows)`;
    return [
      { name: m('encode to 10k-row chunks (CPU only)'), value: encodeS, unit: 's' },
      { name: m('addBatch: encode + write'), value: writeS, unit: 's' },
      { name: m('addBatch rows per second'), value: rows / writeS, unit: 'rows/s' },
      { name: m('loadDataset: read + decode + concatenate'), value: readS, unit: 's' },
      { name: m('loadDataset rows per second'), value: rows / readS, unit: 'rows/s' },
      { name: m('upsert 10k rows over the stored ones'), value: upsertS, unit: 's' },
      { name: m('loadDataset after upsert (dead rows skipped)'), value: reread, unit: 's' },
      { name: 'chunks written', value: chunks.length, unit: 'chunks' },
    ];
  } finally {
    store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  for (const f of await run(rows)) console.log(`${f.name.padEnd(60)} ${f.value.toFixed(3)} ${f.unit}`);
}
