/**
 * The one message shape of the app: a text in Chinese and English, `{ zh, en }`. Plain
 * TypeScript (no runes), so the engine, the data layer and workers use it too; the reactive
 * `t()` that picks the current language lives in i18n.svelte.ts.
 */
export type Lang = 'zh' | 'en';
export interface Text { zh: string; en: string }

export type FillValues = Record<string, string | number>;

/** Fill `{name}` placeholders; an unknown name stays as written. `fill('共 {n} 人', { n: 3 })` → '共 3 人'. */
export function fill(template: string, values: FillValues): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Fill both languages of a text: `fillText({ zh: '{n} 人', en: '{n} people' }, { n: 3 })` → `{ zh: '3 人', en: '3 people' }`. */
export function fillText(text: Text, values: FillValues): Text {
  return { zh: fill(text.zh, values), en: fill(text.en, values) };
}
