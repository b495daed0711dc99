/**
 * Scheme-parameter edit benchmark (#16): with 10,000 staff (1,000,000 raw rows, the metrics
 * bench's data), the main-thread work one edit of each scheme parameter costs, laid out as
 * ScoringState lays it out: the edit is checked as a scenario file (editChecked's parse of the
 * serialised scenario), then only the layers whose key changed re-run —
 *   metric parameters (strategic industries, multiplier, high-value threshold, role
 *   coefficients) → project metrics re-derived + model prepared + graded;
 *   model parameters (weight adjustments, sub-weights, targets, bonus items, scoring rule)
 *   → model prepared + graded;
 *   grading parameters (weights, thresholds, forced distribution) → graded;
 *   bonus share and coefficients → graded (the graded layer reads the whole scenario).
 * The model is prepared with the model before the edit, as ScoringState does: only indicator
 * columns whose inputs changed are computed (engine/fractionInputs.ts); the steps line says how many.
 * Median and p95 of RUNS edits each, wall clock and the process's CPU time (on a loaded
 * machine the wall clock also holds the waits for a core; the CPU time also holds V8's
 * concurrent GC threads, so it can exceed the wall clock); target ≤ 16 ms. Node: the app's
 * own figure, with Svelte and the page, is scheme-edit-browser.ts's. Alone: `npx tsx scripts/bench/scheme-edit.ts [rows]`.
 */
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { deriveMetrics } from '../../src/lib/engine/metrics';
import { rederiveProjectMetrics } from '../../src/lib/engine/projectRederive';
import { parsePeriod } from '../../src/lib/engine/periods';
import { BUILT_IN_PRESETS } from '../../src/lib/engine/presets';
import { parseScenario, serializeScenario } from '../../src/lib/engine/scenario';
import { prepareScoring } from '../../src/lib/engine/score';
import { groupIndex } from '../../src/lib/engine/forcedDistribution';
import type { MetricMatrix, Scenario } from '../../src/lib/engine/types';
import { allocateGrading, gradeAll } from '../../src/lib/state/gradeAll';
import { metricsKey, modelKey } from '../../src/lib/state/scenarioKeys';
import {
  setHighValueThreshold, setMultiplier, setProfileValue, setRoleCoefficient, setSubweight, toggleStrategicIndustry,
} from '../../src/lib/viewmodel/schemeEdit';
import { syntheticDataset } from './metrics';

import type { Figure } from './lib/figure';

const RUNS = 15;

// The change list's words come from the i18n dictionaries, whose module keeps the language in a
// Svelte rune; outside a Svelte build the rune is a plain value.
(globalThis as { $state?: <T>(v: T) => T }).$state ??= (v) => v;
const { schemeChanges } = await import('../../src/lib/viewmodel/schemeChanges');
const withBonusShare = (s: Scenario, share: number): Scenario => ({ ...s, bonus: { ...s.bonus, bonus_share: share } });
const TARGET = '≤ 16 ms';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

export async function run(rows = 1_000_000): Promise<Figure[]> {
  const ds = syntheticDataset(rows, 10_000);
  const period = parsePeriod('2026Q2');
  const base = BUILT_IN_PRESETS[0].scenario;
  let scenario: Scenario = base;
  let matrix: MetricMatrix = deriveMetrics(ds, period, base);
  let model = prepareScoring(ds, matrix, base);
  let group = groupIndex(ds, model.staffIndex, base.forced_distribution.group_by).group;
  let buffers = allocateGrading(model);
  const weights = Float64Array.from(base.indicators, (i) => i.weight);
  const fullDerive: number[] = [];
  /** Indicator columns each preparation of the current case computed (the rest were copied from the model before). */
  let computed: number[] = [];

  /** Milliseconds of each step of the last edit (check, project metrics, model, group, grade, change list). */
  let steps: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const t = performance.now();
    const out = f();
    steps[name] = (steps[name] ?? 0) + performance.now() - t;
    return out;
  };
  /** One edit as the app runs it; returns its main-thread milliseconds. */
  const edit = (change: (s: Scenario) => Scenario): number => {
    steps = {};
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const next = step('check', () => parseScenario(JSON.parse(serializeScenario(change(scenario)))));
    let prepared = false;
    const [metricsChanged, modelChanged] = step('keys', () => [metricsKey(next) !== metricsKey(scenario), modelKey(next) !== modelKey(scenario)]);
    if (metricsChanged) {
      matrix = step('project metrics', () => rederiveProjectMetrics(ds, matrix, next));
      prepared = true;
    }
    if (prepared || modelChanged) {
      model = step('model', () => prepareScoring(ds, matrix, next, model));
      computed.push(model.computedIndicators ?? model.k);
      buffers = step('buffers', () => allocateGrading(model));
      prepared = true;
    }
    // ScoringState's group follows the model (and the grouping): a new model regroups.
    if (prepared || next.forced_distribution.group_by !== scenario.forced_distribution.group_by) {
      group = step('group', () => groupIndex(ds, model.staffIndex, next.forced_distribution.group_by).group);
    }
    // ScoringState's `graded` reads the whole scenario, so every edit re-grades (a bonus share too).
    step('grade', () => gradeAll(model, weights, next, group, buffers, false));
    step('change list', () => schemeChanges(base, next)); // the list beside the save button follows each edit
    scenario = next;
    const t1 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    lastCpu = (cpu.user + cpu.system) / 1000;
    windows.push([t0, t1]);
    return t1 - t0;
  };
  /** The process's CPU time in the last edit (user + system, ms): no waits for a core, but V8's concurrent GC threads included. */
  let lastCpu = 0;
  /** Each edit's time span, and V8's collections (Node reports them after the fact): which edit paid for which. */
  const windows: [number, number][] = [];
  const collections: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) collections.push({ start: e.startTime, duration: e.duration }); });
  observer.observe({ entryTypes: ['gc'] });
  const gcIn = ([a, b]: [number, number]) => collections.reduce((sum, c) => (c.start >= a && c.start < b ? sum + c.duration : sum), 0);

  const cases: { name: string; layer: string; change: (s: Scenario, r: number) => Scenario }[] = [
    { name: 'strategic industry on/off', layer: 'project metrics', change: (s, r) => toggleStrategicIndustry(s, '金融', r % 2 === 1) }, // ends on: the multiplier then counts,
    { name: 'strategic multiplier', layer: 'project metrics', change: (s, r) => setMultiplier(s, 1.5 + (r % 5) / 10) },
    { name: 'high-value threshold', layer: 'project metrics', change: (s, r) => setHighValueThreshold(s, 500_000 + 100_000 * (r % 7)) },
    { name: 'role coefficient (lead)', layer: 'project metrics', change: (s, r) => setRoleCoefficient(s, 'lead', 0.3 + (r % 4) / 20) },
    { name: 'weight adjustment (domain)', layer: 'model', change: (s, r) => setProfileValue(s, 'domain', 'consulting', 'weights', 'innovation', 1 + (r % 5)) },
    { name: 'metric sub-weight', layer: 'model', change: (s, r) => setSubweight(s, 'solution_quality', 'first_pass_rate', 1 + (r % 4)) },
    { name: 'grade threshold A', layer: 'grading', change: (s, r) => ({ ...s, grades: { ...s.grades, A: 78 + (r % 4) } }) },
    { name: 'bonus share', layer: 'grading', change: (s, r) => withBonusShare(s, 0.2 + (r % 5) / 100) },
  ];
  const figures: Figure[] = [];
  for (const c of cases) {
    const times: number[] = [];
    const caseWindows: [number, number][] = [];
    const cpuTimes: number[] = [];
    computed = [];
    const byStep = new Map<string, number[]>();
    for (let r = 0; r < RUNS + 3; r++) {
      const ms = edit((s) => c.change(s, r));
      if (r < 3) continue; // the first edits warm the JIT up
      times.push(ms);
      caseWindows.push(windows[windows.length - 1]);
      cpuTimes.push(lastCpu);
      for (const [k, v] of Object.entries(steps)) byStep.set(k, [...(byStep.get(k) ?? []), v]);
    }
    await new Promise((resolve) => setTimeout(resolve, 0)); // lets the observer deliver this case's collections
    const gc = caseWindows.map(gcIn);
    byStep.set('gc', gc);
    figures.push({ name: `${c.name} (${c.layer}) median`, value: median(times), unit: 'ms', target: TARGET });
    figures.push({ name: `${c.name} (${c.layer}) p95`, value: p95(times), unit: 'ms', target: TARGET });
    figures.push({ name: `${c.name} (${c.layer}) process CPU (all threads) median`, value: median(cpuTimes), unit: 'ms', target: TARGET });
    figures.push({ name: `${c.name} (${c.layer}) process CPU (all threads) p95`, value: p95(cpuTimes), unit: 'ms', target: TARGET });
    const parts = [...byStep].map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ');
    const columns = computed.length > 0 ? `; indicator columns computed ${median(computed)} of ${model.k}` : '';
    figures.push({ name: `  steps, median ms: ${parts}${columns}`, value: 0, unit: '' });
  }
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    deriveMetrics(ds, period, scenario);
    fullDerive.push(performance.now() - t0);
  }
  figures.push({ name: 'for reference: full deriveMetrics of the quarter', value: median(fullDerive), unit: 'ms' });
  observer.disconnect();
  figures.push({ name: 'load average (1 min) during the run', value: loadavg()[0], unit: '' });
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await run(Number(process.argv[2]) || undefined)) console.log(`${f.name.padEnd(62)} ${f.value.toFixed(2).padStart(9)} ${f.unit} ${f.target ?? ''}`);
}
