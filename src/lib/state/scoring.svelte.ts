/**
 * The scoring state: which scenario, its edits, the base weights, and everything graded from
 * them for the chosen period. What reads it lives beside it, each built with this state handed
 * in (createAppState): the dashboard's filters (dashboardView.svelte.ts), the person trend
 * (trend.svelte.ts), the results CSV (resultsExport.svelte.ts), the annual view.
 *
 * The slider must redraw while dragging (spec §4, ≤ 16 ms a frame with 2,000 staff), so the
 * work is layered by what it depends on:
 *   dataset, period, metric-relevant scenario parts  → matrix  (deriveMetrics, slow)
 *   matrix, scoring-relevant scenario parts          → model   (prepareScoring)
 *   model, base weights, grades, forced distribution → graded  (typed arrays, the hot path)
 * An edit of project parameters alone re-derives only the project metrics (matrixAfterEdit.ts).
 * The two upper layers read the scenario through a string key of only the parts they use;
 * a $derived whose value is unchanged does not wake its dependents, so a weight, threshold
 * or forced-distribution edit never re-derives metrics or re-prepares the model.
 * Deriveds are lazy: what no page shows (results, grade changes) is not computed.
 */
import { untrack } from 'svelte';
import type { Dataset } from '../engine/dataset';
import type { MetricMatrix, Period, PersonResult, Scenario } from '../engine/types';
import { matrixAfterEdit, type ShownMatrix } from './matrixAfterEdit';
import { prepareScoring, type ScoringModel } from '../engine/score';
import { groupIndex } from '../engine/forcedDistribution';
import { BUILT_IN_PRESETS } from '../engine/presets';
import { parsePeriod } from '../engine/periods';
import { parseScenario, ScenarioError, serializeScenario } from '../engine/scenario';
import { ResultsMemo, type ResultsInputs } from './resultsAhead.svelte';
import type { CalibrationState } from './calibration.svelte';
import { allocateGrading, gradeAll, type Graded } from './gradeAll';
import { metricsKey, modelKey, rulesKey, withWeights } from './scenarioKeys';
import { matrixKey } from './derivedCache';
import { countGradeChanges, idOrder, topGradeChanges, type GradeChange } from './gradeChanges';
import { SchemeHistory, scoringHistory } from './schemeHistory.svelte';
export type { GradeChange } from './gradeChanges';

export { gradeAll, RECOMPUTE_MEASURE, type Graded } from './gradeAll';
export { metricsKey, modelKey, withWeights } from './scenarioKeys';
import type { Store } from '../data/store';

/** What ScoringState needs of the app state (AppState satisfies it; tests pass a plain object). */
export interface ScoringApp {
  readonly dataset: Dataset;
  readonly periods: readonly Period[];
  readonly periodId: string;
  /** true once the store is open (AppState.ready); saved scenarios load then */
  readonly ready?: boolean;
  readonly store?: Pick<Store, 'putRecord' | 'listRecords' | 'deleteRecord' | 'getSetting' | 'setSetting'> | null;
  /**
   * Matrices already derived from this dataset (AppState: kept across opens for a big store,
   * src/lib/state/derivedCache.ts). Without it every matrix is derived.
   */
  readonly derived?: { get(key: string): MetricMatrix | undefined };
  rememberMatrix?(key: string, matrix: MetricMatrix): void;
  /** true while only the cached matrices and the small tables are loaded: nothing else can be derived yet */
  readonly partial?: boolean;
  /** the stored batches (AppState.batches): what a period close records and compares with */
  readonly batches?: readonly { id: string; fileName: string; kind: string; contentHash: string }[];
  /** true while stored data changed and `dataset` does not hold it yet (AppState.dataPending): no export */
  readonly dataPending?: boolean;
}

/** A scenario in the picker; a saved one has the ISO time it was last written (the Scenarios page shows it). */
export interface ScenarioChoice { id: string; builtIn: boolean; scenario: Scenario; savedAt?: string }

const SAVED_STORE = 'scenarios';
const SELECTED_KEY = 'scoring.scenarioId';
export class ScoringState {
  readonly app: ScoringApp;
  choices = $state.raw<ScenarioChoice[]>(BUILT_IN_PRESETS.map((p) => ({ id: p.id, builtIn: true, scenario: p.scenario })));
  scenarioId = $state('standard');
  /** The scenario as last saved (or as chosen): reset restores it, grade changes compare with it. */
  baseline = $state.raw<Scenario>(BUILT_IN_PRESETS[0].scenario);
  /** The edited scenario; its indicator weights are stale, `weights` is the truth for those. */
  scenario = $state.raw<Scenario>(BUILT_IN_PRESETS[0].scenario);
  weights = $state.raw<Float64Array>(Float64Array.from(BUILT_IN_PRESETS[0].scenario.indicators, (i) => i.weight));
  /** Thresholds / forced shares typed but not yet valid (out of order, not summing to 100 %): shown, not graded with; unsaved; reset drops them. */
  draftGrades = $state.raw<Scenario['grades'] | null>(null);
  draftShares = $state.raw<Scenario['forced_distribution']['shares'] | null>(null);
  /** A refused saved scenario or storage failure, for the page to show. */
  error = $state.raw<{ zh: string; en: string } | null>(null);

  /** Call counters, so tests can prove a slider move does not re-derive metrics. */
  readonly calls = { deriveMetrics: 0, rederiveProjectMetrics: 0, prepareScoring: 0, prepareSaved: 0 };

  period = $derived.by((): Period | null => {
    const id = this.app.periodId;
    if (!id) return null;
    const known = this.app.periods.find((p) => p.id === id);
    if (known) return known;
    try { return parsePeriod(id); } catch { return null; }
  });
  /** The scenario parts the metrics depend on, as a string: unchanged by weights and thresholds. */
  metricsKey = $derived(metricsKey(this.scenario));
  /** The scenario parts the scoring model depends on (scenarioKeys.ts). */
  modelKey = $derived(modelKey(this.scenario));

  matrix = $derived.by((): MetricMatrix | null => {
    void this.app.dataset;
    const p = this.period;
    const key = this.metricsKey;
    if (!p) return null;
    const scenario = untrack(() => this.scenario);
    const m = this.matrixFor(p, scenario, key, this.#shown);
    this.#shown = m ? { dataset: this.app.dataset, scenario, matrix: m } : null;
    return m;
  });
  #shown: ShownMatrix | null = null;

  /**
   * The metric matrix of `period` under `scenario`: from the app's cache when this data already
   * gave it, else derived (and remembered); null while the raw rows are still loading.
   */
  matrixFor(period: Period, scenario: Scenario, key = metricsKey(scenario), shown: ShownMatrix | null = null): MetricMatrix | null {
    const cacheKey = matrixKey(period, key);
    const hit = this.app.derived?.get(cacheKey);
    if (hit) return hit;
    if (this.app.partial) return null;
    const m = matrixAfterEdit(this.app.dataset, period, scenario, shown, this.calls);
    this.app.rememberMatrix?.(cacheKey, m);
    return m;
  }

  model = $derived.by((): ScoringModel | null => {
    const m = this.matrix;
    void this.modelKey;
    if (!m) return null;
    this.calls.prepareScoring++;
    // A scheme edit changes few indicators' inputs: the model before it lends the others' columns.
    const model = prepareScoring(this.app.dataset, m, untrack(() => this.scenario), this.#lastModel);
    this.#lastModel = model;
    return model;
  });
  #lastModel: ScoringModel | null = null;

  #groupBy = $derived(this.scenario.forced_distribution.group_by);
  group = $derived.by(() => {
    const m = this.model;
    return m ? groupIndex(this.app.dataset, m.staffIndex, this.#groupBy) : { group: new Int32Array(0), labels: [] };
  });
  #buffers = $derived(this.model ? allocateGrading(this.model) : null);

  /** The hot path: re-runs on every weight, threshold or forced-distribution change. */
  graded = $derived.by((): Graded | null => {
    const m = this.model;
    if (!m || !this.#buffers) return null;
    return gradeAll(m, this.weights, this.scenario, this.group.group, this.#buffers);
  });

  // Booleans, so a scheme edit that leaves them as they were does not wake what reads them.
  // The saved scenario's keys, worked out when it changes rather than on every edit.
  #savedMetricsKey = $derived(metricsKey(this.baseline));
  #savedModelKey = $derived(modelKey(this.baseline));
  #savedRulesKey = $derived(rulesKey(this.baseline));
  #sameMetricsAsSaved = $derived(this.#savedMetricsKey === this.metricsKey);
  #sameModelAsSaved = $derived(this.#sameMetricsAsSaved && this.#savedModelKey === this.modelKey);
  #hasModel = $derived(this.model !== null);
  /**
   * The saved scenario's model: the current one while their rules agree, else prepared once for
   * the saved scenario, data and period — not again on each later edit of the current scheme.
   */
  #baselineModel = $derived.by((): ScoringModel | null => {
    if (this.#sameModelAsSaved) return this.model;
    if (!this.#hasModel) return null;
    const b = this.baseline;
    const p = this.period;
    const matrix = this.#sameMetricsAsSaved ? this.matrix : p && this.matrixFor(p, b);
    if (!matrix) return null;
    this.calls.prepareSaved++;
    return prepareScoring(this.app.dataset, matrix, b, untrack(() => this.#lastModel));
  });

  /** The same people graded with the saved scenario (a separate model only when its rules differ). */
  baselineGraded = $derived.by((): Graded | null => {
    const model = this.#baselineModel;
    if (!model || !this.#hasModel) return null;
    const b = this.baseline;
    const group = groupIndex(this.app.dataset, model.staffIndex, b.forced_distribution.group_by).group;
    return gradeAll(model, Float64Array.from(b.indicators, (i) => i.weight), b, group, undefined, false);
  });

  /** The current scenario with the slider weights written in: what export and save use. */
  currentScenario = $derived(withWeights(this.scenario, this.weights));
  // Serialising on every slider move would cost more than the re-score: compare the
  // non-weight parts only when the scenario changes, and the weights as numbers.
  #rulesDirty = $derived(rulesKey(this.scenario) !== this.#savedRulesKey);
  dirty = $derived(this.#rulesDirty || this.draftGrades !== null || this.draftShares !== null || this.baseline.indicators.some((ind, j) => ind.weight !== this.weights[j]));
  choice = $derived(this.choices.find((c) => c.id === this.scenarioId) ?? null);

  /** Model rows in staff_id order, sorted once per model (gradeChanges.ts). */
  #idOrder = $derived.by((): Int32Array => {
    const m = this.model;
    return m ? idOrder(m.staffIndex, this.app.dataset.staff.staff_id) : new Int32Array(0);
  });

  /**
   * People whose final grade differs from the saved scenario's, in list order: the first `limit`
   * and how many in all (one pass, cheap enough for every slider move). `topGradeChanges(0).total` only counts.
   */
  topGradeChanges(limit = Infinity): { rows: GradeChange[]; total: number } {
    const g = this.graded;
    const b = this.baselineGraded;
    return g && b ? topGradeChanges(g, b, this.#idOrder, this.app.dataset.staff, limit) : { rows: [], total: 0 };
  }

  /**
   * How many people's final grade differs from the saved scenario's: `topGradeChanges().total`
   * without building a row (what a slider move needs on every frame; the rows can wait).
   */
  gradeChangeCount = $derived.by((): number => {
    const g = this.graded;
    const b = this.baselineGraded;
    return g && b ? countGradeChanges(g, b) : 0;
  });

  /** People whose final grade differs from the saved scenario's, best new grade first (all of them). */
  gradeChanges = $derived.by((): GradeChange[] => this.topGradeChanges().rows);

  /** What the result rows are computed from: a new object when any of it changes (resultsAhead.svelte.ts). */
  resultsInputs = $derived.by((): ResultsInputs | null => {
    const m = this.matrix;
    return m ? { dataset: this.app.dataset, matrix: m, scenario: this.currentScenario, weights: this.weights } : null;
  });
  /** The rows of the last inputs, often computed ahead in slices (App.svelte starts that). */
  readonly resultsMemo = new ResultsMemo();
  /** Full result rows (bonus, flags) as the engine computes them, before HR's calibration. */
  computedResults = $derived.by((): PersonResult[] => {
    const inputs = this.resultsInputs;
    return inputs ? this.resultsMemo.rows(inputs) : [];
  });
  /**
   * The rows every page and export uses: a closed period's snapshot (结果定版) whatever the weights and
   * data are now; else the period's overrides applied, bonus and flags recomputed for those people.
   */
  results = $derived.by((): PersonResult[] => {
    const raw = this.computedResults;
    const p = this.period;
    if (!p) return raw;
    const calibration = this.#calibration;
    const closed = calibration.closedFor(p.id);
    if (closed) return closed.results;
    return calibration.overridesFor(p.id).length > 0
      ? calibration.applied(raw, this.currentScenario, p, this.app.dataset.staff.salary)
      : raw;
  });
  /** staff_id → model row. */
  rowOfStaff = $derived.by(() => {
    const m = this.model;
    const ids = this.app.dataset.staff.staff_id;
    return new Map(m ? Array.from(m.staffIndex, (r, i) => [ids[r], i] as const) : []);
  });

  readonly #calibration: CalibrationState;
  /** Undo / redo of every scheme edit below (schemeHistory.svelte.ts); `key` joins one gesture's edits into one step. */
  readonly history: SchemeHistory = scoringHistory(this);
  /**
   * `new ScoringState(app, { calibration })`: the final grades are the calibration's, so it is
   * built first and handed in (createAppState in appStates.svelte.ts).
   */
  constructor(app: ScoringApp, deps: { calibration: CalibrationState }) {
    this.app = app;
    this.#calibration = deps.calibration;
  }
  /** Move one base weight. */
  setWeight(j: number, value: number, key: string | null = null): void {
    if (value >= 0) this.setWeights(Object.assign(this.weights.slice(), { [j]: value }), key);
  }
  /** Replace every base weight (a share slider moves them all); nothing negative or non-finite is taken. */
  setWeights(w: Float64Array, key: string | null = null): void {
    for (let j = 0; j < w.length; j++) if (!(w[j] >= 0 && w[j] < Infinity)) return;
    // -0 (a box holding "-0") is written as 0 in a file: keep 0 so the app and its export agree.
    for (let j = 0; j < w.length; j++) if (Object.is(w[j], -0)) w[j] = 0;
    this.history.record(key);
    this.weights = w;
  }
  /** Replace part of the scenario (thresholds, scoring rule, forced distribution): `edit((s) => ({...s, grades}))`. */
  edit(change: (s: Scenario) => Scenario, key: string | null = null): void {
    this.history.record(key);
    this.scenario = change(this.scenario);
  }
  /** Back to the saved scenario: weights and every edit. */
  reset(): void { this.history.record(); this.#load(this.baseline); }
  /** Switch scenario; unsaved edits of the previous one are dropped (and come back with undo). */
  select(id: string, record = true): void {
    const c = this.choices.find((x) => x.id === id);
    if (!c) return;
    if (record) this.history.record();
    this.scenarioId = id;
    this.baseline = c.scenario;
    this.#load(c.scenario);
    void this.app.store?.setSetting(SELECTED_KEY, id).catch(() => {});
  }

  /** Save the edits into the selected (user) scenario; built-in ones are read-only, use saveAs. */
  async save(): Promise<void> {
    const c = this.choice;
    if (!c || c.builtIn) return;
    await this.#persist(c.id, this.currentScenario);
  }

  /** Save the edits as a new user scenario and select it. Returns its id. */
  async saveAs(name: string): Promise<string> {
    const id = `user-${Date.now().toString(36)}`;
    const s = { ...this.currentScenario, name, name_zh: name };
    // Select the copy only when it was stored: otherwise the picker would point at nothing.
    if (!(await this.#persist(id, s))) return this.scenarioId;
    this.scenarioId = id;
    void this.app.store?.setSetting(SELECTED_KEY, id).catch(() => {});
    return id;
  }

  #savedLoading: Promise<void> | null = null;
  /**
   * Load the user's saved scenarios and the last selection, once, when the store is open.
   * Every caller waits for the same load, so nobody acts on a half-filled list.
   */
  loadSaved(): Promise<void> {
    if (!this.app.store) return Promise.resolve();
    this.#savedLoading ??= this.#loadSaved();
    return this.#savedLoading;
  }

  async #loadSaved(): Promise<void> {
    const store = this.app.store!;
    try {
      const records = await store.listRecords<{ id: string; text?: string; scenario?: unknown; savedAt?: unknown }>(SAVED_STORE);
      const saved: ScenarioChoice[] = [];
      for (const r of records) {
        try {
          const savedAt = typeof r.savedAt === 'string' ? r.savedAt : undefined;
          saved.push({ id: r.id, builtIn: false, scenario: parseScenario(r.text !== undefined ? JSON.parse(r.text) : r.scenario), savedAt });
        } catch {
          this.error = { zh: `已保存的方案 ${r.id} 无法读取，已跳过。`, en: `The saved scenario ${r.id} could not be read and was skipped.` };
        }
      }
      // Keep what was saved while the records were being read.
      const known = new Set(saved.map((c) => c.id));
      this.choices = [...this.choices.filter((c) => c.builtIn), ...saved, ...this.choices.filter((c) => !c.builtIn && !known.has(c.id))];
      const selected = await store.getSetting<string>(SELECTED_KEY);
      if (selected && selected !== this.scenarioId && this.choices.some((c) => c.id === selected)) this.select(selected, false);
    } catch {
      this.error = { zh: '无法读取已保存的方案。', en: 'The saved scenarios could not be read.' };
    }
  }

  #load(s: Scenario): void {
    this.scenario = s;
    this.draftGrades = null;
    this.draftShares = null;
    this.weights = Float64Array.from(s.indicators, (i) => i.weight);
  }

  /** Stores the scenario under `id`; false (and `error` set) when storage refused it. */
  async #persist(id: string, s: Scenario): Promise<boolean> {
    const text = serializeScenario(s);
    const savedAt = new Date().toISOString();
    let scenario: Scenario;
    try {
      scenario = parseScenario(JSON.parse(text));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      this.error = { zh: `方案未保存：${e.text.zh}`, en: `The scenario was not saved: ${e.text.en}` };
      return false;
    }
    try {
      await this.app.store?.putRecord(SAVED_STORE, { id, text, savedAt });
    } catch {
      this.error = { zh: '方案保存失败：浏览器存储不可用或已满。', en: 'The scenario could not be saved: browser storage is unavailable or full.' };
      return false;
    }
    const others = this.choices.filter((c) => c.id !== id);
    this.choices = [...others, { id, builtIn: false, scenario, savedAt }];
    this.baseline = scenario;
    this.scenario = scenario;
    return true;
  }
}
