/**
 * All of the app's state, made in one place and shared with every component through one
 * context. App.svelte calls `createAppState()`, provides it with `setAppStates`, and starts it;
 * a component reads what it needs: `const { scoring, calibration } = getAppStates();`.
 *
 * Each state class gets its dependencies in its constructor (ScoringState the calibration, whose
 * overrides and closed periods make the final grades). What a class keeps in the store it reads
 * in its `load()`, and `start()` runs every `load()` once, right after the data is in and
 * before the app shows a page — so no page waits for, or starts, a load of its own.
 *
 * Another state class is one more line in `wireStates` (and its field in `AppStates`); if it
 * keeps something in the store, its `load()` runs at start with the others.
 */
import { createContext } from 'svelte';
import { AppState, type AppDeps } from './app.svelte';
import { CalibrationState, type CalibrationOptions } from './calibration.svelte';
import { MeetingsState } from './meetings.svelte';
import { PeopleView } from './peopleView.svelte';
import { ScoringState } from './scoring.svelte';
import { DashboardView } from './dashboardView.svelte';
import { TrendState } from './trend.svelte';
import { ResultsExport } from './resultsExport.svelte';
import { AnnualView } from './annualView.svelte';
import { ClosedPeriod } from './closedPeriod.svelte';
import { applySharedLink } from './shareLink.svelte';
import { PresentationState, type PresentationOptions } from './presentation.svelte';

export interface AppStates {
  /** the store, the data set, the batches, the chosen period, the import */
  readonly app: AppState;
  /** grade overrides, their log, period closes (校准, 结果定版) */
  readonly calibration: CalibrationState;
  /** the scenario, its weights and everything scored from them; `results` carry the final grades */
  readonly scoring: ScoringState;
  /** the dashboard's team / level / domain filters and the rows, numbers and bands they leave */
  readonly dashboard: DashboardView;
  /** one person's quarter trend and win rate by industry (个人趋势) */
  readonly trend: TrendState;
  /** the §8 results CSV and its preview (导出) */
  readonly resultsExport: ResultsExport;
  /** each person's Q1–Q4 and annual final grades for the chosen period's year (年度) */
  readonly annual: AnnualView;
  /** what a closed period's pages read of its snapshot: scenario, salaries, points (结果定版) */
  readonly closedPeriod: ClosedPeriod;
  /** feedback meetings and publication dates (绩效面谈) */
  readonly meetings: MeetingsState;
  /** the People page's search and sort */
  readonly peopleView: PeopleView;
  /** presentation mode (演示模式) and the grades pinned at a workshop's start */
  readonly presentation: PresentationState;
}

export interface AppStateOptions {
  /** AppState's modules (tests swap the store or the import) */
  deps?: Partial<AppDeps>;
  calibration?: CalibrationOptions;
  /** tests fix today's date */
  today?: () => number;
  /** tests pass the session store and the time of a pin */
  presentation?: PresentationOptions;
}

/**
 * The state classes, built around `app` in dependency order. `createAppState` passes a fresh
 * AppState; component tests pass a plain object with a data set (see test/states.testkit.ts).
 */
export function wireStates(app: AppState, opts: AppStateOptions = {}): AppStates {
  const calibration = new CalibrationState(app, opts.calibration);
  const scoring = new ScoringState(app, { calibration });
  const dashboard = new DashboardView(scoring);
  return {
    app,
    calibration,
    scoring,
    dashboard,
    trend: new TrendState(scoring),
    resultsExport: new ResultsExport(scoring, calibration),
    annual: new AnnualView(scoring, calibration),
    closedPeriod: new ClosedPeriod(scoring, calibration),
    meetings: new MeetingsState(app, { today: opts.today }),
    peopleView: new PeopleView(),
    presentation: new PresentationState(scoring, dashboard, opts.presentation),
  };
}

/** What App.svelte holds: every state, and how to start and stop them. */
export interface RunningApp extends AppStates {
  /** Open the store, load the data and everything kept beside it, then apply a shared link. */
  start(factory?: IDBFactory): Promise<void>;
  dispose(): void;
}

/** `const states = createAppState(); setAppStates(states); onMount(() => { void states.start(); return states.dispose; })`. */
export function createAppState(opts: AppStateOptions = {}): RunningApp {
  const states = wireStates(new AppState(opts.deps), opts);
  return {
    ...states,
    async start(factory) {
      const { app } = states;
      await app.init(factory, () => loadPersisted(states));
      // After the saved scenarios: loading them re-selects the last used one, which would drop the shared one.
      if (app.ready) applySharedLink(states.scoring);
    },
    dispose() {
      states.calibration.dispose();
      states.app.dispose();
    },
  };
}

/** Everything the states keep in the store, read at once (each `load` reports its own failure on its state). */
export function loadPersisted(states: AppStates): Promise<unknown> {
  return Promise.all([
    states.scoring.loadSaved(),
    states.calibration.load(),
    states.meetings.load(states.app.periods.map((p) => p.id)),
  ]);
}

export const [getAppStates, setAppStates] = createContext<AppStates>();

/** Shorthands for components that need one state: `const scoring = getScoringState();`. */
export const getAppState = (): AppState => getAppStates().app;
export const getScoringState = (): ScoringState => getAppStates().scoring;
