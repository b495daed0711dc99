/**
 * The "before" of a workshop (演示前): everyone's final grade pinned at the start of a
 * presentation, and how the grades of now compare with it, band by band. Pure functions over
 * grade arrays; the snapshot is keyed by staff_id, so it survives a re-import or a new model.
 * Grade codes are GRADES indices (0–4 = S…D); any other code means "no grade".
 */
import { GRADES } from '../engine/codes';
import type { Text } from '../i18n/text';
import { BANDS, type Band } from '../charts/distribution';

/** A model row the snapshot does not know (joined after the pin). */
export const NOT_PINNED = 254;

export interface PinnedGrades {
  /** when the snapshot was taken (ISO 8601) */
  at: string;
  periodId: string;
  /** the scenario in force when pinned */
  scenario: Text;
  /** staff_id → grade code at the pin (255 = no grade) */
  grades: Record<string, number>;
}

/**
 * Everyone's final grade, by staff_id.
 * @example pinGrades(Uint8Array.of(0, 2), Int32Array.of(1, 0), ['PS1', 'PS2'], meta).grades // { PS2: 0, PS1: 2 }
 */
export function pinGrades(final: ArrayLike<number>, staffIndex: ArrayLike<number>, staffIds: readonly string[],
  meta: Omit<PinnedGrades, 'grades'>): PinnedGrades {
  const grades: Record<string, number> = {};
  for (let i = 0; i < staffIndex.length; i++) grades[staffIds[staffIndex[i]]] = final[i];
  return { ...meta, grades };
}

/**
 * The pinned grade of each model row (NOT_PINNED for people the snapshot does not hold), so that
 * comparing with the grades of now is one pass over two arrays, as cheap as a slider move needs.
 * @example alignPinned({ …, grades: { PS2: 0 } }, Int32Array.of(1, 0), ['PS1', 'PS2']) // Uint8Array [254, 0]
 */
export function alignPinned(pinned: PinnedGrades, staffIndex: ArrayLike<number>, staffIds: readonly string[]): Uint8Array {
  const out = new Uint8Array(staffIndex.length);
  for (let i = 0; i < staffIndex.length; i++) {
    const g = pinned.grades[staffIds[staffIndex[i]]];
    out[i] = typeof g === 'number' && g >= 0 && g <= 255 ? g : NOT_PINNED;
  }
  return out;
}

export interface BeforeAfter {
  /** people per band at the pin, of those the snapshot holds */
  before: Record<Band, number>;
  /** people per band now */
  now: Record<Band, number>;
  /** people whose grade now differs from the pinned one (graded then or not) */
  changed: number;
  /** of those, graded both times with a better grade now */
  up: number;
  /** of those, graded both times with a worse grade now */
  down: number;
  /** people graded now whom the snapshot does not hold */
  notPinned: number;
}

const bandOf = (g: number): Band | null => (g < 2 ? (GRADES[g] as Band) : g === 2 ? 'B' : g < GRADES.length ? 'CD' : null);
const zeros = (): Record<Band, number> => Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;

/**
 * Band counts at the pin and now, and who moved, over `rows` (model rows, e.g. the graded people
 * the dashboard's filters leave). One pass, nothing allocated per person.
 * @example beforeAfter(Uint8Array.of(1, 2), Uint8Array.of(0, 2), [0, 1]) // before A 1 B 1, now S 1 B 1, changed 1, up 1
 */
export function beforeAfter(aligned: ArrayLike<number>, final: ArrayLike<number>, rows: ArrayLike<number>): BeforeAfter {
  const before = zeros();
  const now = zeros();
  let changed = 0;
  let up = 0;
  let down = 0;
  let notPinned = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const g = final[i];
    const nowBand = bandOf(g);
    if (nowBand) now[nowBand]++;
    const p = aligned[i];
    if (p === NOT_PINNED) { notPinned++; continue; }
    const pinnedBand = bandOf(p);
    if (pinnedBand) before[pinnedBand]++;
    const was = p < GRADES.length ? p : -1;
    const is = g < GRADES.length ? g : -1;
    if (was === is) continue;
    changed++;
    if (was >= 0 && is >= 0) { if (is < was) up++; else down++; }
  }
  return { before, now, changed, up, down, notPinned };
}
