import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import { wireStates } from './appStates.svelte';
import type { AppState } from './app.svelte';
import type { ScoringApp } from './scoring.svelte';
import { moveShare } from './shareSlider';
import { PRESENTATION_KEY, isPresentationKey } from './presentation.svelte';

/** sessionStorage as a Map: it outlives the states, as the browser session outlives a reload. */
function fakeSession() {
  const items = new Map<string, string>();
  return { items, getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

const at = new Date('2026-12-07T06:00:00Z');
function open(session: ReturnType<typeof fakeSession> | null) {
  const app = $state<{ -readonly [K in keyof ScoringApp]: ScoringApp[K] }>({
    dataset: metricsDataset(20), periods: [parsePeriod('2026Q1'), parsePeriod('2026Q2')], periodId: '2026Q1', store: null,
  });
  const states = wireStates(app as unknown as AppState, { calibration: { session: null }, presentation: { session, now: () => at } });
  return { ...states, app };
}

describe('PresentationState', () => {
  it('is off at first; toggling switches it and keeps it for the session (a reload starts where it was)', () => {
    const session = fakeSession();
    const first = open(session);
    expect(first.presentation.on).toBe(false);
    first.presentation.toggle();
    expect(first.presentation.on).toBe(true);
    expect(JSON.parse(session.items.get(PRESENTATION_KEY)!).on).toBe(true);
    expect(open(session).presentation.on).toBe(true);
    first.presentation.toggle();
    expect(first.presentation.on).toBe(false);
    expect(open(session).presentation.on).toBe(false);
  });

  it('pins everyone’s grade of now; after a weight move it counts the bands before and now and who moved, as the grades say', () => {
    const session = fakeSession();
    const { scoring, presentation, dashboard } = open(session);
    $effect.root(() => {
      expect(presentation.comparison).toBeNull();
      expect(presentation.pin()).toBe(true);
      flushSync();
      const before = Uint8Array.from(scoring.graded!.final);
      expect(presentation.pinned).toMatchObject({ at: at.toISOString(), periodId: '2026Q1', scenario: { zh: '标准方案（季度）' } });
      expect(presentation.comparison).toMatchObject({ changed: 0, up: 0, down: 0, notPinned: 0 });
      const nowBands = Object.fromEntries(dashboard.bands.map((b) => [b.band, b.actual]));
      expect(presentation.comparison!.before).toEqual(nowBands);

      scoring.setWeights(moveShare(scoring.weights, 0, 80, Array.from(scoring.weights, () => false)));
      flushSync();
      const after = scoring.graded!.final;
      let changed = 0;
      let up = 0;
      for (const i of dashboard.gradedRows) if (after[i] !== before[i]) { changed++; if (after[i] < before[i]) up++; }
      expect(changed).toBeGreaterThan(0);
      const cmp = presentation.comparison!;
      expect(cmp.changed).toBe(changed);
      expect(cmp.up).toBe(up);
      expect(cmp.before).toEqual(nowBands);
      expect(cmp.now).toEqual(Object.fromEntries(dashboard.bands.map((b) => [b.band, b.actual])));

      // The snapshot survives a reload; clearing it forgets it there too.
      expect(open(session).presentation.pinned?.grades).toEqual(presentation.pinned!.grades);
      presentation.unpin();
      expect(presentation.comparison).toBeNull();
      expect(open(session).presentation.pinned).toBeNull();
    })();
  });

  it('a snapshot of another period compares nothing and says so', () => {
    const { app, presentation } = open(null);
    $effect.root(() => {
      presentation.pin();
      flushSync();
      expect(presentation.otherPeriod).toBe(false);
      app.periodId = '2026Q2';
      flushSync();
      expect(presentation.otherPeriod).toBe(true);
      expect(presentation.comparison).toBeNull();
    })();
  });

  it('a stored value it did not write, or none at all, starts off with no snapshot', () => {
    for (const text of ['not json', '{"on":"yes","pinned":{"at":1}}', 'null']) {
      const session = fakeSession();
      session.items.set(PRESENTATION_KEY, text);
      const { presentation } = open(session);
      expect([presentation.on, presentation.pinned]).toEqual([false, null]);
    }
    const { presentation } = open(null);
    presentation.toggle();
    expect(presentation.on).toBe(true);
  });
});

describe('isPresentationKey', () => {
  const el = (tag: string, type?: string) => {
    const e = document.createElement(tag);
    if (type) (e as HTMLInputElement).type = type;
    return e;
  };
  const key = (k: string, target: EventTarget | null, mods: Partial<KeyboardEvent> = {}) =>
    isPresentationKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods });
  it.each([
    ['F8 on the page', key('F8', document.body), true],
    ['F8 in a text box', key('F8', el('input', 'text')), true],
    ['P on the page', key('P', document.body), true],
    ['p on a slider', key('p', el('input', 'range')), true],
    ['p on a button', key('p', el('button')), true],
    ['p in a text box', key('p', el('input', 'text')), false],
    ['p in a number box', key('p', el('input', 'number')), false],
    ['p in a text area', key('p', el('textarea')), false],
    ['p in a select', key('p', el('select')), false],
    ['Ctrl+P (print)', key('p', document.body, { ctrlKey: true }), false],
    ['Alt+F8', key('F8', document.body, { altKey: true }), false],
    ['another key', key('F7', document.body), false],
  ])('%s → %s', (_name, got, want) => {
    expect(got).toBe(want);
  });
});
