/**
 * When the person page computes its quarter trend by itself. The trend needs the metrics of all
 * four quarters of the year, each derived over every stored row (~0.7 s a quarter at 1,000,000
 * projects rows): with a big store that froze the page for seconds on every first open, so the
 * page then computes it only when asked, and says how long it takes.
 */
import type { Dataset } from '../engine/dataset';

/** Stored rows (projects, requests, reviews, activities) up to which the trend comes at once. */
export const TREND_AUTO_ROWS = 200_000;

/** `trendComesAtOnce(ds)`: false for a store as big as the 1M-row benchmark. */
export function trendComesAtOnce(ds: Dataset): boolean {
  return ds.projects.length + ds.requests.length + ds.reviews.length + ds.activities.length <= TREND_AUTO_ROWS;
}
