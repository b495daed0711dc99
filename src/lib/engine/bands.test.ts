import { describe, expect, it } from 'vitest';
import { bandedIndicators, SEED_BANDS, seedBand } from './bands';
import { presetScenario } from './presets';

describe('seed bands', () => {
  it('hold the spec §4 ranges, and the standard weights sit inside them', () => {
    const standard = presetScenario('standard');
    expect(Object.keys(SEED_BANDS)).toHaveLength(10);
    for (const ind of standard.indicators) {
      const band = seedBand(ind.id);
      if (ind.weight === 0) expect(band).toBeNull(); // the optional indicators have no range
      else expect(ind.weight >= band![0] && ind.weight <= band![1], ind.id).toBe(true);
    }
    expect(seedBand('toString')).toBeNull(); // not fooled by Object.prototype
  });

  it('bandedIndicators: indicators with a band and a weight > 0, by index', () => {
    const s = presetScenario('standard');
    expect(bandedIndicators(s).map((j) => s.indicators[j].id)).toEqual(Object.keys(SEED_BANDS));
    s.indicators[0].weight = 0;
    expect(bandedIndicators(s)).not.toContain(0);
  });
});
