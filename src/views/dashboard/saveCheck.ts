/**
 * What to ask before a scheme is saved: nothing to grade with (every weight 0: refused), and the
 * category and indicator shares outside the seed's bands (allowed after a confirmation naming them).
 */
import type { Scenario } from '../../lib/engine/types';
import { weightShares } from '../../lib/charts/weightShares';
import type { Text } from '../../lib/i18n/i18n.svelte';
import { t } from '../../lib/i18n/i18n.svelte';
import { CATEGORY_LABEL, fill, labelOf } from '../../lib/i18n/messages/dashboard';
import { schemeText } from '../../lib/i18n/messages/scheme';
import { askConfirm } from '../../lib/ui/confirm';

export interface SaveCheck { allZero: boolean; outOfBand: Text[] }

const pct = (x: number) => `${Math.round(x * 10) / 10}%`;

/**
 * `saveCheck(standard, weights with win rate at 40 %)` →
 * { allZero: false, outOfBand: [{ zh: '结果类 占比 …', … }, { zh: '项目中标率 占比 40%（建议 15–20%）', … }] }.
 */
export function saveCheck(s: Scenario, weights: ArrayLike<number>): SaveCheck {
  const shares = weightShares(s.indicators, weights, s.category_bands);
  const outOfBand: Text[] = [];
  const line = (label: Text, share: number, band: [number, number]): Text => ({
    zh: `${label.zh} 占比 ${pct(share)}（建议 ${band[0]}–${band[1]}%）`,
    en: `${label.en}: share ${pct(share)} (seed range ${band[0]}–${band[1]} %)`,
  });
  for (const c of shares.categories) if (!c.inBand && c.band) outOfBand.push(line(CATEGORY_LABEL[c.category], c.share, c.band));
  shares.indicators.forEach((ind, j) => {
    if (!ind.inBand && ind.band) outOfBand.push(line(labelOf(s.indicators[j]), ind.share, ind.band));
  });
  return { allZero: !(shares.total > 0), outOfBand };
}

/** What `askBeforeSave` decided: go ahead, the user said no, or nothing to save (every weight 0). */
export type SaveAnswer = { save: true } | { save: false; why: Text | null };

/**
 * The one question every place that saves a scheme asks (the Weights page's bar, the Scenarios
 * page): every weight 0 is refused with `why`; shares outside the seed's bands are listed in a
 * confirmation, and a "no" saves nothing (`why` null: the user knows why).
 * `askBeforeSave(scenario, weights)` → `{ save: true }` for the standard scheme, asking nothing.
 */
export function askBeforeSave(s: Scenario, weights: ArrayLike<number>, ask: (message: string) => boolean = askConfirm): SaveAnswer {
  const check = saveCheck(s, weights);
  if (check.allZero) return { save: false, why: schemeText.allZeroNoSave };
  if (check.outOfBand.length === 0) return { save: true };
  const list = check.outOfBand.map((l) => `· ${t(l)}`).join('\n');
  return ask(fill(t(schemeText.confirmOutOfBand), { list })) ? { save: true } : { save: false, why: null };
}
