/** Labels of presentation mode (演示模式): the header's switch and the board above the page. */
import { dict } from '../i18n.svelte';

export const presentationText = dict({
  toggle: { zh: '演示模式', en: 'Presentation' },
  toggleTitle: {
    zh: '演示模式：大字号，只留会议需要的页面，醒目显示等级分布与演示前后的变化。快捷键 F8（不在输入框中时也可按 P）。',
    en: 'Presentation mode: large type, only the pages a meeting needs, the grade distribution and the changes since the start shown large. Key: F8 (or P when not typing in a box).',
  },
  boardLabel: { zh: '演示面板', en: 'Presentation board' },
  navLabel: { zh: '演示导航', en: 'Presentation navigation' },
  exit: { zh: '退出演示（F8）', en: 'Exit (F8)' },
  target: { zh: '目标 {n}', en: 'target {n}' },
  before: { zh: '演示前 {n}', en: 'before {n}' },
  beforeDelta: { zh: '演示前 {n}，{delta}', en: 'before {n}, {delta}' },
  changesTitle: { zh: '等级变化（相对演示前）', en: 'Grade changes since the start' },
  changesTitleSaved: { zh: '等级变化（相对已保存方案）', en: 'Grade changes vs the saved scenario' },
  changesUpDown: { zh: '↑ {up} 人升级 · ↓ {down} 人降级', en: '↑ {up} up · ↓ {down} down' },
  changesOther: { zh: '另有 {n} 人得到或失去等级', en: '{n} more gained or lost a grade' },
  pin: { zh: '固定当前等级为“演示前”', en: 'Pin today’s grades as “before”' },
  pinAgain: { zh: '重新固定', en: 'Pin again' },
  unpin: { zh: '清除快照', en: 'Clear snapshot' },
  pinnedAt: { zh: '演示前快照：{time} · {scenario}', en: '“Before” pinned {time} · {scenario}' },
  noPin: {
    zh: '尚未固定“演示前”：点“固定”后，下方会同时显示演示前与现在的人数。',
    en: 'No “before” pinned yet: pin it and the board shows the counts before and now side by side.',
  },
  otherPeriod: {
    zh: '快照属于 {period}，与当前考核期间不同：切回该期间，或重新固定。',
    en: 'The snapshot is of {period}, not the period in view: switch back to it or pin again.',
  },
  notPinned: { zh: '{n} 人不在快照中（快照后导入）', en: '{n} people are not in the snapshot (imported after it)' },
  gapOver: { zh: '多 {n}', en: '{n} over' },
  gapUnder: { zh: '少 {n}', en: '{n} under' },
  gapNone: { zh: '与目标一致', en: 'on target' },
  bandAria: {
    zh: '{band} 档：现在 {now} 人，目标 {target} 人{before}',
    en: 'Band {band}: {now} now, target {target}{before}',
  },
  bandAriaBefore: { zh: '，演示前 {n} 人', en: ', {n} before' },
});
