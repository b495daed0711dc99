import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCsvBytes, importCsvText, type ImportResult } from './csvImport';
import type { Issue } from './issues';
import { importArriving, importBytes, importFile, MAX_ISSUES, runImport, summarise, type ImportProgress } from './runImport';
import type { ArrivingBytes } from './arrivingBytes';
import { openStore, type Store } from './store';
import { plain } from './storeTestTables';

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (content: string | Uint8Array, name = 'data.csv') => new File([content as BlobPart], name);

const STAFF = 'staff_id,name,level,domain,team\nPS1,杜眉,mid,consulting,华东售前部\nPS2,孙梦明,junior,product_expert,"华北,二部"\n';
const PROJECTS = [
  'project_id,staff_id,role,customer_id,industry,amount,status,decided_on',
  'P1,PS1,lead,C1,金融,"1,200,000",won,2026-03-31',
  'P1,PS2,support,C1,金融,"1,200,000",won,2026-03-31',
  'P2,PS9,lead,C2,"制造\n（离散）",120万,lost,2026/4/2',
].join('\r\n') + '\r\n';

/** Bytes that arrive `slice` at a time, one slice per `more()`: the parse must wait mid-record. */
function trickle(bytes: Uint8Array, slice: number): ArrivingBytes {
  let filled = Math.min(bytes.length, slice);
  const all = Promise.resolve(bytes as Uint8Array<ArrayBuffer>);
  return {
    size: bytes.length, bytes: bytes as Uint8Array<ArrayBuffer>, all,
    get filled() { return filled; },
    more: async () => { filled = Math.min(bytes.length, filled + slice); },
  };
}

/** A result as comparable data: typed columns as arrays. */
const comparable = (r: ImportResult) => ({ ...r, table: r.table && plain(r.table), lines: Array.from(r.lines) });

let stores: Store[] = [];
afterEach(() => { stores.forEach((s) => s.close()); stores = []; });
async function store(factory = new IDBFactory()): Promise<Store> {
  const s = await openStore(factory, 'import');
  stores.push(s);
  return s;
}

describe('importFile gives what a whole-file import gives', () => {
  for (const [name, text] of [['staff', STAFF], ['projects (CRLF, quoted newline, Chinese)', PROJECTS]] as const) {
    it(`${name}, read in tiny pieces`, async () => {
      const bytes = utf8(text);
      const whole = comparable(importCsvBytes(bytes, 'x.csv'));
      expect(whole.table).not.toBeNull();
      for (let piece = 5; piece < bytes.length; piece += 7) {
        expect(comparable(await importFile(file(bytes, 'x.csv'), { pieceBytes: piece })), `piece ${piece}`).toEqual(whole);
      }
    });
  }

  it('detects GB18030 from the first piece', async () => {
    // 中文 in GBK: D6 D0 CE C4
    const gbk = new Uint8Array([...utf8('staff_id,name,level,domain\nPS1,'), 0xd6, 0xd0, 0xce, 0xc4, ...utf8(',mid,consulting\n')]);
    const r = await importFile(file(gbk), { pieceBytes: 16 });
    expect(r.encoding).toBe('gb18030');
    expect(r.table && (r.table as { name: string[] }).name).toEqual(['中文']);
  });

  it('falls back to GB18030 when bytes after the first piece are not UTF-8', async () => {
    const head = 'staff_id,name,level,domain\n' + Array.from({ length: 20 }, (_, i) => `PS${i},n${i},mid,consulting\n`).join('');
    const gbk = new Uint8Array([...utf8(head + 'PS99,'), 0xd6, 0xd0, 0xce, 0xc4, ...utf8(',mid,consulting\n')]);
    const r = await importFile(file(gbk), { pieceBytes: 64 });
    expect(r.encoding).toBe('gb18030');
    expect((r.table as { name: string[] }).name.at(-1)).toBe('中文');
    expect(r.table!.length).toBe(21);
  });

  it('reads a file as GB18030 when its only GBK bytes are in a column nobody reads, past the sample, as the whole-file decode does', async () => {
    // 4.4 MB of rows first: the encoding sample (~1M characters) has seen only UTF-8.
    const rows = Array.from({ length: 140_000 }, (_, i) => `PS${i},n${i},mid,consulting,ok\n`).join('');
    const head = utf8('staff_id,name,level,domain,备注x\n' + rows + 'PS1x,n1,mid,consulting,');
    const gbk = new Uint8Array(head.length + 3);
    gbk.set(head);
    gbk.set([0xd6, 0xd0, 0x0a], head.length);
    expect(gbk.length).toBeGreaterThan(4 * 1024 * 1024);
    const whole = comparable(importCsvBytes(gbk, 'x.csv'));
    expect(whole.encoding).toBe('gb18030');
    expect(comparable(await importFile(file(gbk, 'x.csv')))).toEqual(whole);
  }, 30_000);

  it('reports an unclosed quote at the same line as the whole-file import', async () => {
    const bad = utf8(STAFF + 'PS3,"unclosed,mid,consulting\nPS4,x,mid,consulting\n');
    const whole = importCsvBytes(bad, 'x.csv');
    expect(whole.issues.some((i) => i.code === 'csv_quotes')).toBe(true);
    expect(comparable(await importFile(file(bad, 'x.csv'), { pieceBytes: 40 }))).toEqual(comparable(whole));
  });

  it('hands papaparse the rest of the file from a malformed quote: its recovery runs over many lines, as in a whole-file parse', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => `PS${i},n${i},mid,consulting`);
    rows[3] = 'PSX,"bad"quote,mid,consulting';
    rows[200] = 'PSY,"spaced" ,mid,consulting';
    const bytes = utf8(['staff_id,name,level,domain', ...rows].join('\r\n') + '\r\n');
    const whole = comparable(importCsvBytes(bytes, 'x.csv'));
    const parse = vi.spyOn(Papa, 'parse');
    try {
      for (const [piece, slice] of [[64, 3], [500, 50], [4096, 1 << 20]]) {
        parse.mockClear();
        expect(comparable(await importArriving(trickle(bytes, slice), 'x.csv', { pieceBytes: piece })), `piece ${piece}`).toEqual(whole);
        // the line-break guess, and one papaparse run from the first malformed record on
        expect(parse).toHaveBeenCalledTimes(2);
      }
    } finally {
      parse.mockRestore();
    }
  });

  // Pieces are cut only after papaparse's 1 MB sample, so these files are a little bigger than that.
  // A quoted line break early in every row: most cuts fall inside quotes.
  const filler = (n: number, nl: string) => Array.from({ length: n },
    (_, i) => `F${i},"名字${nl}${'很长的一位同事'.repeat(12)}${i}",mid,consulting,华东`).join(nl);

  it('a file over 1 MB with CRLF, quoted newlines and Chinese, cut at many places', async () => {
    const text = 'staff_id,name,level,domain,team\r\n' + filler(9_500, '\r\n') + '\r\n' + STAFF.split('\n').slice(1).join('\r\n');
    const bytes = utf8(text);
    expect(text.length).toBeGreaterThan(1_100_000);
    const whole = comparable(importCsvBytes(bytes, 'big.csv'));
    expect(whole.rowCount).toBe(9_502);
    expect(whole.table).not.toBeNull();
    for (const piece of [65_537, 100_003, (1 << 20) + 7]) {
      expect(comparable(await importFile(file(bytes, 'big.csv'), { pieceBytes: piece })), `piece ${piece}`).toEqual(whole);
    }
  }, 30_000);

  it('parses a file past its sample while it is still being read: records, quoted line breaks and characters split across slices', async () => {
    const text = 'staff_id,name,level,domain,team\r\n' + filler(16_000, '\r\n') + '\r\n' + STAFF.split('\n').slice(1).join('\r\n');
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(4.5 * 1024 * 1024);
    const whole = comparable(importCsvBytes(bytes, 'big.csv'));
    expect(whole.rowCount).toBe(16_002);
    for (const slice of [65_537, 1_000_003]) {
      expect(comparable(await importArriving(trickle(bytes, slice), 'big.csv', { pieceBytes: 100_000 })), `slice ${slice}`).toEqual(whole);
    }
  }, 60_000);

  it('holds for random rows anywhere in a big file (property)', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', '中文', 'a,b', 'x"y', 'line\nbreak', 'cr\r\nlf', 'PS1', '1,200', ' 42 ', 'consulting', '咨询'),
      fc.string({ maxLength: 6 }),
    );
    const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
    const rows = fc.array(fc.tuple(cell, cell, cell), { maxLength: 8 });
    await fc.assert(fc.asyncProperty(rows, rows, fc.integer({ min: 4096, max: 400_000 }), fc.boolean(),
      async (early, late, piece, crlf) => {
        const nl = crlf ? '\r\n' : '\n';
        const line = (r: [string, string, string]) => [quote(r[0]), quote(r[1]), 'mid', quote(r[2])].join(',');
        const text = ['staff_id,name,level,domain,team', ...early.map(line), filler(9_500, nl), ...late.map(line)].join(nl);
        const bytes = utf8(text);
        expect(comparable(await importFile(file(bytes, 'p.csv'), { pieceBytes: piece }))).toEqual(comparable(importCsvBytes(bytes, 'p.csv')));
      },
    ), { numRuns: 10 });
  }, 60_000);
});

describe('the byte reader gives what papaparse gives: typed cells, issues, lines', () => {
  // Invisible characters in keys (keyText.ts) are cleaned alike on both paths.
  const id = fc.constantFrom('P1', 'P2', 'P3', ' P4', 'CRM-2026-0000001', '项目一', '"P,5"', '', 'P1\u200b', '\ufeffP2', 'P\u00a03');
  const text = fc.constantFrom('PS1', 'PS2', ' PS3 ', '张三', '"金融,银行"', '中文\u3000', '', '"a""b"', '\u00a0x', '"多\n行"', 'PS1\u2060', '张\u200d三', '\u200b');
  const amount = fc.constantFrom('1200000', '"1,200,000"', '120万', '-5', '12.5', 'abc', '', ' 42 ', '1e3', '0.1', '99999999999999999', '¥5', '"-0"');
  const date = fc.constantFrom('2026-03-31', '2026/3/31', '2026-02-30', '2026年3月1日', '', 'x', '2026-3-1', ' 2026-01-05');
  const status = fc.constantFrom('won', 'lost', 'open', '中标', '丢标', 'WON', ' won', 'bogus', '');
  const bool = fc.constantFrom('true', 'false', '1', '0', '是', '否', 'maybe', '', 'TRUE');
  const int = fc.constantFrom('0', '3', '-1', '2.5', '', '7', '"8"');
  const role = fc.constantFrom('lead', 'support', '主导', 'x', '');
  const dt = fc.constantFrom('2026-03-27 13:27', '2026-03-27T09:05:01', '2026/3/27 9:05', '2026-03-27 25:00', '2026-03-28', '', '2026-02-30 10:00');
  // Cells past the header's columns: none, empty, or text (a warning).
  const extra = fc.constantFrom('', ',', ',x', ',,中');
  const projectRow = fc.tuple(id, text, role, text, text, amount, status, date, bool, int, int, extra)
    .map((r) => r.slice(0, 11).join(',') + r[11]);
  const requestRow = fc.tuple(id, text, fc.constantFrom('bid', 'solution', '投标', '?'), dt, dt, dt, amount, extra)
    .map((r) => r.slice(0, 7).join(',') + r[7]);
  const files = [
    ['projects', 'project_id,staff_id,role,customer_id,industry,amount,status,decided_on,strategic,proposals_made,proposals_adopted', projectRow],
    ['requests', 'request_id,staff_id,type,requested_at,responded_at,delivered_at,bid_score', requestRow],
  ] as const;

  for (const [kind, header, row] of files) {
    it(`${kind} (property)`, async () => {
      const parse = vi.spyOn(Papa, 'parse');
      try {
        await fc.assert(fc.asyncProperty(fc.array(fc.oneof(row, fc.constant('')), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean(),
          fc.integer({ min: 1, max: 300 }),
          async (rows, nl, bom, slice) => {
            const bytes = utf8((bom ? '\uFEFF' : '') + [header, ...rows].join(nl) + nl);
            const whole = comparable(importCsvBytes(bytes, 'f.csv'));
            parse.mockClear();
            // Read in slices of a few bytes: records, quoted cells and characters run across them.
            const mine = comparable(await importArriving(trickle(bytes, slice), 'f.csv', { pieceBytes: 64 }));
            expect(mine).toEqual(whole);
            // Papa.parse ran only to guess the line break: every record was read from the bytes.
            expect(parse).toHaveBeenCalledTimes(1);
          },
        ), { numRuns: 150 });
      } finally {
        parse.mockRestore();
      }
    });
  }
});

describe('runImport', () => {
  it('stores every good file as a batch and warns about staff ids nobody knows', async () => {
    const s = await store();
    const progress: ImportProgress[] = [];
    const { results } = await runImport([file(STAFF, 'staff.csv'), file(PROJECTS, 'crm.csv')], {
      store: s, pieceBytes: 50, onProgress: (p) => progress.push(p),
    });
    expect(results.map((r) => [r.fileName, r.kind, r.batch?.rowCount])).toEqual([['staff.csv', 'staff', 2], ['crm.csv', 'projects', 3]]);
    expect(results[1].issues.filter((i) => i.code === 'unknown_staff').map((i) => i.value)).toEqual(['PS9']);
    const ds = await s.loadDataset();
    expect(ds.projects.industry).toEqual(['金融', '金融', '制造\n（离散）']);
    expect(ds.staff.team).toEqual(['华东售前部', '华北,二部']);
    const total = utf8(STAFF).length + utf8(PROJECTS).length;
    expect(progress.every((p) => p.totalBytes === total)).toBe(true);
    expect(progress.map((p) => p.bytes)).toEqual([...progress.map((p) => p.bytes)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ phase: 'write', bytes: total });
  });

  it('knows the staff stored by an earlier import', async () => {
    const s = await store();
    await runImport([file(STAFF, 'staff.csv')], { store: s });
    const { results } = await runImport([file(PROJECTS, 'crm.csv')], { store: s });
    expect(results[0].issues.filter((i) => i.code === 'unknown_staff').map((i) => i.value)).toEqual(['PS9']);
  });

  it('refuses a copy of a stored file read in pieces, while or after its parse, and stores nothing of it', async () => {
    const s = await store();
    const big = STAFF + Array.from({ length: 400 }, (_, i) => `PS${100 + i},姓名${i},mid,consulting,华东售前部`).join('\n') + '\n';
    await runImport([file(big, 'first.csv')], { store: s, pieceBytes: 1024 });
    const { results } = await runImport([file(big, 'copy.csv')], { store: s, pieceBytes: 1024 });
    expect(results[0].refused).toBe('duplicate');
    expect(results[0].refusal?.en).toContain('first.csv');
    expect(await s.listBatches()).toHaveLength(1);
  });

  it('refuses a file already imported, naming the earlier one, and a copy within one drop', async () => {
    const s = await store();
    await runImport([file(STAFF, '人员.csv')], { store: s });
    const { results } = await runImport([file(STAFF, 'again.csv'), file(PROJECTS, 'a.csv'), file(PROJECTS, 'b.csv')], { store: s });
    expect(results.map((r) => r.refused ?? r.batch?.fileName)).toEqual(['duplicate', 'a.csv', 'duplicate']);
    expect(results[0].refusal?.zh).toContain('人员.csv');
    expect(results[2].refusal?.en).toContain('a.csv');
    expect((await s.listBatches()).length).toBe(2);
  });

  it('stores nothing for a file with errors and says why', async () => {
    const s = await store();
    const { results } = await runImport([file('staff_id,name,level,domain\nPS1,x,boss,consulting\n', 'bad.csv')], { store: s });
    expect(results[0].batch).toBeUndefined();
    expect(results[0].issues.some((i) => i.severity === 'error')).toBe(true);
    expect(await s.listBatches()).toEqual([]);
  });

  it('a cancel while reading stores nothing and rejects with a cancelled StoreError', async () => {
    const s = await store();
    const ac = new AbortController();
    const err = await runImport([file(STAFF, 'staff.csv'), file(PROJECTS, 'crm.csv')], {
      store: s, pieceBytes: 30, signal: ac.signal, onProgress: (p) => { if (p.file === 'crm.csv') ac.abort(); },
    }).catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(err.text.zh).toContain('取消');
    expect(await s.listBatches()).toEqual([]);
  });

  it('a cancel arriving as a task mid-parse (the worker gets a message) stops the read early', async () => {
    const s = await store();
    const ac = new AbortController();
    const lines = Array.from({ length: 120_000 }, (_, i) => `F${i},"名字${i}",mid,consulting,华东售前部`);
    const bytes = utf8(['staff_id,name,level,domain,team', ...lines].join('\n'));
    let lastBytes = 0;
    let sent = false;
    const err = await runImport([file(bytes, 'big.csv')], {
      store: s, pieceBytes: 8192, signal: ac.signal,
      onProgress: (p) => {
        if (!sent && p.rows > 0) { sent = true; setTimeout(() => ac.abort(), 0); }
        lastBytes = p.bytes;
      },
    }).catch((e) => e);
    expect(err.code).toBe('cancelled');
    expect(lastBytes).toBeLessThan(bytes.length / 2);
    expect(await s.listBatches()).toEqual([]);
  });

  it('refuses the whole drop when the browser runs out of space', async () => {
    const s = await store();
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'batches') throw new DOMException('full', 'QuotaExceededError');
      return original.apply(this, args);
    };
    const { results } = await runImport([file(STAFF, 'staff.csv'), file(PROJECTS, 'crm.csv')], { store: s })
      .finally(() => { IDBObjectStore.prototype.put = original; });
    expect(results.map((r) => r.refused)).toEqual(['quota', 'quota']);
    expect(results[0].refusal?.zh).toContain('存储空间不足');
    expect(await s.listBatches()).toEqual([]);
  });

  it('takes each file\'s content hash from hashOf when given (the hash worker\'s), by the file\'s index in the drop', async () => {
    const s = await store();
    const calls: [number, string, number][] = [];
    const files = [file(STAFF, 'staff.csv'), file(PROJECTS, 'crm.csv')];
    const { results } = await runImport(files, {
      store: s, hashOf: async (i, f, bytes) => { calls.push([i, f.name, (await bytes).length]); return `hash-of-${f.name}`; },
    });
    expect(calls).toEqual([[0, 'staff.csv', utf8(STAFF).length], [1, 'crm.csv', utf8(PROJECTS).length]]);
    expect(results.map((r) => r.batch?.contentHash)).toEqual(['hash-of-staff.csv', 'hash-of-crm.csv']);
    expect((await s.listBatches()).map((b) => b.contentHash).sort()).toEqual(['hash-of-crm.csv', 'hash-of-staff.csv']);
  });

  it('refuses a file whose hash from hashOf is a stored batch\'s, whatever its bytes', async () => {
    const s = await store();
    const { results: [first] } = await runImport([file(STAFF, 'staff.csv')], { store: s });
    const stored = first.batch!.contentHash;
    const { results } = await runImport([file(PROJECTS, 'crm.csv'), file(PROJECTS + 'P3,PS1,lead,C3,金融,1,won,2026-05-01\r\n', 'crm2.csv')], {
      store: s, hashOf: async (i, _f, bytes) => (i === 0 ? stored : `other-${(await bytes).length}`),
    });
    expect(results.map((r) => r.refused ?? r.batch?.fileName)).toEqual(['duplicate', 'crm2.csv']);
    expect(results[0].refusal?.en).toContain('staff.csv');
    expect((await s.listBatches()).map((b) => b.fileName).sort()).toEqual(['crm2.csv', 'staff.csv']);
  });
});

describe('summarise', () => {
  const issue = (severity: Issue['severity'], i: number): Issue => ({
    severity, file: 'f', row: i, column: null, value: null, code: 'required', message_zh: '', message_en: '',
  });

  it('keeps at most MAX_ISSUES issues, errors first, counts all, and sends no rows', () => {
    const issues = [...Array.from({ length: 900 }, (_, i) => issue('notice', i)), ...Array.from({ length: 300 }, (_, i) => issue('error', i))];
    const r = { fileName: 'f', encoding: 'utf-8', delimiter: ',', kind: 'staff', table: null, rowCount: 0, issues,
      unknownColumns: [], headerLanguage: 'en', lines: new Int32Array(3) } satisfies ImportResult;
    const s = summarise(r, [issue('warning', 0)]);
    expect(s.issues.length).toBe(MAX_ISSUES);
    expect(s.issueTotal).toBe(1201);
    expect(s.issues.slice(0, 300).every((i) => i.severity === 'error')).toBe(true);
    expect(s.issues[300].severity).toBe('warning');
    expect('table' in s || 'lines' in s).toBe(false);
    expect(issues.length).toBe(1200);
  });
});

describe('parsing limits (parseLimits.ts) are reported as what they are, naming the file and line', () => {
  it('a file on one line with 20,000 cells: too many columns on line 1, from the bytes and from the text alike', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',') + '\n';
    const fromBytes = await importBytes(utf8(text), 'one-line.csv');
    const fromText = importCsvText(text, 'one-line.csv');
    for (const r of [fromBytes, fromText]) {
      expect(r.table).toBeNull();
      expect(r.issues.map((i) => [i.severity, i.code, i.row, i.file])).toEqual([['error', 'too_many_columns', 1, 'one-line.csv']]);
      expect(r.issues[0].message_zh).toContain('第 1 行有超过 16384 列');
      expect(r.issues[0].message_en).not.toMatch(/Set maximum|Invalid array|RangeError/);
    }
  });

  it('a line longer than 16 MB is refused on its line, not as a failed save', async () => {
    const text = `staff_id,name,level,domain\nPS1,${'长'.repeat(6 * 1024 * 1024)},mid,consulting\n`;
    const r = await importBytes(utf8(text), 'long-line.csv');
    expect(r.table).toBeNull();
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['record_too_long', 2]]);
    expect(r.issues[0].message_en).toContain('Line 2 is longer than 16 MB');
  });

  it('a text cell over 32,767 characters (Excel\'s cell limit) is refused with its column and line', async () => {
    const text = `staff_id,name,level,domain\nPS1,${'x'.repeat(40_000)},mid,consulting\nPS2,正常,mid,consulting\n`;
    for (const r of [await importBytes(utf8(text), 's.csv'), importCsvText(text, 's.csv')]) {
      expect(r.issues.map((i) => [i.code, i.column, i.row])).toEqual([['cell_too_long', 'name', 2]]);
      expect(r.issues[0].message_zh).toContain('有 40000 个字符，超过 32767');
    }
  });
});

describe('undecodable characters', () => {
  it('warns once when a piece had to be decoded with replacement characters, like the one-pass import', async () => {
    const { importBytes } = await import('./runImport');
    const latin1 = new Uint8Array([...new TextEncoder().encode('staff_id,name,level,domain\nBX1,Jos'), 0xe9, ...new TextEncoder().encode(' M,mid,consulting\n')]);
    const piecewise = await importBytes(latin1, 'latin1.csv', { pieceBytes: 8 });
    const whole = importCsvBytes(latin1, 'latin1.csv');
    expect(piecewise.issues.map((i) => i.code)).toEqual(['undecodable_chars']);
    expect(whole.issues.map((i) => i.code)).toEqual(['undecodable_chars']);
  });
});
