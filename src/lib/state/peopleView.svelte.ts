/**
 * The People page's search and sort (人员). Kept in the app's state, not the page, so opening
 * a person and coming back (or Back in the browser) finds the list as it was left.
 */
import type { SortKey } from '../viewmodel/peopleTable';

export type SortDir = 'asc' | 'desc';

/** Text columns read best A→Z first; figures best highest first. */
const ASCENDING_FIRST: readonly SortKey[] = ['staff_id', 'name', 'team', 'rank'];

/**
 * How long the list waits after the last key before it filters: at 10,000 staff filtering and
 * redrawing on every key made typing stall (issue #19); a pause this short is not noticed.
 */
export const SEARCH_PAUSE_MS = 200;

export class PeopleView {
  /** What the search box holds (at once). */
  #text = $state('');
  /** What the list is filtered by (after the pause). */
  #search = $state('');
  #timer: ReturnType<typeof setTimeout> | null = null;
  #sortKey = $state<SortKey>('total');
  #sortDir = $state<SortDir>('desc');

  /** The text in the search box. */
  get text(): string { return this.#text; }
  /** The text the list is narrowed to (name or staff id): `text` once typing paused. */
  get search(): string { return this.#search; }
  get sortKey(): SortKey { return this.#sortKey; }
  get sortDir(): SortDir { return this.#sortDir; }

  /** `view.setSearch('张')`: a key typed into the search box; the list follows SEARCH_PAUSE_MS after the last one. */
  setSearch(text: string): void {
    this.#text = text;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.applySearch(), SEARCH_PAUSE_MS);
  }

  /** Filter by the box's text now (Enter). */
  applySearch(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#search = this.#text;
  }

  /**
   * A click on a column header: the same column flips the direction; another column starts in
   * its natural direction. `view.sortBy('name')` → name A→Z; again → Z→A.
   */
  sortBy(key: SortKey): void {
    if (this.#sortKey === key) {
      this.#sortDir = this.#sortDir === 'asc' ? 'desc' : 'asc';
      return;
    }
    this.#sortKey = key;
    this.#sortDir = ASCENDING_FIRST.includes(key) ? 'asc' : 'desc';
  }
}
