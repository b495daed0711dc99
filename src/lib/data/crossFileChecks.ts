/**
 * Checks across the files of one import: staff IDs used in other files but not in the staff file.
 */
import type { ImportResult } from './csvImport';
import { IssueLog, type Issue } from './issues';
import { SCHEMAS } from './schema';

/**
 * Staff IDs used in other files but absent from the staff file — a warning, one per ID and
 * file with its first line and row count.
 * `crossFileChecks(new Set(['PS1']), [projectsResult])` warns about every other ID.
 */
export function crossFileChecks(staffIds: ReadonlySet<string>, results: ImportResult[]): Issue[] {
  const out: Issue[] = [];
  for (const r of results) {
    if (r.table === null || r.kind === 'staff' || !('staff_id' in r.table)) continue;
    const ids = (r.table as { staff_id: string[] }).staff_id;
    const missing = new Map<string, { row: number; count: number }>();
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === '' || staffIds.has(ids[i])) continue;
      const m = missing.get(ids[i]);
      if (m) m.count++;
      else missing.set(ids[i], { row: r.lines[i] ?? null, count: 1 });
    }
    const log = new IssueLog(r.fileName);
    const column = r.headerLanguage === 'zh' ? SCHEMAS.staff.columns[0].zh : 'staff_id';
    for (const [id, m] of missing) log.add('warning', 'unknown_staff', m.row, column, id, { count: m.count });
    out.push(...log.finish());
  }
  return out;
}
