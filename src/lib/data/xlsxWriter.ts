/**
 * A small .xlsx writer for the app's exports (results, scheme, calibration log, validation
 * report): real number and boolean cells with number formats, a bold frozen header row with a
 * filter, column widths. Office Open XML written by hand and zipped with fflate (already in the
 * page for backups), so an export needs no workbook library in the page.
 *
 * Text cells are inline strings, never formulas; text that a spreadsheet would take for a
 * formula once edited (`=`, `+`, `-`, `@` first) is also marked "quote prefix" (Excel's own
 * leading-apostrophe flag), the xlsx form of the CSV export's formula-injection guard.
 */
import { strToU8, zipSync } from 'fflate';

export type XlsxValue = string | number | boolean | null;
/** How a column's numbers are shown: whole numbers, two decimals, a percentage. */
export type XlsxFormat = 'integer' | 'decimal2' | 'percent' | 'general';

export interface XlsxColumn { header: string; width?: number; format?: XlsxFormat }
export interface XlsxSheet { name: string; columns: XlsxColumn[]; rows: XlsxValue[][] }

/** Excel refuses sheet names over 31 characters or with any of []:*?/\ in them. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
}

/** Characters XML 1.0 cannot hold (control characters other than tab, LF, CR; lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const escapeXml = (s: string) =>
  s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FORMULA_START = /^[=+\-@\t\r]/;

/** Column letters: 0 → A, 26 → AA. */
function col(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// Style indexes of styles.xml below.
const S_HEADER = 1, S_INTEGER = 2, S_DECIMAL2 = 3, S_PERCENT = 4, S_TEXT_GUARDED = 5;
const NUMBER_STYLE: Record<XlsxFormat, number> = { general: 0, integer: S_INTEGER, decimal2: S_DECIMAL2, percent: S_PERCENT };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEDEFF2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cellXml(ref: string, v: XlsxValue, numberStyle: number): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return `<c r="${ref}"${numberStyle ? ` s="${numberStyle}"` : ''}><v>${v}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  const guarded = FORMULA_START.test(v) ? ` s="${S_TEXT_GUARDED}"` : '';
  return `<c r="${ref}" t="inlineStr"${guarded}><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

function sheetXml(sheet: XlsxSheet): string {
  const n = sheet.columns.length;
  const last = `${col(Math.max(0, n - 1))}${sheet.rows.length + 1}`;
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 12}" customWidth="1"/>`).join('');
  const head = `<row r="1">${sheet.columns.map((c, i) => `<c r="${col(i)}1" t="inlineStr" s="${S_HEADER}"><is><t xml:space="preserve">${escapeXml(c.header)}</t></is></c>`).join('')}</row>`;
  const styles = sheet.columns.map((c) => NUMBER_STYLE[c.format ?? 'general']);
  const body: string[] = [];
  sheet.rows.forEach((row, r) => {
    let cells = '';
    for (let i = 0; i < n; i++) cells += cellXml(`${col(i)}${r + 2}`, row[i] ?? null, styles[i]);
    body.push(`<row r="${r + 2}">${cells}</row>`);
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${last}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${n ? `<cols>${cols}</cols>` : ''}<sheetData>${head}${body.join('')}</sheetData>${n ? `<autoFilter ref="A1:${last}"/>` : ''}</worksheet>`;
}

/**
 * The workbook's bytes. Sheet names are made valid (sheetName) and unique.
 * `writeXlsx([{ name: '结果', columns: [{ header: '工号' }], rows: [['PS1']] }])` starts with 'PK'.
 */
export function writeXlsx(sheets: XlsxSheet[]): Uint8Array {
  const names: string[] = [];
  for (const s of sheets) {
    let name = sheetName(s.name);
    for (let k = 2; names.includes(name); k++) name = `${sheetName(s.name).slice(0, 28)} (${k})`;
    names.push(name);
  }
  const xml = (s: string) => strToU8(s);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': xml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`),
    '_rels/.rels': xml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': xml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': xml(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': xml(STYLES),
  };
  sheets.forEach((s, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = xml(sheetXml(s)); });
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00') });
}
