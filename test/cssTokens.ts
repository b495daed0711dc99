/** Reading src/tokens.css from tests: the token names it defines and their resolved values. */
import { readFileSync } from 'node:fs';

export const TOKENS_FILE = new URL('../src/tokens.css', import.meta.url);

/** `--name` → its value as written in tokens.css (the last definition wins, as in CSS). */
export function tokenValues(css = readFileSync(TOKENS_FILE, 'utf8')): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1], m[2].trim());
  return out;
}

/** The colour a value such as `var(--grade-S)` stands for, following var() references: '#0072b2'. */
export function resolveColor(value: string, tokens = tokenValues()): string {
  let v = value.trim();
  for (let depth = 0; depth < 10; depth++) {
    const m = /^var\((--[\w-]+)\)$/.exec(v);
    if (!m) return v;
    const next = tokens.get(m[1]);
    if (next === undefined) throw new Error(`${m[1]} is not defined in src/tokens.css`);
    v = next;
  }
  throw new Error(`${value}: var() references nest too deep`);
}
