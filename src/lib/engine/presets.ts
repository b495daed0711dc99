/**
 * The built-in scenarios the app offers (spec §9 format). `standard` and
 * `annual-longterm` are byte-identical copies of the spec's presets; the other three are
 * workshop variants of the standard (seed FAQ Q1, a strategic industry, a custom metric).
 */
import annualLongterm from './presets/annual-longterm.json';
import balanced from './presets/balanced.json';
import financeFocus from './presets/finance-focus.json';
import saasPush from './presets/saas-push.json';
import standard from './presets/standard.json';
import { parseScenario } from './scenario';
import type { Scenario } from './types';

/**
 * Parsed built-in scenarios, in the order the app lists them.
 * `BUILT_IN_PRESETS.find((p) => p.id === 'standard')!.scenario.indicators.length === 12`.
 */
export const BUILT_IN_PRESETS: { id: string; scenario: Scenario }[] = [
  { id: 'standard', scenario: parseScenario(standard) },
  { id: 'annual-longterm', scenario: parseScenario(annualLongterm) },
  { id: 'balanced', scenario: parseScenario(balanced) },
  { id: 'finance-focus', scenario: parseScenario(financeFocus) },
  { id: 'saas-push', scenario: parseScenario(saasPush) },
];

/** A fresh deep copy of a built-in scenario, safe to edit. `presetScenario('standard').name === 'Standard (quarterly)'`. */
export function presetScenario(id: string): Scenario {
  const preset = BUILT_IN_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset "${id}"`);
  return structuredClone(preset.scenario);
}
