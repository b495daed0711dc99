/**
 * The one rounding rule of spec §5: first round to 9 decimals (drops binary noise, so
 * 6.274999999999999 counts as 6.275), then round half away from zero.
 *
 * The hot path rounds 10 000 totals per slider move, so the common case avoids strings:
 * it decides on the fraction of |x|·10^d with a window of half a 9th-decimal unit. Only
 * values too large for that, or sitting within float noise of the window's edge, take
 * the exact decimal route through `toFixed(9)`.
 */

/** Largest |x|·10^digits for which the float fraction is exact enough (ulp ≪ 1e-9). */
const FAST_LIMIT = 1e6;
const EDGE_GUARD = 1e-9;

function exactRound(x: number, digits: number): number {
  // toFixed(9) rounds the exact binary value to 9 decimals (ties up, away from zero for |x|).
  const text = Math.abs(x).toFixed(9);
  if (!/^\d+\.\d{9}$/.test(text)) return x; // ≥ 1e21: no fractional part left to round
  const [intPart, frac] = text.split('.');
  let scaled = BigInt(intPart + frac.slice(0, digits));
  if (frac.charCodeAt(digits) >= 53 /* '5' */) scaled += 1n;
  const value = Number(scaled) / 10 ** digits;
  return x < 0 && value !== 0 ? -value : value; // never -0: it would print as "-0" in places
}

function roundTo(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** digits;
  const s = Math.abs(x) * scale;
  if (s >= FAST_LIMIT) return exactRound(x, digits);
  // Half a unit of the 9th decimal, in units of the target digit.
  const halfNinth = 0.5 * 10 ** (digits - 9);
  const whole = Math.floor(s);
  const frac = s - whole;
  const edge = 0.5 - halfNinth;
  if (Math.abs(frac - edge) < EDGE_GUARD) return exactRound(x, digits);
  const k = frac >= edge ? whole + 1 : whole;
  const value = k / scale;
  return x < 0 && value !== 0 ? -value : value; // never -0: it would print as "-0" in places
}

/**
 * Round to 2 decimals per spec §5. `round2(6.274999999999999) === 6.28`,
 * `round2(-1.005) === -1.01`, `round2(NaN)` is NaN.
 */
export function round2(x: number): number {
  return roundTo(x, 2);
}

/** Round to an integer per spec §5 (quota counts). `roundInt(2.5) === 3`, `roundInt(0.1 * 3 * 5) === 2`. */
export function roundInt(x: number): number {
  return roundTo(x, 0);
}

/** The exact (string-based) reference of `round2`, exported for tests and cold paths. */
export function round2Exact(x: number): number {
  return Number.isFinite(x) ? exactRound(x, 2) : x;
}
