/** Labels and messages of backup and restore (备份与恢复), Chinese first. `{name}` placeholders are filled with `fill`. */
import { dict } from '../i18n.svelte';

export const backupText = dict({
  title: { zh: '备份与恢复', en: 'Backup and restore' },
  intro: {
    zh: '把本机浏览器中的全部数据（导入批次、已保存的方案、校准记录、面谈记录和设置）保存为一个文件，可在另一台电脑或另一个浏览器中恢复。备份文件只保存在您选择的位置，不会上传。',
    en: 'Save everything this browser holds (import batches, saved scenarios, calibration log, meeting records and settings) as one file, to restore on another PC or in another browser. The file goes only where you save it; nothing is uploaded.',
  },
  backup: { zh: '备份全部数据', en: 'Back up everything' },
  backingUp: { zh: '正在生成备份…', en: 'Creating the backup…' },
  backupDone: {
    zh: '已生成备份文件“{file}”（{size}）：{batches} 个批次、{rows} 行数据、{scenarios} 个方案、{meetings} 条面谈记录、{settings} 项设置。',
    en: 'Backup “{file}” created ({size}): {batches} batches, {rows} rows, {scenarios} scenarios, {meetings} meeting records, {settings} settings.',
  },
  restore: { zh: '从备份恢复', en: 'Restore from backup' },
  restoreHint: {
    zh: '恢复会用备份中的数据替换本机当前的全部数据，此操作无法撤销。建议先备份当前数据。',
    en: 'Restoring replaces ALL data currently in this browser with the backup. This cannot be undone; back up the current data first.',
  },
  restoring: { zh: '正在恢复…', en: 'Restoring…' },
  confirmRestore: {
    zh: '确定要用备份“{file}”（生成于 {createdAt}：{batches} 个批次、{rows} 行数据、{scenarios} 个方案、{meetings} 条面谈记录）替换本机当前的全部数据吗？此操作无法撤销。',
    en: 'Replace ALL data in this browser with the backup “{file}” (created {createdAt}: {batches} batches, {rows} rows, {scenarios} scenarios, {meetings} meeting records)? This cannot be undone.',
  },
  restoreCancelled: { zh: '已取消恢复，当前数据未作任何更改。', en: 'Restore cancelled; the current data was not changed.' },
  restored: {
    zh: '已从备份恢复：{batches} 个批次、{rows} 行数据、{scenarios} 个方案、{meetings} 条面谈记录。',
    en: 'Restored from the backup: {batches} batches, {rows} rows, {scenarios} scenarios, {meetings} meeting records.',
  },
  failed: { zh: '操作失败：', en: 'The operation failed:' },
});
