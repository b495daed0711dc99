/**
 * Writes the small files of the bad-input corpus (test/bad-input/files/), so every byte of
 * them is explained here. Run `npx tsx test/bad-input/make-corpus.ts` after changing it;
 * the files are committed. The 1,000,000-row file is not: `writeMillionRowFile` makes it at
 * test time (≈ 88 MB).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { generateProjectsCsv } from '../../src/lib/demo/big';
import standardPreset from '../../src/lib/engine/presets/standard.json';

export const CORPUS_DIR = fileURLToPath(new URL('./files/', import.meta.url));

const HEAD = 'staff_id,name,level,domain,team,manager,salary,hired_on,left_on';
const staff = (rows: string[], nl = '\n') => [HEAD, ...rows].join(nl) + nl;
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function utf16(s: string, le: boolean, bom: boolean): Buffer {
  const body = Buffer.from(s, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
}

/** Latin-1 (Windows-1252) bytes, what Excel on a Western-European Windows writes as "CSV". */
const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** A real, minimal .xlsx (a zip with the parts Excel needs to open it). */
function workbook(): Buffer {
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  return Buffer.from(zipSync({
    '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人员" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>staff_id</t></is></c></row></sheetData></worksheet>'),
  }, { mtime: new Date('2026-01-01T00:00:00Z') }));
}

/** Deterministic bytes with NULs and every other value: a file that is not text at all. */
function binary(): Buffer {
  const b = Buffer.alloc(4096);
  let x = 0x12345678;
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  b[3] = 0;
  return b;
}

const ROW = (id: string, name: string, extra = '') => `${id},${name},mid,consulting,华东售前部,王芳,28000,2020-03-01,${extra}`;
const LONG = '长'.repeat(10_000);

/** File name → bytes. Staff ids start with BX so they never collide with the demo's. */
export const SMALL_FILES: Record<string, Buffer> = {
  'utf16le-bom.csv': utf16(staff([ROW('BX0001', '张三')], '\r\n'), true, true),
  'utf16be-bom.csv': utf16(staff([ROW('BX0002', '李四')], '\r\n'), false, true),
  'utf16le-no-bom.csv': utf16(staff([ROW('BX0003', 'Wang Wu')], '\r\n'), true, false),
  'latin1.csv': latin1(staff(['BX0004,José Müller,mid,consulting,EMEA Presales,Jürgen Weiß,5200,2020-03-01,', 'BX0005,Zoë Ångström,senior,product_expert,EMEA Presales,Jürgen Weiß,6100,2019-11-15,'], '\r\n')),
  'utf8-bom.csv': Buffer.concat([BOM, utf8(staff([ROW('BX0006', '赵六')]))]),
  'utf8-double-bom.csv': Buffer.concat([BOM, BOM, utf8(staff([ROW('BX0007', '钱七')]))]),
  'utf8-bom-gbk-body.csv': Buffer.concat([BOM, Buffer.from([0xb9, 0xa4, 0xba, 0xc5]) /* 工号 in GBK */, latin1(',name,level,domain\nBX0008,x,mid,consulting\n')]),
  'crlf.csv': utf8(staff([ROW('BX0010', '孙八'), ROW('BX0011', '周九')], '\r\n')),
  'lf.csv': utf8(staff([ROW('BX0012', '吴十'), ROW('BX0013', '郑一')], '\n')),
  'cr-only.csv': utf8(staff([ROW('BX0014', '冯二'), ROW('BX0015', '陈三')], '\r')),
  'quoted-newlines.csv': utf8(staff([`BX0016,"褚 ""四""",mid,consulting,"华东\n售前部","王\r\n芳",28000,2020-03-01,`])),
  'header-only.csv': utf8(HEAD + '\r\n'),
  'empty.csv': Buffer.alloc(0),
  'blank-lines.csv': utf8('\r\n\r\n   \r\n'),
  'binary.csv': binary(),
  'workbook.xlsx.csv': workbook(),
  'duplicate-headers.csv': utf8('staff_id,name,level,domain,name\nBX0020,甲,mid,consulting,乙\n'),
  'missing-required.csv': utf8('staff_id,name,domain,team\nBX0021,甲,consulting,华东售前部\n'),
  'long-cells.csv': utf8(staff([ROW('BX0022', LONG), `BX0023,正常,mid,consulting,${LONG},王芳,28000,2020-03-01,`])),
  'formula-name.csv': utf8(staff([ROW('BX0024', '"=HYPERLINK(""http://x"",""y"")"'), ROW('BX0025', '+1-2'), ROW('BX0026', '@SUM(A1)')])),
  'markup-name.csv': utf8(staff([ROW('BX0027', '<img src=x onerror=alert(1)>'), ROW('BX0028', '"<script>window.__pwned=1</script>"')])),
  'bad-number.csv': utf8(staff([ROW('BX0029', '甲').replace('28000', '1.2.3'), ROW('BX0030', '乙')])),
  'bad-date.csv': utf8(staff([ROW('BX0031', '甲').replace('2020-03-01', '2026-02-30'), ROW('BX0032', '乙')])),
  // Hostile input (#19): a plain zip, invisible characters in keys, dates and numbers out of range, one endless line.
  'zip-archive.csv': Buffer.from(zipSync({ 'staff.csv': strToU8(staff([ROW('BX0040', '甲')])) }, { mtime: new Date('2026-01-01T00:00:00Z') })),
  'invisible-key.csv': utf8(staff([ROW('BX0041', '王五'), ROW('BX0041\u200b', '王五')])),
  'date-placeholder.csv': utf8(staff([ROW('BX0042', '甲').replace('2020-03-01', '1900-01-01'), ROW('BX0043', '乙')])),
  'date-out-of-range.csv': utf8(staff([ROW('BX0044', '甲', '9999-12-31')])),
  'salary-underflow.csv': utf8(staff([ROW('BX0045', '甲').replace('28000', '1e-400')])),
  'salary-beyond-2-53.csv': utf8(staff([ROW('BX0046', '甲').replace('28000', '9007199254740993')])),
  'salary-implausible.csv': utf8(staff([ROW('BX0047', '甲').replace('28000', '99999999')])),
  'count-implausible.csv': utf8('staff_id,date,type,count\nBX0006,2026-03-03,visit,99999999999\n'),
  'one-line-wide.csv': utf8(Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')),
};

export const SCENARIO_DIR = fileURLToPath(new URL('./scenarios/', import.meta.url));

/** A copy of the standard preset with `change` applied, as scenario file bytes. */
function scenario(change: (s: Record<string, any>) => void): Buffer {
  const s = structuredClone(standardPreset) as Record<string, any>;
  change(s);
  return utf8(`${JSON.stringify(s, null, 2)}\n`);
}

/** Hostile scenario files (#19): each refused by parseScenario naming the field and the allowed range. */
export const SCENARIO_FILES: Record<string, Buffer> = {
  'cap-1e308.json': scenario((s) => { s.scoring.cap = 1e308; }),
  'bonus-slope-1e308.json': scenario((s) => { s.scoring.bonus_slope = 1e308; }),
  'weights-1e308.json': scenario((s) => { for (const i of s.indicators) i.weight = 1e308; }),
  'weights-5e-324.json': scenario((s) => { for (const i of s.indicators) i.weight = 5e-324; }),
  'weights-all-zero.json': scenario((s) => { for (const i of s.indicators) i.weight = 0; s.profiles = {}; }),
  'long-name.json': scenario((s) => { s.name = '名'.repeat(5000); }),
};

/** The projects file of 1,000,000 rows whose very last row has the amount `1.2.3`: refused as a whole. */
export const MILLION_ROWS = 1_000_000;
export function writeMillionRowFile(dir: string): string {
  const text = generateProjectsCsv(MILLION_ROWS, 7);
  const cut = text.lastIndexOf('\n', text.length - 2) + 1;
  // The first five cells never hold commas; the amount (sixth) may be quoted ("1,230,000").
  const last = text.slice(cut).replace(/^((?:[^,]*,){5})("[^"]*"|[^,]*)/, (_, head: string) => `${head}1.2.3`);
  const path = join(dir, 'million-rows.csv');
  writeFileSync(path, text.slice(0, cut) + last);
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(SMALL_FILES)) writeFileSync(join(CORPUS_DIR, name), bytes);
  console.log(`wrote ${Object.keys(SMALL_FILES).length} files to ${CORPUS_DIR}`);
  mkdirSync(SCENARIO_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(SCENARIO_FILES)) writeFileSync(join(SCENARIO_DIR, name), bytes);
  console.log(`wrote ${Object.keys(SCENARIO_FILES).length} files to ${SCENARIO_DIR}`);
}
