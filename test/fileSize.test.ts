/**
 * Files under 450 lines, one concept per file (the house rule): fails on any source file in
 * src/ (tests not counted) longer than that, naming it and its length, so a file that grew is
 * split when it grows rather than later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 450;
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(css|svelte|ts|js|html)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Lines of a file's text as an editor numbers them: a final newline does not start another line. */
const lineCount = (text: string): number => (text === '' ? 0 : text.replace(/\r?\n$/, '').split(/\r?\n/).length);

describe('source file size', () => {
  it('counts lines as an editor numbers them', () => {
    expect(lineCount('')).toBe(0);
    expect(lineCount('a')).toBe(1);
    expect(lineCount('a\n')).toBe(1);
    expect(lineCount('a\r\nb\r\n')).toBe(2);
    expect(lineCount('a\n\n')).toBe(2);
    expect(lineCount('x\n'.repeat(MAX_LINES + 1))).toBe(MAX_LINES + 1);
  });

  it(`keeps every source file in src/ (tests aside) at ${MAX_LINES} lines or fewer`, () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const over = files
      .map((path) => ({ file: relative(SRC, path), lines: lineCount(readFileSync(path, 'utf8')) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `src/${f.file}: ${f.lines} lines`);
    expect(over, `split these into files of one concept each (${MAX_LINES} lines at most)`).toEqual([]);
  });
});
