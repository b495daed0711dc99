/**
 * GB18030 bytes of a text, for test files as Chinese Windows' Excel saves them ("CSV" in the
 * ANSI code page). Node encodes only UTF-8, so the table is built by decoding every two-byte
 * GB18030 code once (Node's ICU decoder); ASCII stays one byte. Enough for names and headers.
 */
let table: Map<string, [number, number]> | null = null;

function twoByteTable(): Map<string, [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/**
 * @example encodeGb18030('工号,name') // → bytes b9 a4 ba c5 2c 6e 61 6d 65
 */
export function encodeGb18030(text: string): Uint8Array {
  const t = twoByteTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) { out.push(c); continue; }
    const pair = t.get(ch);
    if (!pair) throw new Error(`encodeGb18030: no two-byte code for ${JSON.stringify(ch)} (U+${c.toString(16)})`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}
