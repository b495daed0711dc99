/**
 * What the import keeps of a file it cannot read as it is (no kind recognised, a required
 * column missing, unknown columns): the header, the first rows and each column's distinct
 * values, bounded, so the Data page can propose a column mapping (mappingProposal.ts) without
 * reading the file again. Goes to the page with the file's result.
 */
import { SAMPLE_DISTINCT, SAMPLE_ROWS, type FileSample } from './mappingProposal';

/** Columns and characters per cell kept: a sample stays a few hundred KB at most. */
const MAX_COLUMNS = 200;
const MAX_CHARS = 100;

const cut = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s);

/**
 * Collects a sample from the rows after `header`; `allRows`: distinct values from every row
 * (an unrecognised file), else from the first SAMPLE_ROWS only (`wants()` then turns false).
 * `const c = sampleCollector(header, true); c.add(row); c.done().values`.
 */
export function sampleCollector(header: readonly string[], allRows: boolean) {
  const width = Math.min(header.length, MAX_COLUMNS);
  const rows: string[][] = [];
  const values = Array.from({ length: width }, () => new Set<string>());
  return {
    wants: () => allRows || rows.length < SAMPLE_ROWS,
    add(row: readonly string[]): void {
      if (rows.length < SAMPLE_ROWS) rows.push(row.slice(0, width).map(cut));
      for (let c = 0; c < width && c < row.length; c++) {
        const set = values[c];
        if (set.size >= SAMPLE_DISTINCT) continue;
        const v = row[c].trim();
        if (v !== '') set.add(cut(v));
      }
    },
    done: (): FileSample => ({ header: header.slice(0, width).map((h) => cut(h.replace(/^\uFEFF/, '').trim())), rows, values: values.map((s) => [...s]) }),
  };
}
