/**
 * Paging of long lists: which slice of the rows one page shows. Pages list tens of thousands
 * of people (10,000 staff at a big company); the DOM holds one page of rows, so opening a page
 * and typing into one of its rows cost the same with 60 people or 10,000.
 */

/** Rows a table page shows unless it says otherwise. */
export const DEFAULT_PAGE_SIZE = 100;

export interface PageRange {
  /** the page shown, 0-based, clamped into 0 … pages − 1 */
  page: number;
  /** how many pages (at least 1, also for no rows) */
  pages: number;
  /** first row index shown (inclusive) */
  start: number;
  /** last row index shown (exclusive) */
  end: number;
}

/**
 * The rows of page `page` (0-based) of `total` rows at `size` a page; an out-of-range page is
 * clamped (a filter that leaves fewer rows shows the last page, not an empty one).
 * @example pageRange(250, 2, 100); // { page: 2, pages: 3, start: 200, end: 250 }
 * @example pageRange(250, 9, 100).page; // 2
 */
export function pageRange(total: number, page: number, size = DEFAULT_PAGE_SIZE): PageRange {
  if (!(size >= 1) || !Number.isInteger(size)) throw new RangeError(`page size must be a whole number ≥ 1, got ${size}`);
  const rows = Math.max(0, Math.floor(total) || 0);
  const pages = Math.max(1, Math.ceil(rows / size));
  const p = Math.min(pages - 1, Math.max(0, Math.floor(page) || 0));
  return { page: p, pages, start: p * size, end: Math.min(rows, (p + 1) * size) };
}

/**
 * The rows of one page, a copy: `pageOf(rows, 1, 100)` → rows 100…199.
 * Reads only the slice, whatever the length of `rows`.
 */
export function pageOf<T>(rows: readonly T[], page: number, size = DEFAULT_PAGE_SIZE): T[] {
  const r = pageRange(rows.length, page, size);
  return rows.slice(r.start, r.end);
}

/** The page (0-based) that holds row `index`: `pageOfIndex(250, 100) === 2`; −1 for a missing row. */
export function pageOfIndex(index: number, size = DEFAULT_PAGE_SIZE): number {
  return index < 0 ? -1 : Math.floor(index / size);
}
