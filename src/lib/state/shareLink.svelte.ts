/**
 * Opening a share link: on app start, a location hash of the form `#/scenario/1.<payload>`
 * (written by `encodeShareLink` in engine/shareLink.ts; "scenario" is not a page, so the
 * router shows the overview underneath) is decoded, loaded as an unsaved edit of the current
 * scenario, its period chosen when this PC's data has it, and the user is told in a banner.
 * The hash is then replaced by `#/overview`, so a reload does not throw later edits away.
 */
import { decodeShareLink, SHARE_ROUTE, ShareLinkError } from '../engine/shareLink';
import type { Scenario } from '../engine/types';
import type { Text } from '../i18n/i18n.svelte';
import { workshopText } from '../i18n/messages/workshop';
import { fill } from '../i18n/messages/dashboard';
import type { ScoringState } from './scoring.svelte';

export type SharedLinkOutcome =
  | { status: 'none' }
  | { status: 'loaded'; scenario: Scenario; periodId: string | null; periodApplied: boolean }
  | { status: 'error'; error: Text };

/** The banner the shell (or the overview) shows after a link was opened; `dismiss()` hides it. */
class SharedLinkNotice {
  message = $state.raw<Text | null>(null);
  kind = $state<'info' | 'warning' | 'error'>('info');
  dismiss(): void {
    this.message = null;
  }
}
export const sharedLinkNotice = new SharedLinkNotice();

/**
 * Make `scenario` the edited scenario, weights included, without saving it: the scenario
 * bar then shows "unsaved changes" against the selected saved one.
 * `loadUnsavedScenario(scoring, parseScenario(json))`.
 */
export function loadUnsavedScenario(scoring: ScoringState, scenario: Scenario): void {
  scoring.history.record();
  scoring.weights = Float64Array.from(scenario.indicators, (i) => i.weight);
  scoring.scenario = scenario;
}

const both = (zh: string, en: string, text: Text): Text => ({ zh: fill(text.zh, { why: zh }), en: fill(text.en, { why: en }) });

export interface ShareLinkEnv {
  hash: string;
  /** replaces the current URL's hash without a new history entry */
  replaceHash(hash: string): void;
}

const browserEnv = (): ShareLinkEnv | null =>
  typeof window === 'undefined' ? null : {
    hash: window.location.hash,
    replaceHash: (h) => window.history.replaceState(window.history.state, '', h),
  };

/**
 * Call once after the store is open and the saved scenarios are loaded (loading them may
 * select the last used scenario, which would drop the shared one):
 * createAppState's `start()` does so once the app is ready.
 * Does nothing when the hash holds no share link.
 */
export function applySharedLink(scoring: ScoringState, env: ShareLinkEnv | null = browserEnv()): SharedLinkOutcome {
  if (!env || !env.hash.replace(/^#\/?/, '').startsWith(`${SHARE_ROUTE}/`)) return { status: 'none' };
  let outcome: SharedLinkOutcome;
  try {
    const { scenario, periodId } = decodeShareLink(env.hash);
    loadUnsavedScenario(scoring, scenario);
    const known = periodId !== null && scoring.app.periods.some((p) => p.id === periodId);
    // ScoringApp exposes periodId read-only; AppState (the real app) has a persisting setter.
    if (known) (scoring.app as { periodId: string }).periodId = periodId;
    const name = { zh: scenario.name_zh || scenario.name, en: scenario.name };
    let message: Text = { zh: fill(workshopText.shareLoaded.zh, { name: name.zh }), en: fill(workshopText.shareLoaded.en, { name: name.en }) };
    if (periodId !== null && !known) {
      message = {
        zh: `${message.zh} ${fill(workshopText.sharePeriodMissing.zh, { period: periodId })}`,
        en: `${message.en} ${fill(workshopText.sharePeriodMissing.en, { period: periodId })}`,
      };
    }
    sharedLinkNotice.kind = periodId !== null && !known ? 'warning' : 'info';
    sharedLinkNotice.message = message;
    outcome = { status: 'loaded', scenario, periodId, periodApplied: known };
  } catch (e) {
    const err = e instanceof ShareLinkError ? e : null;
    const error = err ? both(err.text.zh, err.text.en, workshopText.shareFailed)
      : both(String((e as Error)?.message ?? e), String((e as Error)?.message ?? e), workshopText.shareFailed);
    sharedLinkNotice.kind = 'error';
    sharedLinkNotice.message = error;
    outcome = { status: 'error', error };
  }
  env.replaceHash('#/overview');
  return outcome;
}
