/**
 * Something to tell about one column that may hold for many of its cells (invisible characters
 * cleaned from keys, a date outside the plausible window, a count above its usual maximum):
 * counted per cell at the cost of an increment, reported once with the first line and cell.
 */
import type { CsvIssueCode, IssueLog, MsgParams, Severity } from './issues';

export class ColumnNote {
  count = 0;
  private line = 0;
  private raw = '';

  note(line: number, raw: string): void {
    if (this.count++ === 0) {
      this.line = line;
      this.raw = raw;
    }
  }

  /** One issue for the column, when any cell was noted; `show` turns the first cell into the value shown. */
  report(log: IssueLog, severity: Severity, code: CsvIssueCode, column: string, params: MsgParams = {}, show = (raw: string) => raw): void {
    if (this.count > 0) log.add(severity, code, this.line, column, show(this.raw), { count: this.count, ...params });
  }
}
