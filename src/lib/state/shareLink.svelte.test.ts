import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { encodeShareLink } from '../engine/shareLink';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { applySharedLink, sharedLinkNotice } from './shareLink.svelte';
import { testStates } from './states.testkit';

function setup() {
  const app = $state({ dataset: metricsDataset(20), periods: [parsePeriod('2026Q1'), parsePeriod('2026Q2')], periodId: '2026Q2', store: null });
  return { app, scoring: testStates(app).scoring };
}
const env = (hash: string) => {
  const replaced: string[] = [];
  return { hash, replaceHash: (h: string) => void replaced.push(h), replaced };
};
afterEach(() => sharedLinkNotice.dismiss());

describe('applySharedLink', () => {
  it('loads the linked scenario as unsaved edits, chooses its period and says so', () => {
    const { app, scoring } = setup();
    const shared = presetScenario('standard');
    shared.name = 'Workshop A';
    shared.name_zh = '工作坊 A';
    shared.indicators[0].weight = 25;
    shared.grades.A = 82;
    const e = env(encodeShareLink(shared, '2026Q1'));
    const out = applySharedLink(scoring, e);
    flushSync();
    expect(out.status).toBe('loaded');
    expect(scoring.weights[0]).toBe(25);
    expect(scoring.scenario.grades.A).toBe(82);
    expect(scoring.dirty).toBe(true);
    expect(scoring.scenarioId).toBe('standard');
    expect(app.periodId).toBe('2026Q1');
    expect(sharedLinkNotice.kind).toBe('info');
    expect(sharedLinkNotice.message?.zh).toContain('工作坊 A');
    expect(sharedLinkNotice.message?.en).toContain('Workshop A');
    expect(e.replaced).toEqual(['#/overview']);
  });

  it('keeps the current period when this PC has no data for the link’s period', () => {
    const { app, scoring } = setup();
    const out = applySharedLink(scoring, env(encodeShareLink(presetScenario('balanced'), '2025Q3')));
    expect(out).toMatchObject({ status: 'loaded', periodApplied: false, periodId: '2025Q3' });
    expect(app.periodId).toBe('2026Q2');
    expect(sharedLinkNotice.kind).toBe('warning');
    expect(sharedLinkNotice.message?.en).toContain('2025Q3');
  });

  it('reports a damaged link in both languages and leaves the scenario alone', () => {
    const { scoring } = setup();
    const link = encodeShareLink(presetScenario('standard'), '2026Q1');
    const e = env(link.slice(0, link.length - 6));
    const out = applySharedLink(scoring, e);
    expect(out.status).toBe('error');
    expect(scoring.dirty).toBe(false);
    expect(sharedLinkNotice.kind).toBe('error');
    expect(sharedLinkNotice.message?.zh).toMatch(/^分享链接无法打开：/);
    expect(sharedLinkNotice.message?.en).toMatch(/^The share link could not be opened: /);
    expect(e.replaced).toEqual(['#/overview']);
  });

  it('ignores ordinary page hashes', () => {
    const { scoring } = setup();
    const e = env('#/people');
    expect(applySharedLink(scoring, e)).toEqual({ status: 'none' });
    expect(e.replaced).toEqual([]);
    expect(sharedLinkNotice.message).toBeNull();
  });
});
