import { describe, expect, it } from 'vitest';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { testStates } from './states.testkit';
import { parsePeriod } from '../engine/periods';

describe('ResultsExport.preview', () => {
  it('gives the first data lines of the exact export text, without writing the rest', () => {
    const { scoring, resultsExport } = testStates({ dataset: metricsDataset(60), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null });
    scoring.setWeight(1, 33);
    const whole = resultsExport.csv().replace(/^\ufeff/, '').split('\n');
    expect(whole.length).toBeGreaterThan(60);
    expect(resultsExport.preview(5)).toEqual(whole.slice(1, 6));
    expect(resultsExport.preview(1)).toEqual(whole.slice(1, 2));
  });

  it('is empty without a period', () => {
    const { resultsExport } = testStates({ dataset: metricsDataset(5), periods: [], periodId: '', store: null });
    expect(resultsExport.preview(5)).toEqual([]);
  });
});
