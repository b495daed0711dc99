import { describe, expect, it } from 'vitest';
import { BackupError } from '../data/backup';
import { StoreError } from '../data/store';
import { CalibrationError } from '../engine/calibration';
import { PeriodCloseError } from '../engine/periodClose';
import { RobustnessError } from '../engine/robustness';
import { ScenarioError } from '../engine/scenario';
import { ShareLinkError } from '../engine/shareLink';
import { CalibrationStateError } from '../state/calibration.svelte';
import { BilingualError, errorText } from './bilingualError';
import { fill, fillText } from './text';

describe('BilingualError', () => {
  it('carries a code and the text in both languages; message is the English text', () => {
    const e = new BilingualError('locked', { zh: '已定版', en: 'Closed' });
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.text, e.message]).toEqual(['locked', { zh: '已定版', en: 'Closed' }, 'Closed']);
  });

  it('is the base of every error class a user may see', () => {
    const all = [
      new StoreError('quota', '空间不足', 'out of space'),
      new BackupError('damaged', '已损坏', 'damaged'),
      new ScenarioError('grades.S', '必须是数字', 'must be a number'),
      new ShareLinkError('empty', '链接为空', 'empty link'),
      new RobustnessError('cancelled', '已取消', 'cancelled'),
      new CalibrationError('locked', '已定版', 'closed'),
      new PeriodCloseError('closed', '已定版', 'closed'),
      new CalibrationStateError('无法保存', 'cannot save'),
    ];
    for (const e of all) {
      expect(e, e.name).toBeInstanceOf(BilingualError);
      expect(errorText(e)).toBe(e.text);
    }
    expect(errorText(all[2])).toEqual({ zh: '方案文件字段 grades.S：必须是数字', en: 'Scenario field grades.S: must be a number' });
  });
});

describe('errorText', () => {
  it('repeats a plain error or value in both slots, and trusts no look-alike object', () => {
    expect(errorText(new Error('boom'))).toEqual({ zh: 'boom', en: 'boom' });
    expect(errorText('x')).toEqual({ zh: 'x', en: 'x' });
    expect(errorText({ message_zh: '空间不足', message_en: 'out of space' })).toEqual({ zh: '[object Object]', en: '[object Object]' });
  });
});

describe('fill and fillText', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(fill('共 {n} 人，{x}', { n: 3 })).toBe('共 3 人，{x}');
    expect(fillText({ zh: '{n} 人', en: '{n} people' }, { n: 0 })).toEqual({ zh: '0 人', en: '0 people' });
  });
});
