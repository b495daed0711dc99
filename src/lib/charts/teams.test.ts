import { describe, expect, it } from 'vitest';
import { teamComparison } from './teams';

describe('teamComparison', () => {
  it('summarises each team and sorts by mean', () => {
    const rows = teamComparison(
      ['a', 'a', 'b', '', 'b'],
      Float64Array.of(80, 90, 70, 60, NaN),
      Uint8Array.of(1, 0, 2, 3, 255),
      [0, 1, 2, 3, 4],
    );
    expect(rows.map((r) => r.team)).toEqual(['a', 'b', '']);
    expect(rows[0]).toEqual({ team: 'a', n: 2, mean: 85, median: 85, counts: [1, 1, 0, 0, 0] });
    expect(rows[1]).toMatchObject({ team: 'b', n: 1, mean: 70 }); // the NaN total is skipped
    expect(rows[2]).toMatchObject({ team: '', n: 1, counts: [0, 0, 0, 1, 0] });
  });

  it('respects the chosen rows and breaks ties by name', () => {
    const rows = teamComparison(['z', 'y', 'x'], Float64Array.of(75, 75, 99), Uint8Array.of(2, 2, 0), [0, 1]);
    expect(rows.map((r) => r.team)).toEqual(['y', 'z']);
    expect(teamComparison([], new Float64Array(0), new Uint8Array(0), [])).toEqual([]);
  });
});
