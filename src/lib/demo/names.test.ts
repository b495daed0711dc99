import { describe, expect, it } from 'vitest';
import { chineseName, INDUSTRIES, INDUSTRY_WEIGHTS } from './names';
import { Random } from './random';

describe('chineseName', () => {
  it('gives 2–4 Han characters, deterministic per seed, with few repeats', () => {
    const draw = (seed: number) => { const r = new Random(seed); return Array.from({ length: 300 }, () => chineseName(r)); };
    const names = draw(8);
    expect(draw(8)).toEqual(names);
    for (const n of names) expect(n).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(new Set(names).size).toBeGreaterThan(250);
    expect(names.some((n) => n.length === 2)).toBe(true);
  });
});

describe('INDUSTRIES', () => {
  it('has a weight per industry and the big Chinese B2B markets', () => {
    expect(INDUSTRY_WEIGHTS).toHaveLength(INDUSTRIES.length);
    for (const i of ['金融', '政务', '制造', '医疗', '教育', '能源', '零售', '互联网']) expect(INDUSTRIES).toContain(i);
  });
});
