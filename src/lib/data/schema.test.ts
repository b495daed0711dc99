import { describe, expect, it } from 'vitest';
import { KNOWN_ACTIVITY_TYPES } from '../engine/codes';
import { KINDS } from '../engine/dataset';
import { ACTIVITY_TYPE_BY_LABEL, ACTIVITY_TYPE_ZH, columnRule, enumLookup, enumText, SCHEMAS } from './schema';

describe('SCHEMAS', () => {
  it('describes every kind of the dataset, each column once', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual([...KINDS].sort());
    for (const kind of KINDS) {
      const keys = SCHEMAS[kind].columns.map((c) => c.key);
      expect(new Set(keys).size, kind).toBe(keys.length);
      expect(new Set(SCHEMAS[kind].columns.map((c) => c.zh)).size, kind).toBe(keys.length);
    }
  });

  it('gives every enum code a Chinese label and keeps cross-column rules inside the kind', () => {
    for (const kind of KINDS) {
      for (const c of SCHEMAS[kind].columns) {
        if (c.type === 'enum') expect(c.labelsZh?.length, `${kind}.${c.key}`).toBe(c.codes?.length);
        for (const other of [c.atMost, c.notBefore, c.requiredWhen?.column, c.onlyWhen?.column].filter(Boolean)) {
          expect(columnRule(kind, other!), `${kind}.${c.key} → ${other}`).toBeDefined();
        }
        for (const code of [...(c.requiredWhen?.codes ?? []), ...(c.onlyWhen?.codes ?? [])]) {
          expect(columnRule(kind, (c.requiredWhen ?? c.onlyWhen)!.column)!.codes).toContain(code);
        }
      }
      for (const k of SCHEMAS[kind].key ?? []) expect(columnRule(kind, k)?.required, `${kind} key ${k}`).toBe(true);
    }
  });

  it('labels every known activity type', () => {
    expect(ACTIVITY_TYPE_ZH).toHaveLength(KNOWN_ACTIVITY_TYPES.length);
    KNOWN_ACTIVITY_TYPES.forEach((code, i) => expect(ACTIVITY_TYPE_BY_LABEL.get(ACTIVITY_TYPE_ZH[i])).toBe(code));
  });

  it('builds enum lookups and the allowed-values text', () => {
    const rule = columnRule('holidays', 'kind')!;
    expect([enumLookup(rule).get('holiday'), enumLookup(rule).get('调休上班'), enumLookup(rule).get('补班')]).toEqual([0, 1, 1]);
    expect(enumText(columnRule('staff', 'level')!, 'zh')).toBe('初级 (junior) / 中级 (mid) / 资深 (senior)');
    expect(enumText(columnRule('projects', 'role')!, 'en')).toBe('lead (主导) / support (支撑)');
  });
});

describe('project status: the words Chinese CRMs export', () => {
  it.each([['赢单', 0], ['成交', 0], ['中标', 0], ['输单', 1], ['丢单', 1], ['丢标', 1], ['跟进中', 2], ['已取消', 3]])('%s → code %i', (word, code) => {
    const rule = SCHEMAS.projects.columns.find((c) => c.key === 'status')!;
    expect(enumLookup(rule).get(word)).toBe(code);
  });
});
