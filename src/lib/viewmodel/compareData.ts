/**
 * What the compare page puts side by side: the results of one period under two scenarios,
 * either of which may be "the current edits", computed in slices (comparisonSteps).
 */
import { gradeChanges, migrationFromResults, rankShifts, type GradeChange, type RankShift } from '../engine/compare';
import { resultsFromMatrix } from '../engine/results';
import { serializeScenario } from '../engine/scenario';
import type { BandCount, PersonResult, Scenario } from '../engine/types';
import { metricsKey, type ScoringState } from '../state/scoring.svelte';
import { matrixSteps } from '../state/matrixSteps';

/** The choice id standing for the edited, unsaved scenario. */
export const CURRENT = '__current__';

/** The scenario behind a choice id (CURRENT = the current edits with the slider weights). */
export function scenarioFor(scoring: ScoringState, id: string): Scenario | null {
  if (id === CURRENT) return scoring.currentScenario;
  return scoring.choices.find((c) => c.id === id)?.scenario ?? null;
}

export interface CompareSide { scenario: Scenario; results: PersonResult[]; bands: BandCount[] }

/**
 * The default pair, two different schemes where there are any: with unsaved edits, the selected
 * scenario as saved (A) against the edits (B); else the first two saved scenarios; else the
 * selected scenario against the first other one.
 */
export function defaultPair(scoring: Pick<ScoringState, 'dirty' | 'scenarioId' | 'choices'>): { a: string; b: string } {
  if (scoring.dirty) return { a: scoring.scenarioId, b: CURRENT };
  const saved = scoring.choices.filter((c) => !c.builtIn);
  if (saved.length >= 2) return { a: saved[0].id, b: saved[1].id };
  const other = scoring.choices.find((c) => c.id !== scoring.scenarioId);
  return { a: scoring.scenarioId, b: other?.id ?? CURRENT };
}

/** Two scenarios that grade everyone alike: the same file apart from names and notes. */
export function sameScheme(a: Scenario, b: Scenario): boolean {
  const plain = ({ name: _n, name_zh: _z, note: _o, note_zh: _oz, ...rest }: Scenario) => serializeScenario({ ...rest, name: '' });
  return plain(a) === plain(b);
}

/**
 * Results and band counts of the chosen period under `scenario`; null without a period, or
 * while a cold open's raw rows are still loading and the matrix is not in the cache. The metric
 * matrix is ScoringState's when the scenario reads the same metrics, else from the cache or
 * derived in slices (matrixSteps.ts).
 */
function* sideSteps(scoring: ScoringState, scenario: Scenario): Generator<void, CompareSide | null, void> {
  const period = scoring.period;
  if (!period) return null;
  const shared = scoring.matrix && metricsKey(scenario) === metricsKey(scoring.scenario) ? scoring.matrix : null;
  const matrix = shared ?? (yield* matrixSteps(scoring.app, period, scenario));
  if (!matrix) return null;
  yield;
  const { results, bands } = resultsFromMatrix(scoring.app.dataset, matrix, scenario);
  return { scenario, results, bands };
}

/** Everything the compare page shows of a pair; null sides = nothing to compare yet (no period, data loading). */
export interface Comparison {
  sideA: CompareSide | null;
  sideB: CompareSide | null;
  matrix: number[][];
  changes: GradeChange[];
  movers: RankShift[];
}

/**
 * The comparison of A and B in slices (state/slices.ts): each side's results, then the matrix
 * and the grade changes, then the rank movers, with a pause between. At 10,000 staff each
 * piece takes tens of ms, all of them together ~½ s: run at once they froze the page.
 * `drainSlices(comparisonSteps(scoring, a, b)).changes.length` → people whose grade differs.
 */
export function* comparisonSteps(scoring: ScoringState, a: Scenario, b: Scenario, movers = 8): Generator<void, Comparison, void> {
  const sideA = yield* sideSteps(scoring, a);
  yield;
  const sideB = yield* sideSteps(scoring, b);
  if (!sideA || !sideB) return { sideA, sideB, matrix: [], changes: [], movers: [] };
  yield;
  const matrix = migrationFromResults(sideA.results, sideB.results);
  const changes = gradeChanges(sideA.results, sideB.results);
  yield;
  const shifts = rankShifts(sideA.results, sideB.results, movers);
  return { sideA, sideB, matrix, changes, movers: [...shifts.up, ...shifts.down] };
}
