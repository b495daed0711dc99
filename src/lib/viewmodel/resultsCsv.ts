/**
 * CSV exports of the bonus, list and meeting pages. Same conventions as the §8 results
 * export: UTF-8 with BOM, LF line ends, English column keys, numbers with 2 decimals (§5
 * rounding), empty cells for "unknown", every cell through csvCell (CSV injection guard).
 */
import { csvLine } from '../engine/csvCell';
import { formatDay } from '../engine/dataset';
import { round2 } from '../engine/rounding';
import type { Period } from '../engine/types';
import type { BonusLine } from './bonusTable';
import type { ListLine } from './resultLists';
import type { MeetingRow } from './meetingRules';

const num2 = (x: number | null): string => (x === null || Number.isNaN(x) ? '' : round2(x).toFixed(2));

function csvText(header: string[], rows: string[][]): string {
  return `\uFEFF${[header, ...rows].map(csvLine).join('\n')}\n`;
}

/**
 * `bonusCsv(lines, period)`: staff_id, name, team, level, period, final_grade, salary, months,
 * bonus_share, coefficient, bonus_amount, status (ok / no_salary / no_grade).
 */
export function bonusCsv(lines: readonly BonusLine[], period: Period): string {
  return csvText(
    ['staff_id', 'name', 'team', 'level', 'period', 'final_grade', 'salary', 'months', 'bonus_share', 'coefficient', 'bonus_amount', 'status'],
    lines.map((l) => [
      l.staff_id, l.name, l.team, l.level, period.id, l.final_grade ?? '', num2(l.salary), String(l.months),
      // a share like 0.255 must not be rounded to 0.26: it is an input, not a result
      String(l.share), l.coefficient === null ? '' : String(l.coefficient), num2(l.amount), l.status,
    ]),
  );
}

/** `listCsv(promotionList(...)!, period)`: staff_id, name, team, level, domain, period, total, final_grade. */
export function listCsv(lines: readonly ListLine[], period: Period): string {
  return csvText(
    ['staff_id', 'name', 'team', 'level', 'domain', 'period', 'total', 'final_grade'],
    lines.map((l) => [l.staff_id, l.name, l.team, l.level, l.domain, period.id, num2(l.total), l.final_grade ?? '']),
  );
}

/**
 * `meetingsCsv(rows, period, publishedOn)`: staff_id, name, team, period, final_grade,
 * improvement_plan_needed, published_on, due_on, meeting_on, overdue, status, plan.
 */
export function meetingsCsv(rows: readonly MeetingRow[], period: Period, publishedOn: number): string {
  return csvText(
    ['staff_id', 'name', 'team', 'period', 'final_grade', 'improvement_plan_needed', 'published_on', 'due_on', 'meeting_on', 'overdue', 'status', 'plan'],
    rows.map((r) => [
      r.staff_id, r.name, r.team, period.id, r.final_grade ?? '', String(r.needsPlan), formatDay(publishedOn), formatDay(r.dueOn),
      r.record.meetingOn, String(r.overdue), r.record.status, r.record.plan,
    ]),
  );
}
