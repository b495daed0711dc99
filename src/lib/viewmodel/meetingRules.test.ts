import { describe, expect, it } from 'vitest';
import { dayNumber, formatDay, type HolidaysTable } from '../engine/dataset';
import { holidayTable, NATIONAL_DAY_2026 } from '../engine/holidays.testkit';
import { parsePeriod } from '../engine/periods';
import type { PersonResult } from '../engine/types';
import {
  blankMeeting, isOverdue, meetingDates, meetingKey, meetingLines, meetingRows, parseIsoDay, publishedDay, todayDay, type MeetingRecord,
} from './meetingRules';

const d = (s: string) => parseIsoDay(s);
const none = holidayTable([]);
const national = NATIONAL_DAY_2026;
// Qingming 2026: Monday Apr 6 off.
const qingming = holidayTable([['2026-04-06', 'holiday']]);

describe('parseIsoDay', () => {
  it.each<[string, string | null]>([
    ['2026-04-01', '2026-04-01'],
    [' 2026-12-31 ', '2026-12-31'],
    ['2028-02-29', '2028-02-29'],
    ['2026-02-29', null], // not a leap year: Date.UTC would roll it into March
    ['2026-13-01', null],
    ['2026-4-1', null],
    ['2026/04/01', null],
    ['', null],
    ['=1+1', null],
  ])('%j → %j', (text, want) => {
    const day = parseIsoDay(text);
    if (want === null) expect(day).toBeNaN();
    else expect(formatDay(day)).toBe(want);
  });
});

describe('publication and due dates (spec §7)', () => {
  it.each<[string, HolidaysTable, string, string, string]>([
    // period, calendar, stored publication, expected publication, expected due
    ['2026Q1', none, '', '2026-04-01', '2026-04-08'], // Tue Mar 31 → Wed Apr 1 → +5 working days
    ['2026Q1', qingming, '', '2026-04-01', '2026-04-09'], // the Monday holiday pushes it a day
    ['2026Q3', none, '', '2026-10-01', '2026-10-08'],
    ['2026Q3', national, '', '2026-10-08', '2026-10-14'], // Oct 9, Sat Oct 10 (调休), 12, 13, 14
    ['2026', national, '', '2027-01-01', '2027-01-08'], // a year ends on Dec 31 like its Q4
    ['2026Q1', none, '2026-04-10', '2026-04-10', '2026-04-17'], // HR's date wins (Friday → Friday)
    ['2026Q1', none, '2026-04-31', '2026-04-01', '2026-04-08'], // an unreadable stored date falls back
  ])('%s with %#: published %s / %s → %s due %s', (pid, cal, stored, published, due) => {
    const dates = meetingDates(parsePeriod(pid), cal, stored);
    expect(formatDay(dates.publishedOn)).toBe(published);
    expect(formatDay(dates.dueOn)).toBe(due);
    expect(publishedDay(parsePeriod(pid), cal, stored)).toBe(dates.publishedOn);
  });
});

describe('isOverdue', () => {
  const due = d('2026-04-08');
  it.each<[string, string, string, boolean]>([
    ['the day after the due day, no meeting', '', '2026-04-09', true],
    ['on the due day itself', '', '2026-04-08', false],
    ['before the due day', '', '2026-04-02', false],
    ['late, but the meeting is recorded', '2026-04-20', '2026-04-30', false],
    ['a blank-looking meeting date is no meeting', '  ', '2026-04-09', true],
  ])('%s', (_, meetingOn, today, want) => {
    expect(isOverdue(due, meetingOn, d(today))).toBe(want);
  });
});

describe('todayDay', () => {
  it('uses the local wall-clock date, not UTC', () => {
    expect(todayDay(new Date(2026, 3, 1, 23, 59))).toBe(dayNumber(2026, 4, 1));
    expect(todayDay(new Date(2026, 3, 2, 0, 1))).toBe(dayNumber(2026, 4, 2));
  });
});

describe('meetingRows', () => {
  const person = (id: string, plan: boolean): PersonResult => ({
    staffIndex: 0, staff_id: id, name: `n${id}`, team: 'T', level: 'mid', domain: 'consulting', total: 50, coverage: 100,
    grade: 'D', forced_grade: 'D', final_grade: plan ? 'D' : 'B', rank: 1, points: {}, bonus_points: 0, bonus_amount: null,
    promotion_eligible: false, improvement_plan: plan,
  });
  it('joins stored records by period and staff id, blank otherwise, and flags the overdue', () => {
    const held: MeetingRecord = { ...blankMeeting('2026Q1', 'A'), meetingOn: '2026-04-07', plan: '加强投标', status: 'done' };
    const otherPeriod: MeetingRecord = { ...blankMeeting('2025Q4', 'B'), meetingOn: '2026-01-05' };
    const records = new Map([[held.id, held], [otherPeriod.id, otherPeriod]]);
    const rows = meetingRows([person('A', true), person('B', false)], '2026Q1', records, d('2026-04-08'), d('2026-04-10'));
    expect(rows.map((r) => [r.staff_id, r.record.id, r.record.plan, r.needsPlan, r.overdue])).toEqual([
      ['A', meetingKey('2026Q1', 'A'), '加强投标', true, false],
      ['B', '2026Q1:B', '', false, true], // B's 2025Q4 meeting does not count for 2026Q1
    ]);
    expect(rows[1].record.status).toBe('not_started');
  });
  it('lines read the meeting dates alone and agree with the rows built from the records', () => {
    const held: MeetingRecord = { ...blankMeeting('2026Q1', 'A'), meetingOn: '2026-04-07', plan: '加强投标', status: 'done' };
    const people = [person('A', true), person('B', false)];
    const lines = meetingLines(people, '2026Q1', new Map([[held.id, held.meetingOn], ['2025Q4:B', '2026-01-05']]), d('2026-04-08'), d('2026-04-10'));
    expect(lines.map((l) => [l.staff_id, l.meetingOn, l.overdue])).toEqual([['A', '2026-04-07', false], ['B', '', true]]);
    const rows = meetingRows(people, '2026Q1', new Map([[held.id, held]]), d('2026-04-08'), d('2026-04-10'));
    expect(rows.map(({ record: _r, ...line }) => line)).toEqual(lines);
  });
});
