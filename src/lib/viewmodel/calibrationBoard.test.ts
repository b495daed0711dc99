import { describe, expect, it } from 'vitest';
import type { CalibratedResult } from '../engine/calibration';
import type { Grade, Level } from '../engine/codes';
import { presetScenario } from '../engine/presets';
import { buildBoard, calibratedBands, findCard, keyTarget, planMove, undoInput, visibleRange } from './calibrationBoard';

const shares = presetScenario('standard').forced_distribution.shares;

function person(staff_id: string, total: number | null, final: Grade | null, extra: Partial<CalibratedResult> = {}): CalibratedResult {
  return {
    staffIndex: 0, staff_id, name: `名${staff_id}`, team: '华东', level: 'mid' as Level, domain: 'consulting',
    total, coverage: 1, grade: final, forced_grade: final, final_grade: final, rank: 1, points: {},
    bonus_points: 0, bonus_amount: null, promotion_eligible: false, improvement_plan: false,
    original_grade: final, override_reason: null, ...extra,
  };
}

// 10 graded people: quotas S 1, A 2, B 6, C+D 1
const results: CalibratedResult[] = [
  person('P01', 95, 'S'), person('P02', 90, 'S'),
  person('P03', 85, 'A'), person('P04', 70, 'A', { original_grade: 'B', override_reason: '大单' }),
  person('P05', 80, 'B'), person('P06', 78, 'B', { team: '华北' }), person('P07', 78, 'B', { level: 'senior' }),
  person('P08', 75, 'B'), person('P09', 60, 'C', { team: '' }), person('P10', 50, 'D'),
  person('P11', null, null),
];

describe('buildBoard', () => {
  it('puts each graded person in the column of the final grade, sorted by total, ties by staff_id', () => {
    const b = buildBoard(results, shares);
    expect(b.columns.map((c) => c.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(b.columns.map((c) => c.cards.map((x) => x.staff_id))).toEqual([
      ['P01', 'P02'], ['P03', 'P04'], ['P05', 'P06', 'P07', 'P08'], ['P09'], ['P10'],
    ]);
    expect(findCard(b, 'P04')).toMatchObject({ original: 'B', final: 'A', reason: '大单', total: 70 });
    expect(b.size).toBe(10);
    expect(b.ungraded).toBe(1);
    expect(buildBoard(results, shares, undefined, 'asc').columns[2].cards.map((x) => x.staff_id)).toEqual(['P08', 'P06', 'P07', 'P05']);
  });

  it('counts calibrated and original bands against the quotas of the group, with the gap', () => {
    const b = buildBoard(results, shares);
    expect(b.bands).toEqual([
      { band: 'S', target: 1, actual: 2, gap: 1 }, { band: 'A', target: 2, actual: 2, gap: 0 },
      { band: 'B', target: 6, actual: 4, gap: -2 }, { band: 'CD', target: 1, actual: 2, gap: 1 },
    ]);
    expect(b.originalBands.map((x) => x.actual)).toEqual([2, 1, 5, 2]);
  });

  it('filters by team and level; quotas follow the group shown; the filter lists come from everyone', () => {
    const east = buildBoard(results, shares, { team: '华东', level: null });
    expect(east.size).toBe(8);
    expect(east.bands.map((x) => x.target)).toEqual([1, 1, 5, 1]);
    expect(buildBoard(results, shares, { team: null, level: 'senior' }).columns[2].cards.map((x) => x.staff_id)).toEqual(['P07']);
    expect(buildBoard(results, shares, { team: '', level: null }).size).toBe(1);
    expect(east.teams).toEqual(['', '华东', '华北'].sort());
    expect(east.levels).toEqual(['mid', 'senior']);
  });

  it('handles no results and does not change its input', () => {
    const empty = buildBoard([], shares);
    expect(empty.size).toBe(0);
    expect(empty.bands.every((x) => x.target === 0 && x.actual === 0)).toBe(true);
    const copy = JSON.stringify(results);
    buildBoard(results, shares, { team: '华北', level: null }, 'asc');
    expect(JSON.stringify(results)).toBe(copy);
  });
});

describe('moves', () => {
  const b = buildBoard(results, shares);
  it('plans a move to another column, none to the same column or for someone not on the board', () => {
    expect(planMove(b, 'P05', 'A')).toEqual({ staff_id: 'P05', name: '名P05', from: 'B', to: 'A' });
    expect(planMove(b, 'P05', 'B')).toBeNull();
    expect(planMove(b, 'P11', 'A')).toBeNull();
    expect(planMove(b, 'nobody', 'A')).toBeNull();
  });

  it('undo moves the person back to the grade before the move, with its own reason', () => {
    expect(undoInput({ staff_id: 'P05', name: 'x', from: 'B', to: 'A', reason: '大单' }, '撤销')).toEqual({ staff_id: 'P05', to: 'B', reason: '撤销' });
  });

  it('maps keys to target grades: letters, arrows towards S and D, nothing past the ends', () => {
    expect(keyTarget('a', 'B')).toBe('A');
    expect(keyTarget('D', 'B')).toBe('D');
    expect(keyTarget('b', 'B')).toBeNull();
    expect(keyTarget('ArrowLeft', 'B')).toBe('A');
    expect(keyTarget('ArrowRight', 'B')).toBe('C');
    expect(keyTarget('ArrowLeft', 'S')).toBeNull();
    expect(keyTarget('ArrowRight', 'D')).toBeNull();
    expect(keyTarget('Enter', 'B')).toBeNull();
    expect(keyTarget('x', 'B')).toBeNull();
  });
});

describe('visibleRange', () => {
  it('draws the rows in view plus overscan, clamped to the column', () => {
    expect(visibleRange(440, 400, 44, 1000)).toEqual({ start: 5, end: 25 });
    expect(visibleRange(0, 400, 44, 1000)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(0, 400, 44, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(44 * 995, 400, 44, 1000)).toEqual({ start: 990, end: 1000 });
    expect(visibleRange(-10, 0, 44, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('calibratedBands', () => {
  it('counts before and after calibration; rows never calibrated count the same in both', () => {
    const { bands, originalBands } = calibratedBands(results, shares);
    expect(bands.map((b) => b.actual)).toEqual([2, 2, 4, 2]);
    expect(originalBands.map((b) => b.actual)).toEqual([2, 1, 5, 2]);
    const plain = results.map(({ original_grade: _o, override_reason: _r, ...r }) => r);
    const same = calibratedBands(plain, shares, { team: '华东', level: null });
    expect(same.bands).toEqual(same.originalBands);
  });
});
