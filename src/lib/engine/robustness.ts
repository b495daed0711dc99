/**
 * Monte Carlo robustness of the grades (SMAA-style): draw many weight vectors inside the
 * seed bands, grade everyone under each, and report per person how often each grade comes
 * out. A person whose most frequent grade wins less than 80% of the draws sits on a
 * boundary: a reasonable change of weights would change their grade.
 *
 * What "within the bands" means. Bands are percent of the weight total (bands.ts). A draw
 * is a vector of shares p with Σp = 100 in which every banded indicator's share lies in its
 * band and every other indicator keeps its current share; draws are uniform over that set
 * (a slice of a box by a hyperplane). We draw all banded shares but one uniformly in their
 * bands, set the last one (the widest band) to 100 minus the rest, and reject the draw when
 * it falls outside its band. Drawing every share in its band and then normalising to 100
 * would be simpler but pushes shares out of their bands (the bands' lows sum to 73 and
 * highs to 115); rejecting those draws accepts a few more of them (24% against our 16% for
 * the standard preset, scripts/bench/robustness.ts), but what survives is not uniform: it
 * is denser along the rays from the origin through the box. Drawing is cheap next to
 * scoring, so the uniform rule costs nothing that matters.
 * Shares become base weights scaled to the scenario's own weight total, so profile deltas
 * keep their meaning.
 */
import { mulberry32 } from './mulberry32';
import { GRADES } from './codes';
import { bandedIndicators, seedBand } from './bands';
import { GRADE_NONE } from './grades';
import { finalGradeIndices } from './sensitivity';
import { allocateScores, baseWeights, COMBOS, scoreWithWeights, type Scores, type ScoringModel } from './score';
import type { Scenario } from './types';
import { BilingualError } from '../i18n/bilingualError';

export type RobustnessErrorCode = 'cancelled' | 'infeasible' | 'invalid' | 'failed';

/** A refused or stopped run, with the message in Chinese and English. */
export class RobustnessError extends BilingualError<RobustnessErrorCode> {
  constructor(code: RobustnessErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'RobustnessError';
  }
}

/** The error every cancelled run rejects with. `cancelledError().code === 'cancelled'`. */
export const cancelledError = (): RobustnessError =>
  new RobustnessError('cancelled', '稳健性分析已取消。', 'The robustness analysis was cancelled.');

export interface WeightSampler {
  /** share bands per indicator (scenario order), percent; lo = hi for indicators held fixed */
  lo: Float64Array;
  hi: Float64Array;
  /** banded indicator indices drawn freely, and the one solved from Σ = 100 (-1 = none) */
  drawn: Int32Array;
  solved: number;
  /** base weight per percent point: Σ current base weights / 100 */
  scale: number;
}

/**
 * The sampling domain of a scenario (see the file comment). Throws RobustnessError
 * 'infeasible' when the fixed shares leave a remainder the bands cannot add up to.
 * `weightSampler(standard).lo[0] === 15`.
 */
export function weightSampler(scenario: Scenario): WeightSampler {
  const base = baseWeights(scenario);
  const sum = base.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) throw new RobustnessError('invalid', '所有权重均为 0，无法分析。', 'All weights are 0; there is nothing to analyse.');
  const k = base.length;
  const lo = new Float64Array(k);
  const hi = new Float64Array(k);
  for (let j = 0; j < k; j++) lo[j] = hi[j] = (100 * base[j]) / sum;
  const banded = bandedIndicators(scenario);
  let loSum = 0;
  let hiSum = 0;
  let remainder = 0;
  let solved = -1;
  for (const j of banded) {
    const [l, h] = seedBand(scenario.indicators[j].id)!;
    remainder += lo[j];
    lo[j] = l;
    hi[j] = h;
    loSum += l;
    hiSum += h;
    if (solved < 0 || h - l > hi[solved] - lo[solved]) solved = j;
  }
  // A tolerance: shares computed from weights carry float noise.
  if (banded.length > 0 && (remainder < loSum - 1e-9 || remainder > hiSum + 1e-9)) {
    const r = remainder.toFixed(1);
    throw new RobustnessError('infeasible',
      `有区间的指标合计占 ${r}%，但各区间之和只能在 ${loSum}%–${hiSum}% 之间，无法在区间内抽样；请调整未设区间的指标权重。`,
      `The indicators with a seed range hold ${r}% of the weight, but their ranges can only add up to ${loSum}–${hiSum}%; adjust the weights of the indicators without a range.`);
  }
  return { lo, hi, drawn: Int32Array.from(banded.filter((j) => j !== solved)), solved, scale: sum / 100 };
}

/**
 * One draw of shares (percent, Σ = 100, each in its band) into `out`; returns the number
 * of attempts it took (1 = accepted at once). `rng` gives floats in [0, 1).
 * `sampleShares(weightSampler(standard), mulberry32(1), new Float64Array(12))`.
 */
export function sampleShares(sp: WeightSampler, rng: () => number, out: Float64Array, maxAttempts = 100_000): number {
  const { lo, hi, drawn, solved } = sp;
  out.set(lo);
  if (solved < 0) return 1;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let rest = 0;
    for (let j = 0; j < out.length; j++) if (j !== solved) rest += out[j];
    for (let d = 0; d < drawn.length; d++) {
      const j = drawn[d];
      const v = lo[j] + rng() * (hi[j] - lo[j]);
      rest += v - out[j];
      out[j] = v;
    }
    const last = 100 - rest;
    // The tolerance only matters when the band is a single point (one banded indicator).
    if (last >= lo[solved] - 1e-9 && last <= hi[solved] + 1e-9) {
      out[solved] = Math.min(hi[solved], Math.max(lo[solved], last));
      return attempt;
    }
  }
  throw new RobustnessError('infeasible', `连续 ${maxAttempts} 次抽样都落在区间外，请调整权重。`,
    `${maxAttempts} draws in a row fell outside the ranges; adjust the weights.`);
}

/**
 * The forced-distribution group per model row for the scenario's `group_by` (all zeros when
 * it does not use forced distribution: groups then do not matter). Grouping by team needs
 * the caller's `groupIndex(ds, model.staffIndex, 'team').group`: the model has no team names.
 * `gradingGroups(model, standard)` → n zeros.
 */
export function gradingGroups(model: ScoringModel, scenario: Scenario, teamGroup?: Int32Array): Int32Array {
  const fd = scenario.forced_distribution;
  if (!fd.use_forced_distribution) return new Int32Array(model.n);
  switch (fd.group_by) {
    case 'none': return new Int32Array(model.n);
    case 'level': return Int32Array.from(model.levelOf);
    case 'domain': return Int32Array.from(model.domainOf);
    case 'team':
      if (!teamGroup || teamGroup.length !== model.n) {
        throw new RobustnessError('invalid', '按团队强制分布时需要提供每人的团队分组。', 'Forced distribution by team needs each person\'s team group.');
      }
      return teamGroup;
  }
}

/**
 * Indicator columns that can carry a weight > 0 for somebody in some draw: drawn in a band,
 * held at a share > 0, or raised above 0 by a profile delta. The others add nothing to any
 * total, and skipping them saves a sixth of the scoring work for the standard preset.
 */
function activeColumns(model: ScoringModel, sp: WeightSampler): Int32Array {
  const keep: number[] = [];
  for (let j = 0; j < model.k; j++) {
    let live = sp.hi[j] > 0;
    for (let c = 0; c < COMBOS && !live; c++) if (model.deltas[c * model.k + j] > 0) live = true;
    if (live) keep.push(j);
  }
  return Int32Array.from(keep);
}

/** A copy of the model restricted to some indicator columns (same people, same fractions). */
function withColumns(model: ScoringModel, cols: Int32Array): ScoringModel {
  const { n, k } = model;
  const k2 = cols.length;
  const fraction = new Float64Array(n * k2);
  for (let i = 0; i < n; i++) for (let a = 0; a < k2; a++) fraction[i * k2 + a] = model.fraction[i * k + cols[a]];
  const deltas = new Float64Array(COMBOS * k2);
  for (let c = 0; c < COMBOS; c++) for (let a = 0; a < k2; a++) deltas[c * k2 + a] = model.deltas[c * k + cols[a]];
  return {
    ...model, k: k2, indicatorIds: Array.from(cols, (j) => model.indicatorIds[j]), fraction, deltas,
    comboWeights: new Float64Array(COMBOS * k2), comboWeightSum: new Float64Array(COMBOS),
  };
}

/** Grade slots per person in `counts`: S, A, B, C, D, then "no grade". */
export const SLOTS = GRADES.length + 1;

export interface RobustnessResult {
  n: number;
  samples: number;
  seed: number;
  threshold: number;
  /** draws accepted / draws made by the sampler */
  acceptanceRate: number;
  staffIndex: Int32Array;
  /** n × SLOTS: how many samples gave each grade (S…D, then no grade) */
  counts: Int32Array;
  /** final grade at the scenario's own weights (GRADES index, 255 = none) */
  current: Uint8Array;
  /** most frequent grade (ties to the better grade), 255 = none */
  modal: Uint8Array;
  modalProbability: Float64Array;
  /** 1 when modalProbability < threshold */
  boundary: Uint8Array;
  boundaryCount: number;
  /** mean rounded total over the samples with a total; NaN when none */
  meanTotal: Float64Array;
}

export interface RobustnessOptions {
  samples: number;
  seed: number;
  /** boundary flag when the modal grade's probability is below this; default 0.8 */
  threshold?: number;
  onProgress?(done: number, total: number): void;
}

/** Add one sample's grades and totals to the running counts (a small function V8 optimises on its own). */
function tally(grades: Uint8Array, total: Float64Array, counts: Int32Array, totalSum: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const g = grades[i];
    counts[i * SLOTS + (g === GRADE_NONE ? SLOTS - 1 : g)]++;
    const t = total[i];
    if (t === t) totalSum[i] += t;
  }
}

/**
 * A resumable Monte Carlo run: `step(m)` draws and grades up to m more samples, so a caller
 * can report progress and stop between samples. Allocates nothing per sample except inside
 * forcedDistribution (only when the scenario uses it).
 * `const run = new RobustnessRun(model, s, group, { samples: 1000, seed: 7 }); while (!run.done) run.step(50); run.result()`.
 */
export class RobustnessRun {
  readonly samples: number;
  done = 0;
  private attempts = 0;
  private readonly rng: () => number;
  private readonly sampler: WeightSampler;
  private readonly shares: Float64Array;
  private readonly weights: Float64Array;
  private readonly scores: Scores;
  private readonly grades: Uint8Array;
  private readonly counts: Int32Array;
  private readonly totalSum: Float64Array;
  private readonly current: Uint8Array;
  /** indicator columns that can get a weight > 0 in some draw, and the model cut down to them */
  private readonly active: Int32Array;
  private readonly fast: ScoringModel;

  constructor(
    private readonly model: ScoringModel,
    private readonly scenario: Scenario,
    private readonly group: Int32Array,
    private readonly opts: RobustnessOptions,
  ) {
    const { samples, seed, threshold = 0.8 } = opts;
    if (!Number.isInteger(samples) || samples < 1) {
      throw new RobustnessError('invalid', `抽样次数应为正整数（当前 ${samples}）`, `samples must be a positive integer (got ${samples})`);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new RobustnessError('invalid', `边界阈值应在 0–1 之间（当前 ${threshold}）`, `threshold must be within 0–1 (got ${threshold})`);
    }
    if (group.length !== model.n) throw new RobustnessError('invalid', '分组数与人数不一致。', `group has ${group.length} rows, the model ${model.n}.`);
    this.samples = samples;
    this.rng = mulberry32(seed);
    this.sampler = weightSampler(scenario);
    this.shares = new Float64Array(model.k);
    this.active = activeColumns(model, this.sampler);
    this.fast = this.active.length === model.k ? model : withColumns(model, this.active);
    this.weights = new Float64Array(this.active.length);
    this.scores = allocateScores(this.fast);
    this.grades = new Uint8Array(model.n);
    this.counts = new Int32Array(model.n * SLOTS);
    this.totalSum = new Float64Array(model.n);
    const current = Float64Array.from(this.active, (j) => scenario.indicators[j].weight);
    this.current = finalGradeIndices(scoreWithWeights(this.fast, current, this.scores).total, scenario, group, new Uint8Array(model.n));
  }

  get finished(): boolean {
    return this.done >= this.samples;
  }

  /** Run up to `count` more samples; returns how many are done in all. */
  step(count: number): number {
    const { fast, sampler, shares, active, weights, scores, grades, counts, totalSum } = this;
    const n = fast.n;
    const end = Math.min(this.samples, this.done + count);
    for (; this.done < end; this.done++) {
      this.attempts += sampleShares(sampler, this.rng, shares);
      for (let a = 0; a < active.length; a++) weights[a] = shares[active[a]] * sampler.scale;
      scoreWithWeights(fast, weights, scores);
      finalGradeIndices(scores.total, this.scenario, this.group, grades);
      tally(grades, scores.total, counts, totalSum, n);
    }
    this.opts.onProgress?.(this.done, this.samples);
    return this.done;
  }

  /** The summary of the samples done so far (all of them once `finished`). */
  result(): RobustnessResult {
    const { model, counts, totalSum } = this;
    const n = model.n;
    const threshold = this.opts.threshold ?? 0.8;
    const done = Math.max(1, this.done);
    const modal = new Uint8Array(n);
    const modalProbability = new Float64Array(n);
    const boundary = new Uint8Array(n);
    const meanTotal = new Float64Array(n);
    let boundaryCount = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let s = 1; s < SLOTS; s++) if (counts[i * SLOTS + s] > counts[i * SLOTS + best]) best = s;
      modal[i] = best === SLOTS - 1 ? GRADE_NONE : best;
      modalProbability[i] = counts[i * SLOTS + best] / done;
      if (modalProbability[i] < threshold) { boundary[i] = 1; boundaryCount++; }
      const graded = done - counts[i * SLOTS + SLOTS - 1];
      meanTotal[i] = graded > 0 ? totalSum[i] / graded : NaN;
    }
    return {
      n, samples: this.done, seed: this.opts.seed, threshold,
      acceptanceRate: this.attempts > 0 ? this.done / this.attempts : 1,
      staffIndex: model.staffIndex, counts, current: this.current,
      modal, modalProbability, boundary, boundaryCount, meanTotal,
    };
  }
}

/**
 * Run all samples at once. `shouldStop` is asked between samples (in chunks of
 * `chunk`, default 25) and a true answer throws RobustnessError 'cancelled'.
 * `robustness(model, standard, gradingGroups(model, standard), { samples: 1000, seed: 42 }).boundaryCount`.
 */
export function robustness(
  model: ScoringModel, scenario: Scenario, group: Int32Array,
  opts: RobustnessOptions & { shouldStop?(): boolean; chunk?: number },
): RobustnessResult {
  const run = new RobustnessRun(model, scenario, group, opts);
  while (!run.finished) {
    if (opts.shouldStop?.()) throw cancelledError();
    run.step(opts.chunk ?? 25);
  }
  return run.result();
}

/**
 * As `robustness`, but yields to the event loop about every `sliceMs` (default 50 ms) so a
 * worker can receive a cancel message; `signal` aborting rejects with RobustnessError
 * 'cancelled'. Yielding by time, not per chunk: timers nested this deep are clamped to 4 ms,
 * which per 25-sample chunk would add a sixth to a 1 000-sample run.
 * `await robustnessAsync(model, s, group, { samples: 1000, seed: 1, signal, onProgress })`.
 */
export async function robustnessAsync(
  model: ScoringModel, scenario: Scenario, group: Int32Array,
  opts: RobustnessOptions & { signal?: AbortSignal; chunk?: number; sliceMs?: number },
): Promise<RobustnessResult> {
  const run = new RobustnessRun(model, scenario, group, opts);
  const slice = opts.sliceMs ?? 50;
  while (!run.finished) {
    const start = performance.now();
    do {
      if (opts.signal?.aborted) throw cancelledError();
      run.step(opts.chunk ?? 25);
    } while (!run.finished && performance.now() - start < slice);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (opts.signal?.aborted) throw cancelledError();
  return run.result();
}

/**
 * One person's grade probabilities from a result. `gradeProbabilities(r, 0)` → { S: 0.1, A: 0.9, B: 0, C: 0, D: 0, none: 0 }.
 */
export function gradeProbabilities(r: RobustnessResult, row: number): Record<(typeof GRADES)[number] | 'none', number> {
  const p = (s: number) => r.counts[row * SLOTS + s] / Math.max(1, r.samples);
  return { S: p(0), A: p(1), B: p(2), C: p(3), D: p(4), none: p(5) };
}
