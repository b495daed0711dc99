/**
 * Which dates the app reads, and which it believes.
 *
 * Accepted: 1900-01-01 to 2200-12-31; a date outside is refused with this range stated.
 * Plausible: 2000-01-01 to one year after today. A date outside (1900-01-01 is a common "no
 * date" placeholder, 2099-12-31 a common "open end") is imported with a warning naming the
 * value, and periods made only of such dates are not offered in the period picker.
 */
export const FIRST_ACCEPTED_YEAR = 1900;
export const LAST_ACCEPTED_YEAR = 2200;
export const FIRST_PLAUSIBLE_YEAR = 2000;
/** First plausible day number (2000-01-01). */
export const FIRST_PLAUSIBLE_DAY = Date.UTC(FIRST_PLAUSIBLE_YEAR, 0, 1) / 86_400_000;

/** Today's day number (UTC calendar; a day's difference does not matter for a one-year margin). */
export const todayDay = (): number => Math.floor(Date.now() / 86_400_000);

/** Last plausible day number: one year (366 days) after `today`. */
export const lastPlausibleDay = (today: number = todayDay()): number => today + 366;

/** Whether a year's quarters may be offered as periods: 2000 to next year. `plausibleYear(1900) === false`. */
export function plausibleYear(year: number, today: number = todayDay()): boolean {
  return year >= FIRST_PLAUSIBLE_YEAR && Date.UTC(year, 0, 1) / 86_400_000 <= lastPlausibleDay(today);
}
