/**
 * The workshop pages for the shell's navigation and hash router: `#/scenarios`, `#/compare`,
 * `#/sensitivity`, `#/robustness`, `#/targets`, `#/scheme`, `#/calibration`. Pages take no props and
 * read AppState / ScoringState from context. Share links use `#/scenario/1.<payload>`
 * (singular, not a page): see lib/state/shareLink.svelte.ts.
 */
import type { Component } from 'svelte';
import type { Text } from '../../lib/i18n/i18n.svelte';
import { workshopText } from '../../lib/i18n/messages/workshop';
import ScenariosPage from '../ScenariosPage.svelte';
import ComparePage from '../ComparePage.svelte';
import SensitivityPage from '../SensitivityPage.svelte';
import RobustnessPage from '../RobustnessPage.svelte';
import TargetsPage from '../TargetsPage.svelte';
import CalibrationPage from '../CalibrationPage.svelte';
import SchemePage from '../SchemePage.svelte';
import { schemeText } from '../../lib/i18n/messages/scheme';

/** In the shell: `{#each WORKSHOP_ROUTES.filter((r) => r.nav) as r}<a href="#/{r.page}">{t(r.label)}</a>{/each}`. */
export const WORKSHOP_ROUTES: { page: string; label: Text; component: Component; nav: boolean }[] = [
  { page: 'scenarios', label: workshopText.navScenarios, component: ScenariosPage, nav: true },
  { page: 'compare', label: workshopText.navCompare, component: ComparePage, nav: true },
  { page: 'sensitivity', label: workshopText.navSensitivity, component: SensitivityPage, nav: true },
  { page: 'robustness', label: workshopText.navRobustness, component: RobustnessPage as Component, nav: true },
  { page: 'targets', label: workshopText.navTargets, component: TargetsPage, nav: true },
  { page: 'scheme', label: schemeText.navScheme, component: SchemePage, nav: true },
  { page: 'calibration', label: workshopText.navCalibration, component: CalibrationPage, nav: true },
];
