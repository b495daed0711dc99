import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crlfToLf, mixedLineBreaks } from './lineBreaks';
import { importCsvBytes } from './csvImport';
import { importBytes } from './runImport';
import { plain } from './storeTestTables';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('mixedLineBreaks', () => {
  it.each([
    ['CR LF header, LF rows (appended in an editor)', 'a,b\r\n1,2\n3,4\n', true],
    ['LF first, CR LF later', 'a,b\n1,2\r\n', true],
    ['CR LF only', 'a,b\r\n1,2\r\n', false],
    ['LF only', 'a,b\n1,2\n', false],
    ['CR LF file, LF inside a quoted cell', 'a,b\r\n"1\n2",3\r\n', false],
    ['LF file, CR LF inside a quoted cell', 'a,b\n"1\r\n2",3\n', false],
    ['escaped quotes before a bare LF', 'a,b\r\n"x""y",2\n3,4\r\n', true],
    ['no line break', 'a,b', false],
  ])('%s → %s', (_, text, mixed) => {
    expect(mixedLineBreaks(text)).toBe(mixed);
  });
});

describe('crlfToLf', () => {
  it('removes exactly the CR of each CR LF (property: as String.replaceAll on the text)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '中', '\r', '\n', '\r\n', ',', '"'), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      expect(new TextDecoder().decode(crlfToLf(utf8(text)))).toBe(text.replaceAll('\r\n', '\n'));
    }));
  });
});

describe('a file with CR LF and LF lines', () => {
  // Excel's header and first row, then rows appended in a text editor.
  const text = 'staff_id,name,level,domain\r\nPS1,张三,mid,consulting\r\nPS2,李四,junior,product_expert\nPS3,"王\n五",senior,consulting\n';

  it('reads every line as a row, with a notice, from bytes and from text alike', async () => {
    const bytes = utf8(text);
    const whole = importCsvBytes(bytes, 'staff.csv');
    expect(whole.rowCount).toBe(3);
    const staff = whole.table as unknown as { staff_id: string[]; name: string[] };
    expect(staff.staff_id).toEqual(['PS1', 'PS2', 'PS3']);
    expect(staff.name).toEqual(['张三', '李四', '王\n五']);
    expect(whole.issues.filter((i) => i.severity !== 'notice')).toEqual([]);
    const notice = whole.issues.find((i) => i.code === 'mixed_line_breaks')!;
    expect(notice.message_zh).toContain('CRLF');
    expect(notice.message_en).toContain('bare LF');
    for (const pieceBytes of [7, 64, 1 << 20]) {
      const piecewise = await importBytes(bytes, 'staff.csv', { pieceBytes });
      expect({ ...piecewise, table: plain(piecewise.table!), lines: Array.from(piecewise.lines) })
        .toEqual({ ...whole, table: plain(whole.table!), lines: Array.from(whole.lines) });
    }
  });

  it('a file with one kind of line break gets no notice', () => {
    for (const nl of ['\n', '\r\n']) {
      const r = importCsvBytes(utf8(['staff_id,name,level,domain', 'PS1,张三,mid,consulting', ''].join(nl)), 's.csv');
      expect(r.rowCount).toBe(1);
      expect(r.issues.map((i) => i.code)).not.toContain('mixed_line_breaks');
    }
  });
});
