/**
 * rederiveProjectMetrics against deriveMetrics: for scenarios that differ only in project
 * parameters, updating a matrix gives exactly what deriving it again gives (random data with
 * strategic flags, both roles, open and cancelled projects, a cohort year, metrics-file overrides).
 */
import { describe, expect, it } from 'vitest';
import { STATUSES } from './codes';
import { deriveMetrics } from './metrics';
import { PROJECT_PARAMETER_METRICS, rederiveProjectMetrics } from './projectRederive';
import { buildDataset, testScenario, type ProjectRow } from './metrics.testkit';
import { mulberry32 } from './mulberry32';
import { parsePeriod } from './periods';
import type { Scenario } from './types';

const INDUSTRIES = ['金融', '能源', ' 制造', '政务', 'Internet'];

function randomData(seed: number) {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const staff = Array.from({ length: 25 }, (_, i) => ({ staff_id: `S${i}` }));
  const projects: ProjectRow[] = Array.from({ length: 600 }, (_, k) => ({
    project_id: `P${k >> 1}`, staff_id: pick(staff).staff_id, status: pick(STATUSES), role: r() < 0.6 ? 'lead' : 'support',
    customer_id: `C${Math.floor(r() * 40)}`, industry: pick(INDUSTRIES), amount: Math.round(r() * 3_000_000),
    decided_on: `2026-${String(1 + Math.floor(r() * 6)).padStart(2, '0')}-1${Math.floor(r() * 9)}`,
    strategic: r() < 0.1 ? true : undefined, proposals_made: Math.floor(r() * 4), proposals_adopted: Math.floor(r() * 2),
  }));
  const metrics = [{ staff_id: 'S3', period: '2026Q2', win_rate: 42 }, { staff_id: 'S4', period: '2026Q2', sales_contribution: 1 }];
  return buildDataset({ staff, projects, metrics });
}

function randomProjectParams(seed: number): Partial<Scenario> {
  const r = mulberry32(seed);
  return {
    strategic_industries: INDUSTRIES.filter(() => r() < 0.4).map((x) => x.trim()),
    strategic_industry_multiplier: 0.5 + r() * 3,
    high_value_threshold: Math.round(r() * 2_000_000),
    role_coefficients: { lead: r(), support: r() / 2 },
  };
}

describe('rederiveProjectMetrics', () => {
  it('gives what deriveMetrics gives, for random project parameters', () => {
    const period = parsePeriod('2026Q2');
    let differs = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const ds = randomData(seed);
      const a = testScenario(randomProjectParams(1000 + seed));
      const b = testScenario(randomProjectParams(2000 + seed));
      const before = deriveMetrics(ds, period, a);
      const updated = rederiveProjectMetrics(ds, before, b);
      const derived = deriveMetrics(ds, period, b);
      expect(updated, `seed ${seed}`).toEqual(derived);
      // Again from the updated matrix (the period's rows now come from the cache): back to a.
      expect(rederiveProjectMetrics(ds, updated, a), `seed ${seed}`).toEqual(before);
      if (PROJECT_PARAMETER_METRICS.some((id) => before.values[id].some((v, i) => !Object.is(v, derived.values[id][i])))) differs++;
      // Only the project-parameter metrics are new arrays; the input is not changed.
      expect(updated.values.visits).toBe(before.values.visits);
      expect(updated.values.customer_repeat_rate).toBe(before.values.customer_repeat_rate);
      expect(updated.values.win_rate).not.toBe(before.values.win_rate);
      expect(before).toEqual(deriveMetrics(ds, period, a));
    }
    expect(differs).toBeGreaterThan(25); // the parameters did change the metrics
  });

  it('keeps a metrics-file value over the re-derived one', () => {
    const ds = randomData(7);
    const period = parsePeriod('2026Q2');
    const updated = rederiveProjectMetrics(ds, deriveMetrics(ds, period, testScenario()), testScenario({ strategic_industries: ['金融'], strategic_industry_multiplier: 3 }));
    expect(updated.values.win_rate[3]).toBe(42);
    expect(updated.values.sales_contribution[4]).toBe(1);
  });
});
