/**
 * Calibration (绩效校准): HR overrides a person's final grade for a period, always with a
 * reason, and every change is logged. An override replaces final_grade and re-derives what
 * §7 derives from it (bonus amount, promotion eligibility, improvement plan); total, rank and
 * the threshold/forced grades stay as computed, so the export still shows the formula's
 * verdict beside HR's. A closed period (results published, periodClose.ts) takes no more changes.
 */
import { GRADES, type Grade } from './codes';
import { bonusAmount, improvementPlan, promotionEligible } from './consequences';
import { promotionRule } from './promotion';
import { csvLine } from './csvCell';
import { resultsToCsv } from './exportCsv';
import type { Period, PersonResult, Scenario } from './types';
import { BilingualError } from '../i18n/bilingualError';

/** The override in force for one person and period. */
export interface GradeOverride {
  periodId: string;
  staff_id: string;
  to: Grade;
  reason: string;
  by: string;
  /** local date-time text, e.g. '2026-04-08 10:30' */
  at: string;
}

/** One change in the calibration log; `from`/`to` are the effective final grades before and after. */
export interface CalibrationLogEntry {
  id: string;
  periodId: string;
  staff_id: string;
  from: Grade | null;
  to: Grade | null;
  reason: string;
  by: string;
  at: string;
}

export interface CalibratedResult extends PersonResult {
  /** the computed final grade, before any override */
  original_grade: Grade | null;
  /** the override's reason; null when not overridden */
  override_reason: string | null;
}

export type CalibrationErrorCode = 'reason' | 'locked' | 'grade' | 'person' | 'no_total' | 'unchanged';

export class CalibrationError extends BilingualError<CalibrationErrorCode> {
  constructor(code: CalibrationErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'CalibrationError';
  }
}

export interface ConsequenceContext {
  scenario: Scenario;
  period: Period;
  /** the staff table's salary column, indexed by PersonResult.staffIndex (NaN = unknown) */
  salary: ArrayLike<number>;
}

/** The override in force per staff_id for one period (the latest `at` wins should there be two). */
function overridesFor(overrides: readonly GradeOverride[], periodId: string): Map<string, GradeOverride> {
  const out = new Map<string, GradeOverride>();
  for (const o of overrides) {
    if (o.periodId !== periodId) continue;
    const before = out.get(o.staff_id);
    if (!before || o.at >= before.at) out.set(o.staff_id, o);
  }
  return out;
}

/**
 * Results with the period's overrides applied: final_grade replaced, original_grade kept,
 * bonus_amount / promotion_eligible / improvement_plan recomputed for the people overridden.
 * Overrides of other periods, of people not in `results`, or of people without a total
 * (no grade to calibrate) are ignored. The input is not changed.
 * `applyOverrides(results, overrides, { scenario, period, salary: ds.staff.salary })[0].original_grade`.
 */
export function applyOverrides(
  results: readonly PersonResult[], overrides: readonly GradeOverride[], ctx: ConsequenceContext,
): CalibratedResult[] {
  const { scenario, period, salary } = ctx;
  const active = overridesFor(overrides, period.id);
  return results.map((r) => {
    const o = active.get(r.staff_id);
    if (!o || r.total === null) return { ...r, original_grade: r.final_grade, override_reason: null };
    return {
      ...r,
      final_grade: o.to,
      original_grade: r.final_grade,
      override_reason: o.reason,
      bonus_amount: bonusAmount(salary[r.staffIndex], period.months, scenario.bonus.bonus_share, scenario.bonus.coefficients[o.to]),
      promotion_eligible: promotionEligible(period, r.level, o.to, promotionRule(scenario), r.promotion_conditions_met ?? true),
      improvement_plan: improvementPlan(o.to),
    };
  });
}

/** A move asked for: an override's fields, where `to` equal to the computed grade removes the override. */
export type CalibrationInput = GradeOverride;

/**
 * Record one calibration: checks it, then returns the new override list (the person's
 * previous override for the period replaced, or removed when `to` is the computed grade)
 * and the log entry. Refuses, with a CalibrationError in Chinese and English: an empty
 * reason, a locked period, an unknown grade or person, a person without a total, and a
 * change to the grade already in force. `results` are the period's computed results.
 * `calibrate(overrides, { periodId: '2026Q1', staff_id: 'PS1001', to: 'A', reason: '重大项目', by: 'hr', at: '2026-04-08 10:30' }, { results, locked: false })`.
 */
export function calibrate(
  overrides: readonly GradeOverride[], input: CalibrationInput, ctx: { results: readonly PersonResult[]; locked: boolean },
): { overrides: GradeOverride[]; entry: CalibrationLogEntry } {
  const { periodId, staff_id, to, by, at } = input;
  const reason = input.reason.trim();
  if (ctx.locked) {
    throw new CalibrationError('locked', `期间 ${periodId} 已定版，不能再调整等级；如需调整，请先重新开放。`, `Period ${periodId} is closed; reopen it to change grades.`);
  }
  if (reason === '') {
    throw new CalibrationError('reason', `调整 ${staff_id} 的等级必须填写原因。`, `A reason is required to change the grade of ${staff_id}.`);
  }
  if (!(GRADES as readonly string[]).includes(to)) {
    throw new CalibrationError('grade', `无效的等级“${to}”：应为 S/A/B/C/D。`, `Invalid grade "${to}": expected S/A/B/C/D.`);
  }
  const person = ctx.results.find((r) => r.staff_id === staff_id);
  if (!person) {
    throw new CalibrationError('person', `期间 ${periodId} 的结果中没有工号 ${staff_id}。`, `Staff ${staff_id} is not in the results of ${periodId}.`);
  }
  if (person.total === null) {
    throw new CalibrationError('no_total', `${staff_id} 数据不足，没有总分，无法校准等级。`, `${staff_id} has insufficient data (no total), so there is no grade to calibrate.`);
  }
  const current = overridesFor(overrides, periodId).get(staff_id);
  const from = current?.to ?? person.final_grade;
  if (from === to) {
    throw new CalibrationError('unchanged', `${staff_id} 的等级已是 ${to}。`, `${staff_id} already has grade ${to}.`);
  }
  const rest = overrides.filter((o) => !(o.periodId === periodId && o.staff_id === staff_id));
  const next = to === person.final_grade ? rest : [...rest, { periodId, staff_id, to, reason, by, at }];
  return { overrides: next, entry: { id: `${periodId}|${staff_id}|${at}`, periodId, staff_id, from, to, reason, by, at } };
}

const LOG_HEADERS = {
  zh: ['记录编号', '期间', '工号', '原等级', '调整后等级', '调整原因', '调整人', '调整时间'],
  en: ['id', 'period', 'staff_id', 'from', 'to', 'reason', 'by', 'at'],
};

/**
 * The calibration log as CSV (UTF-8 with BOM, like every export), oldest first, with
 * Chinese or English headers; cells go through csvCell (quoting, formula guard).
 * `calibrationLogToCsv(log, 'zh').split('\n')[0]` → '\uFEFF记录编号,期间,工号,…'.
 */
export function calibrationLogToCsv(entries: readonly CalibrationLogEntry[], lang: 'zh' | 'en'): string {
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [csvLine(LOG_HEADERS[lang])];
  for (const e of sorted) lines.push(csvLine([e.id, e.periodId, e.staff_id, e.from ?? '', e.to ?? '', e.reason, e.by, e.at]));
  return `\uFEFF${lines.join('\n')}\n`;
}

/** Records of a CSV text as exportCsv writes it (RFC 4180 quotes, LF line ends). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); records.push(row); row = []; cell = ''; }
    else cell += c;
  }
  return records;
}

/**
 * The §8 results export of results with overrides already applied (applyOverrides' rows, or a
 * closed period's snapshot): when at least one person is overridden, an `override_reason`
 * column follows `final_grade` (empty for people not overridden); else exactly `resultsToCsv`'s.
 * `calibratedResultsToCsv(applyOverrides(results, overrides, ctx), scenario, period)`.
 */
export function calibratedResultsToCsv(
  calibrated: readonly CalibratedResult[], scenario: Scenario, period: Period, opts: { bom?: boolean } = {},
): string {
  if (!calibrated.some((r) => r.override_reason !== null)) return resultsToCsv([...calibrated], scenario, period, opts);
  // Reuse exportCsv's row formatting and insert the column; resultsToCsv sorts stably by staff_id, and so do we.
  const sorted = [...calibrated].sort((a, b) => (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
  const [header, ...rows] = csvRecords(resultsToCsv([...calibrated], scenario, period, { bom: false }));
  const at = header.indexOf('final_grade') + 1;
  const lines = [csvLine([...header.slice(0, at), 'override_reason', ...header.slice(at)])];
  rows.forEach((cells, i) => lines.push(csvLine([...cells.slice(0, at), sorted[i].override_reason ?? '', ...cells.slice(at)])));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\n')}\n`;
}

/**
 * The §8 results export with the period's overrides applied; when the period has at least
 * one override, an `override_reason` column follows `final_grade` (empty for people not
 * overridden). Without overrides the text is exactly `resultsToCsv`'s.
 * `resultsToCsvWithOverrides(results, scenario, period, overrides, ds.staff.salary)`.
 */
export function resultsToCsvWithOverrides(
  results: readonly PersonResult[], scenario: Scenario, period: Period, overrides: readonly GradeOverride[],
  salary: ArrayLike<number>, opts: { bom?: boolean } = {},
): string {
  const calibrated = applyOverrides(results, overrides, { scenario, period, salary });
  if (!calibrated.some((r) => r.override_reason !== null)) return resultsToCsv([...results], scenario, period, opts);
  return calibratedResultsToCsv(calibrated, scenario, period, opts);
}
