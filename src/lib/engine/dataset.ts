/**
 * The normalised input the engine reads: one columnar table per input kind of spec §2.
 *
 * Column encoding (decided once, at the import boundary; nothing downstream re-parses):
 * - text            → string[]      ('' = empty cell)
 * - number/integer  → Float64Array  (NaN = empty cell; `120万` already 1200000, `85%` already 85)
 * - boolean         → Float64Array  (1 / 0; NaN = empty → the engine applies the spec default)
 * - enum            → Float64Array  (index into the code list of `codes.ts`; NaN = empty)
 * - date            → Float64Array  (day number: Date.UTC(y, m-1, d) / 86_400_000; wall clock, no zones)
 * - date-time       → Float64Array  (seconds: Date.UTC(y, m-1, d, hh, mm, ss) / 1000; wall clock)
 * Row i of every column of one table is the same CSV row. `length` is the row count.
 */
export type NumCol = Float64Array;
export type StrCol = string[];
export type Column = NumCol | StrCol;

export interface StaffTable {
  length: number;
  staff_id: StrCol; name: StrCol; level: NumCol; domain: NumCol; team: StrCol; manager: StrCol;
  salary: NumCol; hired_on: NumCol; left_on: NumCol;
}
export interface ProjectsTable {
  length: number;
  project_id: StrCol; staff_id: StrCol; role: NumCol; customer_id: StrCol; industry: StrCol;
  amount: NumCol; status: NumCol; decided_on: NumCol; strategic: NumCol;
  proposals_made: NumCol; proposals_adopted: NumCol;
}
export interface RequestsTable {
  length: number;
  request_id: StrCol; staff_id: StrCol; type: NumCol; requested_at: NumCol; responded_at: NumCol;
  delivered_at: NumCol; bid_score: NumCol;
}
export interface ReviewsTable {
  length: number;
  review_id: StrCol; staff_id: StrCol; kind: NumCol; reviewed_on: NumCol; completeness: NumCol; first_pass: NumCol;
}
export interface RatingsTable {
  length: number;
  staff_id: StrCol; rated_on: NumCol; source: NumCol; score: NumCol; scale_max: NumCol;
}
export interface ActivitiesTable {
  length: number;
  /** `type` is free text: a known code of codes.ts (Chinese labels already mapped to it) or any custom code. */
  staff_id: StrCol; date: NumCol; type: StrCol; count: NumCol;
}
/** Optional pre-aggregated metric values; `values[metricId][i]` (NaN = empty cell, does not override). */
export interface MetricsTable {
  length: number;
  staff_id: StrCol; period: StrCol; values: Record<string, NumCol>;
}
export interface HolidaysTable {
  length: number;
  date: NumCol; kind: NumCol;
}

export interface Dataset {
  staff: StaffTable;
  projects: ProjectsTable;
  requests: RequestsTable;
  reviews: ReviewsTable;
  ratings: RatingsTable;
  activities: ActivitiesTable;
  metrics: MetricsTable;
  holidays: HolidaysTable;
}
export type Kind = keyof Dataset;
export const KINDS: readonly Kind[] = ['staff', 'projects', 'requests', 'reviews', 'ratings', 'activities', 'metrics', 'holidays'];

/** Day number of a calendar date (wall clock). `dayNumber(2026, 3, 31)`. */
export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
/** Seconds of a wall-clock date-time. */
export const dateTimeSeconds = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number =>
  Date.UTC(y, m - 1, d, hh, mm, ss) / 1000;
/** `formatDay(dayNumber(2026,3,31)) === '2026-03-31'`. */
export const formatDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** An empty table of each kind, so a data set may lack any file. */
export function emptyDataset(): Dataset {
  const f = () => new Float64Array(0);
  return {
    staff: { length: 0, staff_id: [], name: [], level: f(), domain: f(), team: [], manager: [], salary: f(), hired_on: f(), left_on: f() },
    projects: { length: 0, project_id: [], staff_id: [], role: f(), customer_id: [], industry: [], amount: f(), status: f(), decided_on: f(), strategic: f(), proposals_made: f(), proposals_adopted: f() },
    requests: { length: 0, request_id: [], staff_id: [], type: f(), requested_at: f(), responded_at: f(), delivered_at: f(), bid_score: f() },
    reviews: { length: 0, review_id: [], staff_id: [], kind: f(), reviewed_on: f(), completeness: f(), first_pass: f() },
    ratings: { length: 0, staff_id: [], rated_on: f(), source: f(), score: f(), scale_max: f() },
    activities: { length: 0, staff_id: [], date: f(), type: [], count: f() },
    metrics: { length: 0, staff_id: [], period: [], values: {} },
    holidays: { length: 0, date: f(), kind: f() },
  };
}
