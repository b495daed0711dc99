/**
 * The metric matrix for a scenario edit: when the edit changed only project parameters
 * (strategic industries, multiplier, high-value threshold, role coefficients), the matrix shown
 * before is updated in one pass over the projects; otherwise everything is derived.
 */
import type { Dataset } from '../engine/dataset';
import { deriveMetrics } from '../engine/metrics';
import { rederiveProjectMetrics } from '../engine/projectRederive';
import type { MetricMatrix, Period, Scenario } from '../engine/types';
import { metricsKeyBesidesProjects } from './scenarioKeys';

/** The matrix a ScoringState last showed, and what it was derived from. */
export interface ShownMatrix { dataset: Dataset; scenario: Scenario; matrix: MetricMatrix }

/** `calls` counts which way was taken (tests prove a project edit does not derive everything). */
export function matrixAfterEdit(
  ds: Dataset, period: Period, scenario: Scenario, shown: ShownMatrix | null,
  calls: { deriveMetrics: number; rederiveProjectMetrics: number },
): MetricMatrix {
  if (shown && shown.dataset === ds && shown.matrix.period.id === period.id
    && metricsKeyBesidesProjects(shown.scenario) === metricsKeyBesidesProjects(scenario)) {
    calls.rederiveProjectMetrics++;
    return rederiveProjectMetrics(ds, shown.matrix, scenario);
  }
  calls.deriveMetrics++;
  return deriveMetrics(ds, period, scenario);
}
