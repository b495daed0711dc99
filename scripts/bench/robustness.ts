/**
 * Monte Carlo robustness benchmark: 1 000 weight draws × 10 000 staff on a prepared model
 * (draw, score, grade, count), target ≤ 2 s; in Node, so compare with the Chromium anchors
 * of ../shared/perf-anchors.md as a ratio. Also measures the sampler's acceptance rate and,
 * for the design note in src/lib/engine/robustness.ts, how many draws would survive the
 * alternative "draw each weight in its band, normalise to 100, reject if a share leaves its band".
 * Alone: `npx tsx scripts/bench/robustness.ts`.
 */
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../../src/lib/engine/mulberry32';
import { DOMAINS, LEVELS } from '../../src/lib/engine/codes';
import { emptyDataset } from '../../src/lib/engine/dataset';
import { parsePeriod } from '../../src/lib/engine/periods';
import { BUILT_IN_PRESETS } from '../../src/lib/engine/presets';
import { gradingGroups, robustness, weightSampler } from '../../src/lib/engine/robustness';
import { prepareScoring, type ScoringModel } from '../../src/lib/engine/score';
import type { MetricMatrix, Scenario } from '../../src/lib/engine/types';

import type { Figure } from './lib/figure';

const N = 10_000;
const SAMPLES = 1_000;
const UNIT_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

function syntheticModel(scenario: Scenario): ScoringModel {
  const rnd = mulberry32(42);
  const ds = emptyDataset();
  ds.staff = {
    length: N,
    staff_id: Array.from({ length: N }, (_, i) => `PS${100000 + i}`),
    name: Array.from({ length: N }, (_, i) => `员工${i}`),
    level: Float64Array.from({ length: N }, () => Math.floor(rnd() * LEVELS.length)),
    domain: Float64Array.from({ length: N }, () => Math.floor(rnd() * DOMAINS.length)),
    team: Array.from({ length: N }, () => ''),
    manager: Array.from({ length: N }, () => ''),
    salary: new Float64Array(N).fill(20_000),
    hired_on: new Float64Array(N).fill(NaN),
    left_on: new Float64Array(N).fill(NaN),
  };
  const period = parsePeriod('2026Q1');
  const values: Record<string, Float64Array> = {};
  for (const m of scenario.indicators.flatMap((ind) => ind.metrics)) {
    const scale = m.unit ? (m.target * period.months) / UNIT_MONTHS[m.unit] : m.target;
    values[m.id] = Float64Array.from({ length: N }, () => (rnd() < 0.05 ? NaN : scale * rnd() * 1.6));
  }
  const matrix: MetricMatrix = { period, staffIndex: Int32Array.from({ length: N }, (_, i) => i), values };
  return prepareScoring(ds, matrix, scenario);
}

/** Share of "uniform in each band, then normalise to 100" draws whose shares all stay in their bands. */
function normaliseAcceptance(scenario: Scenario, trials: number): number {
  const sp = weightSampler(scenario);
  const rnd = mulberry32(7);
  const p = new Float64Array(sp.lo.length);
  let ok = 0;
  for (let t = 0; t < trials; t++) {
    let sum = 0;
    for (let j = 0; j < p.length; j++) { p[j] = sp.lo[j] + rnd() * (sp.hi[j] - sp.lo[j]); sum += p[j]; }
    let inside = true;
    for (let j = 0; j < p.length && inside; j++) {
      const share = (100 * p[j]) / sum;
      if (share < sp.lo[j] - 1e-9 || share > sp.hi[j] + 1e-9) inside = false;
    }
    if (inside) ok++;
  }
  return ok / trials;
}

/**
 * Three timed runs after a warm-up. The machine is shared, so besides wall time we report
 * this process's CPU time (user + system), which leaves out the time spent waiting for a core.
 */
function timed(model: ScoringModel, scenario: Scenario) {
  const group = gradingGroups(model, scenario);
  robustness(model, scenario, group, { samples: 200, seed: 1 }); // JIT warm-up
  const ms: number[] = [];
  const cpu: number[] = [];
  let r = robustness(model, scenario, group, { samples: 1, seed: 1 });
  for (let seed = 2; seed < 5; seed++) {
    const c = process.cpuUsage();
    const t = performance.now();
    r = robustness(model, scenario, group, { samples: SAMPLES, seed });
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  ms.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  return { median: ms[1], best: ms[0], cpu: cpu[1], r };
}

export async function run(): Promise<Figure[]> {
  const standard = BUILT_IN_PRESETS.find((p) => p.id === 'standard')!.scenario;
  const forced: Scenario = { ...standard, forced_distribution: { ...standard.forced_distribution, use_forced_distribution: true } };
  const model = syntheticModel(standard);
  const a = timed(model, standard);
  const b = timed(model, forced);
  return [
    { name: 'Node: robustness 1,000 samples × 10k staff, threshold grades, median of 3', value: a.median, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'Node: same, best of 3', value: a.best, unit: 'ms' },
    { name: 'Node: same, CPU time (user+sys), median of 3', value: a.cpu, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'Node: robustness 1,000 samples × 10k staff, forced distribution, median of 3', value: b.median, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'Node: same, best of 3', value: b.best, unit: 'ms' },
    { name: 'Node: same, CPU time (user+sys), median of 3', value: b.cpu, unit: 'ms', target: '≤ 2000 ms' },
    { name: 'sampler acceptance rate (uniform on the band slice), standard', value: 100 * a.r.acceptanceRate, unit: '%' },
    { name: 'acceptance if drawn per band then normalised, standard', value: 100 * normaliseAcceptance(standard, 100_000), unit: '%' },
    { name: 'boundary people (modal p < 0.8), threshold grades', value: a.r.boundaryCount, unit: 'people' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const f of await run()) console.log(`${f.name}: ${f.value.toFixed(3)} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`);
}
