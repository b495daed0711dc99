import { describe, expect, it } from 'vitest';
import { i18n, t } from './i18n.svelte';

describe('t', () => {
  it('follows the current language', () => {
    const label = { zh: '保存', en: 'Save' };
    i18n.lang = 'zh';
    expect(t(label)).toBe('保存');
    i18n.lang = 'en';
    expect(t(label)).toBe('Save');
    i18n.lang = 'zh';
  });
});
