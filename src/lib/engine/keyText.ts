/**
 * Text cells that act as keys or group names (staff_id, project_id, customer_id, team, …)
 * cleaned of characters a person cannot see, so `BW001` and `BW001` + U+200B are one person.
 *
 * Removed anywhere in the text: soft hyphen U+00AD, Mongolian vowel separator U+180E, zero-width
 * space/non-joiner/joiner U+200B–U+200D, left-to-right/right-to-left marks U+200E–U+200F, bidi
 * embeddings and overrides U+202A–U+202E, word joiner and invisible operators U+2060–U+2064, bidi
 * isolates U+2066–U+2069, BOM / zero-width no-break space U+FEFF.
 * Turned into a plain space, then trimmed at the ends: no-break space U+00A0, the typographic
 * spaces U+2000–U+200A, narrow no-break space U+202F, medium mathematical space U+205F,
 * ideographic space U+3000.
 */

/** True for a character removed from keys. */
export function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** True for a space-like character that becomes a plain space inside a key. */
export function isOddSpace(c: number): boolean {
  return c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Whether `s` holds a character cleanKey changes (cheap: ASCII and CJK text answer at once per character). */
export function needsCleaning(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa0 || (c > 0x3000 && c !== 0xfeff)) continue;
    if (isInvisible(c) || isOddSpace(c)) return true;
  }
  return false;
}

/**
 * The key without invisible characters, odd spaces made plain, trimmed; `s` itself when clean.
 * `cleanKey('BW001\u200b') === 'BW001'`, `cleanKey('\u00a0BW 001\u3000') === 'BW 001'`.
 */
export function cleanKey(s: string): string {
  if (!needsCleaning(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isInvisible(c)) continue;
    out += isOddSpace(c) ? ' ' : s[i];
  }
  return out.trim();
}

/** The text with each cleaned character written as <U+200B>, to show in a message what was there. */
export function showInvisible(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += isInvisible(c) || isOddSpace(c) ? `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>` : s[i];
  }
  return out;
}
