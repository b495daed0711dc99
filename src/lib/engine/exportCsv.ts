/**
 * The results export of spec §8: one row per in-scope person, sorted by staff_id, UTF-8
 * with BOM (Excel on Chinese Windows needs it to read UTF-8), LF line ends.
 */
import { csvLine } from './csvCell';
import { round2 } from './rounding';
import { exportedIndicators } from './scenario';
import type { Period, PersonResult, Scenario } from './types';

const num2 = (x: number | null): string => (x === null || Number.isNaN(x) ? '' : round2(x).toFixed(2));

/** The header of the export for a scenario (spec §8 column order). */
export function resultsCsvHeader(scenario: Scenario): string[] {
  return [
    'staff_id', 'name', 'team', 'level', 'domain', 'period', 'total', 'coverage', 'grade', 'forced_grade', 'final_grade', 'rank',
    ...exportedIndicators(scenario).map((ind) => `${ind.id}_points`),
    'bonus_points', 'bonus_amount', 'promotion_eligible', 'improvement_plan',
  ];
}

/**
 * The §8 CSV text: BOM (unless `opts.bom === false`), header, one line per result sorted by
 * staff_id, each line ending in `\n`. Numbers with 2 decimals, N/A and "no grade" empty,
 * booleans true/false, rank an integer.
 * `resultsToCsv(results, scenario, parsePeriod('2026Q1'), { bom: false }).split('\n')[0].startsWith('staff_id,name')`.
 */
export function resultsToCsv(results: PersonResult[], scenario: Scenario, period: Period, opts: { bom?: boolean } = {}): string {
  const indicators = exportedIndicators(scenario);
  const sorted = [...results].sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
  const lines = [csvLine(resultsCsvHeader(scenario))];
  for (const r of sorted) {
    const noTotal = r.total === null;
    lines.push(csvLine([
      r.staff_id, r.name, r.team, r.level, r.domain, period.id,
      num2(r.total), num2(noTotal ? 0 : r.coverage),
      r.grade ?? '', r.forced_grade ?? '', r.final_grade ?? '',
      noTotal || r.rank === null ? '' : String(Math.trunc(r.rank)),
      ...indicators.map((ind) => (noTotal ? '' : num2(r.points[ind.id] ?? null))),
      noTotal ? '' : num2(r.bonus_points ?? 0),
      noTotal ? '' : num2(r.bonus_amount),
      String(!noTotal && r.promotion_eligible),
      String(!noTotal && r.improvement_plan),
    ]));
  }
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\n')}\n`;
}
