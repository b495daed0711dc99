import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import PresentationToggle from './PresentationToggle.svelte';
import PresentationBoard from './PresentationBoard.svelte';
import { metricsDataset } from '../../lib/engine/metricsDataset.testkit';
import { parsePeriod } from '../../lib/engine/periods';
import { installResizeObserverStub } from '../../lib/state/scoring.testkit';
import { renderWithStates, testStates } from '../../lib/state/states.testkit';
import { moveShare } from '../../lib/state/shareSlider';
import { i18n } from '../../lib/i18n/i18n.svelte';

installResizeObserverStub();
afterEach(() => {
  cleanup();
  i18n.lang = 'zh';
});

const states = () => testStates({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null, ready: true },
  { presentation: { session: null, now: () => new Date(2026, 11, 7, 9, 30) } });

describe('PresentationToggle', () => {
  it('the button switches presentation mode, pressed while on; its tooltip names the keys', async () => {
    const s = states();
    renderWithStates(PresentationToggle, s);
    const button = screen.getByTestId('present-toggle');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.title).toContain('F8');
    expect(button.title).toContain('P');
    await fireEvent.click(button);
    expect(s.presentation.on).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(button);
    expect(s.presentation.on).toBe(false);
  });

  it('F8 switches it from anywhere, P only outside a text box; a held key switches once', async () => {
    const s = states();
    renderWithStates(PresentationToggle, s);
    await fireEvent.keyDown(window, { key: 'F8' });
    expect(s.presentation.on).toBe(true);
    await fireEvent.keyDown(window, { key: 'F8', repeat: true });
    expect(s.presentation.on).toBe(true);
    await fireEvent.keyDown(document.body, { key: 'p' });
    expect(s.presentation.on).toBe(false);
    const box = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(box, { key: 'p' });
    expect(s.presentation.on).toBe(false);
    await fireEvent.keyDown(box, { key: 'F8' });
    expect(s.presentation.on).toBe(true);
    await fireEvent.keyDown(document.body, { key: 'p', ctrlKey: true });
    expect(s.presentation.on).toBe(true);
    box.remove();
  });
});

describe('PresentationBoard', () => {
  it('shows each band’s count beside its target; pinned, the counts before and the grade moves since', async () => {
    const s = states();
    renderWithStates(PresentationBoard, s);
    const bands = Object.fromEntries(s.dashboard.bands.map((b) => [b.band, b]));
    for (const band of ['S', 'A', 'B', 'CD'] as const) {
      expect(screen.getByTestId(`present-now-${band}`).textContent).toBe(String(bands[band].actual));
      expect(screen.getByTestId(`present-band-${band}`).textContent).toContain(`目标 ${bands[band].target}`);
    }
    expect(screen.queryByTestId('present-before-S')).toBeNull();
    expect(screen.getByTestId('present-pin-state').textContent).toContain('尚未固定');
    // Without a snapshot the moves are counted against the saved scenario.
    expect(screen.getByTestId('present-changes').textContent).toContain('相对已保存方案');

    await fireEvent.click(screen.getByTestId('present-pin'));
    expect(screen.getByTestId('present-pin-state').textContent).toContain('2026-12-07 09:30');
    expect(screen.getByTestId('present-pin-state').textContent).toContain('标准方案（季度）');
    expect(screen.getByTestId('present-before-S').textContent).toBe(`演示前 ${bands.S.actual}`);
    expect(screen.getByTestId('present-changed').textContent).toBe('0 人');

    s.scoring.setWeights(moveShare(s.scoring.weights, 0, 80, Array.from(s.scoring.weights, () => false)));
    flushSync();
    const cmp = s.presentation.comparison!;
    expect(cmp.changed).toBeGreaterThan(0);
    expect(screen.getByTestId('present-changed').textContent).toBe(`${cmp.changed} 人`);
    expect(screen.getByTestId('present-changes').textContent).toContain(`↑ ${cmp.up} 人升级 · ↓ ${cmp.down} 人降级`);
    for (const band of ['S', 'A', 'B', 'CD'] as const) {
      const now = s.dashboard.bands.find((b) => b.band === band)!.actual;
      expect(screen.getByTestId(`present-now-${band}`).textContent).toBe(String(now));
      const delta = now - cmp.before[band];
      expect(screen.getByTestId(`present-before-${band}`).textContent)
        .toBe(delta === 0 ? `演示前 ${cmp.before[band]}` : `演示前 ${cmp.before[band]}，${delta > 0 ? '+' : ''}${delta}`);
    }

    i18n.lang = 'en';
    flushSync();
    expect(screen.getByTestId('present-changed').textContent).toBe(`${cmp.changed} ${cmp.changed === 1 ? 'person' : 'people'}`);
    await fireEvent.click(screen.getByTestId('present-unpin'));
    expect(screen.getByTestId('present-pin-state').textContent).toContain('No “before” pinned');
    await fireEvent.click(screen.getByTestId('present-exit'));
    expect(s.presentation.on).toBe(false);
  });
});
