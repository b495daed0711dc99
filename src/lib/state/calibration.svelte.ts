/**
 * Calibration state (校准): the grade overrides in force, the log of every change, the
 * period-close snapshots (结果定版), and the name of whoever is calibrating (typed once per
 * browser session). The rules themselves are the engine's (engine/calibration.ts,
 * engine/periodClose.ts); this class keeps them in the store: overrides, log entries and
 * snapshot versions as records of the 'calibration' record store. A closed period takes no
 * more changes, and its results and export are its snapshot's. Another tab's moves and
 * closes arrive over the store's channel and are read again. One instance per app, made and
 * loaded at start by createAppState (appStates.svelte.ts) and handed to ScoringState, so every
 * page's final grade is the calibrated one from the first frame.
 */
import {
  applyOverrides, calibrate, resultsToCsvWithOverrides,
  type CalibratedResult, type CalibrationLogEntry, type GradeOverride,
} from '../engine/calibration';
import type { Grade } from '../engine/codes';
import type { Period, PersonResult, Scenario } from '../engine/types';
import {
  closedSnapshot, closePeriod, reopenPeriod, snapshotToCsv, versionsOf, type CloseInput, type PeriodSnapshot, type SnapshotBatch,
} from '../engine/periodClose';
import { onStoreChange, type Store } from '../data/store';
import { saveSnapshot, snapshotOfRecord } from '../data/snapshots';
import { writeCalibration } from '../data/calibrationRecords';
import type { Text } from '../i18n/i18n.svelte';
import { BilingualError } from '../i18n/bilingualError';

const RECORDS = 'calibration';
/**
 * Settings key of the period locks of earlier versions. A lock froze nothing (the period's
 * figures still moved with the weights); a period close replaces it and the key is no longer read.
 */
export const LOCKS_SETTING = 'calibration.locks';
const SESSION_KEY = 'kpi.calibration.by';

/** What the state needs of the app: its store (null until open). */
export interface CalibrationApp {
  readonly store?: Pick<Store, 'putRecord' | 'listRecords' | 'deleteRecord' | 'getSetting' | 'setSetting' | 'writeRecords'> | null;
}

/** What closing a period takes besides the state's own overrides, log and name. */
export type CloseContext = Omit<CloseInput, 'overrides' | 'log' | 'by' | 'at'>;

type OverrideRecord = { id: string; type: 'override'; override: GradeOverride };
type LogRecord = { id: string; type: 'log'; entry: CalibrationLogEntry };

/** A refusal of the state itself (not of the engine's rules), in both languages. */
export class CalibrationStateError extends BilingualError<'calibration_state'> {
  constructor(zh: string, en: string) {
    super('calibration_state', { zh, en });
    this.name = 'CalibrationStateError';
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local wall-clock time as the log shows it: `localStamp(new Date(2026, 3, 8, 10, 30, 5))` → '2026-04-08 10:30:05'. */
export function localStamp(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function sessionStore(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export interface CalibrationOptions {
  now?: () => Date;
  session?: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export class CalibrationState {
  readonly app: CalibrationApp;
  overrides = $state.raw<GradeOverride[]>([]);
  log = $state.raw<CalibrationLogEntry[]>([]);
  /** every version of every closed period */
  snapshots = $state.raw<PeriodSnapshot[]>([]);
  /** who calibrates, for the log; kept for the browser session only */
  by = $state('');
  loaded = $state(false);
  error = $state.raw<Text | null>(null);
  #now: () => Date;
  #session: Pick<Storage, 'getItem' | 'setItem'> | null;
  #loading: Promise<void> | null = null;
  #stopListening: (() => void) | null = null;

  constructor(app: CalibrationApp, opts: CalibrationOptions = {}) {
    this.app = app;
    this.#now = opts.now ?? (() => new Date());
    this.#session = opts.session === undefined ? sessionStore() : opts.session;
    this.by = this.#session?.getItem(SESSION_KEY) ?? '';
  }

  /** Read overrides, log and locks from the store (once; later calls wait for the first). */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    const store = this.app.store;
    if (!store) { this.#loading = null; return; }
    try {
      await this.#read(store);
      this.loaded = true;
      this.#listen();
    } catch {
      this.error = { zh: '无法读取校准记录。', en: 'The calibration records could not be read.' };
      this.#loading = null;
    }
  }

  async #read(store: NonNullable<CalibrationApp['store']>): Promise<void> {
    const records = await store.listRecords<OverrideRecord | LogRecord>(RECORDS);
    this.overrides = records.flatMap((r) => (r.type === 'override' ? [r.override] : []));
    this.log = records.flatMap((r) => (r.type === 'log' ? [r.entry] : [])).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.snapshots = records.flatMap((r) => {
      const snap = snapshotOfRecord(r);
      return snap ? [snap] : [];
    });
  }

  /** Another tab's calibration or close (or a restore) is read again, so this tab never acts on stale state. */
  #listen(): void {
    if (typeof BroadcastChannel === 'undefined' || this.#stopListening) return;
    this.#stopListening = onStoreChange((change) => {
      const store = this.app.store;
      if (!store || (change.what !== 'calibration' && change.what !== 'all')) return;
      this.#read(store).catch(() => {
        this.error = { zh: '无法读取校准记录。', en: 'The calibration records could not be read.' };
      });
    });
  }

  /** Stop listening to other tabs (tests, teardown). */
  dispose(): void {
    this.#stopListening?.();
    this.#stopListening = null;
  }

  /** The overrides in force for one period: what the export applies. `calibration.overridesFor('2026Q1')`. */
  overridesFor(periodId: string): GradeOverride[] {
    return this.overrides.filter((o) => o.periodId === periodId);
  }

  /** The period's log, oldest first. */
  logFor(periodId: string): CalibrationLogEntry[] {
    return this.log.filter((e) => e.periodId === periodId);
  }

  /** The snapshot in force when the period is closed, else null. */
  closedFor(periodId: string): PeriodSnapshot | null {
    return closedSnapshot(this.snapshots, periodId);
  }

  /** Every version of the period, oldest first (reopened ones included). */
  versionsFor(periodId: string): PeriodSnapshot[] {
    return versionsOf(this.snapshots, periodId);
  }

  /** A closed period takes no more changes. */
  isLocked(periodId: string): boolean {
    return this.closedFor(periodId) !== null;
  }

  /** Remember who calibrates for the rest of the browser session. */
  setBy(name: string): void {
    this.by = name.trim();
    try {
      this.#session?.setItem(SESSION_KEY, this.by);
    } catch {
      // Private mode may refuse session storage; the name still holds for this page.
    }
  }

  /**
   * Override one person's final grade for a period. Throws the engine's CalibrationError
   * (reason missing, locked, unchanged, …) or a CalibrationStateError (no name, storage);
   * on success the log entry is stored and returned.
   * `await calibration.calibrate({ periodId: '2026Q1', staff_id: 'PS1001', to: 'A', reason: '重大项目' }, scoring.results)`.
   */
  async calibrate(
    input: { periodId: string; staff_id: string; to: Grade; reason: string }, results: readonly PersonResult[],
  ): Promise<CalibrationLogEntry> {
    if (!this.by) {
      throw new CalibrationStateError('请先填写您的姓名，日志需要记录调整人。', 'Enter your name first: the log records who made each change.');
    }
    const store = this.#requireStore();
    const { overrides, entry } = calibrate(this.overrides, { ...input, by: this.by, at: localStamp(this.#now()) }, {
      results, locked: this.isLocked(input.periodId),
    });
    const inForce = overrides.find((o) => o.periodId === input.periodId && o.staff_id === input.staff_id);
    try {
      // The log entry and the override in one transaction: both are stored or neither.
      await writeCalibration(store, entry, input, inForce ?? null);
    } catch {
      throw new CalibrationStateError('校准记录保存失败：浏览器存储不可用或已满。', 'The calibration could not be saved: browser storage is unavailable or full.');
    }
    this.overrides = overrides;
    this.log = [...this.log, entry];
    return entry;
  }

  /**
   * Close the period (结果定版): stores the next version's snapshot with the period's overrides
   * and log and the name of whoever calibrates. Throws the engine's PeriodCloseError (already
   * closed, no results) or a CalibrationStateError (no name, storage).
   */
  async close(ctx: CloseContext): Promise<PeriodSnapshot> {
    if (!this.by) {
      throw new CalibrationStateError('请先填写您的姓名，定版需要记录定版人。', 'Enter your name first: the close records who closed the period.');
    }
    const snapshot = closePeriod(this.snapshots, {
      ...ctx, overrides: this.overrides, log: this.log, by: this.by, at: localStamp(this.#now()),
    });
    await this.#save(snapshot);
    this.snapshots = [...this.snapshots, snapshot];
    return snapshot;
  }

  /** Reopen a closed period with a reason (kept on the version it reopens); closing again writes the next version. */
  async reopen(periodId: string, reason: string): Promise<PeriodSnapshot> {
    if (!this.by) {
      throw new CalibrationStateError('请先填写您的姓名，重新开放需要记录操作人。', 'Enter your name first: reopening records who reopened the period.');
    }
    const reopened = reopenPeriod(this.snapshots, periodId, { by: this.by, at: localStamp(this.#now()), reason });
    await this.#save(reopened);
    this.snapshots = this.snapshots.map((s) => (s.id === reopened.id ? reopened : s));
    return reopened;
  }

  async #save(snapshot: PeriodSnapshot): Promise<void> {
    const store = this.#requireStore();
    try {
      await saveSnapshot(store, snapshot);
    } catch {
      throw new CalibrationStateError('定版记录保存失败：浏览器存储不可用或已满。', 'The period close could not be saved: browser storage is unavailable or full.');
    }
  }

  /**
   * The period's results as every page shows them: a closed period's snapshot, else the live
   * results with its overrides applied (original_grade and override_reason added).
   */
  applied(results: readonly PersonResult[], scenario: Scenario, period: Period, salary: ArrayLike<number>): CalibratedResult[] {
    const closed = this.closedFor(period.id);
    if (closed) return closed.results;
    return applyOverrides(results, this.overridesFor(period.id), { scenario, period, salary });
  }

  /**
   * The §8 export with the period's overrides (an `override_reason` column after
   * final_grade only when there are any); a closed period's is its snapshot's, whatever the
   * weights are now. What ExportPage downloads:
   * `calibration.exportCsv(scoring.computedResults, scoring.currentScenario, scoring.period!, scoring.app.dataset.staff.salary)`.
   */
  exportCsv(results: readonly PersonResult[], scenario: Scenario, period: Period, salary: ArrayLike<number>): string {
    const closed = this.closedFor(period.id);
    if (closed) return snapshotToCsv(closed);
    return resultsToCsvWithOverrides(results, scenario, period, this.overridesFor(period.id), salary);
  }

  #requireStore() {
    const store = this.app.store;
    if (!store) throw new CalibrationStateError('数据存储尚未打开。', 'The data store is not open yet.');
    return store;
  }
}
