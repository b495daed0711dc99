/**
 * Words the charts draw about themselves: axis titles with units, legends, scales and the
 * captions that turn packed numbers into sentences, so a chart reads without a manual.
 */
import { dict } from '../i18n.svelte';

export const chartText = dict({
  // axes
  peopleAxis: { zh: '人数（人）', en: 'People' },
  totalAxis: { zh: '总分（分）', en: 'Total score (points)' },
  // histogram
  nearMissLine: { zh: '{grade} 线 {value} 分：差 1 分以内 {n} 人', en: '{grade} at {value}: {n} {people} within 1 point below' },
  above100: {
    zh: '{n} 人总分超过 100 分。总分可以超过 100：超额完成目标的指标最多按权重的 {cap} 倍计分（封顶系数），所以最高 {max} 分。',
    en: '{n} {people} above 100. A total can pass 100: an indicator beyond its target scores up to {cap}× its weight (the cap), so the highest possible total is {max}.',
  },
  above100Bonus: {
    zh: '{n} 人总分超过 100 分。总分可以超过 100：超额完成目标的指标最多按权重的 {cap} 倍计分（封顶系数），启用的奖励项再最多加 {bonus} 分，所以最高 {max} 分。',
    en: '{n} {people} above 100. A total can pass 100: an indicator beyond its target scores up to {cap}× its weight (the cap), and the enabled bonus items add up to {bonus} points more, so the highest possible total is {max}.',
  },
  // distribution
  shareCaption: { zh: '柱下百分比：实际占比 / 目标比例', en: 'Under each band: actual share / target share' },
  // contribution
  contribBar: { zh: '条 = 平均得分，竖线 = 权重占比', en: 'Bar = mean points, line = weight share' },
  colMeanPoints: { zh: '平均得分', en: 'Mean points' },
  colWeightShare: { zh: '权重占比', en: 'Weight share' },
  colSpreadShare: { zh: '差异贡献', en: 'Share of spread' },
  negativeShare: {
    zh: '{ids}的差异贡献为负：这项得分高的人，其他指标往往偏低，所以它把人与人之间的总分差距拉小了，而不是拉大。负值不是错误，各项合计仍为 100%。',
    en: '{ids}: negative share of spread. People who score high on it tend to score low on the others, so it narrows the gaps between totals instead of widening them. A negative share is not an error; all shares still add up to 100%.',
  },
  // a person's points against the points at target
  pointsBar: { zh: '条 = 得分，竖线 = 达标（系数 1）时的得分；越过竖线 = 超额完成', en: 'Bar = points, line = points at target (fraction 1); past the line = beyond target' },
  colPoints: { zh: '得分', en: 'Points' },
  colAtTarget: { zh: '达标得分', en: 'At target' },
  // grade-mix bars (teams, robustness)
  mixScale: { zh: '等级构成（占团队人数的比例）', en: 'Grade mix (share of the team)' },
  probScale: { zh: '等级概率（整条 = 100%）', en: 'Grade probabilities (full bar = 100%)' },
  legendTitle: { zh: '颜色：', en: 'Colours:' },
  // tornado
  tornadoScale: { zh: '条形长度 = 等级改变的人数；左侧百分比为该指标的建议区间', en: 'Bar length = people whose grade changes; the percentages on the left are the indicator’s seed range' },
});
