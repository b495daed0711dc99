import { describe, expect, it } from 'vitest';
import { tornadoBars, tornadoOrder, type TornadoInput } from './tornado';

const row = (id: string, low: number, high: number): TornadoInput => ({ id, label: id, low, high, band: [5, 10], current: 8 });

describe('tornadoOrder', () => {
  it('puts the widest swing on top, ties by sum then input order, without mutating', () => {
    const rows = [row('a', 1, 2), row('b', 5, 0), row('c', 0, 5), row('d', 2, 2), row('e', 2, 1)];
    const copy = rows.map((r) => r.id);
    expect(tornadoOrder(rows).map((r) => r.id)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(rows.map((r) => r.id)).toEqual(copy);
  });

  it('returns nothing for no rows', () => {
    expect(tornadoOrder([])).toEqual([]);
  });
});

describe('tornadoBars', () => {
  it('uses one symmetric scale around the centre line', () => {
    const { bars, centre, max } = tornadoBars([row('a', 4, 2), row('b', 0, 8)], 480, 100, { top: 0, right: 40, bottom: 0, left: 40 });
    expect(max).toBe(8);
    expect(centre).toBe(240);
    // half-width 200 px for 8 people: 25 px a person
    const [b, a] = bars;
    expect(b.id).toBe('b');
    expect(b.highX).toBe(440);
    expect(b.lowX).toBe(240);
    expect(a.lowX).toBe(140);
    expect(a.highX).toBe(290);
    expect(b.y).toBeLessThan(a.y);
    expect(a.height).toBeGreaterThan(0);
  });

  it('keeps a zero-width layout defined when nobody changes', () => {
    const { bars, max, x } = tornadoBars([row('a', 0, 0)], 300, 60);
    expect(max).toBe(1);
    expect(bars[0].lowX).toBe(bars[0].highX);
    expect(x(1, 'low')).toBeLessThan(x(1, 'high'));
  });
});
