/**
 * One period's results (spec §5–§7) put together: scores, threshold and forced grades,
 * final grade, rank, bonus and flags per in-scope person, plus the band counts of §6.
 */
import { DOMAINS, LEVELS, type Grade } from './codes';
import { bonusAmount, improvementPlan, promotionEligible } from './consequences';
import type { Dataset } from './dataset';
import { bandCounts, forcedDistribution, groupIndex } from './forcedDistribution';
import { gradeOf, thresholdGrades } from './grades';
import { deriveMetrics } from './metrics';
import { parsePeriod } from './periods';
import { promotionConditionsMet, promotionRule } from './promotion';
import { round2 } from './rounding';
import { baseWeights, prepareScoring, scoreWithWeights, type Scores, type ScoringModel } from './score';
import type { BandCount, MetricMatrix, Period, PersonResult, Scenario } from './types';

/**
 * Results from an already derived metric matrix, sorted by staff_id. `opts.baseWeights`
 * replaces the scenario's base weights (indicator order), as a slider preview does.
 * `resultsFromMatrix(ds, deriveMetrics(ds, p, s), s).results[0].final_grade`.
 */
export function resultsFromMatrix(
  ds: Dataset, matrix: MetricMatrix, scenario: Scenario, opts: { baseWeights?: Float64Array } = {},
): MatrixResults {
  const run = resultsFromMatrixSteps(ds, matrix, scenario, opts);
  for (;;) {
    const r = run.next();
    if (r.done) return r.value;
  }
}

export interface MatrixResults { results: PersonResult[]; bands: BandCount[]; model: ScoringModel; scores: Scores }

/** People whose result rows are built between two pauses of `resultsFromMatrixSteps`. */
export const PEOPLE_PER_SLICE = 2_500;

/**
 * `resultsFromMatrix` in slices: pauses (`yield`) after preparing the model, after scoring, after
 * grading, every PEOPLE_PER_SLICE result rows and before sorting them, and returns the same results. At 10,000 staff the rows take
 * about as long as everything else together; a page runs one slice per task (state/slices.ts).
 */
export function* resultsFromMatrixSteps(
  ds: Dataset, matrix: MetricMatrix, scenario: Scenario, opts: { baseWeights?: Float64Array } = {},
): Generator<void, MatrixResults, void> {
  const model = prepareScoring(ds, matrix, scenario);
  yield;
  const scores = scoreWithWeights(model, opts.baseWeights ?? baseWeights(scenario));
  yield;
  const fd = scenario.forced_distribution;
  const grades = thresholdGrades(scores.total, scenario.grades);
  const { group, labels } = groupIndex(ds, matrix.staffIndex, fd.group_by);
  const { rank, forced } = forcedDistribution(scores.total, group, fd.shares, scenario.grades.C);
  const finalGrades = fd.use_forced_distribution ? forced : grades;
  yield;

  const groupSizes = new Int32Array(labels.length);
  const period = matrix.period;
  const rule = promotionRule(scenario);
  const asksMore = period.kind === 'year' && (rule.min_tenure_months > 0 || rule.consecutive_periods > 1);
  const prior = asksMore && rule.consecutive_periods > 1 ? priorYearGrades(ds, period, scenario, rule.consecutive_periods - 1, opts.baseWeights) : null;
  const results: PersonResult[] = [];
  for (let i = 0; i < model.n; i++) {
    if (i % PEOPLE_PER_SLICE === PEOPLE_PER_SLICE - 1) yield;
    const row = matrix.staffIndex[i];
    const hasTotal = !Number.isNaN(scores.total[i]);
    if (hasTotal) groupSizes[group[i]]++;
    const level = LEVELS[model.levelOf[i]];
    const final = gradeOf(finalGrades[i]);
    const points: Record<string, number | null> = {};
    model.indicatorIds.forEach((id, j) => {
      const p = scores.points[i * model.k + j];
      points[id] = Number.isNaN(p) ? null : round2(p);
    });
    results.push({
      staffIndex: row,
      staff_id: ds.staff.staff_id[row],
      name: ds.staff.name[row],
      team: ds.staff.team[row] ?? '',
      level,
      domain: DOMAINS[model.domainOf[i]],
      total: hasTotal ? scores.total[i] : null,
      coverage: round2(scores.coverage[i]),
      grade: gradeOf(grades[i]),
      forced_grade: gradeOf(forced[i]),
      final_grade: final,
      rank: rank[i] > 0 ? rank[i] : null,
      points,
      bonus_points: hasTotal ? round2(model.bonusPoints[i]) : null,
      bonus_amount: final === null ? null
        : bonusAmount(ds.staff.salary[row], period.months, scenario.bonus.bonus_share, scenario.bonus.coefficients[final]),
      promotion_eligible: false,
      improvement_plan: improvementPlan(final),
    });
    const r = results[results.length - 1];
    if (asksMore) r.promotion_conditions_met = promotionConditionsMet(rule, period, { hiredOn: ds.staff.hired_on[row], prior: prior?.get(r.staff_id) });
    r.promotion_eligible = promotionEligible(period, level, final, rule, r.promotion_conditions_met ?? true);
  }
  yield;
  results.sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
  const graded = groupSizes.reduce((s, x) => s + x, 0);
  const bands = bandCounts(finalGrades, fd.shares, graded, groupSizes);
  return { results, bands, model, scores };
}

/**
 * Each person's final grades in the `years` years before `period` (a year), most recent first,
 * under the same scheme (its promotion rule aside) — for a rule asking for consecutive years.
 * Calibration overrides of those years are not applied: the engine does not hold them.
 */
function priorYearGrades(
  ds: Dataset, period: Period, scenario: Scenario, years: number, baseWeights: Float64Array | undefined,
): Map<string, (Grade | null)[]> {
  const out = new Map<string, (Grade | null)[]>();
  const plain: Scenario = { ...scenario, promotion: undefined };
  for (let k = 1; k <= years; k++) {
    const p = parsePeriod(String(period.year - k));
    const { results } = resultsFromMatrix(ds, deriveMetrics(ds, p, plain), plain, { baseWeights });
    for (const r of results) {
      let list = out.get(r.staff_id);
      if (!list) out.set(r.staff_id, (list = new Array<Grade | null>(years).fill(null)));
      list[k - 1] = r.final_grade;
    }
  }
  return out;
}

/**
 * Results of one period ('2026Q1' or '2026') for a scenario, from the raw data set.
 * `computeResults(ds, '2026Q1', standard).results.map((r) => r.total)`.
 */
export function computeResults(ds: Dataset, periodId: string, scenario: Scenario): { results: PersonResult[]; bands: BandCount[] } {
  const period = parsePeriod(periodId);
  const { results, bands } = resultsFromMatrix(ds, deriveMetrics(ds, period, scenario), scenario);
  return { results, bands };
}
