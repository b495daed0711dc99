import { describe, expect, it } from 'vitest';
import { NOT_PINNED, alignPinned, beforeAfter, pinGrades, type PinnedGrades } from './pinnedGrades';

const meta = { at: '2026-12-07T06:00:00.000Z', periodId: '2026Q1', scenario: { zh: '标准方案', en: 'Standard' } };
const NO = 255;

describe('pinGrades / alignPinned', () => {
  it('keys the grades by staff_id through the model’s staff index', () => {
    const p = pinGrades(Uint8Array.of(0, 2, NO), Int32Array.of(2, 0, 1), ['PS1', 'PS2', 'PS3'], meta);
    expect(p.grades).toEqual({ PS3: 0, PS1: 2, PS2: NO });
    expect(p.periodId).toBe('2026Q1');
  });

  it('aligns a snapshot to another model order; people it does not hold are NOT_PINNED', () => {
    const p: PinnedGrades = { ...meta, grades: { PS1: 1, PS3: 4 } };
    const aligned = alignPinned(p, Int32Array.of(0, 1, 2, 3), ['PS3', 'PS4', 'PS1', 'PS2']);
    expect([...aligned]).toEqual([4, NOT_PINNED, 1, NOT_PINNED]);
  });

  it('a stored value that is not a grade code counts as not pinned', () => {
    const p = { ...meta, grades: { PS1: 'A', PS2: -1, PS3: 999 } } as unknown as PinnedGrades;
    expect([...alignPinned(p, Int32Array.of(0, 1, 2), ['PS1', 'PS2', 'PS3'])]).toEqual([NOT_PINNED, NOT_PINNED, NOT_PINNED]);
  });
});

describe('beforeAfter', () => {
  it('counts each band before and now, C and D together, and who moved up or down', () => {
    //            S→S  A→S  B→A  B→B  C→B  D→C  B→D
    const pinned = Uint8Array.of(0, 1, 2, 2, 3, 4, 2);
    const now = Uint8Array.of(0, 0, 1, 2, 2, 3, 4);
    const r = beforeAfter(pinned, now, [0, 1, 2, 3, 4, 5, 6]);
    expect(r.before).toEqual({ S: 1, A: 1, B: 3, CD: 2 });
    expect(r.now).toEqual({ S: 2, A: 1, B: 2, CD: 2 });
    expect(r).toMatchObject({ changed: 5, up: 4, down: 1, notPinned: 0 });
  });

  it('only the rows asked for; a grade gained or lost is a change but neither up nor down', () => {
    const pinned = Uint8Array.of(NO, 1, 1, NOT_PINNED);
    const now = Uint8Array.of(1, NO, 1, 0);
    const r = beforeAfter(pinned, now, [0, 1, 3]);
    expect(r).toEqual({ before: { S: 0, A: 1, B: 0, CD: 0 }, now: { S: 1, A: 1, B: 0, CD: 0 }, changed: 2, up: 0, down: 0, notPinned: 1 });
  });

  it('nothing to compare: zeros', () => {
    expect(beforeAfter(new Uint8Array(0), new Uint8Array(0), [])).toEqual({
      before: { S: 0, A: 0, B: 0, CD: 0 }, now: { S: 0, A: 0, B: 0, CD: 0 }, changed: 0, up: 0, down: 0, notPinned: 0,
    });
  });
});
