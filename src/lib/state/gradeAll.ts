/**
 * The slider's hot path: score, grade and force-distribute everyone for one set of base
 * weights on typed arrays, measured as `kpi-recompute` for the browser benchmark.
 */
import { allocateScores, scoreWithWeights, type ScoringModel, type Scores } from '../engine/score';
import { GRADE_NONE, thresholdGrades } from '../engine/grades';
import { forcedDistribution } from '../engine/forcedDistribution';
import type { Scenario } from '../engine/types';

/** Everyone's scores and grades for one set of weights; grade arrays hold GRADES indices, 255 = none. */
export interface Graded {
  model: ScoringModel;
  scores: Scores;
  grade: Uint8Array;
  /** forced-distribution grades (computed on first read when the final grades follow the thresholds) */
  readonly forced: Uint8Array;
  final: Uint8Array;
  /** rank within the forced-distribution group, 0 = none (computed with `forced`) */
  readonly rank: Int32Array;
  group: Int32Array;
  gradedCount: number;
}

/** The name a browser benchmark reads with `performance.getEntriesByName('kpi-recompute')`. */
export const RECOMPUTE_MEASURE = 'kpi-recompute';
const MEASURE_LIMIT = 10_000;

let measures = 0;

/**
 * What one grading after another writes into during a slider drag, so a move allocates no
 * per-person arrays (scores, threshold grades, ranks and forced grades: ~28 KB per move with
 * 2,000 people, more with the forced distribution on). A grading made into these buffers holds
 * until the next one made into them.
 */
export interface GradeBuffers { scores: Scores; grade: Uint8Array; rank: Int32Array; forced: Uint8Array; generation: number }
export const allocateGrading = (model: ScoringModel): GradeBuffers => ({
  scores: allocateScores(model), grade: new Uint8Array(model.n), rank: new Int32Array(model.n), forced: new Uint8Array(model.n), generation: 0,
});

/**
 * Score, grade and force-distribute everyone for one set of base weights, with a
 * `kpi-recompute` performance measure around it. With `out`, the grading lives in those
 * buffers: read it before grading into them again (its ranks and forced grades refuse to be
 * read once a later grading has reused them).
 */
export function gradeAll(
  model: ScoringModel, weights: Float64Array, s: Scenario, group: Int32Array, out?: GradeBuffers, measure = true,
): Graded {
  const perf = measure && typeof performance !== 'undefined' && typeof performance.mark === 'function';
  if (perf) performance.mark('kpi-recompute-start');
  const scores = scoreWithWeights(model, weights, out?.scores);
  const grade = thresholdGrades(scores.total, s.grades, out?.grade);
  const generation = out ? ++out.generation : 0;
  const fd = s.forced_distribution;
  let distributed: { rank: Int32Array; forced: Uint8Array } | null = null;
  // When the final grades follow the thresholds, nobody on the hot path reads the forced grades:
  // they are worked out on first read, about half the recompute per move saved.
  const distribute = () => {
    if (out && out.generation !== generation) {
      throw new Error('gradeAll: a later grading has reused this one\'s buffers; read its forced grades before grading again');
    }
    return (distributed ??= forcedDistribution(scores.total, group, fd.shares, s.grades.C, out));
  };
  const final = fd.use_forced_distribution ? distribute().forced : grade;
  let gradedCount = 0;
  for (let i = 0; i < model.n; i++) if (grade[i] !== GRADE_NONE) gradedCount++;
  if (perf) {
    performance.measure(RECOMPUTE_MEASURE, 'kpi-recompute-start');
    performance.clearMarks('kpi-recompute-start');
    // A long drag adds one entry per frame; bound the timeline buffer.
    if (++measures >= MEASURE_LIMIT) { performance.clearMeasures(RECOMPUTE_MEASURE); measures = 0; }
  }
  return {
    model, scores, grade, final, group, gradedCount,
    get forced() { return distribute().forced; },
    get rank() { return distribute().rank; },
  };
}
