/**
 * Two-language labels. Every label is written as `{ zh, en }` next to the code that uses it
 * (one dictionary file per area under `messages/`), so nobody edits a shared key list.
 * `t(L.save)` reads the current language reactively: components re-render on a switch.
 */
import type { Lang, Text } from './text';

export type { Lang, Text } from './text';

const state = $state<{ lang: Lang }>({ lang: 'zh' });

export const i18n = {
  get lang(): Lang { return state.lang; },
  set lang(l: Lang) { state.lang = l; },
};

/** `t({ zh: '保存', en: 'Save' })` → '保存' while the UI is Chinese. */
export function t(text: Text): string {
  return text[state.lang];
}

/** Define a dictionary with checked shape: `const L = dict({ save: { zh: '保存', en: 'Save' } })`. */
export function dict<T extends Record<string, Text>>(d: T): T {
  return d;
}
