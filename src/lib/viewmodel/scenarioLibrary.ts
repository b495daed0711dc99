/**
 * The scenario library of the Scenarios page: saved scenarios are `{ id, text, savedAt }`
 * records in the store's 'scenarios' record store (the format ScoringState reads), and
 * ScoringState.choices lists them after the built-in ones. These functions keep both in
 * step; ScoringState itself offers only save / saveAs / select.
 */
import { parseScenario, parseScenarioText, ScenarioError, serializeScenario } from '../engine/scenario';
import { SCENARIO_LIMITS } from '../engine/scenarioRanges';
import type { Scenario } from '../engine/types';
import type { ScenarioChoice, ScoringState } from '../state/scoring.svelte';

const SAVED_STORE = 'scenarios';

export interface SavedRecord { id: string; text: string; savedAt: string }

/** A fresh id for a user scenario; the random tail keeps two quick duplicates apart. */
export const newScenarioId = (): string => `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** The scenario with a display name in both languages (the app shows name_zh first). */
export const named = (s: Scenario, name: string): Scenario => ({ ...s, name, name_zh: name });

function requireStore(scoring: ScoringState) {
  const store = scoring.app.store;
  if (!store) throw new Error('The data store is not open.');
  return store;
}

/**
 * Store `scenario` as a new user scenario and list it (it is not selected).
 * `await addScenario(scoring, named(s, '华东试点'))` → its id.
 */
export async function addScenario(scoring: ScoringState, scenario: Scenario): Promise<string> {
  const id = newScenarioId();
  await writeScenario(scoring, id, scenario);
  return id;
}

/** Write one saved scenario (new or replaced) and update the choices; the text is what gets parsed back. */
async function writeScenario(scoring: ScoringState, id: string, scenario: Scenario): Promise<Scenario> {
  const text = serializeScenario(scenario);
  const parsed = parseScenario(JSON.parse(text));
  const savedAt = new Date().toISOString();
  await requireStore(scoring).putRecord(SAVED_STORE, { id, text, savedAt });
  const entry: ScenarioChoice = { id, builtIn: false, scenario: parsed, savedAt };
  const i = scoring.choices.findIndex((c) => c.id === id);
  scoring.choices = i >= 0 ? scoring.choices.map((c, j) => (j === i ? entry : c)) : [...scoring.choices, entry];
  return parsed;
}

/**
 * The current scenario (unsaved edits included) saved under a new name with a note, then
 * selected. `await saveCurrentAs(scoring, '华东试点', '提高中标率权重')`.
 */
export async function saveCurrentAs(scoring: ScoringState, name: string, note: string): Promise<string> {
  const trimmed = note.trim();
  scoring.edit((s) => {
    // The new note replaces both of the old one's languages.
    const { note: _old, note_zh: _oldZh, ...rest } = s;
    return trimmed ? { ...rest, note: trimmed } : rest;
  });
  return scoring.saveAs(name);
}

/** A copy of any scenario (built-in or saved) as a new saved one named `name`. */
export async function duplicateScenario(scoring: ScoringState, id: string, name: string): Promise<string> {
  const c = scoring.choices.find((x) => x.id === id);
  if (!c) throw new Error(`unknown scenario "${id}"`);
  return addScenario(scoring, named(structuredClone(c.scenario), name));
}

/**
 * Rename a saved scenario. When it is the selected one, the edited copy is renamed too, so
 * renaming does not count as an unsaved change.
 */
export async function renameScenario(scoring: ScoringState, id: string, name: string): Promise<void> {
  const c = scoring.choices.find((x) => x.id === id);
  if (!c || c.builtIn) throw new Error(`scenario "${id}" cannot be renamed`);
  const parsed = await writeScenario(scoring, id, named(c.scenario, name));
  if (scoring.scenarioId === id) {
    scoring.baseline = parsed;
    scoring.edit((s) => named(s, name));
  }
}

/** Delete a saved scenario; when it was selected, the standard scenario is selected instead. */
export async function deleteScenario(scoring: ScoringState, id: string): Promise<void> {
  const c = scoring.choices.find((x) => x.id === id);
  if (!c || c.builtIn) throw new Error(`scenario "${id}" cannot be deleted`);
  await requireStore(scoring).deleteRecord(SAVED_STORE, id);
  scoring.choices = scoring.choices.filter((x) => x.id !== id);
  if (scoring.scenarioId === id) scoring.select(scoring.choices[0]?.id ?? 'standard');
}

/**
 * A scenario file's text, refused (ScenarioError) without reading it when it is larger than
 * a scenario file can be (SCENARIO_LIMITS.fileBytes).
 */
export async function readScenarioFile(file: Blob): Promise<string> {
  const most = SCENARIO_LIMITS.fileBytes;
  if (file.size > most) {
    throw new ScenarioError('(file)', `文件过大：${file.size} 字节，方案文件最多 ${most / 1024} KB`, `is too large: ${file.size} bytes, a scenario file holds at most ${most / 1024} KB`);
  }
  return file.text();
}

/**
 * Import a scenario file's text (spec §9) as a new saved scenario and select it. A malformed
 * file throws the engine's ScenarioError, whose zh/en message names the field.
 */
export async function importScenarioFile(scoring: ScoringState, text: string): Promise<{ id: string; scenario: Scenario }> {
  const scenario = parseScenarioText(text);
  const id = await addScenario(scoring, scenario);
  scoring.select(id);
  return { id, scenario };
}

/** A file name for a scenario's JSON: letters, digits, _ and - only. `scenarioFileName(s)` → '华东试点.json'. */
export function scenarioFileName(s: Scenario): string {
  const stem = (s.name_zh || s.name || 'scenario').replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return `${stem}.json`;
}
