/**
 * Big synthetic input for the import and recompute benchmarks: a projects file shaped like
 * a CRM export (about 88 bytes a row, Chinese industries, ASCII ids, ~11% of rows with a
 * thousands-separated amount that has to be quoted) and the staff file its ids point to.
 * Internally consistent, so a correct importer reports zero errors on it.
 */
import { DOMAINS, LEVELS, STATUSES } from '../engine/codes';
import { formatDay, dayNumber } from '../engine/dataset';
import { csvCell, groupThousands } from './csvText';
import { chineseName, DEMO_TEAMS, INDUSTRIES } from './names';
import { Random } from './random';

const FIRST_DAY = dayNumber(2025, 1, 1);
const DAYS = dayNumber(2026, 12, 31) - FIRST_DAY + 1;
// Sub-sectors as CRMs record them; lengths vary like real category text.
const SECTORS = INDUSTRIES.flatMap((ind) => [ind, `${ind}/集团客户`, `${ind}/区域客户`]);
// Share of projects whose amount is written '1,230,000': chosen so ~11% of rows carry a quoted comma.
const GROUPED_SHARE = 0.11;
const STATUS_WEIGHTS = [35, 40, 20, 5];

/**
 * How many staff the big projects file of `rows` rows refers to (one per ~200 rows, at least 50).
 * @example bigStaffCount(1_000_000); // 5000
 */
export const bigStaffCount = (rows: number): number => Math.max(50, Math.round(rows / 200));

/** Staff id of index i (0-based) in the big files. `bigStaffId(0) === 'PS000001'`. */
export const bigStaffId = (i: number): string => `PS${String(i + 1).padStart(6, '0')}`;

/**
 * A staff CSV (English keys) with ids PS000001…, for the big projects file.
 * @example generateStaffCsv(2).split('\n')[1]; // e.g. 'PS000001,张伟,mid,consulting,华东售前部,王芳,28000,2019-04-12,'
 */
export function generateStaffCsv(n: number, seed = 1): string {
  const rng = new Random(seed ^ 0x5f3759df);
  const out = ['staff_id,name,level,domain,team,manager,salary,hired_on,left_on'];
  const managers = DEMO_TEAMS.map(() => chineseName(rng));
  for (let i = 0; i < n; i++) {
    const level = rng.weighted(LEVELS, [30, 45, 25]);
    const t = rng.int(0, DEMO_TEAMS.length - 1);
    const salary = rng.chance(0.05) ? '' : String(Math.round(rng.uniform(15_000, 60_000) / 500) * 500);
    const hired = rng.chance(0.9) ? formatDay(dayNumber(rng.int(2010, 2026), rng.int(1, 12), rng.int(1, 28))) : '';
    const left = rng.chance(0.03) ? formatDay(FIRST_DAY + rng.int(0, DAYS - 1)) : '';
    out.push([bigStaffId(i), chineseName(rng), level, rng.pick(DOMAINS), DEMO_TEAMS[t], managers[t], salary, hired, left].join(','));
  }
  return out.join('\n') + '\n';
}

/**
 * A projects CSV of exactly `rows` data rows (English keys): projects of 1–4 participants
 * (one lead), project-level columns equal on all of a project's rows, adopted ≤ made, a
 * result date exactly for won and lost projects, staff ids within PS000001…PS{staffCount}.
 * @example Buffer.byteLength(generateProjectsCsv(1_000_000)); // ≈ 88.5e6 (88.5 MB of UTF-8)
 */
export function generateProjectsCsv(rows: number, seed = 1, staffCount = bigStaffCount(rows)): string {
  if (!(rows >= 0) || !Number.isInteger(rows)) throw new Error(`rows must be a whole number ≥ 0, got ${rows}`);
  if (!(staffCount >= 4)) throw new Error(`staffCount must be ≥ 4, got ${staffCount}`);
  const rng = new Random(seed);
  const next = rng.next;
  // Flat chunks of joined lines: appending to one string builds a rope of a million pieces, which
  // the garbage collector then spends most of the run walking.
  const chunks: string[] = ['project_id,staff_id,role,customer_id,industry,amount,status,decided_on,strategic,proposals_made,proposals_adopted\n'];
  let lines: string[] = [];
  let written = 0;
  let project = 0;
  const participants: number[] = [];
  while (written < rows) {
    project++;
    const size = Math.min(rows - written, 1 + rng.weighted([0, 1, 2, 3], [30, 40, 20, 10]));
    const status = rng.weighted(STATUSES, STATUS_WEIGHTS);
    const decided = status === 'won' || status === 'lost' ? formatDay(FIRST_DAY + Math.floor(next() * DAYS)) : '';
    const amount = Math.round(Math.exp(13.2 + 0.9 * rng.normal()) / 1000) * 1000 + 200_000;
    const amountCell = next() < GROUPED_SHARE ? csvCell(groupThousands(amount)) : String(amount);
    const strategic = next() < 0.1 ? 'true' : 'false';
    const tail = `,C${String(Math.floor(next() * 400_000)).padStart(7, '0')},${SECTORS[Math.floor(next() * SECTORS.length)]},${amountCell},${status},${decided},${strategic},`;
    const id = `CRM-${decided ? decided.slice(0, 4) : '2026'}-${String(project).padStart(7, '0')}`;
    participants.length = 0;
    while (participants.length < size) {
      const s = Math.floor(next() * staffCount);
      if (!participants.includes(s)) participants.push(s);
    }
    for (let k = 0; k < size; k++) {
      const made = Math.floor(next() * 9);
      const adopted = Math.floor(next() * (made + 1));
      lines.push(`${id},${bigStaffId(participants[k])},${k === 0 ? 'lead' : 'support'}${tail}${made},${adopted}\n`);
    }
    written += size;
    if (lines.length >= 8192) {
      chunks.push(lines.join(''));
      lines = [];
    }
  }
  chunks.push(lines.join(''));
  return chunks.join('');
}
