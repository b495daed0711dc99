/**
 * What to ask before a scheme is saved: nothing to grade with (every weight 0: refused), and the
 * category and indicator shares outside the seed's bands (allowed after a confirmation naming them).
 */
import type { Scenario } from '../../lib/engine/types';
import { weightShares } from '../../lib/charts/weightShares';
import type { Text } from '../../lib/i18n/i18n.svelte';
import { CATEGORY_LABEL, labelOf } from '../../lib/i18n/messages/dashboard';

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
