import { describe, expect, it } from 'vitest';
import { askBeforeSave, saveCheck } from './saveCheck';
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

  it('askBeforeSave asks only when a share is out of band, and a no saves nothing', () => {
    const asked: string[] = [];
    const ask = (answer: boolean) => (m: string) => { asked.push(m); return answer; };
    expect(askBeforeSave(standard, base, ask(false))).toEqual({ save: true });
    expect(asked).toEqual([]);
    const w = moveShare(base, 0, 40, unlocked);
    expect(askBeforeSave(standard, w, ask(false))).toEqual({ save: false, why: null });
    expect(asked[0]).toContain('· 项目中标率 占比 40%（建议 15–20%）');
    expect(askBeforeSave(standard, w, ask(true))).toEqual({ save: true });
    const zero = askBeforeSave(standard, new Float64Array(base.length), ask(true));
    expect(zero.save).toBe(false);
    expect(!zero.save && zero.why?.en).toContain('cannot be saved');
    expect(asked).toHaveLength(2);
  });
});
