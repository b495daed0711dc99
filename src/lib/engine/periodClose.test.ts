import { describe, expect, it } from 'vitest';
import { applyOverrides, calibrate, resultsToCsvWithOverrides, type CalibrationLogEntry, type GradeOverride } from './calibration';
import { buildDataset, type StaffRow } from './metrics.testkit';
import {
  closedSnapshot, closePeriod, dataChangedSince, finalResults, PeriodCloseError, reopenPeriod, snapshotFileName,
  snapshotSalary, snapshotScenario, snapshotToCsv, versionsOf, type CloseErrorCode, type CloseInput, type PeriodSnapshot,
} from './periodClose';
import { parsePeriod } from './periods';
import { presetScenario } from './presets';
import { resultsFromMatrix } from './results';
import { serializeScenario } from './scenario';
import type { Scenario } from './types';

const standard = presetScenario('standard');
const winOnly: Scenario = { ...standard, indicators: [standard.indicators[0]], profiles: { level: {}, domain: {} } };
const period = parsePeriod('2026Q1');
const staff: StaffRow[] = [
  { staff_id: 'A1', name: '张三', level: 'mid', team: '华东', salary: 20000 },
  { staff_id: 'B2', name: 'Li, "Si"', level: 'junior', team: '华东', salary: 10000 },
  { staff_id: 'C3', name: '=王五', level: 'senior', salary: 15000 },
];
const ds = buildDataset({ staff });
const matrix = { period, staffIndex: Int32Array.of(0, 1, 2), values: { win_rate: Float64Array.of(54, 39, 45) } };
const { results } = resultsFromMatrix(ds, matrix, winOnly);
const ctx = { scenario: winOnly, period, salary: ds.staff.salary };
const batches = [{ id: 'b1', fileName: 'staff.csv', kind: 'staff', contentHash: 'h1' }, { id: 'b2', fileName: 'metrics.csv', kind: 'metrics', contentHash: 'h2' }];

function calibrated() {
  const { overrides, entry } = calibrate([], { periodId: '2026Q1', staff_id: 'B2', to: 'A', reason: '大项目', by: 'hr', at: '2026-04-08 10:30:00' }, { results, locked: false });
  const other: GradeOverride = { periodId: '2026Q2', staff_id: 'A1', to: 'D', reason: 'x', by: 'hr', at: '2026-07-01 09:00:00' };
  const otherLog: CalibrationLogEntry = { ...entry, id: 'q2', periodId: '2026Q2' };
  return { overrides: [...overrides, other], log: [entry, otherLog] };
}

function input(over: Partial<CloseInput> = {}): CloseInput {
  const { overrides, log } = calibrated();
  return {
    period, scenarioId: 'win-only', scenarioText: serializeScenario(winOnly), batches: batches.map((b) => ({ ...b })),
    results: applyOverrides(results, overrides, ctx), overrides, log, by: ' 王芳 ', at: '2026-04-10 09:00:00', ...over,
  };
}

function refusal(fn: () => unknown): CloseErrorCode {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PeriodCloseError);
    const err = e as PeriodCloseError;
    expect(err.text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(err.text.en).toMatch(/[a-z]/);
    return err.code;
  }
  throw new Error('not refused');
}

describe('closePeriod', () => {
  it('writes version 1 with the scenario text, batches, final results, the period\'s overrides and log, who and when', () => {
    const i = input();
    const snap = closePeriod([], i);
    expect(snap).toMatchObject({ id: '2026Q1|v1', periodId: '2026Q1', version: 1, scenarioId: 'win-only', closedBy: '王芳', closedAt: '2026-04-10 09:00:00', reopened: null });
    expect(snap.batches).toEqual(batches);
    expect(snap.results.find((r) => r.staff_id === 'B2')).toMatchObject({ final_grade: 'A', original_grade: 'C', override_reason: '大项目' });
    expect(snap.overrides.map((o) => o.periodId)).toEqual(['2026Q1']);
    expect(snap.log.map((e) => e.periodId)).toEqual(['2026Q1']);
    expect(snapshotScenario(snap)).toEqual(winOnly);
  });

  it('copies its inputs: changing them later does not change the snapshot', () => {
    const i = input();
    const snap = closePeriod([], i);
    (i.results[0] as { final_grade: string }).final_grade = 'D';
    i.results[0].points.win_rate = -1;
    (i.batches[0] as { contentHash: string }).contentHash = 'changed';
    expect(snap.results[0].final_grade).not.toBe('D');
    expect(snap.results[0].points.win_rate).not.toBe(-1);
    expect(snap.batches[0].contentHash).toBe('h1');
  });

  it('refuses a period already closed, an empty name and a period without results', () => {
    const v1 = closePeriod([], input());
    expect(refusal(() => closePeriod([v1], input()))).toBe('closed');
    expect(refusal(() => closePeriod([], input({ by: '   ' })))).toBe('by');
    expect(refusal(() => closePeriod([], input({ results: [] })))).toBe('empty');
  });
});

describe('reopen and versions', () => {
  it('reopens with a reason, then closing again writes version 2; v1 stays as it was', () => {
    const v1 = closePeriod([], input());
    expect(closedSnapshot([v1], '2026Q1')).toBe(v1);
    const reopened = reopenPeriod([v1], '2026Q1', { by: '李雷', at: '2026-04-12 11:00:00', reason: '  补录 3 月商机 ' });
    expect(reopened.reopened).toEqual({ by: '李雷', at: '2026-04-12 11:00:00', reason: '补录 3 月商机' });
    expect(v1.reopened).toBeNull();
    expect(closedSnapshot([reopened], '2026Q1')).toBeNull();
    const v2 = closePeriod([reopened], input({ results: results.map((r) => ({ ...r, original_grade: r.final_grade, override_reason: null })), at: '2026-04-13 09:00:00' }));
    expect(v2).toMatchObject({ id: '2026Q1|v2', version: 2, reopened: null });
    expect(versionsOf([v2, reopened], '2026Q1').map((s) => s.version)).toEqual([1, 2]);
    expect(closedSnapshot([reopened, v2], '2026Q1')).toBe(v2);
    expect(snapshotToCsv(reopened)).not.toBe(snapshotToCsv(v2));
    expect(snapshotFileName(v2)).toBe('presales-kpi-2026Q1-v2.csv');
  });

  it('refuses to reopen an open period, or without a reason or a name', () => {
    const v1 = closePeriod([], input());
    expect(refusal(() => reopenPeriod([], '2026Q1', { by: 'x', at: 't', reason: 'r' }))).toBe('open');
    expect(refusal(() => reopenPeriod([v1], '2026Q1', { by: 'x', at: 't', reason: ' \t ' }))).toBe('reason');
    expect(refusal(() => reopenPeriod([v1], '2026Q1', { by: ' ', at: 't', reason: 'r' }))).toBe('by');
    expect(refusal(() => reopenPeriod([v1], '2026Q2', { by: 'x', at: 't', reason: 'r' }))).toBe('open');
  });

  it('keeps periods apart', () => {
    const v1 = closePeriod([], input());
    expect(closedSnapshot([v1], '2026Q2')).toBeNull();
    expect(versionsOf([v1], '2026Q2')).toEqual([]);
  });
});

describe('finalResults', () => {
  it('is the snapshot\'s results when the period is closed, else the live ones', () => {
    const snap = closePeriod([], input());
    const moved = results.map((r) => ({ ...r, final_grade: 'D' as const }));
    expect(finalResults(moved, snap)).toBe(snap.results);
    expect(finalResults(moved, null)).toBe(moved);
  });
});

describe('snapshotToCsv', () => {
  it('is byte-identical to the live export at the moment of closing, with and without overrides', () => {
    const { overrides } = calibrated();
    const live = resultsToCsvWithOverrides(results, winOnly, period, overrides, ds.staff.salary);
    expect(live).toContain('override_reason');
    expect(snapshotToCsv(closePeriod([], input()))).toBe(live);
    const plain = resultsToCsvWithOverrides(results, winOnly, period, [], ds.staff.salary);
    const none = closePeriod([], input({ overrides: [], log: [], results: applyOverrides(results, [], ctx) }));
    expect(snapshotToCsv(none)).toBe(plain);
    expect(plain).not.toContain('override_reason');
  });
});

describe('dataChangedSince', () => {
  const snap: PeriodSnapshot = closePeriod([], input());
  it('is false for the same batches in any order, true for one added, removed or with another hash', () => {
    expect(dataChangedSince(snap, [batches[1], batches[0]])).toBe(false);
    expect(dataChangedSince(snap, [...batches, { id: 'b3', contentHash: 'h3' }])).toBe(true);
    expect(dataChangedSince(snap, [batches[0]])).toBe(true);
    expect(dataChangedSince(snap, [batches[0], { id: 'b2', contentHash: 'other' }])).toBe(true);
  });
});

describe('snapshotSalary', () => {
  it('keeps each result\'s salary at closing and gives them back by staff row, whatever the data say later', () => {
    const salary = Float64Array.of(20000, NaN, 15000);
    const snap = closePeriod([], input({ salary }));
    expect(snap.salaries).toEqual([20000, null, 15000]);
    const back = snapshotSalary(snap, () => 99999);
    expect(Array.from(back)).toEqual([20000, NaN, 15000]);
  });

  it('falls back to today\'s salary of the same staff_id for a snapshot written before salaries were kept', () => {
    const snap = closePeriod([], input());
    expect(snap.salaries).toBeUndefined();
    const today: Record<string, number> = { A1: 21000, C3: 16000 };
    expect(Array.from(snapshotSalary(snap, (id) => today[id] ?? NaN))).toEqual([21000, NaN, 16000]);
  });
});
