import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS, presetScenario } from './presets';
import {
  decodeShareLink, encodeShareLink, MAX_SHARE_JSON_BYTES, MAX_SHARE_LINK_CHARS, packShareJson, ShareLinkError, type ShareLinkErrorCode,
} from './shareLink';

const errorOf = (link: string): ShareLinkError => {
  try { decodeShareLink(link); } catch (e) { if (e instanceof ShareLinkError) return e; throw e; }
  throw new Error('expected a ShareLinkError');
};

describe('share links', () => {
  it('round-trips every built-in scenario with and without a period', () => {
    for (const { id, scenario } of BUILT_IN_PRESETS) {
      const back = decodeShareLink(encodeShareLink(scenario, '2026q3'));
      expect(back.scenario, id).toEqual(scenario);
      expect(back.periodId).toBe('2026Q3');
      expect(decodeShareLink(encodeShareLink(scenario)).periodId).toBeNull();
    }
  });

  it('keeps edited weights, Chinese names and profiles', () => {
    const s = presetScenario('standard');
    s.name = '研讨会方案 A';
    s.indicators[0].weight = 16.5;
    s.profiles.domain.consulting = { weights: { insight_knowledge: 5 } };
    expect(decodeShareLink(encodeShareLink(s, '2026')).scenario).toEqual(s);
  });

  it('accepts a whole URL, the fragment or the bare payload', () => {
    const s = presetScenario('balanced');
    const frag = encodeShareLink(s, '2026Q1');
    expect(frag.startsWith('#/scenario/1.')).toBe(true);
    expect(/^[#/A-Za-z0-9._-]+$/.test(frag)).toBe(true); // nothing needs URL-escaping
    for (const link of [`file:///C:/kpi/index.html${frag}`, `https://intranet/kpi/${frag}`, frag, frag.slice(1), frag.slice('#/scenario/'.length)]) {
      expect(decodeShareLink(link).scenario).toEqual(s);
    }
  });

  it('is short: the standard preset fits well under 200 characters, far below plain zlib', () => {
    const link = encodeShareLink(presetScenario('standard'), '2026Q1');
    const plain = zlibSync(new TextEncoder().encode(JSON.stringify(presetScenario('standard'))), { level: 9 });
    expect(link.length).toBeLessThan(200);
    expect(link.length * 5).toBeLessThan(Math.ceil((plain.length * 4) / 3));
  });

  const good = encodeShareLink(presetScenario('standard'), '2026Q1');
  const payload = good.slice('#/scenario/1.'.length);
  const flipped = (at: number) => payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);
  const rejected: [string, string, ShareLinkErrorCode, RegExp][] = [
    ['no payload', 'https://intranet/kpi/#/overview', 'empty', /没有方案数据/],
    ['empty payload', '#/scenario/1.', 'empty', /没有方案数据/],
    ['unknown version', `#/scenario/2.${payload}`, 'version', /版本“2”/],
    ['invalid characters', `#/scenario/1.${payload.slice(0, 10)}*${payload.slice(11)}`, 'damaged', /已损坏/],
    ['cut short', `#/scenario/1.${payload.slice(0, payload.length - 12)}`, 'damaged', /已损坏/],
    ['a character changed in the data', `#/scenario/1.${flipped(Math.floor(payload.length / 2))}`, 'damaged', /已损坏/],
    ['a character changed in the checksum', `#/scenario/1.${flipped(payload.length - 2)}`, 'damaged', /已损坏/],
    ['a different dictionary', `#/scenario/1.${flipped(4)}`, 'dictionary', /其他版本/],
    ['not zlib at all', '#/scenario/1.aGVsbG8gd29ybGQ', 'damaged', /已损坏/],
  ];
  it.each(rejected)('refuses a link with %s, in Chinese and English', (_what, link, code, zh) => {
    const e = errorOf(link);
    expect(e.code).toBe(code);
    expect(e.text.zh).toMatch(zh);
    expect(e.text.en.length).toBeGreaterThan(10);
  });

  it('refuses a payload whose scenario or period is invalid, naming the field', () => {
    const bad = presetScenario('standard');
    bad.indicators[1].metrics[0].target = -5;
    const e = errorOf(encodeShareLink(bad));
    expect(e.code).toBe('scenario');
    expect(e.text.zh).toContain('indicators[1].metrics[0].target');
    expect(e.text.en).toContain('outside the allowed range 10^-6 to 10^12 (got -5)');
    expect(errorOf(packShareJson('{"p":"2026Q5","s":{}}')).code).toBe('period');
    expect(errorOf(packShareJson('[1,2]')).code).toBe('damaged');
    expect(errorOf(packShareJson('{"p":null,"s":{"format":"x"}}')).text.en).toMatch(/not a scenario file/);
  });

  it('refuses a small link that unpacks past 64 KB (a long name, 20 MB of padding, an over-long link) without unpacking it all', () => {
    const s = JSON.parse(JSON.stringify(presetScenario('standard')));
    s.name = 'x'.repeat(MAX_SHARE_JSON_BYTES);
    const link = packShareJson(JSON.stringify({ p: null, s }));
    expect(link.length).toBeLessThan(4_000);
    const e = errorOf(link);
    expect(e.code).toBe('too_large');
    expect(e.text.zh).toContain('最多 64 KB');
    expect(e.text.en).toContain('at most 64 KB');
    // 20 MB of spaces packs into ~20 KB: refused as soon as 64 KB are out.
    const bomb = packShareJson(`{"p":null,"s":${' '.repeat(20 * 1024 * 1024)}1}`);
    expect(errorOf(bomb).code).toBe('too_large');
    expect(errorOf(`#/scenario/1.${'A'.repeat(MAX_SHARE_LINK_CHARS)}`).code).toBe('too_large');
  });
});
