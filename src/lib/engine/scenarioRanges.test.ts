import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvFolder } from '../data/readFolder';
import { resultsToCsv } from './exportCsv';
import { parsePeriod } from './periods';
import { errorOf, mutate, raw } from './scenario.testkit';
import { computeResults } from './results';
import { parseScenario, parseScenarioText, ScenarioError } from './scenario';
import { inRange, rangeOf, rangeText, SCENARIO_LIMITS, SCENARIO_RANGES, TARGET, WEIGHT } from './scenarioRanges';


describe('every number of a scenario has a stated finite range', () => {
  it.each<[string, (s: Record<string, any>) => void, string, string]>([
    ['cap 1e308 (Infinity totals)', (s) => { s.scoring.cap = 1e308; }, 'scoring.cap', '1 to 10'],
    ['bonus_slope 1e308', (s) => { s.scoring.bonus_slope = 1e308; }, 'scoring.bonus_slope', '0 to 100'],
    ['an override cap 1e308', (s) => { s.scoring.overrides = { win_rate: { cap: 1e308 } }; }, 'scoring.overrides.win_rate.cap', '1 to 10'],
    ['cap below 1', (s) => { s.scoring.cap = 0.5; }, 'scoring.cap', '1 to 10'],
    ['zero line at 1', (s) => { s.scoring.zero_below = 1; }, 'scoring.zero_below', '< 1'],
    ['every weight 1e308 (sum Infinity)', (s) => { for (const i of s.indicators) i.weight = 1e308; }, 'indicators[0].weight', '0, or 10^-6 to 10^6'],
    ['weight 5e-324 (NaN points)', (s) => { for (const i of s.indicators) i.weight = 5e-324; }, 'indicators[0].weight', '0, or 10^-6 to 10^6'],
    ['a profile weight of -1e308', (s) => { s.profiles.domain.consulting.weights.insight_knowledge = -1e308; }, 'profiles.domain.consulting.weights.insight_knowledge', '-10^6 to 10^6'],
    ['a target of 1e300', (s) => { s.indicators[1].metrics[0].target = 1e300; }, 'indicators[1].metrics[0].target', '10^-6 to 10^12'],
    ['a target of 5e-324', (s) => { s.indicators[0].metrics[0].target = 5e-324; }, 'indicators[0].metrics[0].target', '10^-6 to 10^12'],
    ['a sub-weight of 1e300', (s) => { s.indicators[5].metrics[0].subweight = 1e300; }, 'indicators[5].metrics[0].subweight', '10^-6 to 10^6'],
    ['a grade line of 1e9', (s) => { s.grades.S = 1e9; }, 'grades.S', '0 to 1000'],
    ['a negative grade line', (s) => { s.grades.C = -5; s.grades.B = -4; s.grades.A = -3; s.grades.S = -2; }, 'grades.S', '0 to 1000'],
    ['bonus coefficient 1e308', (s) => { s.bonus.coefficients.S = 1e308; }, 'bonus.coefficients.S', '0 to 100'],
    ['bonus share 1e308', (s) => { s.bonus.bonus_share = 1e308; }, 'bonus.bonus_share', '0 to 10'],
    ['bonus item points 1e308', (s) => { s.bonus_items[0].max_points = 1e308; }, 'bonus_items[0].max_points', '0 to 100'],
    ['multiplier 1e308', (s) => { s.strategic_industry_multiplier = 1e308; }, 'strategic_industry_multiplier', '0.01 to 100'],
    ['role coefficient 1e308', (s) => { s.role_coefficients.lead = 1e308; }, 'role_coefficients.lead', '0 to 10'],
    ['high-value threshold 1e308', (s) => { s.high_value_threshold = 1e308; }, 'high_value_threshold', '0 to 10^12'],
    ['every weight 0', (s) => { for (const i of s.indicators) i.weight = 0; s.profiles = {}; }, 'indicators', 'nobody can be scored'],
    ['a 3,000-character name', (s) => { s.name = 'x'.repeat(3000); }, 'name', 'at most 200'],
    ['a 200-character indicator id', (s) => { s.indicators[0].id = 'x'.repeat(200); }, 'indicators[0].id', 'at most 100'],
    ['a note of 10,000 characters', (s) => { s.note = '说'.repeat(10_000); }, 'note', 'at most 2000'],
    ['100,000 strategic industries', (s) => { s.strategic_industries = Array.from({ length: 100_000 }, (_, i) => `I${i}`); }, 'strategic_industries', 'at most 500'],
  ])('%s → refused on %s, stating the range', (_, f, field, range) => {
    const e = errorOf(mutate(f));
    expect(e.field).toBe(field);
    expect(e.text.en).toContain(range);
    expect(e.text.zh).toContain(field);
    expect(e.text.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('the zh message states the same range', () => {
    expect(errorOf(mutate((s) => { s.scoring.cap = 1e308; })).text.zh).toContain('超出允许范围 1 至 10（当前 1e+308）');
    expect(errorOf(mutate((s) => { s.indicators[2].weight = 2e6; })).text.zh).toContain('0，或 10^-6 至 10^6');
  });

  it('accepts the ends of every range', () => {
    const s = parseScenario(mutate((x) => {
      x.scoring.cap = 10; x.scoring.bonus_slope = 100; x.scoring.zero_below = 0.999;
      x.indicators[0].weight = 1e6; x.indicators[1].weight = 1e-6; x.indicators[0].metrics[0].target = 1e12;
      x.bonus.coefficients.S = 100; x.grades.S = 1000;
    }));
    expect(s.scoring.cap).toBe(10);
    expect(s.indicators[1].weight).toBe(1e-6);
  });

  it('rangeOf finds the range of every number of the standard scenario, and each value is inside it', () => {
    const seen: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number' && path !== 'version') {
        const r = rangeOf(path);
        expect(r, path).toBeDefined();
        expect(inRange(v, r!), path).toBe(true);
        seen.push(path);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    const s = raw();
    s.scoring.overrides = { win_rate: { cap: 1.5, zero_below: 0.5 } };
    walk(s, '');
    expect(seen).toContain('scoring.overrides.win_rate.cap');
    expect(seen).toContain('profiles.level.junior.targets.sales_contribution');
    expect(seen).toContain('category_bands.result[1]');
    expect(rangeOf('scoring.overrides.win_rate.cap')).toBe(SCENARIO_RANGES['scoring.cap']);
    expect(rangeOf('indicators[3].weight')).toBe(WEIGHT);
    expect(rangeOf('name')).toBeUndefined();
  });

  it('a scenario text over 1 MiB is refused before JSON.parse, on the field (file)', () => {
    const text = JSON.stringify({ ...raw(), note: ' '.repeat(1) }) + ' '.repeat(SCENARIO_LIMITS.fileBytes);
    let e: unknown;
    try { parseScenarioText(text); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).field).toBe('(file)');
    expect((e as ScenarioError).text.zh).toContain('方案文件最多 1024 KB');
  });

  it('strategic industries and ids are cleaned of invisible characters, as the imported industry column is', () => {
    const s = parseScenario(mutate((x) => { x.strategic_industries = ['金融\u200b', '\u00a0政府']; }));
    expect(s.strategic_industries).toEqual(['金融', '政府']);
  });

  it('rangeText says the range in both languages', () => {
    expect(rangeText(WEIGHT)).toEqual({ zh: '0，或 10^-6 至 10^6', en: '0, or 10^-6 to 10^6' });
    expect(rangeText(TARGET).en).toBe('10^-6 to 10^12');
    expect(rangeText(SCENARIO_RANGES['scoring.zero_below']).en).toBe('≥ 0 and < 1');
    expect(inRange(1e-7, WEIGHT)).toBe(false);
    expect(inRange(NaN, WEIGHT)).toBe(false);
    expect(SCENARIO_LIMITS.listEntries).toBeGreaterThan(100);
  });
});

describe('no Infinity or NaN reaches a result or an export (random scenarios and salaries)', () => {
  const sample = new URL('../../../test/fixtures/sample/', import.meta.url);
  const folder = readCsvFolder(new URL(sample).pathname);
  const base = folder.dataset;
  // Values a hostile file may carry: the extremes of doubles as well as ordinary numbers.
  const wild = fc.oneof(
    { arbitrary: fc.constantFrom(0, 5e-324, 1e-7, 1e-6, 1, 1e6, 1e12, 1e300, 1e308, -1e308), weight: 1 },
    { arbitrary: fc.integer({ min: 100, max: 1000 }).map((x) => x / 100), weight: 6 },
    { arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }), weight: 1 },
  );
  // Most weights ordinary, some at the extremes, so that many scenarios pass the parser.
  const weight = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100), weight: 30 }, { arbitrary: wild, weight: 1 });
  const salary = fc.oneof(fc.constantFrom(0, 1e15, 9e14), fc.double({ min: 0, max: 1e15, noNaN: true }));

  it('every total, point, coverage and bonus is finite or empty, and the CSV has no Infinity/NaN', () => {
    const parsed = { tried: 0, accepted: 0 };
    fc.assert(fc.property(
      fc.array(weight, { minLength: 12, maxLength: 12 }), wild, wild, wild, fc.integer({ min: 0, max: 99 }).map((x) => x / 100), wild, wild, wild, wild, salary,
      fc.constantFrom('2026Q1', '2026'),
      (weights, cap, slope, target, zeroBelow, coefficient, share, points, delta, pay, periodId) => {
        let scenario;
        parsed.tried++;
        try {
          scenario = parseScenario(mutate((s) => {
            s.indicators.forEach((ind: { weight: number }, i: number) => { ind.weight = weights[i]; });
            s.scoring.cap = cap; s.scoring.bonus_slope = slope; s.scoring.penalty_slope = slope; s.scoring.zero_below = zeroBelow;
            s.indicators[0].metrics[0].target = target;
            s.bonus.coefficients.S = coefficient; s.bonus.coefficients.A = coefficient; s.bonus.bonus_share = share;
            s.bonus_items[0].max_points = points; s.bonus_items[0].enabled = true;
            s.profiles.domain.consulting.weights.insight_knowledge = -delta;
          }));
        } catch (e) {
          if (e instanceof ScenarioError) return;
          throw e;
        }
        parsed.accepted++;
        const ds = { ...base, staff: { ...base.staff, salary: base.staff.salary.map(() => pay) } };
        const { results } = computeResults(ds, periodId, scenario);
        for (const r of results) {
          for (const v of [r.total, r.bonus_points, r.bonus_amount, ...Object.values(r.points)]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
          expect(Number.isFinite(r.coverage)).toBe(true);
        }
        expect(resultsToCsv(results, scenario, parsePeriod(periodId))).not.toMatch(/Infinity|NaN/);
      },
    ), { numRuns: 150, seed: 19 });
    // The run means something only when a fair share of the random scenarios was accepted.
    expect(parsed.accepted).toBeGreaterThan(parsed.tried / 5);
  }, 120_000);
});
