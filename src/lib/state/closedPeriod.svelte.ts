/**
 * What a page reads for the chosen period when it is closed (结果定版): the snapshot's scenario
 * (bonus share, coefficients, indicators), the salaries its bonus amounts were paid from, and a
 * person's points breakdown under that scenario, whatever the weights are now. For an open period
 * every value is the live one, so a page reads this and never asks which of the two it has.
 * The results themselves are `scoring.results` (already the snapshot's for a closed period).
 * One per app, made in createAppState: `const { closedPeriod } = getAppStates()`.
 */
import { indicatorBreakdown, type IndicatorLine } from '../charts/personBreakdown';
import { dataChangedSince, snapshotSalary, snapshotScenario, type PeriodSnapshot } from '../engine/periodClose';
import { prepareScoring, scoreWithWeights, type Scores, type ScoringModel } from '../engine/score';
import type { Dataset } from '../engine/dataset';
import type { MetricMatrix, Period, Scenario } from '../engine/types';
import type { CalibrationState } from './calibration.svelte';
import type { ScoringState } from './scoring.svelte';

type ClosedScoring = {
  model: ScoringModel; scores: Scores; matrix: MetricMatrix; scenario: Scenario;
  rowOf: Map<string, number>; points: Map<string, Record<string, number | null>>;
};
// One per snapshot and matrix, shared by every page and report sheet (a team report has one per member).
const scored = new WeakMap<PeriodSnapshot, { matrix: MetricMatrix; value: ClosedScoring }>();

function scoreSnapshot(snap: PeriodSnapshot, scenario: Scenario, matrix: MetricMatrix, ds: Dataset): ClosedScoring {
  const hit = scored.get(snap);
  if (hit && hit.matrix === matrix) return hit.value;
  const model = prepareScoring(ds, matrix, scenario);
  const scores = scoreWithWeights(model, Float64Array.from(scenario.indicators, (i) => i.weight));
  const rowOf = new Map(Array.from(model.staffIndex, (r, i) => [ds.staff.staff_id[r], i] as const));
  const value = { model, scores, matrix, scenario, rowOf, points: new Map(snap.results.map((r) => [r.staff_id, r.points] as const)) };
  scored.set(snap, { matrix, value });
  return value;
}

export class ClosedPeriod {
  readonly scoring: ScoringState;
  readonly calibration: CalibrationState;

  constructor(scoring: ScoringState, calibration: CalibrationState) {
    this.scoring = scoring;
    this.calibration = calibration;
  }

  /** The snapshot in force for the chosen period, or null when it is open. */
  snapshot = $derived.by((): PeriodSnapshot | null => {
    const p = this.scoring.period;
    return p ? this.calibration.closedFor(p.id) : null;
  });

  /** The scenario the period's results were computed with: the snapshot's when closed, else the live one (weights in). */
  scenario = $derived.by((): Scenario => {
    const snap = this.snapshot;
    return snap ? snapshotScenario(snap) : this.scoring.currentScenario;
  });

  /** Monthly salary by the results' staffIndex: the salaries kept at closing, else the data's. */
  salary = $derived.by((): ArrayLike<number> => {
    const snap = this.snapshot;
    const staff = this.scoring.app.dataset.staff;
    if (!snap) return staff.salary;
    let byId: Map<string, number> | null = null;
    return snapshotSalary(snap, (id) => {
      byId ??= new Map(Array.from(staff.staff_id, (s, i) => [s, staff.salary[i]] as const));
      return byId.get(id) ?? NaN;
    });
  });

  /** True when the stored batches are no longer those the closed period was computed from. */
  dataChanged = $derived.by((): boolean => {
    const snap = this.snapshot;
    const batches = this.scoring.app.batches;
    return snap !== null && batches !== undefined && dataChangedSince(snap, batches);
  });

  /** The period's model scored with the snapshot's scenario and weights (a closed period only). */
  #closedScoring = $derived.by(() => {
    const snap = this.snapshot;
    const p = this.scoring.period;
    if (!snap || !p) return null;
    const scenario = this.scenario;
    const matrix = this.scoring.matrixFor(p, scenario);
    return matrix ? scoreSnapshot(snap, scenario, matrix, this.scoring.app.dataset) : null;
  });

  /**
   * A person's quarter totals (TrendState.quarterTotals) with each closed quarter's total taken
   * from its snapshot instead of the live weights; null when the snapshot has no total for them.
   * `closedPeriod.quarterTotals('PS1001', trend.quarterTotals(row))`.
   */
  quarterTotals<T extends { period: Period; total: number | null }>(staffId: string, live: readonly T[]): T[] {
    return live.map((q) => {
      const snap = this.calibration.closedFor(q.period.id);
      return snap ? { ...q, total: snap.results.find((r) => r.staff_id === staffId)?.total ?? null } : q;
    });
  }

  /**
   * One person's indicators as the person page and the one-page report show them: live, or for a
   * closed period under the snapshot's scenario and weights with the points the snapshot keeps
   * (the metric values are the data's: the same as at closing unless `dataChanged`). [] = not in scope.
   */
  breakdown(staffId: string): IndicatorLine[] {
    if (!this.snapshot) {
      const g = this.scoring.graded;
      const row = this.scoring.rowOfStaff.get(staffId);
      const matrix = this.scoring.matrix;
      return g && row !== undefined && matrix ? indicatorBreakdown(g.model, g.scores, matrix, this.scoring.currentScenario, row) : [];
    }
    const c = this.#closedScoring;
    const row = c?.rowOf.get(staffId);
    if (!c || row === undefined) return [];
    const kept = c.points.get(staffId);
    return indicatorBreakdown(c.model, c.scores, c.matrix, c.scenario, row)
      .map((l) => (kept && l.id in kept ? { ...l, points: kept[l.id] ?? NaN } : l));
  }
}
