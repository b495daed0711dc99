/**
 * The allowed range of every number in a scenario (spec §9), and of its texts and lists.
 * `parseScenario` checks them, so a scenario file, a share link, a backup and every editor
 * get the same refusal; editors import `rangeOf(field)` to bound their boxes and sliders.
 *
 * Why these bounds: each is wide enough for any scheme a company would run (weights up to a
 * million, money targets up to 10¹²), and narrow enough that no product the engine forms
 * (weight × fraction × 100 / Σweight, salary × bonus_share × coefficient, …) can reach
 * Infinity or NaN. Non-zero weights below 10⁻⁶ are refused because 100 / Σw then overflows.
 */

export interface NumberRange {
  min: number;
  max: number;
  /** the minimum itself is not allowed (e.g. targets must be > 0) */
  minExclusive?: boolean;
  /** the maximum itself is not allowed (e.g. the zero line must stay below 1) */
  maxExclusive?: boolean;
  /** a non-zero value must be at least this large in magnitude */
  tiny?: number;
}

/** Weight of an indicator: 0 (off), or 10⁻⁶ – 10⁶. */
export const WEIGHT: NumberRange = { min: 0, max: 1e6, tiny: 1e-6 };
/** Level or domain weight adjustment, added to the base weight. */
export const WEIGHT_DELTA: NumberRange = { min: -1e6, max: 1e6, tiny: 1e-6 };
/** A metric target (money, percent or count): above 0, at most 10¹². */
export const TARGET: NumberRange = { min: 1e-6, max: 1e12 };
export const SUBWEIGHT: NumberRange = { min: 1e-6, max: 1e6 };

export const SCENARIO_RANGES = {
  'indicators[].weight': WEIGHT,
  'indicators[].metrics[].target': TARGET,
  'indicators[].metrics[].subweight': SUBWEIGHT,
  'profiles.*.*.weights.*': WEIGHT_DELTA,
  'profiles.*.*.targets.*': TARGET,
  'scoring.cap': { min: 1, max: 10 },
  'scoring.bonus_slope': { min: 0, max: 100 },
  'scoring.penalty_slope': { min: 0, max: 100 },
  'scoring.zero_below': { min: 0, max: 1, maxExclusive: true },
  'grades.*': { min: 0, max: 1000 },
  'forced_distribution.shares.*': { min: 0, max: 1 },
  'category_bands.*[]': { min: 0, max: 100 },
  high_value_threshold: { min: 0, max: 1e12 },
  strategic_industry_multiplier: { min: 0.01, max: 100 },
  'role_coefficients.*': { min: 0, max: 10 },
  'bonus.bonus_share': { min: 0, max: 10 },
  'bonus.coefficients.*': { min: 0, max: 100 },
  'bonus_items[].max_points': { min: 0, max: 100 },
  'promotion.consecutive_periods': { min: 1, max: 10 },
  'promotion.min_tenure_months': { min: 0, max: 600 },
} as const satisfies Record<string, NumberRange>;

export type RangeKey = keyof typeof SCENARIO_RANGES;

/** Texts and lists: longest id, label, name or note; most entries in one list. */
export const SCENARIO_LIMITS = {
  idChars: 100,
  labelChars: 200,
  noteChars: 2_000,
  listEntries: 500,
  /** a scenario file (or saved text): 1 MiB; the standard preset is ~9 KB */
  fileBytes: 1024 * 1024,
} as const;

/**
 * The range for a field path as `ScenarioError.field` writes it, for editors.
 * `rangeOf('scoring.overrides.win_rate.cap') === SCENARIO_RANGES['scoring.cap']`,
 * `rangeOf('indicators[3].weight') === WEIGHT`; undefined for a field that is not a number.
 */
export function rangeOf(field: string): NumberRange | undefined {
  const generic = field
    .replace(/^scoring\.overrides\.[^.]+\./, 'scoring.')
    .replace(/\[\d+\]/g, '[]')
    .replace(/^(profiles)\.[^.]+\.[^.]+\.(weights|targets)\..+$/, '$1.*.*.$2.*')
    .replace(/^(grades|forced_distribution\.shares|role_coefficients|bonus\.coefficients)\.[^.]+$/, '$1.*')
    .replace(/^category_bands\.[^.[]+\[\]$/, 'category_bands.*[]');
  return (SCENARIO_RANGES as Record<string, NumberRange>)[generic];
}

/** True when v is a finite number inside r. `inRange(0, WEIGHT) && !inRange(1e-9, WEIGHT)`. */
export function inRange(v: number, r: NumberRange): boolean {
  if (!Number.isFinite(v)) return false;
  if (r.minExclusive ? v <= r.min : v < r.min) return false;
  if (r.maxExclusive ? v >= r.max : v > r.max) return false;
  return !(r.tiny !== undefined && v !== 0 && Math.abs(v) < r.tiny);
}

const plain = (v: number): string => {
  if (v === 0 || (Math.abs(v) < 1e6 && Math.abs(v) >= 1e-3)) return String(v);
  return `${v < 0 ? '-' : ''}10^${Math.round(Math.log10(Math.abs(v)))}`;
};

/** The range in words. `rangeText(WEIGHT).en === '0, or 10^-6 to 10^6'`. */
export function rangeText(r: NumberRange): { zh: string; en: string } {
  const lo = `${r.minExclusive ? '>' : '≥'} ${plain(r.min)}`;
  const hi = `${r.maxExclusive ? '<' : '≤'} ${plain(r.max)}`;
  if (r.tiny !== undefined && r.min === 0) {
    return { zh: `0，或 ${plain(r.tiny)} 至 ${plain(r.max)}`, en: `0, or ${plain(r.tiny)} to ${plain(r.max)}` };
  }
  if (r.tiny !== undefined) {
    return {
      zh: `${plain(r.min)} 至 ${plain(r.max)}，非零时绝对值至少 ${plain(r.tiny)}`,
      en: `${plain(r.min)} to ${plain(r.max)}, at least ${plain(r.tiny)} in size when not 0`,
    };
  }
  if (!r.minExclusive && !r.maxExclusive) return { zh: `${plain(r.min)} 至 ${plain(r.max)}`, en: `${plain(r.min)} to ${plain(r.max)}` };
  return { zh: `${lo} 且 ${hi}`, en: `${lo} and ${hi}` };
}
