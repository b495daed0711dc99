/**
 * One column of a CSV file as the importer reads it: its rule, its place, its type code (the
 * hot loop switches on a small integer), the builder its cells go to, and what it notes.
 */
import { Interner } from './byteCsv';
import { NumBuilder, TextBuilder } from './columnBuilders';
import { ColumnNote } from './columnNote';
import { plausibleWindow } from './plausible';
import { enumLookup, enumText, type ColumnRule } from './schema';
import type { CsvIssueCode } from './issues';

export const T_TEXT = 0, T_NUM = 1, T_BOOL = 2, T_ENUM = 3, T_DATE = 4, T_DATETIME = 5, T_ACTIVITY = 6, T_PERIOD = 7;
export const TYPE_CODE = { text: T_TEXT, number: T_NUM, integer: T_NUM, boolean: T_BOOL, enum: T_ENUM, date: T_DATE, datetime: T_DATETIME, activity_type: T_ACTIVITY, period: T_PERIOD } as const;
/** The issue for a cell that does not parse, by column type (text and activity types always parse). */
export const FORMAT_CODE: readonly (CsvIssueCode | null)[] = [null, 'not_number', 'not_boolean', 'not_enum', 'not_date', 'not_datetime', null, 'not_period'];

export interface Col {
  rule: ColumnRule;
  pos: number;
  written: string;
  t: number;
  required: boolean;
  checksNumber: boolean;
  num: NumBuilder | null;
  str: TextBuilder | null;
  lookup: Map<string, number> | null;
  interner: Interner;
  /** text columns: cells cleaned of invisible characters (keyText.ts) */
  cleaned: ColumnNote | null;
  /** dates and some numbers: values outside [lo, hi] import with a warning (plausible.ts) */
  odd: ColumnNote | null;
  lo: number;
  hi: number;
}

/** Extra parameters of a cell's format message (allowed values, `%` hint). */
export function formatParams(c: Col): { zh?: string; en?: string } {
  if (c.t === T_ENUM) return { zh: enumText(c.rule, 'zh'), en: enumText(c.rule, 'en') };
  if (c.t === T_NUM && c.rule.percent) return { zh: ' 或 85%', en: ' or 85%' };
  return {};
}

/** The reader of column `rule` found at header position `pos`, written `written` in the file. */
export function makeCol(rule: ColumnRule, pos: number, written: string, expectedRows: number): Col {
  const t = TYPE_CODE[rule.type];
  const isNum = t !== T_TEXT && t !== T_ACTIVITY && t !== T_PERIOD;
  return {
    rule, pos, written, t, required: !!rule.required,
    checksNumber: t === T_NUM && (rule.type === 'integer' || rule.min !== undefined || rule.max !== undefined),
    num: isNum ? new NumBuilder(expectedRows) : null, str: isNum ? null : new TextBuilder(expectedRows),
    lookup: t === T_ENUM ? enumLookup(rule) : null,
    interner: new Interner(),
    cleaned: t === T_TEXT ? new ColumnNote() : null,
    ...plausibleWindow(rule),
  };
}
