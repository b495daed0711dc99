/**
 * The line breaks of a CSV file: the one papaparse guesses, and files that end lines two ways.
 *
 * Files that end lines two ways. Excel writes CR LF; rows added afterwards in a text editor or
 * appended by a script often end in a bare LF. Read with CR LF as the line break (what the
 * file's first lines say), each LF-ended row would merge into the row after it, and the
 * importer would report the merged values as wrong; read with LF, CR LF rows would keep a CR.
 * When the first 1 MB (the text papaparse guesses the line break from) holds both a CR LF and
 * a bare LF outside quotes, the file is read with every CR LF as LF instead, and a notice says
 * so. Both readers, from bytes (runImport.ts) and from text (csvImport.ts), decide on the same
 * sample, so they give the same rows. A file whose second kind of line break starts only after
 * its first 1 MB is read as before.
 */
import Papa from 'papaparse';
import { makeIssue, type Issue } from './issues';

/** papaparse guesses the line break from the first 1 MB of its input. */
export const NEWLINE_SAMPLE_CHARS = 1024 * 1024;

/**
 * The line break papaparse guesses for `text` (from its first 1 MB), decided once per file so
 * that pieces and chunks never change it. `guessNewline('a,b\r\n1,2', ',') === '\r\n'`.
 */
export function guessNewline(text: string, delimiter: string): '\r\n' | '\n' | '\r' {
  return Papa.parse(text.slice(0, NEWLINE_SAMPLE_CHARS), { delimiter, preview: 1 }).meta.linebreak as '\r\n' | '\n' | '\r';
}

/**
 * Whether `sample` ends lines both with CR LF and with a bare LF, outside double quotes: a
 * line break inside a quoted cell is text (Excel's Alt+Enter) and does not count.
 * @example mixedLineBreaks('a,b\r\n1,2\n3,4') // true
 * @example mixedLineBreaks('a,b\r\n"1\n2",3\r\n') // false
 * @example mixedLineBreaks('a,b\n"1\r\n2",3\n') // false
 */
export function mixedLineBreaks(sample: string): boolean {
  let quoted = false, crlf = false, lf = false;
  for (let i = sample.indexOf('\n'), from = 0; i !== -1; from = i + 1, i = sample.indexOf('\n', i + 1)) {
    // Quotes between the previous LF and this one: each flips whether we are inside a quoted cell.
    for (let q = sample.indexOf('"', from); q !== -1 && q < i; q = sample.indexOf('"', q + 1)) quoted = !quoted;
    if (quoted) continue;
    if (i > 0 && sample.charCodeAt(i - 1) === 13) crlf = true;
    else lf = true;
    if (crlf && lf) return true;
  }
  return false;
}

/**
 * The bytes with the CR of every CR LF removed (a new array); in UTF-8 and GB18030 the bytes
 * 0x0D and 0x0A are never part of another character.
 * @example crlfToLf(Uint8Array.of(97, 13, 10, 98)) // Uint8Array [97, 10, 98]
 */
export function crlfToLf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  let n = 0, from = 0;
  for (let i = bytes.indexOf(13); i !== -1; i = bytes.indexOf(13, i + 1)) {
    if (bytes[i + 1] !== 10) continue;
    out.set(bytes.subarray(from, i), n);
    n += i - from;
    from = i + 1;
  }
  out.set(bytes.subarray(from), n);
  n += bytes.length - from;
  return out.slice(0, n);
}

/** The notice that a file's line breaks were mixed and how it was read. */
export function mixedLineBreaksIssue(fileName: string): Issue {
  return makeIssue('notice', 'mixed_line_breaks', fileName, null, null, null);
}
