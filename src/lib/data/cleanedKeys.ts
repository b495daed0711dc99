/**
 * One text column's invisible characters (keyText.ts), removed as its cells are read and
 * reported once per column: the first line, the cell as it was, how many cells.
 */
import { cleanKey, showInvisible } from '../engine/keyText';
import type { IssueLog } from './issues';

export class CleanedKeys {
  count = 0;
  private line = 0;
  private raw = '';

  /** The cleaned text of a cell that `needsCleaning`; remembers where the first one was. */
  clean(s: string, line: number, raw: string): string {
    if (this.count++ === 0) {
      this.line = line;
      this.raw = raw;
    }
    return cleanKey(s);
  }

  /** One notice for the column, when any cell was cleaned. */
  report(log: IssueLog, column: string): void {
    if (this.count > 0) log.add('notice', 'invisible_chars', this.line, column, showInvisible(this.raw), { count: this.count });
  }
}
