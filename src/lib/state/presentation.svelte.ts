/**
 * Presentation mode (演示模式) for a workshop in front of a room: on or off, and the "before"
 * snapshot pinned at its start (pinnedGrades.ts) with the band counts and grade moves of now
 * against it. Both are kept in sessionStorage: a reload (F5) in the middle of a workshop keeps
 * the mode and the snapshot; closing the tab ends them (docs/decisions.md, "Presentation mode").
 */
import type { DashboardView } from './dashboardView.svelte';
import type { ScoringState } from './scoring.svelte';
import { alignPinned, beforeAfter, pinGrades, type BeforeAfter, type PinnedGrades } from './pinnedGrades';
import { scenarioName } from '../i18n/messages/dashboard';

/** The sessionStorage key of the mode and its snapshot. */
export const PRESENTATION_KEY = 'kpi-presentation';

type Session = Pick<Storage, 'getItem' | 'setItem'>;

export interface PresentationOptions {
  /** where the mode and the snapshot live for the browser session (tests pass a fake; null keeps nothing) */
  session?: Session | null;
  /** tests fix the time of a pin */
  now?: () => Date;
}

function browserSession(): Session | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // Storage refused (privacy settings): the mode works, a reload forgets it.
    return null;
  }
}

/** A stored value read back, or nothing when it is not what this class wrote. */
function readStored(session: Session | null): { on: boolean; pinned: PinnedGrades | null } {
  try {
    const v = JSON.parse(session?.getItem(PRESENTATION_KEY) ?? 'null') as { on?: unknown; pinned?: Partial<PinnedGrades> | null } | null;
    const p = v?.pinned;
    const pinned = p && typeof p.at === 'string' && typeof p.periodId === 'string' && p.scenario && typeof p.grades === 'object' && p.grades
      ? (p as PinnedGrades) : null;
    return { on: v?.on === true, pinned };
  } catch {
    return { on: false, pinned: null };
  }
}

/**
 * The keys that switch the mode: F8 anywhere, P (no modifier) when the focus is not in a text box.
 * @example isPresentationKey(new KeyboardEvent('keydown', { key: 'F8' })) // true
 */
export function isPresentationKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === 'F8') return true;
  if (e.key !== 'p' && e.key !== 'P') return false;
  const el = e.target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return true;
  const tag = el.tagName;
  const typing = el.isContentEditable === true || tag === 'TEXTAREA' || tag === 'SELECT' ||
    (tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type));
  return !typing;
}

export class PresentationState {
  readonly #scoring: ScoringState;
  readonly #dashboard: DashboardView;
  readonly #session: Session | null;
  readonly #now: () => Date;
  #on = $state(false);
  /** the "before" snapshot (演示前), or null until one is pinned */
  pinned = $state.raw<PinnedGrades | null>(null);

  /** `new PresentationState(scoring, dashboard)` (createAppState in appStates.svelte.ts). */
  constructor(scoring: ScoringState, dashboard: DashboardView, opts: PresentationOptions = {}) {
    this.#scoring = scoring;
    this.#dashboard = dashboard;
    this.#session = opts.session === undefined ? browserSession() : opts.session;
    this.#now = opts.now ?? (() => new Date());
    const stored = readStored(this.#session);
    this.#on = stored.on;
    this.pinned = stored.pinned;
  }

  /** Whether the app is in presentation mode. */
  get on(): boolean {
    return this.#on;
  }

  /** Switch the mode on or off (the header's button, F8, P). */
  toggle(): void {
    this.set(!this.#on);
  }

  set(on: boolean): void {
    this.#on = on;
    this.#store();
  }

  /** Pin everyone's grade of now as the "before"; false when nobody is graded yet. */
  pin(): boolean {
    const s = this.#scoring;
    const g = s.graded;
    const period = s.period;
    if (!g || !period || g.model.n === 0) return false;
    this.pinned = pinGrades(g.final, g.model.staffIndex, s.app.dataset.staff.staff_id, {
      at: this.#now().toISOString(), periodId: period.id, scenario: scenarioName(s.scenario),
    });
    this.#store();
    return true;
  }

  /** Forget the "before" snapshot. */
  unpin(): void {
    this.pinned = null;
    this.#store();
  }

  /** The snapshot is of another period than the one in view: nothing to compare. */
  otherPeriod = $derived.by(() => this.pinned !== null && this.#scoring.period?.id !== this.pinned.periodId);

  // Once per snapshot and model, not per slider move.
  #aligned = $derived.by((): Uint8Array | null => {
    const m = this.#scoring.model;
    const p = this.pinned;
    return m && p && !this.otherPeriod ? alignPinned(p, m.staffIndex, this.#scoring.app.dataset.staff.staff_id) : null;
  });

  /** The pinned bands and grade moves against now, over the graded people the filters leave; null without a snapshot of this period. */
  comparison = $derived.by((): BeforeAfter | null => {
    const a = this.#aligned;
    const g = this.#scoring.graded;
    return a && g ? beforeAfter(a, g.final, this.#dashboard.gradedRows) : null;
  });

  #store(): void {
    try {
      this.#session?.setItem(PRESENTATION_KEY, JSON.stringify({ on: this.#on, pinned: this.pinned }));
    } catch {
      // Full or refused: the mode and the snapshot still work until a reload.
    }
  }
}
