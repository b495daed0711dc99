/**
 * The People page's search and sort (人员). Kept in the app's state, not the page, so opening
 * a person and coming back (or Back in the browser) finds the list as it was left.
 */
import type { SortKey } from '../viewmodel/peopleTable';

export type SortDir = 'asc' | 'desc';

/** Text columns read best A→Z first; figures best highest first. */
const ASCENDING_FIRST: readonly SortKey[] = ['staff_id', 'name', 'team', 'rank'];

export class PeopleView {
  #search = $state('');
  #sortKey = $state<SortKey>('total');
  #sortDir = $state<SortDir>('desc');

  get search(): string { return this.#search; }
  get sortKey(): SortKey { return this.#sortKey; }
  get sortDir(): SortDir { return this.#sortDir; }

  /** `view.setSearch('张')`: the text the list is narrowed to (name or staff id). */
  setSearch(text: string): void {
    this.#search = text;
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
