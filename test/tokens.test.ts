/**
 * Style tokens: every var(--x) in src/ names a token of src/tokens.css (or a custom property the
 * same file sets, such as a row height), and no colour is written as a hex literal outside
 * tokens.css — so a misspelt token cannot silently fall back to some other colour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenValues } from './cssTokens';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const tokens = tokenValues();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(css|svelte|ts)$/.test(e.name) && !/\.test(kit)?\.|\.testkit\./.test(e.name) ? [path] : [];
  });
}
const files = sources(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Custom properties a file sets itself: `--row-h: 28px` in a style block, `style:--rows={…}`. */
const localProperties = (text: string) => new Set([...text.matchAll(/(?:^|[\s;{:"'])(--[\w-]+)\s*[:=]/g)].map((m) => m[1]));

/** Where in `text` each match of `re` stands, as 'line: text'. */
const where = (name: string, text: string, index: number) => `${name}:${text.slice(0, index).split('\n').length}`;

describe('style tokens', () => {
  it('reads the token file and the sources', () => {
    expect(tokens.size).toBeGreaterThan(40);
    expect(files.length).toBeGreaterThan(100);
  });

  it('every var(--x) names a token that exists', () => {
    const unknown: string[] = [];
    for (const f of files) {
      const local = localProperties(f.text);
      for (const m of f.text.matchAll(/var\(\s*(--[\w-]+)/g)) {
        if (!tokens.has(m[1]) && !local.has(m[1])) unknown.push(`${where(f.name, f.text, m.index)} ${m[1]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('no hex colour outside src/tokens.css', () => {
    const hex: string[] = [];
    for (const f of files) {
      if (f.name === 'tokens.css') continue;
      for (const m of f.text.matchAll(/#[0-9a-fA-F]{3,8}\b/g)) hex.push(`${where(f.name, f.text, m.index)} ${m[0]}`);
    }
    expect(hex).toEqual([]);
  });
});
