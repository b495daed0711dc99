import { describe, expect, it } from 'vitest';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { testStates } from './states.testkit';
import { parsePeriod } from '../engine/periods';

describe('ScoringState.exportPreview', () => {
  it('gives the first data lines of the exact export text, without writing the rest', () => {
    const scoring = testStates({ dataset: metricsDataset(60), periods: [parsePeriod('2026Q1')], periodId: '2026Q1', store: null }).scoring;
    scoring.setWeight(1, 33);
    const whole = scoring.exportCsv().replace(/^\ufeff/, '').split('\n');
    expect(whole.length).toBeGreaterThan(60);
    expect(scoring.exportPreview(5)).toEqual(whole.slice(1, 6));
    expect(scoring.exportPreview(1)).toEqual(whole.slice(1, 2));
  });

  it('is empty without a period', () => {
    const scoring = testStates({ dataset: metricsDataset(5), periods: [], periodId: '', store: null }).scoring;
    expect(scoring.exportPreview(5)).toEqual([]);
  });
});
