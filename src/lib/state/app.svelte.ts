/**
 * The app's data lifecycle: the IndexedDB store, the Dataset every page reads, the import
 * batches, the chosen period, and the import job of the Data page. One instance per tab,
 * made with the rest of the app's state by `createAppState()` (appStates.svelte.ts).
 */
import { emptyDataset, type Dataset } from '../engine/dataset';
import type { Period } from '../engine/types';
import { latestQuarterId, periodsInData } from '../engine/periods';
import { loadWithPeriods } from './loadWithPeriods';
export { latestQuarterId };
import { onStoreChange, openStore, type BatchInfo, type Store, type StoreChange } from '../data/store';
import { importFiles, importTexts } from '../data/importClient';
import type { FileOutcome } from '../data/runImport';
import { demoFiles } from '../demo/demoClient';
import type { DemoFile } from '../demo/generate';
import { DerivedCache, DERIVED_SETTING, dataSignature, usableRecord } from './derivedCache';
import type { MetricMatrix } from '../engine/types';
import { i18n, type Lang, type Text } from '../i18n/i18n.svelte';
import { dataText } from '../i18n/messages/data';
import { errorText } from '../i18n/bilingualError';
import { afterPaint } from '../ui/afterPaint';

/** A page id of the hash router (`#/<page>`); the pages themselves are listed in src/views/routes. */
export type PageId = string;
export type Encoding = 'utf-8' | 'gb18030';

/** One file's outcome as the import reports it: its batch, or its issues / refusal (runImport.ts). */
export type FileImportResult = FileOutcome;
export interface ImportProgress { file: string; rows: number; bytes: number; totalBytes: number; phase?: 'read' | 'write' }

/** The modules AppState talks to; tests may swap one (e.g. a failing store). */
export interface AppDeps {
  openStore: (factory?: IDBFactory) => Promise<Store>;
  importFiles: typeof importFiles;
  importTexts: typeof importTexts;
  generateDemoFiles: () => DemoFile[] | Promise<DemoFile[]>;
  /**
   * From this many stored rows on, derived matrices are kept in IndexedDB and a cold open
   * shows them before the raw rows are read (docs/storage.md, "Derived cache"). Below it a
   * full load takes a fraction of a second and the cache is not worth its writes.
   */
  cacheFromRows: number;
}
const DEFAULT_DEPS: AppDeps = { openStore: (f) => openStore(f), importFiles, importTexts, generateDemoFiles: () => demoFiles(), cacheFromRows: 200_000 };
/** The tables a cold open from the derived cache loads at once: small, and read by every page. */
const FIRST_KINDS = ['staff', 'holidays'] as const;
/** How long after the last new matrix the cache is written (a burst of period changes writes once). */
const PERSIST_DELAY_MS = 1000;

/** Setting keys in the store's key-value `settings`. */
export const SETTINGS = {
  initialised: 'app.initialised',
  periodId: 'app.periodId',
  demoBatchIds: 'app.demoBatchIds',
  lang: 'app.lang',
} as const;


/** A cancelled import: the browser's AbortError or the store's StoreError 'cancelled'. */
const isAbort = (e: unknown) =>
  e instanceof Error && (e.name === 'AbortError' || (e as { code?: unknown }).code === 'cancelled');

export class AppState {
  store: Store | null = null;
  /** Replaced wholesale after each import/delete, never mutated: pages derive from it. */
  dataset = $state.raw<Dataset>(emptyDataset());
  batches = $state.raw<BatchInfo[]>([]);
  /**
   * True while a big store's cold open shows figures from the derived cache and the raw
   * rows are still loading: `dataset` then holds only the staff and holidays tables.
   */
  partial = $state(false);
  /** Metric matrices already derived from this data (ScoringState reads and fills it). */
  readonly derived = new DerivedCache();
  #cachedPeriods = $state.raw<Period[] | null>(null);
  /** The periods of a loaded data set, found in pieces before it was shown (loadWithPeriods.ts). */
  #loadedPeriods: { dataset: Dataset; periods: Period[] } | null = null;
  periods = $derived(this.#cachedPeriods ?? (this.#loadedPeriods?.dataset === this.dataset ? this.#loadedPeriods.periods : periodsInData(this.dataset)));
  ready = $state(false);
  error = $state<string | null>(null);
  errorDetail = $state.raw<Text | null>(null);

  /** Batches that came from the built-in demo set, so "clear demo data" keeps the user's own files. */
  demoBatchIds = $state.raw<string[]>([]);
  hasDemo = $derived(this.batches.some((b) => this.demoBatchIds.includes(b.id)));
  #demoBanner = $state(false);
  /** A short status line for the last action (cancelled, cleared, reloaded from another tab). */
  notice = $state.raw<Text | null>(null);

  importing = $state(false);
  progress = $state.raw<ImportProgress | null>(null);
  importResults = $state.raw<FileImportResult[]>([]);
  /** The files of the last import, so a file mapped after it (字段映射) can be imported again. */
  lastFiles: File[] = [];
  importError = $state.raw<Text | null>(null);
  /** Failure of a delete / clear / demo action (the import has its own `importError`). */
  actionError = $state.raw<Text | null>(null);
  /**
   * True from the moment the stored data changed (an import stored, a delete, a clear, another
   * tab's write) until `dataset` holds the new data: what the pages would compute meanwhile is
   * from the data before, so they say so and no export runs (for 2–3 s at 1M rows).
   */
  dataPending = $state(false);

  #periodId = $state('');
  #deps: AppDeps;
  #abort: AbortController | null = null;
  #stopListening: (() => void) | null = null;
  #reloading: Promise<void> | null = null;
  #reloadAgain = false;
  /** Bumped by every load: a background load that finishes after a newer one is dropped. */
  #generation = 0;
  #loadedOnce = false;
  #bigStore = false;
  #persistTimer: ReturnType<typeof setTimeout> | null = null;
  /** Resolves when the raw rows are loaded (at once unless a cold open started from the cache). */
  complete: Promise<void> = Promise.resolve();

  constructor(deps: Partial<AppDeps> = {}) {
    this.#deps = { ...DEFAULT_DEPS, ...deps };
  }

  /** The header's period; defaults to the latest quarter with data. Setting it persists the choice. */
  get periodId(): string {
    return this.#periodId;
  }
  set periodId(id: string) {
    this.#periodId = id;
    void this.store?.setSetting(SETTINGS.periodId, id).catch(() => {
      // Losing the remembered period is harmless; the default applies next time.
    });
  }

  /** Switch the UI language and remember it on this PC: `app.setLanguage('en')`. */
  setLanguage(lang: Lang): void {
    i18n.lang = lang;
    void this.store?.setSetting(SETTINGS.lang, lang).catch(() => {
      // Not remembering the language is harmless: Chinese is the default next time.
    });
  }

  /** Shown once, when the demo was loaded automatically on the very first open. */
  get demoBanner(): boolean {
    return this.#demoBanner;
  }

  /** The user closed the first-run demo banner. */
  dismissDemoBanner(): void {
    this.#demoBanner = false;
  }

  /** The Period object of `periodId`, or null when there is no data. */
  get period(): Period | null {
    return this.periods.find((p) => p.id === this.#periodId) ?? null;
  }

  /**
   * Open the store and load the data; on the very first open of an empty store, load the demo set.
   * `loadPersisted` reads what the other states keep in the store (saved scenarios, calibration,
   * meetings) once the data is in, before `ready`: no page ever shows a figure without them.
   * `await app.init(new IDBFactory())` in tests (fake-indexeddb).
   */
  async init(factory?: IDBFactory, loadPersisted?: () => Promise<unknown>): Promise<void> {
    try {
      this.store = await this.#deps.openStore(factory);
      const store = this.store;
      const [initialised, savedPeriod, demoIds, lang, batches] = await Promise.all([
        store.getSetting<boolean>(SETTINGS.initialised),
        store.getSetting<string>(SETTINGS.periodId),
        store.getSetting<string[]>(SETTINGS.demoBatchIds),
        store.getSetting<string>(SETTINGS.lang),
        store.listBatches(),
      ]);
      if (lang === 'zh' || lang === 'en') i18n.lang = lang;
      this.demoBatchIds = Array.isArray(demoIds) ? demoIds : [];
      if (savedPeriod) this.#periodId = savedPeriod;
      // Only the very first open gets the demo: after "clear all" the user wants an empty app.
      if (!initialised && batches.length === 0) {
        await this.#importDemo();
        this.#demoBanner = this.demoBatchIds.length > 0;
      }
      // Written once: a write on every open would cost a readwrite transaction before the first figure.
      if (!initialised) await store.setSetting(SETTINGS.initialised, true);
      await this.reload();
      await loadPersisted?.();
      this.#listenToOtherTabs();
      this.ready = true;
    } catch (e) {
      this.errorDetail = errorText(e);
      this.error = this.errorDetail.en;
    }
  }

  /** Reload dataset and batches from the store. Calls made while one runs coalesce into one more run. */
  reload(): Promise<void> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return this.#reloading;
    }
    this.dataPending = true;
    this.#reloading = (async () => {
      do {
        this.#reloadAgain = false;
        await this.#load();
      } while (this.#reloadAgain);
    })().finally(() => {
      this.#reloading = null;
      this.dataPending = false;
    });
    return this.#reloading;
  }

  async #load(): Promise<void> {
    const store = this.#requireStore();
    const generation = ++this.#generation;
    if (!this.#loadedOnce) {
      const [batches, raw] = await Promise.all([store.listBatches(), store.getSetting<unknown>(DERIVED_SETTING)]);
      const record = this.#isBig(batches) ? usableRecord(raw, dataSignature(batches)) : null;
      if (record) {
        // A big store's first open: the small tables and the cached matrices now, the raw rows after the first paint.
        const { dataset, batches: now } = await store.loadSnapshot(FIRST_KINDS);
        if (dataSignature(now) === record.signature) {
          this.derived.seed(record);
          this.#show(dataset, now, record.periods);
          this.partial = true;
          this.complete = this.#completeLoad(generation);
          return;
        }
      }
    }
    const { dataset, batches, periods } = await loadWithPeriods(store);
    if (generation !== this.#generation) return;
    this.#show(dataset, batches, null, periods);
    this.partial = false;
    this.complete = Promise.resolve();
  }

  /** Swap in a snapshot (the cache follows its signature in the same step, so no matrix outlives its data). */
  #show(dataset: Dataset, batches: BatchInfo[], cachedPeriods: Period[] | null, periods?: Period[]): void {
    this.#bigStore = this.#isBig(batches);
    this.derived.reset(dataSignature(batches));
    this.#loadedPeriods = periods ? { dataset, periods } : null;
    this.dataset = dataset;
    this.batches = batches;
    this.#cachedPeriods = cachedPeriods;
    if (!cachedPeriods) {
      this.#loadedOnce = true;
      this.derived.periods = this.periods;
      this.#schedulePersist();
    }
    const ids = this.periods.map((p) => p.id);
    if (!ids.includes(this.#periodId)) this.#periodId = latestQuarterId(this.periods);
  }

  async #completeLoad(generation: number): Promise<void> {
    try {
      // After the first paint: the overview shows its figures before the page reads a million rows.
      await afterPaint();
      if (generation !== this.#generation) return;
      const { dataset, batches, periods } = await loadWithPeriods(this.#requireStore());
      if (generation !== this.#generation) return;
      this.#show(dataset, batches, null, periods);
      this.partial = false;
    } catch (e) {
      this.actionError = errorText(e);
    }
  }

  #isBig(batches: readonly BatchInfo[]): boolean {
    return batches.reduce((n, b) => n + b.liveRows, 0) >= this.#deps.cacheFromRows;
  }

  /** Note a matrix derived from the current data; a big store keeps it for its next cold open. */
  rememberMatrix(key: string, matrix: MetricMatrix): void {
    this.derived.put(key, matrix);
    this.#schedulePersist();
  }

  #schedulePersist(): void {
    if (!this.#bigStore || this.#persistTimer) return;
    this.#persistTimer = setTimeout(() => {
      this.#persistTimer = null;
      const record = this.derived.toRecord();
      if (record && record.entries.length && this.store) {
        void this.store.setSetting(DERIVED_SETTING, record).catch(() => {
          // Without the cache the next open reads the raw rows first: slower, never wrong.
        });
      }
    }, PERSIST_DELAY_MS);
  }

  /** Import the built-in demo data set (refused files are reported like any import). */
  async loadDemo(): Promise<void> {
    await this.#guard(async () => {
      this.importResults = await this.#importDemo();
      await this.reload();
    });
  }

  async #importDemo(): Promise<FileImportResult[]> {
    const store = this.#requireStore();
    // Pass our store: it may be a test's fake IndexedDB rather than the browser's default one.
    const { results } = await this.#deps.importTexts(await this.#deps.generateDemoFiles(), { store });
    const ids = results.flatMap((r) => (r.batch ? [r.batch.id] : []));
    this.demoBatchIds = [...new Set([...this.demoBatchIds, ...ids])];
    await store.setSetting(SETTINGS.demoBatchIds, this.demoBatchIds);
    return results;
  }

  /** Import the user's CSV files through the worker, with progress and cancel. */
  async importFiles(files: File[], encoding?: Encoding): Promise<void> {
    if (this.importing || files.length === 0) return;
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.importing = true;
    this.importError = null;
    this.notice = null;
    this.importResults = [];
    this.lastFiles = files;
    this.progress = { file: files[0].name, rows: 0, bytes: 0, totalBytes: files.reduce((s, f) => s + f.size, 0) };
    try {
      const { results } = await this.#deps.importFiles(files, {
        encoding,
        signal,
        onProgress: (p) => {
          this.progress = p;
        },
      });
      // Flagged with the result card itself: no render shows the card beside unflagged old results.
      if (results.some((r) => r.batch)) this.dataPending = true;
      this.importResults = results;
    } catch (e) {
      if (signal.aborted || isAbort(e)) this.notice = dataText.cancelled;
      else this.importError = errorText(e);
    } finally {
      this.importing = false;
      this.progress = null;
      this.#abort = null;
    }
    await this.reload().catch((e) => {
      this.importError = errorText(e);
    });
  }

  /** Stop the running import; the worker leaves the store as it was. */
  cancelImport(): void {
    this.#abort?.abort();
  }

  /** Delete one batch (the caller has asked the user to confirm). */
  async deleteBatch(id: string): Promise<void> {
    await this.#guard(async () => {
      await this.#requireStore().deleteBatch(id);
      await this.#forgetDemo((ids) => ids.filter((x) => x !== id));
      await this.reload();
    });
  }

  /** Delete every imported batch (the caller has asked the user to confirm). */
  async clearAll(): Promise<void> {
    await this.#guard(async () => {
      await this.#requireStore().clearAll();
      // clearAll may wipe settings too; keep "initialised" so the demo does not come back on reload.
      await this.#requireStore().setSetting(SETTINGS.initialised, true);
      await this.#forgetDemo(() => []);
      this.importResults = [];
      this.#demoBanner = false;
      await this.reload();
      this.notice = dataText.cleared;
    });
  }

  /** Delete only the demo batches, keeping the user's own files. */
  async clearDemo(): Promise<void> {
    await this.#guard(async () => {
      const store = this.#requireStore();
      const live = new Set(this.batches.map((b) => b.id));
      for (const id of this.demoBatchIds) if (live.has(id)) await store.deleteBatch(id);
      await this.#forgetDemo(() => []);
      this.#demoBanner = false;
      await this.reload();
    });
  }

  /** Close the store and stop listening to other tabs (tests, hot reload). */
  dispose(): void {
    if (this.#persistTimer) clearTimeout(this.#persistTimer);
    this.#persistTimer = null;
    this.#stopListening?.();
    this.#stopListening = null;
    this.store?.close();
    this.store = null;
  }

  async #forgetDemo(update: (ids: string[]) => string[]): Promise<void> {
    this.demoBatchIds = update(this.demoBatchIds);
    await this.#requireStore().setSetting(SETTINGS.demoBatchIds, this.demoBatchIds);
  }

  /** Runs a delete / clear / demo action; the data counts as pending from its start until reloaded. */
  async #guard(action: () => Promise<void>): Promise<void> {
    this.actionError = null;
    this.notice = null;
    this.dataPending = true;
    try {
      await action();
    } catch (e) {
      this.actionError = errorText(e);
    } finally {
      // An action that failed before its reload: the store refused the change, nothing is pending.
      if (!this.#reloading) this.dataPending = false;
    }
  }

  #listenToOtherTabs(): void {
    if (typeof BroadcastChannel === 'undefined' || this.#stopListening) return;
    this.#stopListening = onStoreChange((change) => {
      void this.onStoreChanged(change).catch((e) => {
        this.actionError = errorText(e);
      });
    });
  }

  /**
   * React to a 'kpi-store' message. The store posts one for every write, this tab's own
   * included (a period choice is a settings write), so only batch changes count, and the big
   * dataset is re-read only when the batch list really differs from what this tab shows.
   */
  async onStoreChanged(change: StoreChange): Promise<void> {
    if (change.what !== 'batches' && change.what !== 'all') return;
    // This tab's import reloads when it ends; a reload under way may already hold the change
    // (after an import both came at once: the whole data set was read and combined twice).
    if (this.importing) return;
    while (this.#reloading) await this.#reloading.catch(() => {});
    const fresh = await this.#requireStore().listBatches();
    const sig = (bs: BatchInfo[]) => bs.map((b) => `${b.id}:${b.liveRows}`).join('|');
    if (sig(fresh) === sig(this.batches)) return;
    await this.reload();
  }

  #requireStore(): Store {
    if (!this.store) throw new Error('The data store is not open yet (init() has not finished).');
    return this.store;
  }
}
