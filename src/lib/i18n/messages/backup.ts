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

  // Errors (BackupError codes in src/lib/data/backup.ts).
  foreign: {
    zh: '文件“{file}”不是售前KPI工作室的备份文件，未恢复任何数据。请选择“备份全部数据”生成的 .json.gz 文件。',
    en: '“{file}” is not a Presales KPI Studio backup; nothing was restored. Choose a .json.gz file made with “Back up everything”.',
  },
  damaged: {
    zh: '备份文件“{file}”已损坏（{detail}），未恢复任何数据，当前数据未作任何更改。请使用另一份备份。',
    en: 'The backup “{file}” is damaged ({detail}); nothing was restored and the current data was not changed. Use another copy of the backup.',
  },
  tooLarge: {
    zh: '备份文件“{file}”解压后超过 {limit}，超出本应用能恢复的大小，未恢复任何数据，当前数据未作任何更改。请确认选择的是“备份全部数据”生成的文件。',
    en: 'The backup “{file}” unpacks to more than {limit}, more than this app can restore; nothing was restored and the current data was not changed. Check that it is a file made with “Back up everything”.',
  },
  newerVersion: {
    zh: '备份文件“{file}”由更新版本的售前KPI工作室生成（格式版本 {version}），当前版本无法读取。请更新本应用后再恢复。',
    en: 'The backup “{file}” was made by a newer version of Presales KPI Studio (format version {version}); this version cannot read it. Update the app, then restore.',
  },
  unsupported: {
    zh: '设置或记录“{detail}”中含有无法备份的值，未生成备份。',
    en: 'The setting or record “{detail}” holds a value that cannot be backed up; no backup was made.',
  },
  storeFailed: {
    zh: '恢复失败，当前数据未作任何更改（{detail}）。',
    en: 'The restore failed; the current data was not changed ({detail}).',
  },
  quota: {
    zh: '浏览器存储空间不足，无法恢复该备份，当前数据未作任何更改。请在浏览器设置中为本站点释放空间后重试。',
    en: 'The browser ran out of storage space for this backup; the current data was not changed. Free space for this site in the browser settings, then try again.',
  },
  readFailed: {
    zh: '读取本机数据失败，未生成备份（{detail}）。',
    en: 'Reading the local data failed; no backup was made ({detail}).',
  },
});
