import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DOMAINS, LEVELS } from './codes';
import { BUILT_IN_PRESETS, presetScenario } from './presets';
import { parseScenario, personWeights, serializeScenario } from './scenario';

const preset = (id: string) => BUILT_IN_PRESETS.find((p) => p.id === id)!.scenario;
const weightOf = (id: string, ind: string) => preset(id).indicators.find((i) => i.id === ind)?.weight;

describe('built-in presets', () => {
  it('has the five presets, in order', () => {
    expect(BUILT_IN_PRESETS.map((p) => p.id)).toEqual(['standard', 'annual-longterm', 'balanced', 'finance-focus', 'saas-push']);
  });

  it('every preset file parses and round-trips', () => {
    const files = readdirSync(new URL('./presets/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(BUILT_IN_PRESETS.length);
    for (const f of files) {
      const s = parseScenario(JSON.parse(readFileSync(new URL(`./presets/${f}`, import.meta.url), 'utf8')));
      expect(parseScenario(JSON.parse(serializeScenario(s)))).toStrictEqual(s);
    }
  });

  it.each(['balanced', 'finance-focus', 'saas-push'])('%s has its note in English (note) and in Chinese (note_zh), one language each', (id) => {
    const s = preset(id);
    expect(s.note).toMatch(/^[\x20-\x7e×]+$/);
    expect(s.note_zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(BUILT_IN_PRESETS.map((p) => p.id))('%s keeps every category inside its band for every level and domain', (id) => {
    const s = preset(id);
    for (const level of LEVELS) {
      for (const domain of DOMAINS) {
        const w = personWeights(s, level, domain);
        const sum = w.reduce((a, b) => a + b, 0);
        for (const cat of CATEGORIES) {
          const share = (100 * s.indicators.reduce((a, ind, j) => a + (ind.category === cat ? w[j] : 0), 0)) / sum;
          const [lo, hi] = s.category_bands[cat];
          expect(share, `${id} ${level} ${domain} ${cat}`).toBeGreaterThanOrEqual(lo);
          expect(share, `${id} ${level} ${domain} ${cat}`).toBeLessThanOrEqual(hi);
        }
      }
    }
  });

  it('balanced: sales satisfaction weighs 10 and the win rate less than in the standard', () => {
    expect(weightOf('balanced', 'sales_satisfaction')).toBe(10);
    expect(weightOf('balanced', 'win_rate')!).toBeLessThan(weightOf('standard', 'win_rate')!);
    expect(preset('balanced').name_zh).toBe('均衡（防唯中标论）');
  });

  it('finance-focus: 金融 is strategic and the win rate sits at its band top', () => {
    expect(preset('finance-focus').strategic_industries).toEqual(['金融']);
    expect(weightOf('finance-focus', 'win_rate')).toBe(20);
    expect(preset('finance-focus').name_zh).toBe('金融行业聚焦');
  });

  it('saas-push: a custom indicator counts SaaS demo conversion from activity types', () => {
    const s = preset('saas-push');
    const metric = s.indicators.flatMap((i) => i.metrics).find((m) => m.id === 'saas_demo_conversion');
    expect(metric?.define).toEqual({ kind: 'activity_ratio', numerator: ['saas_demo_won'], denominator: ['saas_demo'] });
    const ind = s.indicators.find((i) => i.metrics.includes(metric!))!;
    expect(ind.weight).toBeGreaterThan(0);
    expect(s.name_zh).toBe('SaaS 推广');
  });

  it('presetScenario gives a copy that editing does not leak into the preset', () => {
    const s = presetScenario('standard');
    s.indicators[0].weight = 99;
    expect(weightOf('standard', 'win_rate')).toBe(18);
    expect(() => presetScenario('nope')).toThrow('nope');
  });
});
