/**
 * Property test (#16): a scheme built in the app by random valid edits — every editor's change
 * function, through the same checked path the pages use — is saved in the app's model, exported
 * as JSON and parsed again by the one scenario parser, and comes back identical; so does the
 * saved copy when a new app reads the store.
 */
import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { mulberry32 } from '../engine/mulberry32';
import { DOMAINS, GRADES, LEVELS } from '../engine/codes';
import { parseScenario, serializeScenario } from '../engine/scenario';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { parsePeriod } from '../engine/periods';
import type { Scenario } from '../engine/types';
import { editChecked, setBaseTarget, setProfileTarget } from '../viewmodel/targetsEdit';
import {
  setBonusItem, setHighValueThreshold, setMultiplier, setProfileValue, setPromotion, setRoleCoefficient, setSubweight, toggleStrategicIndustry,
} from '../viewmodel/schemeEdit';
import { withBonusShare, withCoefficient } from '../viewmodel/bonusTable';
import { memoryStore } from './scoring.testkit';
import { testStates } from './states.testkit';
import type { ScoringState } from './scoring.svelte';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** A number as a person would type it: whole, one or two decimals, or an awkward float. */
const typed = (r: Rand, lo: number, hi: number): number => {
  const x = lo + r() * (hi - lo);
  return pick(r, [Math.round(x), Math.round(x * 10) / 10, Math.round(x * 100) / 100, x]);
};
const INDUSTRIES = ['金融', '能源', ' 制造 ', '政务', 'Internet', '医疗·健康'];

/** One random edit of the scheme, as one of the editors would make it. */
function randomEdit(r: Rand, s: Scenario): (x: Scenario) => Scenario {
  const ind = pick(r, s.indicators);
  const m = pick(r, ind.metrics);
  const edits: (() => (x: Scenario) => Scenario)[] = [
    () => (x) => toggleStrategicIndustry(x, pick(r, INDUSTRIES), r() < 0.7),
    () => (x) => setMultiplier(x, typed(r, 0.5, 5)),
    () => (x) => setHighValueThreshold(x, typed(r, 0, 5_000_000)),
    () => (x) => setRoleCoefficient(x, pick(r, ['lead', 'support'] as const), typed(r, 0, 1)),
    () => (x) => setProfileValue(x, pick(r, ['level', 'domain'] as const), pick(r, [...LEVELS, ...DOMAINS] as const) as never, 'weights', ind.id, r() < 0.2 ? null : typed(r, -10, 10)),
    () => (x) => setSubweight(x, ind.id, m.id, typed(r, 0.1, 5)),
    () => (x) => setBonusItem(x, 'ltv_uplift', { enabled: r() < 0.5, max_points: typed(r, 0, 10) }),
    () => (x) => withBonusShare(x, Number((typed(r, 0, 60) / 100).toPrecision(12))),
    () => (x) => withCoefficient(x, pick(r, GRADES), typed(r, 0, 3)),
    () => (x) => setBaseTarget(x, m.id, typed(r, 1, 100)),
    () => (x) => setProfileTarget(x, 'level', pick(r, LEVELS), m.id, r() < 0.3 ? null : typed(r, 1, 100)),
    () => (x) => {
      const a = typed(r, 0, 100);
      const b = Math.min(a, typed(r, 0, 100));
      return { ...x, grades: { S: a, A: b, B: Math.min(b, typed(r, 0, 100)), C: 0 } };
    },
    () => (x) => {
      const S = Math.round(r() * 20) / 100;
      const A = Math.round(r() * 30) / 100;
      const B = Math.round(r() * 40 + 20) / 100;
      return { ...x, forced_distribution: { shares: { S, A, B, CD: Number((1 - S - A - B).toFixed(2)) }, group_by: pick(r, ['none', 'team', 'level', 'domain'] as const), use_forced_distribution: r() < 0.5 } };
    },
    () => (x) => setPromotion(x, { min_grade: pick(r, GRADES), consecutive_periods: pick(r, [1, 2, 3, 1.5]), min_tenure_months: pick(r, [0, 6, 24, -1]) }),
    () => (x) => ({ ...x, scoring: { ...x.scoring, cap: typed(r, 1, 2), overrides: r() < 0.5 ? {} : { [ind.id]: { cap: typed(r, 1, 3), penalty_slope: typed(r, 0, 2) } } } }),
  ];
  return pick(r, edits)();
}

function app() {
  const store = memoryStore();
  const make = () => testStates({ dataset: metricsDataset(12), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store }).scoring;
  return { store, make };
}

/** Random weights as the sliders and boxes leave them: some 0, some fractional. */
function randomWeights(r: Rand, scoring: ScoringState): void {
  const w = Float64Array.from(scoring.weights, () => (r() < 0.15 ? 0 : typed(r, 0, 40)));
  if (w.every((x) => x === 0)) w[0] = 1;
  scoring.setWeights(w);
}

describe('scheme round trip', () => {
  it('saves, exports and parses back identical over random valid schemes', async () => {
    let accepted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const r = mulberry32(seed);
      const { store, make } = app();
      const scoring = make();
      for (let step = 0; step < 12; step++) {
        if (r() < 0.2) randomWeights(r, scoring);
        const c = editChecked(scoring, randomEdit(r, scoring.currentScenario));
        if (c.ok) accepted++;
        else refused++;
      }
      const id = await scoring.saveAs(`方案 ${seed}`);
      const current = scoring.currentScenario;
      // Export → parse: the scenario file the app writes reads back as the same scheme.
      const exported = serializeScenario(current);
      expect(parseScenario(JSON.parse(exported)), `seed ${seed}`).toEqual(current);
      expect(serializeScenario(parseScenario(JSON.parse(exported)))).toBe(exported);
      // The saved record, read by a new app from the same store, is the same scheme and grades the same.
      const again = make();
      await again.loadSaved();
      again.select(id);
      flushSync();
      expect(again.currentScenario, `seed ${seed}`).toEqual(current);
      expect(again.dirty).toBe(false);
      expect(store.records.size).toBe(1);
    }
    // Not vacuous: most random edits were valid and applied, and some were refused.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(0);
  });

  it('keeps a weight of -0 from a box as 0, so the file and the app agree', () => {
    const { make } = app();
    const scoring = make();
    const w = scoring.weights.slice();
    w[1] = -0;
    scoring.setWeights(w);
    expect(parseScenario(JSON.parse(serializeScenario(scoring.currentScenario)))).toEqual(scoring.currentScenario);
  });
});
