import { describe, expect, it, vi } from 'vitest';
import { parsePeriod } from '../engine/periods';
import { serializeScenario } from '../engine/scenario';
import { AnnualView } from './annualView.svelte';
import { CalibrationState } from './calibration.svelte';
import { ScoringState } from './scoring.svelte';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { memoryStore } from './scoring.testkit';

function setup() {
  const store = memoryStore();
  const app = { dataset: metricsDataset(20), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store, ready: true };
  const calibration = new CalibrationState(app, { session: null });
  const scoring = new ScoringState(app, { calibration });
  calibration.setBy('hr');
  return { scoring, calibration, view: new AnnualView(scoring, calibration) };
}

/** The rows once computed (in slices: empty and `computing` until then). */
async function rowsOf(view: AnnualView) {
  expect(view.computing).toBe(true);
  expect(view.rows.size).toBe(0);
  await vi.waitFor(() => expect(view.computing).toBe(false));
  return view.rows;
}

describe('AnnualView', () => {
  it('shows the chosen quarter\'s final grade (calibrated) and nothing for quarters without data', async () => {
    const { scoring, calibration, view } = setup();
    {
      const p = scoring.computedResults.find((r) => r.final_grade === 'B')!;
      expect(view.year).toBe(2026);
      expect((await rowsOf(view)).get(p.staff_id)).toEqual({ quarters: ['B', null, null, null], annual: null });
      await calibration.calibrate({ periodId: '2026Q1', staff_id: p.staff_id, to: 'S', reason: '大单' }, scoring.computedResults);
      const graded = new AnnualView(scoring, calibration);
      expect((await rowsOf(graded)).get(p.staff_id)!.quarters[0]).toBe('S');
      // The same view follows the override too: computed again for the new inputs.
      expect((await rowsOf(view)).get(p.staff_id)!.quarters[0]).toBe('S');
    }
  });

  it('a closed quarter shows its snapshot\'s grades whatever the weights do', async () => {
    const { scoring, calibration } = setup();
    const period = parsePeriod('2026Q1');
    const snap = await calibration.close({
      period, scenarioId: 'standard', scenarioText: serializeScenario(scoring.currentScenario), batches: [],
      results: calibration.applied(scoring.computedResults, scoring.currentScenario, period, scoring.app.dataset.staff.salary),
    });
    scoring.setWeight(0, scoring.weights[0] * 5);
    const view = new AnnualView(scoring, calibration);
    const rows = await rowsOf(view);
    for (const r of snap.results) expect(rows.get(r.staff_id)?.quarters[0] ?? null).toBe(r.final_grade);
    expect(scoring.computedResults.some((r, i) => r.final_grade !== snap.results[i].final_grade)).toBe(true);
  });
});
