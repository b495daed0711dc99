/**
 * One period's results (spec §5–§7) put together: scores, threshold and forced grades,
 * final grade, rank, bonus and flags per in-scope person, plus the band counts of §6.
 */
import { DOMAINS, LEVELS } from './codes';
import { bonusAmount, improvementPlan, promotionEligible } from './consequences';
import type { Dataset } from './dataset';
import { bandCounts, forcedDistribution, groupIndex } from './forcedDistribution';
import { gradeOf, thresholdGrades } from './grades';
import { deriveMetrics } from './metrics';
import { parsePeriod } from './periods';
import { round2 } from './rounding';
import { baseWeights, prepareScoring, scoreWithWeights, type Scores, type ScoringModel } from './score';
import type { BandCount, MetricMatrix, PersonResult, Scenario } from './types';

/**
 * Results from an already derived metric matrix, sorted by staff_id. `opts.baseWeights`
 * replaces the scenario's base weights (indicator order), as a slider preview does.
 * `resultsFromMatrix(ds, deriveMetrics(ds, p, s), s).results[0].final_grade`.
 */
export function resultsFromMatrix(
  ds: Dataset, matrix: MetricMatrix, scenario: Scenario, opts: { baseWeights?: Float64Array } = {},
): { results: PersonResult[]; bands: BandCount[]; model: ScoringModel; scores: Scores } {
  const model = prepareScoring(ds, matrix, scenario);
  const scores = scoreWithWeights(model, opts.baseWeights ?? baseWeights(scenario));
  const fd = scenario.forced_distribution;
  const grades = thresholdGrades(scores.total, scenario.grades);
  const { group, labels } = groupIndex(ds, matrix.staffIndex, fd.group_by);
  const { rank, forced } = forcedDistribution(scores.total, group, fd.shares, scenario.grades.C);
  const finalGrades = fd.use_forced_distribution ? forced : grades;

  const groupSizes = new Int32Array(labels.length);
  const period = matrix.period;
  const results: PersonResult[] = [];
  for (let i = 0; i < model.n; i++) {
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
      promotion_eligible: promotionEligible(period, level, final),
      improvement_plan: improvementPlan(final),
    });
  }
  results.sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
  const graded = groupSizes.reduce((s, x) => s + x, 0);
  const bands = bandCounts(finalGrades, fd.shares, graded, groupSizes);
  return { results, bands, model, scores };
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
