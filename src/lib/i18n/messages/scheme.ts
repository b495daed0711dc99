/** Labels of the scheme editor: share sliders, locks, undo / redo, the change list, scheme parameters, presentation mode. */
import { dict } from '../i18n.svelte';

export const schemeText = dict({
  sharesNote: { zh: '每个滑块是该指标占全部权重的比例（0–100%）：移动一个，其余未锁定的指标按原有比例分摊剩下的部分，合计始终 100%。数字框可直接输入比例。', en: 'Each slider is the indicator’s share of all weights (0–100 %): moving one shares the rest among the other unlocked indicators in their current proportions, so the total stays 100 %. Type a share in the box to set it exactly.' },
  share: { zh: '占比', en: 'Share' },
  lock: { zh: '锁定', en: 'Lock' },
  lockTitle: { zh: '锁定此指标的占比：移动其他滑块时它保持不变', en: 'Lock this indicator’s share: it stays put while other sliders move' },
  locked: { zh: '已锁定', en: 'Locked' },
  weightRaw: { zh: '权重值 {w}', en: 'weight {w}' },
  typedRefused: { zh: '{label}：{why} 已恢复为 {value}%。', en: '{label}: {why} Put back to {value} %.' },
  typedNote: { zh: '{label}：{why}', en: '{label}: {why}' },
  clampedRange: { zh: '{label}：其他指标已锁定，占比最多 {max}%。', en: '{label}: the other indicators are locked; its share can be at most {max} %.' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  undoTitle: { zh: '撤销上一步方案修改（Ctrl+Z）', en: 'Undo the last scheme edit (Ctrl+Z)' },
  redoTitle: { zh: '重做（Ctrl+Shift+Z）', en: 'Redo (Ctrl+Shift+Z)' },
  confirmOutOfBand: { zh: '以下占比超出种子方案的建议区间：\n{list}\n仍要保存吗？', en: 'These shares are outside the seed’s ranges:\n{list}\nSave anyway?' },
  allZeroNoSave: { zh: '所有指标权重都是 0，不能保存。请至少给一项指标设置权重。', en: 'Every indicator weight is 0; this cannot be saved. Give at least one indicator a weight.' },
  compareIdentical: { zh: 'A 与 B 的方案内容完全相同（只有名称或说明不同），所以没有任何差异。请换一个方案对比。', en: 'A and B are the same scheme (only their names or notes differ), so nothing differs. Choose another scenario to compare.' },
});
