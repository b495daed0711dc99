/** Small display helpers for the Data page (numbers and times the way HR reads them). */
import type { Lang } from '../../lib/i18n/i18n.svelte';
import { commonText } from '../../lib/i18n/messages/common';

/** `formatCount(1234567, 'zh')` → '1,234,567'. */
export function formatCount(n: number, lang: Lang): string {
  return Number.isFinite(n) ? n.toLocaleString(commonText.langTag[lang]) : '—';
}

/** `formatDateTime('2026-03-31T09:05:00.000Z')` → '2026-03-31 17:05' (local time); unparsable text is shown as is. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** `progressPercent(50, 200)` → 25; 0 when the total is unknown. */
export function progressPercent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((100 * done) / total)));
}
