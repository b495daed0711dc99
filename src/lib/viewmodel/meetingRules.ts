/**
 * The feedback-meeting rules of spec §7 as the Meetings page and the report apply them:
 * record keys, the publication and due dates of a period, and what counts as overdue.
 * Dates on screen and in storage are 'YYYY-MM-DD' strings (what <input type="date"> gives);
 * comparisons use day numbers (dataset.ts).
 */
import { dayNumber, formatDay, type HolidaysTable } from '../engine/dataset';
import { defaultPublishedOn, feedbackDueOn } from '../engine/consequences';
import type { Period, PersonResult } from '../engine/types';

export const MEETING_STATUSES = ['not_started', 'in_progress', 'done'] as const;
/** 未开始 / 进行中 / 已完成 */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** One person's feedback meeting of one period, as stored in the 'meetings' object store. */
export interface MeetingRecord {
  /** `meetingKey(periodId, staff_id)` */
  id: string;
  periodId: string;
  staff_id: string;
  /** 'YYYY-MM-DD' or '' (not held yet) */
  meetingOn: string;
  plan: string;
  status: MeetingStatus;
  /** ISO time of the last change */
  updatedAt: string;
}

/** `meetingKey('2026Q1', 'PS1001') === '2026Q1:PS1001'`. */
export function meetingKey(periodId: string, staffId: string): string {
  return `${periodId}:${staffId}`;
}

/** A record for someone nobody has written anything about yet. */
export function blankMeeting(periodId: string, staffId: string): MeetingRecord {
  return { id: meetingKey(periodId, staffId), periodId, staff_id: staffId, meetingOn: '', plan: '', status: 'not_started', updatedAt: '' };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a 'YYYY-MM-DD' string; NaN for '' or anything that is not a real date.
 * `parseIsoDay('2026-04-01') === dayNumber(2026, 4, 1)`, `parseIsoDay('2026-02-30')` is NaN.
 */
export function parseIsoDay(text: string): number {
  const m = ISO_DAY.exec(text.trim());
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayNumber(y, mo, d);
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip.
  return formatDay(day) === `${m[1]}-${m[2]}-${m[3]}` ? day : NaN;
}

/** Today's day number by the PC's wall clock (no time zones, spec §1). */
export function todayDay(now: Date = new Date()): number {
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * The publication day of a period: the date HR set (`stored`, 'YYYY-MM-DD') or, when none or
 * unreadable, the first working day after the period.
 * `publishedDay(parsePeriod('2026Q1'), noHolidays, '')` → day of 2026-04-01.
 */
export function publishedDay(period: Period, holidays: HolidaysTable, stored: string | undefined): number {
  const day = stored ? parseIsoDay(stored) : NaN;
  return Number.isNaN(day) ? defaultPublishedOn(period, holidays) : day;
}

/**
 * Publication and due day of a period's meetings (due = 5 working days after publication).
 * `meetingDates(parsePeriod('2026Q1'), noHolidays, '').dueOn` → day of 2026-04-08.
 */
export function meetingDates(period: Period, holidays: HolidaysTable, stored: string | undefined): { publishedOn: number; dueOn: number } {
  const publishedOn = publishedDay(period, holidays, stored);
  return { publishedOn, dueOn: feedbackDueOn(publishedOn, holidays) };
}

/**
 * Overdue = the due day has passed (strictly before today) and no meeting date is recorded.
 * The due day itself is not overdue yet. `isOverdue(due, '', due + 1) === true`, `isOverdue(due, '2026-04-07', due + 1) === false`.
 */
export function isOverdue(dueOn: number, meetingOn: string, today: number): boolean {
  return dueOn < today && meetingOn.trim() === '';
}

/** One line of the Meetings page without the record's plan and status: what filters and counts read. */
export interface MeetingLine {
  staff_id: string;
  name: string;
  team: string;
  final_grade: PersonResult['final_grade'];
  /** the engine's improvement_plan flag (final grade C/D) */
  needsPlan: boolean;
  dueOn: number;
  /** 'YYYY-MM-DD' or '' (not held yet) */
  meetingOn: string;
  overdue: boolean;
}

/** One line of the Meetings page's CSV: the line with its record. */
export interface MeetingRow extends MeetingLine {
  record: MeetingRecord;
}

/**
 * Everyone in scope for the period with their meeting date ('' when none is recorded), in the
 * results' order. `meetingOn` maps `meetingKey` to a date and holds no plan: typing a plan
 * changes no line, so the page's list of 10,000 lines is not built again on every key (issue #19).
 * `meetingLines(results, '2026Q1', days, due, today).filter((l) => l.overdue)`.
 */
export function meetingLines(
  results: readonly PersonResult[], periodId: string, meetingOn: ReadonlyMap<string, string>, dueOn: number, today: number,
): MeetingLine[] {
  return results.map((r) => {
    const day = meetingOn.get(meetingKey(periodId, r.staff_id)) ?? '';
    return {
      staff_id: r.staff_id, name: r.name, team: r.team, final_grade: r.final_grade, needsPlan: r.improvement_plan,
      dueOn, meetingOn: day, overdue: isOverdue(dueOn, day, today),
    };
  });
}

/**
 * Every line with its record (blank when none is stored), for the CSV.
 * `meetingRows(results, '2026Q1', records, due, today).filter((r) => r.overdue)`.
 */
export function meetingRows(
  results: readonly PersonResult[], periodId: string, records: ReadonlyMap<string, MeetingRecord>, dueOn: number, today: number,
): MeetingRow[] {
  const days = new Map(Array.from(records, ([key, r]) => [key, r.meetingOn] as const));
  return meetingLines(results, periodId, days, dueOn, today).map((l) => ({
    ...l, record: records.get(meetingKey(periodId, l.staff_id)) ?? blankMeeting(periodId, l.staff_id),
  }));
}
