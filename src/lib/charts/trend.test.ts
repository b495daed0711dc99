import { describe, expect, it } from 'vitest';
import { trendLayout } from './trend';

describe('trendLayout', () => {
  it('places dots on a 0–100 scale and leaves gaps for missing quarters', () => {
    const pad = { top: 0, right: 0, bottom: 0, left: 0 };
    const l = trendLayout(
      [{ label: 'Q1', value: 100 }, { label: 'Q2', value: null }, { label: 'Q3', value: 50 }, { label: 'Q4', value: 0 }],
      300, 100, pad,
    );
    expect(l.dots.map((d) => d.label)).toEqual(['Q1', 'Q3', 'Q4']);
    expect(l.dots[0].cy).toBeCloseTo(0, 9);
    expect(l.dots[1].cy).toBeCloseTo(50, 9);
    expect(l.dots[2].cy).toBeCloseTo(100, 9);
    // the line restarts after the gap: two "M" commands
    expect(l.path.match(/M/g)).toHaveLength(2);
    expect(l.xLabels).toHaveLength(4);
  });

  it('extends the scale above 100 when a total is higher', () => {
    const l = trendLayout([{ label: 'Q1', value: 115 }], 100, 100, { top: 0, right: 0, bottom: 0, left: 0 });
    expect(l.ticks.at(-1)!.value).toBeGreaterThanOrEqual(115);
    expect(l.top).toBe(120); // niced to a round top, the last tick
  });
});
