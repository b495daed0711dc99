import { describe, expect, it } from 'vitest';
import { saveCheck } from './saveCheck';
import { BUILT_IN_PRESETS } from '../../lib/engine/presets';
import { moveShare } from '../../lib/state/shareSlider';

const standard = BUILT_IN_PRESETS[0].scenario;
const base = Float64Array.from(standard.indicators, (i) => i.weight);
const unlocked = standard.indicators.map(() => false);

describe('saveCheck', () => {
  it('the standard scheme needs no question', () => {
    expect(saveCheck(standard, base)).toEqual({ allZero: false, outOfBand: [] });
  });

  it('names every category and indicator outside its band, with the share and the band', () => {
    const w = moveShare(base, 0, 40, unlocked);
    const { outOfBand } = saveCheck(standard, w);
    const zh = outOfBand.map((t) => t.zh);
    expect(zh).toContain('项目中标率 占比 40%（建议 15–20%）');
    expect(zh.some((l) => l.startsWith('结果类') || l.includes('结果'))).toBe(true);
    expect(outOfBand.every((t) => t.en.includes('seed range'))).toBe(true);
  });

  it('all weights 0 is reported', () => {
    expect(saveCheck(standard, new Float64Array(base.length)).allZero).toBe(true);
  });
});
