/**
 * What the compare page puts side by side: the results of one period under two scenarios,
 * either of which may be "the current edits". The metric matrix is shared with ScoringState
 * when the scenario reads the same metrics (deriving metrics is the slow step).
 */
import { resultsFromMatrix } from '../engine/results';
import { serializeScenario } from '../engine/scenario';
import type { BandCount, PersonResult, Scenario } from '../engine/types';
import { metricsKey, type ScoringState } from '../state/scoring.svelte';

/** The choice id standing for the edited, unsaved scenario. */
export const CURRENT = '__current__';

/** The scenario behind a choice id (CURRENT = the current edits with the slider weights). */
export function scenarioFor(scoring: ScoringState, id: string): Scenario | null {
  if (id === CURRENT) return scoring.currentScenario;
  return scoring.choices.find((c) => c.id === id)?.scenario ?? null;
}

export interface CompareSide { scenario: Scenario; results: PersonResult[]; bands: BandCount[] }

/**
 * Results and band counts of the chosen period under `scenario`; null without a period, or
 * while a cold open's raw rows are still loading and the matrix is not in the cache.
 * `sideResults(scoring, scenarioFor(scoring, 'standard')!)?.results.length` → people in scope.
 */
export function sideResults(scoring: ScoringState, scenario: Scenario): CompareSide | null {
  const period = scoring.period;
  if (!period) return null;
  const ds = scoring.app.dataset;
  const shared = scoring.matrix && metricsKey(scenario) === metricsKey(scoring.scenario) ? scoring.matrix : null;
  const matrix = shared ?? scoring.matrixFor(period, scenario);
  if (!matrix) return null;
  const { results, bands } = resultsFromMatrix(ds, matrix, scenario);
  return { scenario, results, bands };
}

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
