/**
 * Component-test helpers (only *.test.ts files import this): the app's states wired as
 * createAppState wires them, around a plain object standing in for AppState, and a render that
 * provides them as App.svelte does.
 */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { AppState } from './app.svelte';
import { wireStates, type AppStateOptions, type AppStates } from './appStates.svelte';
import type { ScoringApp, ScoringState } from './scoring.svelte';
import StatesProvider from './StatesProvider.testkit.svelte';

// Tests hold on to `scoring` and render it again; this finds the states it was wired with.
const wired = new WeakMap<ScoringState, AppStates>();

/**
 * `const states = testStates({ dataset, periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null })`.
 * Pages that read only the data, the period and the store work with such an object; the Data
 * page needs a real AppState.
 */
export function testStates(app: ScoringApp | AppState, opts: AppStateOptions = {}): AppStates {
  const states = wireStates(app as AppState, opts);
  wired.set(states.scoring, states);
  return states;
}

/** The states a test's `scoring` came from (`testStates(app).scoring`). */
export function statesOf(scoring: ScoringState): AppStates {
  const states = wired.get(scoring);
  if (!states) throw new Error('statesOf: this ScoringState was not made by testStates()');
  return states;
}

/** `renderWithStates(PeoplePage, states)`; `renderWithStates(GradeChanges, statesOf(scoring), { limit: 3 })`. */
export function renderWithStates(component: Component<any>, states: AppStates, props: Record<string, unknown> = {}) {
  return render(StatesProvider, { props: { states, component, props } });
}
