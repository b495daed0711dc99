/**
 * Helpers for the scenario tests (only *.test.ts files import this): the standard preset as a
 * fresh editable object, a changed copy of it, and the ScenarioError a parse gives.
 */
import standardJson from './presets/standard.json';
import { parseScenario, ScenarioError } from './scenario';

/** The standard preset's JSON, a new copy on every call. */
export const raw = (): Record<string, any> => structuredClone(standardJson) as Record<string, any>;

/** The standard preset's JSON changed by `f`: `mutate((s) => { s.grades.S = 200; })`. */
export const mutate = (f: (s: Record<string, any>) => void): Record<string, any> => {
  const s = raw();
  f(s);
  return s;
};

/** The ScenarioError `parseScenario(input)` throws; any other outcome fails the test. */
export const errorOf = (input: unknown): ScenarioError => {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('accepted');
};
