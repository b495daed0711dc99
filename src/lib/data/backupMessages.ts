/**
 * What a refused backup or restore tells HR (BackupError in backup.ts), Chinese first.
 * `{name}` placeholders are filled when the error is made. The data layer owns these texts,
 * so it depends on no page dictionary; the Data page's labels stay in i18n/messages/backup.ts.
 */
import type { Text } from '../i18n/i18n.svelte';

export const backupErrorText = {
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
} satisfies Record<string, Text>;
