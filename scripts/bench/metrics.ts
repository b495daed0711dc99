/**
 * Metric derivation benchmark: deriveMetrics on a synthetic 1,000,000-row data set (10,000
 * staff; mostly projects, activities and requests over 2024–2026) for a year and a quarter.
 * Target (spec work plan): ≤ 1 s for 1M raw rows in Node. Run alone with
 * `npx tsx scripts/bench/metrics.ts [rows]`, or through `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { KNOWN_ACTIVITY_TYPES, ROLE, STATUS } from '../../src/lib/engine/codes';
import { dayNumber, emptyDataset, type Dataset } from '../../src/lib/engine/dataset';
import { deriveMetrics } from '../../src/lib/engine/metrics';
import { parsePeriod } from '../../src/lib/engine/periods';
import type { Scenario } from '../../src/lib/engine/types';

import type { Figure } from './lib/figure';

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const INDUSTRIES = ['金融', '电信', '政府', '制造', '医疗', '能源', '教育', '零售', 'Internet'];
/** A new string object with the same text (a parser hands over one per cell; `slice(0)` would not copy). */
const fresh = (text: string) => (' ' + text).slice(1);

/**
 * `rows` raw rows: 40% project participations, 30% activities, 20% requests, 6% ratings,
 * 4% reviews. Ids are fresh strings per row, as a CSV parser hands them over.
 */
export function syntheticDataset(rows: number, staffCount = 10_000): Dataset {
  const rand = rng(20_261_127);
  const pick = (n: number) => Math.floor(rand() * n);
  const ds = emptyDataset();
  const first = dayNumber(2024, 1, 1);
  const span = dayNumber(2026, 12, 31) - first + 1;
  const staffId = (i: number) => `PS${100_000 + i}`;

  const s = staffCount;
  ds.staff = {
    length: s, staff_id: Array.from({ length: s }, (_, i) => staffId(i)), name: Array.from({ length: s }, (_, i) => `员工${i}`),
    level: Float64Array.from({ length: s }, () => pick(3)), domain: Float64Array.from({ length: s }, () => pick(3)),
    team: Array.from({ length: s }, (_, i) => `团队${i % 40}`), manager: Array.from({ length: s }, () => ''),
    salary: Float64Array.from({ length: s }, () => 15_000 + pick(30_000)),
    hired_on: Float64Array.from({ length: s }, () => (rand() < 0.05 ? first + pick(span) : NaN)),
    left_on: Float64Array.from({ length: s }, () => (rand() < 0.03 ? first + pick(span) : NaN)),
  };

  const np = Math.round(rows * 0.4);
  const p = {
    length: np, project_id: new Array<string>(np), staff_id: new Array<string>(np), role: new Float64Array(np),
    customer_id: new Array<string>(np), industry: new Array<string>(np), amount: new Float64Array(np), status: new Float64Array(np),
    decided_on: new Float64Array(np), strategic: new Float64Array(np), proposals_made: new Float64Array(np), proposals_adopted: new Float64Array(np),
  };
  for (let r = 0, project = 0; r < np; project++) {
    const participants = 1 + pick(3);
    const u = rand();
    const status = u < 0.35 ? STATUS.won : u < 0.8 ? STATUS.lost : u < 0.95 ? STATUS.open : STATUS.cancelled;
    const customer = pick(20_000);
    const industry = INDUSTRIES[pick(INDUSTRIES.length)];
    const amount = 50_000 + pick(3_000) * 1_000;
    const decided = status === STATUS.open ? NaN : first + pick(span);
    const strategic = rand() < 0.1 ? 1 : rand() < 0.5 ? 0 : NaN;
    for (let k = 0; k < participants && r < np; k++, r++) {
      p.project_id[r] = `P${project}`;
      p.staff_id[r] = staffId(pick(s));
      p.role[r] = k === 0 ? ROLE.lead : ROLE.support;
      p.customer_id[r] = `C${customer}`;
      p.industry[r] = fresh(industry);
      p.amount[r] = amount;
      p.status[r] = status;
      p.decided_on[r] = decided;
      p.strategic[r] = strategic;
      const made = pick(8);
      p.proposals_made[r] = rand() < 0.2 ? NaN : made;
      p.proposals_adopted[r] = pick(made + 1);
    }
  }
  ds.projects = p;

  const na = Math.round(rows * 0.3);
  const types = [...KNOWN_ACTIVITY_TYPES, 'saas_demo'];
  ds.activities = {
    length: na, staff_id: Array.from({ length: na }, () => staffId(pick(s))), date: Float64Array.from({ length: na }, () => first + pick(span)),
    type: Array.from({ length: na }, () => fresh(types[pick(types.length)])), count: Float64Array.from({ length: na }, () => (rand() < 0.5 ? NaN : 1 + pick(3))),
  };

  const nq = Math.round(rows * 0.2);
  const requested = Float64Array.from({ length: nq }, () => (first + pick(span)) * 86_400 + pick(86_400));
  ds.requests = {
    length: nq, request_id: Array.from({ length: nq }, (_, i) => `R${i}`), staff_id: Array.from({ length: nq }, () => staffId(pick(s))),
    type: Float64Array.from({ length: nq }, () => pick(3)), requested_at: requested,
    responded_at: requested.map((t) => (rand() < 0.05 ? NaN : t + pick(40 * 3600))),
    delivered_at: requested.map((t) => (rand() < 0.1 ? NaN : t + pick(80 * 3600))),
    bid_score: Float64Array.from({ length: nq }, () => (rand() < 0.5 ? 50 + pick(50) : NaN)),
  };

  const ng = Math.round(rows * 0.06);
  ds.ratings = {
    length: ng, staff_id: Array.from({ length: ng }, () => staffId(pick(s))), rated_on: Float64Array.from({ length: ng }, () => first + pick(span)),
    source: Float64Array.from({ length: ng }, () => pick(5)), score: Float64Array.from({ length: ng }, () => 1 + pick(5)),
    scale_max: Float64Array.from({ length: ng }, () => (rand() < 0.5 ? NaN : 5)),
  };

  const nv = rows - np - na - nq - ng;
  ds.reviews = {
    length: nv, review_id: Array.from({ length: nv }, (_, i) => `V${i}`), staff_id: Array.from({ length: nv }, () => staffId(pick(s))),
    kind: Float64Array.from({ length: nv }, () => pick(2)), reviewed_on: Float64Array.from({ length: nv }, () => first + pick(span)),
    completeness: Float64Array.from({ length: nv }, () => 50 + pick(51)), first_pass: Float64Array.from({ length: nv }, () => pick(2)),
  };
  return ds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall-clock and CPU milliseconds of one call; CPU time is less distorted when other jobs share the machine. */
function time(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

export async function run(rows = 1_000_000, repeats = 5): Promise<Figure[]> {
  const ds = syntheticDataset(rows);
  // deriveMetrics reads only these scenario fields; one custom metric exercises that path too
  const scenario = {
    high_value_threshold: 1_000_000, strategic_industries: ['金融'], strategic_industry_multiplier: 1.5,
    role_coefficients: { lead: 0.3, support: 0.2 },
    indicators: [{ id: 'saas', category: 'process', weight: 2, label_zh: 'SaaS', label_en: 'SaaS', metrics: [
      { id: 'saas_demo_count', target: 3, direction: 'higher', subweight: 1, define: { kind: 'activity_count', types: ['saas_demo'] } },
    ] }],
  } as unknown as Scenario;
  const year = parsePeriod('2026');
  const quarter = parsePeriod('2026Q2');
  const cold = time(() => deriveMetrics(ds, year, scenario));
  const yearRuns = Array.from({ length: repeats }, () => time(() => deriveMetrics(ds, year, scenario)));
  const quarterRuns = Array.from({ length: repeats }, () => time(() => deriveMetrics(ds, quarter, scenario)));
  const label = `${(rows / 1e6).toLocaleString('en')}M rows, ${ds.staff.length.toLocaleString('en')} staff`;
  return [
    { name: `deriveMetrics ${label}, year 2026 (median of ${repeats})`, value: median(yearRuns.map((t) => t.wall)), unit: 'ms', target: '≤ 1000 ms' },
    { name: `deriveMetrics ${label}, 2026Q2 (median of ${repeats})`, value: median(quarterRuns.map((t) => t.wall)), unit: 'ms', target: '≤ 1000 ms' },
    { name: `deriveMetrics ${label}, year 2026, CPU time (median)`, value: median(yearRuns.map((t) => t.cpu)), unit: 'ms' },
    { name: `deriveMetrics ${label}, year 2026, first (cold) run`, value: cold.wall, unit: 'ms' },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2]) || 1_000_000;
  for (const f of await run(rows)) console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.target ? `  (target ${f.target})` : ''}`);
}
