/**
 * The repo stands alone: the sample data set, its expected exports and the two contract presets
 * are copies kept inside the repo (test/fixtures/sample/, src/lib/engine/presets/), and every test
 * reads those copies. When the contract folder `../shared` sits beside the repo, this file checks
 * that the copies are byte-identical to it, so a change to the contract cannot go unnoticed.
 * Without it (a plain clone), it checks that the copies are complete.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const shared = here('../../shared/');
const mirrors = [
  { name: 'test/fixtures/sample = ../shared/fixtures/sample', ours: here('./fixtures/sample/'), theirs: join(shared, 'fixtures/sample/') },
  { name: 'src/lib/engine/presets = ../shared/spec/presets', ours: here('../src/lib/engine/presets/'), theirs: join(shared, 'spec/presets/'), only: ['standard.json', 'annual-longterm.json'] },
];

/** Relative paths of every file below `dir`, sorted. */
function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** The files of the sample set the conformance and fixture tests read. */
const SAMPLE_FILES = ['activities.csv', 'projects.csv', 'ratings.csv', 'requests.csv', 'reviews.csv', 'staff.csv',
  'expected/annual-longterm-2026.csv', 'expected/standard-2026.csv', 'expected/standard-2026Q1.csv', 'expected/standard-2026Q2.csv'].sort();

describe('repo copies of the contract files', () => {
  it('the sample data set is complete in test/fixtures/sample', () => {
    expect(filesBelow(mirrors[0].ours)).toEqual(SAMPLE_FILES);
  });

  if (existsSync(shared)) {
    for (const m of mirrors) {
      it(`${m.name}, byte for byte`, () => {
        const theirs = filesBelow(m.theirs);
        const ours = filesBelow(m.ours);
        // Every repo copy equals the contract's file, and every contract preset and expected
        // export has a copy (a stray file someone wrote into the contract folder is no contract).
        const wanted = m.only ?? theirs.filter((f) => f.startsWith('expected/'));
        for (const f of new Set([...ours.filter((o) => !m.only || m.only.includes(o)), ...wanted])) {
          expect(ours, `${f} is missing from the repo copy`).toContain(f);
          expect(theirs, `${f} is not in the contract folder`).toContain(f);
          expect(readFileSync(join(m.ours, f)).equals(readFileSync(join(m.theirs, f))), `${f} differs from the contract's`).toBe(true);
        }
      });
    }
  }
});
