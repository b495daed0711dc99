/**
 * Shared engine types: the contract between import, engine and UI. Each concept's code
 * lives in its own file (periods.ts, metrics.ts, scenario.ts, score.ts, grades.ts,
 * forcedDistribution.ts, consequences.ts, exportCsv.ts); this file only names the shapes.
 */
import type { Category, Domain, Grade, Level } from './codes';
import type { PromotionRule } from './promotion';

/** A quarter (`2026Q1`) or a year (`2026`). Days are day numbers (see dataset.ts), `end` inclusive. */
export interface Period {
  id: string;
  kind: 'quarter' | 'year';
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start: number;
  end: number;
  months: 3 | 12;
}

export type Direction = 'higher' | 'lower';
export type TargetUnit = 'month' | 'quarter' | 'year';

/** Custom metric definition of spec §3 (scenario-defined metrics). */
export type MetricDefine =
  | { kind: 'activity_count'; types: string[] }
  | { kind: 'activity_ratio'; numerator: string[]; denominator: string[] }
  | { kind: 'rating_mean'; source: string }
  | { kind: 'column' };

export interface IndicatorMetric {
  id: string;
  target: number;
  unit?: TargetUnit;
  direction: Direction;
  /** spec "sub-weight"; the preset files spell it `subweight`. Default 1. */
  subweight: number;
  define?: MetricDefine;
}

export interface Indicator {
  id: string;
  category: Category;
  weight: number;
  label_zh: string;
  label_en: string;
  metrics: IndicatorMetric[];
}

export interface ScoringRule { cap: number; bonus_slope: number; penalty_slope: number; zero_below: number }

export interface ProfileOverride {
  /** weight deltas keyed by indicator id */
  weights?: Record<string, number>;
  /** replacement targets keyed by metric id, in the metric's own unit */
  targets?: Record<string, number>;
}

export type GroupBy = 'none' | 'team' | 'level' | 'domain';

export interface BonusItem { id: string; metric: string; max_points: number; enabled: boolean }

export interface Scenario {
  format: 'presales-kpi-scenario';
  version: 1;
  name: string;
  name_zh?: string;
  note?: string;
  /** the note in Chinese, when `note` is in English (built-in scenarios); shown in the Chinese UI */
  note_zh?: string;
  high_value_threshold: number;
  strategic_industries: string[];
  strategic_industry_multiplier: number;
  role_coefficients: { lead: number; support: number };
  indicators: Indicator[];
  category_bands: Record<Category, [number, number]>;
  scoring: ScoringRule & { overrides: Record<string, Partial<ScoringRule>> };
  grades: { S: number; A: number; B: number; C: number };
  forced_distribution: {
    shares: { S: number; A: number; B: number; CD: number };
    group_by: GroupBy;
    use_forced_distribution: boolean;
  };
  profiles: { level: Partial<Record<Level, ProfileOverride>>; domain: Partial<Record<Domain, ProfileOverride>> };
  bonus: { bonus_share: number; coefficients: Record<Grade, number> };
  bonus_items: BonusItem[];
  /** the promotion rule (promotion.ts); absent = the spec's rule */
  promotion?: PromotionRule;
}

/**
 * Metric values of the in-scope staff for one period: `values[metricId][i]` for person
 * `staffIndex[i]` (row index into the staff table); NaN = N/A. Count metrics are never NaN.
 */
export interface MetricMatrix {
  period: Period;
  staffIndex: Int32Array;
  values: Record<string, Float64Array>;
}

/** One person's result row (what the §8 export and the UI show). */
export interface PersonResult {
  staffIndex: number;
  staff_id: string;
  name: string;
  team: string;
  level: Level;
  domain: Domain;
  /** rounded to 2 decimals (§5); null = insufficient data */
  total: number | null;
  coverage: number;
  grade: Grade | null;
  forced_grade: Grade | null;
  final_grade: Grade | null;
  rank: number | null;
  /** points per indicator id, null when N/A or weight 0 for this person */
  points: Record<string, number | null>;
  bonus_points: number | null;
  bonus_amount: number | null;
  promotion_eligible: boolean;
  /** set when the promotion rule asks for a tenure or earlier years: whether they are met (promotion.ts; not exported) */
  promotion_conditions_met?: boolean;
  improvement_plan: boolean;
}

export interface BandCount { band: 'S' | 'A' | 'B' | 'CD'; target: number; actual: number; gap: number }
