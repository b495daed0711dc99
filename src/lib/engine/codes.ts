/**
 * Enumeration codes of spec §1–§2. A stored enum cell holds the index into one of these
 * arrays (as a number in a Float64Array column), so the engine compares small integers,
 * never strings. The Chinese labels live with the CSV rules in `src/lib/data/schema.ts`.
 */
export const LEVELS = ['junior', 'mid', 'senior'] as const;
export const DOMAINS = ['industry_solution', 'product_expert', 'consulting'] as const;
export const ROLES = ['lead', 'support'] as const;
export const STATUSES = ['won', 'lost', 'open', 'cancelled'] as const;
export const REQUEST_TYPES = ['consultation', 'solution', 'bid'] as const;
export const REVIEW_KINDS = ['research_report', 'solution'] as const;
export const RATING_SOURCES = ['sales_support', 'cross_team', 'customer', 'assessment', 'knowledge_test'] as const;
export const HOLIDAY_KINDS = ['holiday', 'workday'] as const;
/** Activity types the spec knows; any other code is allowed and kept as text. */
export const KNOWN_ACTIVITY_TYPES = [
  'visit', 'insight_report', 'requirement_feedback', 'kb_contribution', 'certification',
  'training', 'suggestion_adopted', 'innovation_case', 'process_improvement',
] as const;
export const GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export const CATEGORIES = ['result', 'process', 'capability'] as const;

export type Level = (typeof LEVELS)[number];
export type Domain = (typeof DOMAINS)[number];
export type Role = (typeof ROLES)[number];
export type Status = (typeof STATUSES)[number];
export type Grade = (typeof GRADES)[number];
export type Category = (typeof CATEGORIES)[number];

/** Code index helpers: `LEVEL.senior === 2`. */
const indexOf = <T extends readonly string[]>(xs: T) =>
  Object.fromEntries(xs.map((x, i) => [x, i])) as { [K in T[number]]: number };
export const LEVEL = indexOf(LEVELS);
export const DOMAIN = indexOf(DOMAINS);
export const ROLE = indexOf(ROLES);
export const STATUS = indexOf(STATUSES);
export const REQUEST_TYPE = indexOf(REQUEST_TYPES);
export const REVIEW_KIND = indexOf(REVIEW_KINDS);
export const RATING_SOURCE = indexOf(RATING_SOURCES);
export const HOLIDAY_KIND = indexOf(HOLIDAY_KINDS);
