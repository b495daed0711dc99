/** Labels of the pager under long lists (src/lib/ui/Pager.svelte). */
import { dict } from '../i18n.svelte';

export const pagingText = dict({
  nav: { zh: '分页', en: 'Pages' },
  rows: { zh: '第 {from}–{to} 条，共 {total} 条', en: '{from}–{to} of {total}' },
  first: { zh: '首页', en: 'First' },
  prev: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  last: { zh: '末页', en: 'Last' },
  pageInput: { zh: '页码', en: 'Page number' },
  pageOf: { zh: '/ {pages} 页', en: 'of {pages}' },
  pageLabel: { zh: '第', en: 'Page' },
});
