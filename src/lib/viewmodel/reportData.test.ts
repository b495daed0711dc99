import { describe, expect, it } from 'vitest';
import type { IndicatorLine } from '../charts/personBreakdown';
import type { PersonResult } from '../engine/types';
import { NO_TEAM_PARAM, teamMembers, teamParam, weakestIndicators } from './reportData';

const line = (id: string, fraction: number): IndicatorLine => ({ id, fraction, points: fraction * 10, atTarget: 10, weight: 10, metrics: [] });
const person = (id: string, team: string) => ({ staff_id: id, team }) as PersonResult;

describe('weakestIndicators', () => {
  it('takes the three lowest fractions, leaves N/A out and does not reorder the caller’s array', () => {
    const lines = [line('a', 0.9), line('b', NaN), line('c', 0.2), line('d', 1.1), line('e', 0.5)];
    const copy = [...lines];
    expect(weakestIndicators(lines).map((l) => l.id)).toEqual(['c', 'e', 'a']);
    expect(lines).toEqual(copy);
  });
  it('returns fewer when fewer are scored, and none for an empty list', () => {
    expect(weakestIndicators([line('x', NaN), line('y', 0.7)]).map((l) => l.id)).toEqual(['y']);
    expect(weakestIndicators([])).toEqual([]);
  });
});

describe('teamMembers', () => {
  const results = [person('PS3', ' 华东 '), person('PS1', '华东'), person('PS2', ''), person('PS4', '华北'), person('PS5', '  ')];
  it('matches trimmed team names and sorts by staff id', () => {
    expect(teamMembers(results, '华东').map((r) => r.staff_id)).toEqual(['PS1', 'PS3']);
  });
  it('the no-team parameter selects blank teams', () => {
    expect(teamMembers(results, NO_TEAM_PARAM).map((r) => r.staff_id)).toEqual(['PS2', 'PS5']);
    expect(teamParam('  ')).toBe(NO_TEAM_PARAM);
    expect(teamParam(' 华北 ')).toBe('华北');
  });
});
