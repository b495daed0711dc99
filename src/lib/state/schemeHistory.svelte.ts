/**
 * Undo / redo over every scheme edit since the app was opened: weights, rules, thresholds,
 * forced distribution, scheme parameters, reset and a switch of scenario. Each step is a
 * snapshot of what the scoring state grades with (the scenario, its base weights and which
 * scenario is chosen); the scenario objects are immutable, so a snapshot costs a few pointers.
 *
 * One gesture is one step: the edits of one slider drag, or of one box being typed into, carry
 * the same key and join the open step until `seal()` (the input's change event) closes it.
 */
import type { Scenario } from '../engine/types';

export interface SchemeSnapshot {
  readonly scenarioId: string;
  readonly scenario: Scenario;
  readonly weights: Float64Array;
}

export interface HistoryTarget {
  snapshot(): SchemeSnapshot;
  restore(s: SchemeSnapshot): void;
}

/** What the history reads and restores of the scoring state (ScoringState satisfies it). */
export interface HistoryScoring {
  scenarioId: string;
  baseline: Scenario;
  scenario: Scenario;
  weights: Float64Array;
  draftGrades: unknown;
  draftShares: unknown;
  readonly choices: readonly { id: string; scenario: Scenario }[];
}

/**
 * The history of a scoring state. Restoring a step of another scenario selects it again (its
 * saved version becomes the baseline); drafts of thresholds and shares are dropped.
 */
export function scoringHistory(s: HistoryScoring): SchemeHistory {
  return new SchemeHistory({
    snapshot: () => ({ scenarioId: s.scenarioId, scenario: s.scenario, weights: s.weights }),
    restore: (h) => {
      if (h.scenarioId !== s.scenarioId) {
        s.scenarioId = h.scenarioId;
        s.baseline = s.choices.find((c) => c.id === h.scenarioId)?.scenario ?? s.baseline;
      }
      s.scenario = h.scenario;
      s.weights = h.weights;
      s.draftGrades = null;
      s.draftShares = null;
    },
  });
}

/** Steps kept each way: a day's workshop at a step a minute, with room to spare. */
export const HISTORY_LIMIT = 500;

export class SchemeHistory {
  #target: HistoryTarget;
  #past = $state.raw<SchemeSnapshot[]>([]);
  #future = $state.raw<SchemeSnapshot[]>([]);
  #openKey: string | null = null;

  canUndo = $derived(this.#past.length > 0);
  canRedo = $derived(this.#future.length > 0);
  /** How many steps can be undone (shown on the button). */
  depth = $derived(this.#past.length);

  constructor(target: HistoryTarget) {
    this.#target = target;
  }

  /**
   * Call before changing the scheme. Edits with the same non-null `key` as the open step join it
   * (a drag of one slider is one step); any other edit starts a new step and clears redo.
   */
  record(key: string | null = null): void {
    if (key !== null && key === this.#openKey) return;
    const past = this.#past.length >= HISTORY_LIMIT ? this.#past.slice(1) : this.#past.slice();
    past.push(this.#target.snapshot());
    this.#past = past;
    if (this.#future.length > 0) this.#future = [];
    this.#openKey = key;
  }

  /** Close the open step: the next edit, even of the same field, is a step of its own. */
  seal(): void {
    this.#openKey = null;
  }

  undo(): boolean {
    const past = this.#past;
    if (past.length === 0) return false;
    this.#future = [...this.#future, this.#target.snapshot()];
    this.#past = past.slice(0, -1);
    this.#openKey = null;
    this.#target.restore(past[past.length - 1]);
    return true;
  }

  redo(): boolean {
    const future = this.#future;
    if (future.length === 0) return false;
    this.#past = [...this.#past, this.#target.snapshot()];
    this.#future = future.slice(0, -1);
    this.#openKey = null;
    this.#target.restore(future[future.length - 1]);
    return true;
  }
}
