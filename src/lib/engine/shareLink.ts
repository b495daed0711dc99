/**
 * Workshop share links: a scenario (and optionally the period on screen) packed into the
 * URL's fragment, so a colleague opens the same weights with one click and nothing leaves
 * the PC (a fragment is never sent to a server).
 *
 * Format: `#/scenario/1.<base64url>`, where `1` is the format version and the payload is
 * zlib (fflate) of the compact JSON `{"p": periodId, "s": scenario}`, compressed against a
 * preset dictionary: the standard preset in the same JSON form. Most workshop scenarios are
 * the standard one with some sliders moved, so the link shrinks from ~2 000 characters
 * (plain zlib) to 88 for the standard preset itself and ~130 with a few sliders moved. The zlib header carries the dictionary's checksum and the
 * trailer the data's, and both are checked: a link cut short or mistyped is reported as
 * damaged, and a link made against a different dictionary (a future standard preset) says
 * so instead of decoding garbage.
 */
import { zlibSync } from 'fflate';
import { inflateBounded, TooLargeError } from './boundedInflate';
import { parsePeriod } from './periods';
import { BUILT_IN_PRESETS } from './presets';
import { parseScenario, ScenarioError, serializeScenario } from './scenario';
import type { Scenario } from './types';
import { BilingualError } from '../i18n/bilingualError';

export const SHARE_ROUTE = 'scenario';
/**
 * The most a link's payload may unpack to: 64 KiB of JSON (the standard preset is ~2 KB; a
 * scheme with many custom indicators and long notes stays far below). A longer link text than
 * 128 KiB cannot hold a valid payload and is refused before it is decoded.
 */
export const MAX_SHARE_JSON_BYTES = 64 * 1024;
export const MAX_SHARE_LINK_CHARS = 128 * 1024;
const VERSION = '1';

export type ShareLinkErrorCode = 'empty' | 'version' | 'damaged' | 'dictionary' | 'scenario' | 'period' | 'too_large';

/** A link that cannot be read, with the reason in Chinese and English. */
export class ShareLinkError extends BilingualError<ShareLinkErrorCode> {
  constructor(code: ShareLinkErrorCode, zh: string, en: string) {
    super(code, { zh, en });
    this.name = 'ShareLinkError';
  }
}

const damaged = (why: string) => new ShareLinkError('damaged',
  `分享链接已损坏或不完整（${why}），请让对方重新复制完整链接。`,
  `The share link is damaged or incomplete (${why}); ask for the whole link again.`);

/** The canonical compact JSON of a scenario: serializeScenario's key order, no whitespace. */
const compact = (s: Scenario): string => JSON.stringify(JSON.parse(serializeScenario(s)));

let dictionaryCache: Uint8Array | null = null;
function dictionary(): Uint8Array {
  dictionaryCache ??= new TextEncoder().encode(`{"p":"2026Q1","s":${compact(BUILT_IN_PRESETS.find((p) => p.id === 'standard')!.scenario)}}`);
  return dictionaryCache;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is zlib's NMAX: the largest run before b could overflow 2^32 between reductions.
  for (let i = 0; i < data.length;) {
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) { a += data[i]; b += a; }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
const readU32 = (d: Uint8Array, at: number) => ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw damaged('invalid characters');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * The URL fragment for a scenario, optionally with a period id.
 * `encodeShareLink(standard, '2026Q1')` → `'#/scenario/1.eNq…'`; append it to the app's address.
 */
export function encodeShareLink(scenario: Scenario, periodId?: string | null): string {
  const p = periodId ? parsePeriod(periodId).id : null;
  return packShareJson(`{"p":${JSON.stringify(p)},"s":${compact(scenario)}}`);
}

/**
 * The fragment for an already built payload text; `encodeShareLink` is the normal entry.
 * Exported so tests can pack payloads that encodeShareLink would never write.
 */
export function packShareJson(json: string): string {
  const packed = zlibSync(new TextEncoder().encode(json), { level: 9, dictionary: dictionary() });
  return `#/${SHARE_ROUTE}/${VERSION}.${toBase64Url(packed)}`;
}

/**
 * Read a share link back: a whole URL, its fragment, or just the `1.…` payload. Throws a
 * ShareLinkError (zh/en) for a missing, damaged or foreign link, and for a scenario that
 * parseScenario refuses (its field message is included).
 * `decodeShareLink(location.href)` → `{ scenario, periodId: '2026Q1' }`.
 */
export function decodeShareLink(link: string): { scenario: Scenario; periodId: string | null } {
  const tooLarge = () => new ShareLinkError('too_large', `分享链接过大：方案数据最多 ${MAX_SHARE_JSON_BYTES / 1024} KB，此链接超出，未打开。`,
    `The share link is too large: scenario data may be at most ${MAX_SHARE_JSON_BYTES / 1024} KB, and this link holds more; it was not opened.`);
  if (link.length > MAX_SHARE_LINK_CHARS) throw tooLarge();
  const text = link.trim();
  const hash = text.includes('#') ? text.slice(text.indexOf('#') + 1) : text;
  const m = new RegExp(`^/?(?:${SHARE_ROUTE}/)?([^./]*)\\.(.*)$`).exec(hash);
  if (!m || m[2] === '') throw new ShareLinkError('empty', '链接中没有方案数据。', 'The link holds no scenario.');
  if (m[1] !== VERSION) {
    throw new ShareLinkError('version', `无法识别的分享链接版本“${m[1]}”：可能由更新版本的 KPI 工作室生成。`,
      `Unknown share link version "${m[1]}": it may come from a newer version of the KPI Studio.`);
  }
  const bytes = fromBase64Url(m[2]);
  const dict = dictionary();
  if (bytes.length < 10) throw damaged('too short');
  // Header: CMF, FLG with FDICT set, then the dictionary's adler32 (RFC 1950).
  if ((bytes[0] & 0x0f) !== 8 || ((bytes[0] << 8) | bytes[1]) % 31 !== 0 || (bytes[1] & 0x20) === 0) throw damaged('bad header');
  if (readU32(bytes, 2) !== adler32(dict)) {
    throw new ShareLinkError('dictionary', '此链接由其他版本的 KPI 工作室生成，本版本无法读取。',
      'This link was made by a different version of the KPI Studio and cannot be read here.');
  }
  let raw: Uint8Array;
  try {
    raw = inflateBounded('zlib', bytes, MAX_SHARE_JSON_BYTES, dict);
  } catch (e) {
    if (e instanceof TooLargeError) throw tooLarge();
    throw damaged('cannot decompress');
  }
  if (readU32(bytes, bytes.length - 4) !== adler32(raw)) throw damaged('checksum mismatch');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw damaged('not JSON');
  }
  if (typeof json !== 'object' || json === null || !('s' in json)) throw damaged('no scenario');
  const { p, s } = json as { p?: unknown; s: unknown };
  let periodId: string | null = null;
  if (p !== null && p !== undefined) {
    try {
      periodId = parsePeriod(String(p)).id;
    } catch {
      throw new ShareLinkError('period', `链接中的期间“${String(p)}”无效。`, `The link's period "${String(p)}" is not valid.`);
    }
  }
  try {
    return { scenario: parseScenario(s), periodId };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ShareLinkError('scenario', `链接中的方案无法使用：${e.text.zh}`, `The scenario in the link cannot be used: ${e.text.en}`);
  }
}
