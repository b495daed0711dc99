/** Dictionaries are named for what they hold (`dataText`, `pagingText`), never one letter (`D`, `P`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : []);

describe('message dictionary names', () => {
  const files = sources(SRC);
  it('reads the sources', () => expect(files.length).toBeGreaterThan(100));

  it('no dictionary is defined or imported under a one-letter name', () => {
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/export const ([A-Z]) = dict\(|\bas ([A-Z]) \}[^;]*messages\//g)) bad.push(`${f.slice(SRC.length)}: ${m[0]}`);
    }
    expect(bad).toEqual([]);
  });
});
