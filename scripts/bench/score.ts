/**
 * Slider recompute benchmark (spec §5–§6 hot path): 10 000 staff, a prepared scoring
 * model, one base weight changed per run, then scoreWithWeights + threshold grades +
 * forced distribution. Median of 200 runs; target ≤ 2 ms. Node, so compare with the
 * Chromium anchors of ../shared/perf-anchors.md as a ratio, not absolutely.
 * Alone: `npx tsx scripts/bench/score.ts`.
 */
import { fileURLToPath } from 'node:url';
import { DOMAINS, LEVELS } from '../../src/lib/engine/codes';
import { emptyDataset, type Dataset } from '../../src/lib/engine/dataset';
import { forcedDistribution, groupIndex } from '../../src/lib/engine/forcedDistribution';
import { thresholdGrades } from '../../src/lib/engine/grades';
import { parsePeriod } from '../../src/lib/engine/periods';
import { BUILT_IN_PRESETS } from '../../src/lib/engine/presets';
import { allocateScores, baseWeights, prepareScoring, scoreWithWeights } from '../../src/lib/engine/score';
import type { MetricMatrix, Scenario } from '../../src/lib/engine/types';
import { mulberry32 } from '../../src/lib/engine/mulberry32';

import type { Figure } from './lib/figure';

const N = 10_000;
const RUNS = 200;


function syntheticData(scenario: Scenario): { ds: Dataset; matrix: MetricMatrix } {
  const rnd = mulberry32(42);
  const ds = emptyDataset();
  const teams = ['华东售前部', '华北售前部', '华南售前部', '行业解决方案中心', ''];
  ds.staff = {
    length: N,
    staff_id: Array.from({ length: N }, (_, i) => `PS${100000 + i}`),
    name: Array.from({ length: N }, (_, i) => `员工${i}`),
    level: Float64Array.from({ length: N }, () => Math.floor(rnd() * LEVELS.length)),
    domain: Float64Array.from({ length: N }, () => Math.floor(rnd() * DOMAINS.length)),
    team: Array.from({ length: N }, () => teams[Math.floor(rnd() * teams.length)]),
    manager: Array.from({ length: N }, () => ''),
    salary: Float64Array.from({ length: N }, () => 15000 + Math.round(rnd() * 35000)),
    hired_on: new Float64Array(N).fill(NaN),
    left_on: new Float64Array(N).fill(NaN),
  };
  const period = parsePeriod('2026Q1');
  const values: Record<string, Float64Array> = {};
  for (const m of scenario.indicators.flatMap((ind) => ind.metrics)) {
    const scale = m.unit ? (m.target * period.months) / { month: 1, quarter: 3, year: 12 }[m.unit] : m.target;
    // 5% N/A, values spread around the target so every branch of f is taken
    values[m.id] = Float64Array.from({ length: N }, () => (rnd() < 0.05 ? NaN : scale * rnd() * 1.6));
  }
  values.ltv_growth_share = Float64Array.from({ length: N }, () => rnd() * 100);
  return { ds, matrix: { period, staffIndex: Int32Array.from({ length: N }, (_, i) => i), values } };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

function rescoreTimes(scenario: Scenario, runs: number) {
  const { ds, matrix } = syntheticData(scenario);
  const t0 = performance.now();
  const model = prepareScoring(ds, matrix, scenario);
  const prepareMs = performance.now() - t0;
  const { group } = groupIndex(ds, matrix.staffIndex, scenario.forced_distribution.group_by);
  const weights = baseWeights(scenario);
  const out = allocateScores(model);
  const grades = new Uint8Array(N);
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < runs + 20; r++) {
    weights[r % weights.length] = 1 + (r % 20); // the slider moves one weight
    const t = performance.now();
    scoreWithWeights(model, weights, out);
    thresholdGrades(out.total, scenario.grades, grades);
    const fd = forcedDistribution(out.total, group, scenario.forced_distribution.shares, scenario.grades.C);
    const dt = performance.now() - t;
    sink += fd.rank[r % N] + grades[0];
    if (r >= 20) times.push(dt); // the first runs warm the JIT up
  }
  if (sink < 0) console.log(sink);
  return { prepareMs, times };
}

export async function run(): Promise<Figure[]> {
  const standard = BUILT_IN_PRESETS.find((p) => p.id === 'standard')!.scenario;
  const annual = BUILT_IN_PRESETS.find((p) => p.id === 'annual-longterm')!.scenario;
  const a = rescoreTimes(standard, RUNS);
  const b = rescoreTimes(annual, RUNS);
  return [
    { name: 'rescore 10k staff, one weight changed (score+grades+forced), median', value: median(a.times), unit: 'ms', target: '≤ 2 ms' },
    { name: 'rescore 10k staff, p95', value: p95(a.times), unit: 'ms' },
    { name: 'rescore 10k staff, forced by team (annual-longterm), median', value: median(b.times), unit: 'ms', target: '≤ 2 ms' },
    { name: 'prepareScoring 10k staff (once per data/period/targets)', value: a.prepareMs, unit: 'ms' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of await run()) console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`);
}
