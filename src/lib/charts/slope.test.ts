import { describe, expect, it } from 'vitest';
import { slopeLines, spreadLabels } from './slope';

describe('spreadLabels', () => {
  it('keeps positions that are already far enough apart', () => {
    expect(spreadLabels([50, 10, 90], 10, 0, 100)).toEqual([50, 10, 90]);
  });

  it('pushes close neighbours apart in order, returning the input order', () => {
    expect(spreadLabels([12, 10, 11], 10, 0, 100)).toEqual([30, 10, 20]);
  });

  it('slides labels back up from the bottom edge', () => {
    expect(spreadLabels([98, 99, 100], 10, 0, 100)).toEqual([80, 90, 100]);
  });

  it('keeps the top label inside when there is not room for all', () => {
    const ys = spreadLabels([0, 1, 2, 3], 10, 0, 20);
    expect(ys).toEqual([0, 10, 20, 30]);
  });

  it('handles nothing and one', () => {
    expect(spreadLabels([], 10, 0, 100)).toEqual([]);
    expect(spreadLabels([5], 10, 0, 100)).toEqual([5]);
  });
});

describe('slopeLines', () => {
  const movers = [
    { staff_id: 'P1', name: '甲', rankA: 1, rankB: 5, delta: -4 },
    { staff_id: 'P2', name: '乙', rankA: 9, rankB: 2, delta: 7 },
    { staff_id: 'P3', name: '丙', rankA: 3, rankB: 3, delta: 0 },
  ];

  it('maps rank 1 to the top and the largest rank to the bottom on both axes', () => {
    const { lines, maxRank, y } = slopeLines(movers, 400, 180, { top: 10, right: 100, bottom: 10, left: 100 }, 1);
    expect(maxRank).toBe(9);
    expect(y(1)).toBe(10);
    expect(y(9)).toBe(170);
    expect(lines[0]).toMatchObject({ x1: 100, x2: 300, y1: 10, y2: 90, direction: 'down' });
    expect(lines[1]).toMatchObject({ y1: 170, y2: 30, direction: 'up' });
    expect(lines[2].direction).toBe('same');
    expect(lines[2].y1).toBe(lines[2].y2);
  });

  it('nudges labels of neighbouring ranks apart but not the line ends', () => {
    const close = [
      { staff_id: 'a', name: 'a', rankA: 1, rankB: 2, delta: -1 },
      { staff_id: 'b', name: 'b', rankA: 2, rankB: 1, delta: 1 },
    ];
    const { lines } = slopeLines(close, 300, 40, { top: 0, right: 50, bottom: 0, left: 50 }, 30);
    expect(lines[0].y1).toBe(0);
    expect(lines[1].y1).toBe(40);
    expect(Math.abs(lines[0].labelY2 - lines[1].labelY2)).toBeGreaterThanOrEqual(30);
  });
});
