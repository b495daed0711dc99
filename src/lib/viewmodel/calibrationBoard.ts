/**
 * The calibration board (校准会) as numbers: one column per grade S A B C D with the people in
 * it, the band counts of the group shown against the forced-distribution quotas (calibrated
 * and original side by side), a move and its undo as calibration inputs, and the window of a
 * long column that is drawn. The page draws these; it computes nothing itself.
 */
import type { CalibratedResult } from '../engine/calibration';
import { GRADES, type Grade, type Level } from '../engine/codes';
import { bandCounts } from '../engine/forcedDistribution';
import type { BandCount, PersonResult, Scenario } from '../engine/types';

export interface BoardCard {
  staff_id: string;
  name: string;
  team: string;
  level: Level;
  total: number;
  original: Grade;
  final: Grade;
  /** the override's reason; null when the grade is the computed one */
  reason: string | null;
}

export interface BoardColumn { grade: Grade; cards: BoardCard[] }

export interface BoardFilter { team: string | null; level: Level | null }

export type ScoreOrder = 'desc' | 'asc';

export interface Board {
  columns: BoardColumn[];
  /** band counts of the final (calibrated) grades against the quotas of the people shown */
  bands: BandCount[];
  /** the same for the grades before calibration */
  originalBands: BandCount[];
  /** graded people shown */
  size: number;
  /** people in the group without a total (not on the board) */
  ungraded: number;
  /** teams and levels present in all results, for the filters ('' = no team) */
  teams: string[];
  levels: Level[];
}

const gradeIndex = (g: Grade) => GRADES.indexOf(g);

/**
 * The board of `results` (one period, overrides applied) for the people matching `filter`,
 * each column sorted by total (`order`, ties by staff_id). Targets are the quotas of the group
 * shown (§6 rounding of its size). The input is not changed.
 * `buildBoard(results, scenario.forced_distribution.shares, { team: '华东', level: null }).columns[1].cards`.
 */
export function buildBoard(
  results: readonly CalibratedResult[], shares: Scenario['forced_distribution']['shares'],
  filter: BoardFilter = { team: null, level: null }, order: ScoreOrder = 'desc',
): Board {
  const columns: BoardColumn[] = GRADES.map((grade) => ({ grade, cards: [] }));
  const teams = new Set<string>();
  const levels = new Set<Level>();
  const finals: number[] = [];
  const originals: number[] = [];
  let ungraded = 0;
  for (const r of results) {
    teams.add(r.team);
    levels.add(r.level);
    if (filter.team !== null && r.team !== filter.team) continue;
    if (filter.level !== null && r.level !== filter.level) continue;
    if (r.total === null || r.final_grade === null) { ungraded++; continue; }
    const original = r.original_grade ?? r.final_grade;
    columns[gradeIndex(r.final_grade)].cards.push({
      staff_id: r.staff_id, name: r.name, team: r.team, level: r.level, total: r.total,
      original, final: r.final_grade, reason: r.override_reason,
    });
    finals.push(gradeIndex(r.final_grade));
    originals.push(gradeIndex(original));
  }
  const sign = order === 'desc' ? -1 : 1;
  for (const c of columns) {
    c.cards.sort((a, b) => sign * (a.total - b.total) || (a.staff_id < b.staff_id ? -1 : a.staff_id > b.staff_id ? 1 : 0));
  }
  return {
    columns,
    bands: bandCounts(finals, shares, finals.length),
    originalBands: bandCounts(originals, shares, originals.length),
    size: finals.length,
    ungraded,
    teams: [...teams].sort(),
    levels: (['junior', 'mid', 'senior'] as const).filter((l) => levels.has(l)),
  };
}

/** Where a card is: `findCard(board, 'PS1001')?.final`. */
export function findCard(board: Board, staff_id: string): BoardCard | null {
  for (const c of board.columns) {
    const card = c.cards.find((x) => x.staff_id === staff_id);
    if (card) return card;
  }
  return null;
}

/** A move made on the board, kept for undo. */
export interface BoardMove { staff_id: string; name: string; from: Grade; to: Grade; reason: string }

/**
 * The move of a card to `to`, or null when there is nothing to move (unknown person, same
 * column). `planMove(board, 'PS1001', 'A')` → `{ staff_id, name, from: 'B', to: 'A' }`.
 */
export function planMove(board: Board, staff_id: string, to: Grade): Omit<BoardMove, 'reason'> | null {
  const card = findCard(board, staff_id);
  if (!card || card.final === to) return null;
  return { staff_id, name: card.name, from: card.final, to };
}

/**
 * The grade a key moves a focused card to: S/A/B/C/D (either case) that grade, ArrowLeft
 * one grade up (towards S), ArrowRight one down (towards D); null for any other key or
 * past the ends. `keyTarget('ArrowLeft', 'B')` → 'A'.
 */
export function keyTarget(key: string, from: Grade): Grade | null {
  const upper = key.length === 1 ? key.toUpperCase() : key;
  if ((GRADES as readonly string[]).includes(upper)) return upper === from ? null : (upper as Grade);
  const i = gradeIndex(from);
  if (key === 'ArrowLeft') return i > 0 ? GRADES[i - 1] : null;
  if (key === 'ArrowRight') return i < GRADES.length - 1 ? GRADES[i + 1] : null;
  return null;
}

/**
 * The calibration that undoes the last move: the person back to the grade before it, with
 * `reason` (the page words it, e.g. '撤销上一步：<reason>'). It is logged like any move, so
 * the log keeps both. `undoInput(moves.at(-1)!, '撤销')` → `{ staff_id, to: from, reason }`.
 */
export function undoInput(move: BoardMove, reason: string): { staff_id: string; to: Grade; reason: string } {
  return { staff_id: move.staff_id, to: move.from, reason };
}

/**
 * The rows of a long column to draw (a window over it): from `start` to `end` (exclusive),
 * with `overscan` extra rows each side, clamped to the column. Rows have a fixed height.
 * `visibleRange(440, 400, 44, 1000)` → `{ start: 5, end: 25 }` (rows 10–19 seen, 5 either side).
 */
export function visibleRange(
  scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 5,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const seen = Math.ceil(Math.max(viewport, rowHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + seen + overscan) };
}

/**
 * Band counts of a period's results before and after calibration, for a chart beside the
 * target (Overview's toggle). Rows without `original_grade` (nothing calibrated) count the
 * same in both. `calibratedBands(scoring.results, shares, { team: null, level: null }).bands`.
 */
export function calibratedBands(
  results: readonly (PersonResult & Partial<Pick<CalibratedResult, 'original_grade' | 'override_reason'>>)[],
  shares: Scenario['forced_distribution']['shares'], filter: BoardFilter = { team: null, level: null },
): { bands: BandCount[]; originalBands: BandCount[] } {
  const rows = results.map((r) => ({ ...r, original_grade: r.original_grade ?? r.final_grade, override_reason: r.override_reason ?? null }));
  const { bands, originalBands } = buildBoard(rows, shares, filter);
  return { bands, originalBands };
}
