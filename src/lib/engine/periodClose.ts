/**
 * Period close (结果定版): closing a period freezes what HR acts on. The snapshot keeps the
 * scenario in force (all of it, as its file text), the data batches the results came from
 * (ids and content hashes), the final results with the overrides and calibration log, who
 * closed it and when. From then on the period's results, export and lists are the snapshot's,
 * whatever the weights or the data do. Reopening needs a reason and is kept on the version it
 * reopens; closing again writes the next version. Earlier versions stay readable.
 */
import type { CalibratedResult, CalibrationLogEntry, GradeOverride } from './calibration';
import { calibratedResultsToCsv } from './calibration';
import type { Period, PersonResult } from './types';
import { parseScenarioText } from './scenario';
import type { Scenario } from './types';
import { BilingualError } from '../i18n/bilingualError';

/** A data batch as the snapshot records it. */
export interface SnapshotBatch { id: string; fileName: string; kind: string; contentHash: string }

export interface Reopening { by: string; at: string; reason: string }

export interface PeriodSnapshot {
  /** `${periodId}|v${version}` */
  id: string;
  periodId: string;
  /** 1, 2, …: each close of the period writes the next */
  version: number;
  period: Period;
  /** the scenario in force, as its scenario file text (serializeScenario) */
  scenarioText: string;
  /** the scenario's id in the app (a built-in preset id or a saved scenario's) */
  scenarioId: string;
  batches: SnapshotBatch[];
  /** every in-scope person, overrides applied (original_grade, override_reason) */
  results: CalibratedResult[];
  /**
   * Each result's monthly salary at closing (same order as `results`; null = none in the staff
   * file): the Bonus page's pool of a closed period. Absent in snapshots written before.
   */
  salaries?: (number | null)[];
  overrides: GradeOverride[];
  log: CalibrationLogEntry[];
  closedBy: string;
  /** local date-time text, e.g. '2026-04-08 10:30:05' */
  closedAt: string;
  /** set when the version was reopened; the period is closed while its latest version is not reopened */
  reopened: Reopening | null;
}

export type CloseErrorCode = 'closed' | 'open' | 'reason' | 'by' | 'empty';

export class PeriodCloseError extends BilingualError<CloseErrorCode> {
  constructor(code: CloseErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'PeriodCloseError';
  }
}

/** The period's versions, oldest first. `versionsOf(all, '2026Q1').map((s) => s.version)` → [1, 2]. */
export function versionsOf(snapshots: readonly PeriodSnapshot[], periodId: string): PeriodSnapshot[] {
  return snapshots.filter((s) => s.periodId === periodId).sort((a, b) => a.version - b.version);
}

/**
 * The snapshot in force for a period: its latest version unless that was reopened; null when
 * the period is open (never closed, or reopened). `closedSnapshot(all, '2026Q1')?.version`.
 */
export function closedSnapshot(snapshots: readonly PeriodSnapshot[], periodId: string): PeriodSnapshot | null {
  const versions = versionsOf(snapshots, periodId);
  const last = versions[versions.length - 1];
  return last && last.reopened === null ? last : null;
}

export interface CloseInput {
  period: Period;
  scenarioId: string;
  /** the scenario in force as its file text (serializeScenario) */
  scenarioText: string;
  batches: readonly SnapshotBatch[];
  /** the period's final results (overrides applied) */
  results: readonly CalibratedResult[];
  /** monthly salary by staff row (Dataset staff.salary), kept per result for the bonus pool */
  salary?: ArrayLike<number>;
  overrides: readonly GradeOverride[];
  log: readonly CalibrationLogEntry[];
  by: string;
  at: string;
}

/**
 * The next version's snapshot of a period. Refuses (PeriodCloseError, zh and en) a period
 * already closed, an empty name, and a period without results. Overrides and log entries of
 * other periods are left out; the inputs are copied, not kept.
 * `closePeriod(existing, { period, scenarioId: 'standard', scenarioText, batches, results, overrides, log, by: '王芳', at })`.
 */
export function closePeriod(existing: readonly PeriodSnapshot[], input: CloseInput): PeriodSnapshot {
  const periodId = input.period.id;
  const by = input.by.trim();
  const current = closedSnapshot(existing, periodId);
  if (current) {
    throw new PeriodCloseError('closed', `${periodId} 已定版（第 ${current.version} 版），请先重新开放再定版。`,
      `${periodId} is already closed (version ${current.version}); reopen it before closing again.`);
  }
  if (by === '') {
    throw new PeriodCloseError('by', '请填写定版人的姓名。', 'Enter the name of the person closing the period.');
  }
  if (input.results.length === 0) {
    throw new PeriodCloseError('empty', `${periodId} 没有结果，无法定版。`, `${periodId} has no results to close.`);
  }
  const version = versionsOf(existing, periodId).reduce((v, s) => Math.max(v, s.version), 0) + 1;
  return {
    id: `${periodId}|v${version}`,
    periodId,
    version,
    period: { ...input.period },
    scenarioText: input.scenarioText,
    scenarioId: input.scenarioId,
    batches: input.batches.map((b) => ({ id: b.id, fileName: b.fileName, kind: b.kind, contentHash: b.contentHash })),
    results: input.results.map((r) => ({ ...r, points: { ...r.points } })),
    ...(input.salary ? { salaries: input.results.map((r) => salaryOf(input.salary!, r.staffIndex)) } : {}),
    overrides: input.overrides.filter((o) => o.periodId === periodId).map((o) => ({ ...o })),
    log: input.log.filter((e) => e.periodId === periodId).map((e) => ({ ...e })),
    closedBy: by,
    closedAt: input.at,
    reopened: null,
  };
}

const salaryOf = (salary: ArrayLike<number>, row: number): number | null => {
  const x = salary[row];
  return Number.isFinite(x) ? x : null;
};

/**
 * The closed version with its reopening recorded: the period is open again. Refuses a period
 * that is not closed and a reason that is empty or only spaces.
 * `reopenPeriod(all, '2026Q1', { by: '王芳', at, reason: '补录 3 月商机' })`.
 */
export function reopenPeriod(existing: readonly PeriodSnapshot[], periodId: string, input: Reopening): PeriodSnapshot {
  const current = closedSnapshot(existing, periodId);
  if (!current) {
    throw new PeriodCloseError('open', `${periodId} 未定版，无需重新开放。`, `${periodId} is not closed; there is nothing to reopen.`);
  }
  const reason = input.reason.trim();
  if (reason === '') {
    throw new PeriodCloseError('reason', `重新开放 ${periodId} 必须填写原因。`, `A reason is required to reopen ${periodId}.`);
  }
  const by = input.by.trim();
  if (by === '') {
    throw new PeriodCloseError('by', '请填写重新开放人的姓名。', 'Enter the name of the person reopening the period.');
  }
  return { ...current, reopened: { by, at: input.at, reason } };
}

/**
 * The results a period shows: the closed snapshot's when there is one, else the live ones.
 * `finalResults(live, closedSnapshot(all, period.id))`.
 */
export function finalResults<T extends PersonResult>(live: readonly T[], snapshot: PeriodSnapshot | null): readonly (T | CalibratedResult)[] {
  return snapshot ? snapshot.results : live;
}

/**
 * True when the stored batches are no longer those the snapshot was computed from (a file
 * imported or deleted since closing). `dataChangedSince(snap, await store.listBatches())`.
 */
export function dataChangedSince(snapshot: PeriodSnapshot, batches: readonly { id: string; contentHash: string }[]): boolean {
  if (batches.length !== snapshot.batches.length) return true;
  const kept = new Set(snapshot.batches.map((b) => `${b.id}|${b.contentHash}`));
  return batches.some((b) => !kept.has(`${b.id}|${b.contentHash}`));
}

/** The scenario the snapshot was computed with. */
export function snapshotScenario(snapshot: PeriodSnapshot): Scenario {
  return parseScenarioText(snapshot.scenarioText);
}

/**
 * The §8 results export of a version, as it was when the period was closed (the same text
 * the live export gave then: an override_reason column only when there were overrides).
 * `snapshotToCsv(versionsOf(all, '2026Q1')[0])` is the v1 export.
 */
export function snapshotToCsv(snapshot: PeriodSnapshot): string {
  return calibratedResultsToCsv(snapshot.results, snapshotScenario(snapshot), snapshot.period);
}

/**
 * Monthly salary by the snapshot results' `staffIndex` (NaN = unknown), for bonusLines and
 * bonusPool: the salaries kept at closing, or for a snapshot written before they were kept,
 * today's salary of the same staff_id (`liveSalary(id)`).
 */
export function snapshotSalary(snapshot: PeriodSnapshot, liveSalary: (staffId: string) => number): Float64Array {
  const out = new Float64Array(snapshot.results.reduce((m, r) => Math.max(m, r.staffIndex + 1), 0)).fill(NaN);
  snapshot.results.forEach((r, i) => {
    const kept = snapshot.salaries?.[i];
    out[r.staffIndex] = snapshot.salaries ? kept ?? NaN : liveSalary(r.staff_id);
  });
  return out;
}

/** File name of a version's export: `presales-kpi-2026Q1-v1.csv`. */
export const snapshotFileName = (s: Pick<PeriodSnapshot, 'periodId' | 'version'>): string => `presales-kpi-${s.periodId}-v${s.version}.csv`;
