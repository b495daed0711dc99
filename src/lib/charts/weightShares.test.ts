import { describe, expect, it } from 'vitest';
import { weightShares } from './weightShares';
import type { Category } from '../engine/codes';

const inds: { id: string; category: Category }[] = [
  { id: 'win_rate', category: 'result' }, { id: 'sales_contribution', category: 'result' },
  { id: 'high_value_rate', category: 'result' }, { id: 'adoption_rate', category: 'result' },
  { id: 'customer_repeat_rate', category: 'result' },
  { id: 'solution_quality', category: 'process' }, { id: 'support_efficiency', category: 'process' },
  { id: 'insight_knowledge', category: 'process' }, { id: 'sales_satisfaction', category: 'process' },
  { id: 'professional_growth', category: 'capability' }, { id: 'teamwork_satisfaction', category: 'capability' },
  { id: 'innovation', category: 'capability' },
];
const standard = [18, 14, 13, 10, 0, 14, 11, 8, 0, 6, 4, 2];
const bands = { result: [50, 60], process: [30, 40], capability: [10, 15] } as Record<Category, [number, number]>;

describe('weightShares', () => {
  it('the standard weights are all inside their bands', () => {
    const w = weightShares(inds, standard, bands);
    expect(w.total).toBe(100);
    expect(w.indicators[0]).toMatchObject({ id: 'win_rate', share: 18, band: [15, 20], inBand: true });
    expect(w.categories.map((c) => [c.category, c.share])).toEqual([['result', 55], ['process', 33], ['capability', 12]]);
    expect(w.indicators.every((i) => i.inBand) && w.categories.every((c) => c.inBand)).toBe(true);
    expect(w.indicators[4].band).toBeNull();
  });

  it('shares are relative to the sum and out-of-band is flagged', () => {
    const heavy = standard.slice();
    heavy[0] = 118; // win rate dominates: 118 / 200
    const w = weightShares(inds, heavy, bands);
    expect(w.indicators[0].share).toBeCloseTo(59, 12);
    expect(w.indicators[0].inBand).toBe(false);
    expect(w.categories[0].share).toBeCloseTo(77.5, 12);
    expect(w.categories[0].inBand).toBe(false);
    expect(w.categories[2].inBand).toBe(false); // capability 6%
  });

  it('a band edge counts as inside, and all-zero weights give zero shares', () => {
    const edge = weightShares([{ id: 'win_rate', category: 'result' }, { id: 'x', category: 'process' }], [20, 80], {});
    expect(edge.indicators[0].inBand).toBe(true);
    const zero = weightShares(inds, standard.map(() => 0), bands);
    expect(zero.indicators.every((i) => i.share === 0)).toBe(true);
  });

  it('uses the seed range of every default indicator', () => {
    const w = weightShares(inds, standard, bands);
    expect(w.indicators.filter((i) => i.band !== null)).toHaveLength(10);
    expect(w.indicators.find((i) => i.id === 'support_efficiency')!.band).toEqual([8, 12]);
  });
});
