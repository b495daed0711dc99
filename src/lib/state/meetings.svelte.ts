/**
 * Feedback meetings (绩效面谈, spec §7) as HR records them: per period and person the meeting
 * date, the improvement plan and the follow-up status (IndexedDB store 'meetings', keyed
 * `${periodId}:${staff_id}`), and per period the results' publication date (a setting).
 * Every edit is written at once, so a reload or a closed tab loses nothing.
 *
 * One instance per app, made and loaded at start by createAppState (appStates.svelte.ts), so
 * the Meetings and Report pages share the same records.
 */
import type { Store } from '../data/store';
import type { Text } from '../i18n/i18n.svelte';
import { fill } from '../i18n/messages/dashboard';
import { resultsText } from '../i18n/messages/results';
import {
  MEETING_STATUSES, blankMeeting, meetingKey, parseIsoDay, todayDay, type MeetingRecord, type MeetingStatus,
} from '../viewmodel/meetingRules';

export type MeetingsStore = Pick<Store, 'putRecord' | 'listRecords' | 'getSetting' | 'setSetting'>;
/** Where the store comes from: AppState (its store opens after construction) or a test's object. */
export interface MeetingsSource { readonly store?: MeetingsStore | null }
export type MeetingPatch = Partial<Pick<MeetingRecord, 'meetingOn' | 'plan' | 'status'>>;

const STORE_NAME = 'meetings';
/** Setting key of a period's publication date: `publishedKey('2026Q1') === 'meetings.publishedOn.2026Q1'`. */
export const publishedKey = (periodId: string): string => `meetings.publishedOn.${periodId}`;

const invalidDate = (value: string): Text => ({ zh: fill(resultsText.invalidDate.zh, { value }), en: fill(resultsText.invalidDate.en, { value }) });
const validDay = (text: string) => text.trim() === '' || !Number.isNaN(parseIsoDay(text));

/** A stored record as this version reads it: unknown or missing fields fall back to blanks. */
function readRecord(raw: unknown): MeetingRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.periodId !== 'string' || typeof r.staff_id !== 'string') return null;
  const status = MEETING_STATUSES.includes(r.status as MeetingStatus) ? (r.status as MeetingStatus) : 'not_started';
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    id: meetingKey(r.periodId, r.staff_id), periodId: r.periodId, staff_id: r.staff_id,
    meetingOn: validDay(str(r.meetingOn)) ? str(r.meetingOn) : '', plan: str(r.plan), status, updatedAt: str(r.updatedAt),
  };
}

/** `meetingKey` → date of the records that have one. */
function datesOf(records: ReadonlyMap<string, MeetingRecord>): Map<string, string> {
  const days = new Map<string, string>();
  for (const [key, r] of records) if (r.meetingOn) days.set(key, r.meetingOn);
  return days;
}

export class MeetingsState {
  /** Replaced on every change (never mutated), keyed by `meetingKey`. */
  records = $state.raw<ReadonlyMap<string, MeetingRecord>>(new Map());
  /**
   * `meetingKey` → meeting date of the records that have one. Replaced only when a date changes,
   * not when a plan or status does: what reads dates alone (the Meetings page's 10,000 lines,
   * overdue flags, counts) is not woken by every key typed into a plan (issue #19).
   */
  meetingDays = $state.raw<ReadonlyMap<string, string>>(new Map());
  /** periodId → 'YYYY-MM-DD' set by HR ('' or absent = the default day). */
  published = $state.raw<Readonly<Record<string, string>>>({});
  loaded = $state(false);
  /** Writes not yet confirmed by the store. */
  pending = $state(0);
  /** A failed load or write, for the page to show. */
  error = $state.raw<Text | null>(null);
  #wrote = $state(false);
  saveState = $derived<'idle' | 'saving' | 'saved' | 'failed'>(
    this.error ? 'failed' : this.pending > 0 ? 'saving' : this.#wrote ? 'saved' : 'idle',
  );

  #source: MeetingsSource;
  #today: () => number;
  #loading: Promise<void> | null = null;
  #publishedAsked = new Set<string>();

  /** `new MeetingsState(app)`; tests may fix the date: `new MeetingsState(app, { today: () => day })`. */
  constructor(source: MeetingsSource, opts: { today?: () => number } = {}) {
    this.#source = source;
    this.#today = opts.today ?? (() => todayDay());
  }

  /** Today's day number (the PC's wall clock unless a test fixed it). */
  today(): number {
    return this.#today();
  }

  /**
   * Read every stored record, and the publication dates of `periodIds`, once; later calls return
   * the same promise. Without a store there is nothing to read.
   */
  load(periodIds: readonly string[] = []): Promise<void> {
    const store = this.#source.store;
    if (!store) return Promise.resolve();
    this.#loading ??= (async () => {
      await Promise.all(periodIds.map((id) => this.loadPublished(id)));
      try {
        const stored = await store.listRecords<unknown>(STORE_NAME);
        const merged = new Map<string, MeetingRecord>();
        for (const raw of stored) {
          const r = readRecord(raw);
          if (r) merged.set(r.id, r);
        }
        // Records set while the read ran (none through `update`, which waits) are newer than what it returned.
        for (const [k, v] of this.records) merged.set(k, v);
        this.records = merged;
        this.meetingDays = datesOf(merged);
        this.loaded = true;
      } catch {
        this.error = resultsText.loadFailed;
        this.#loading = null;
      }
    })();
    return this.#loading;
  }

  /** Read the stored publication date of a period once. */
  async loadPublished(periodId: string): Promise<void> {
    const store = this.#source.store;
    if (!store || this.#publishedAsked.has(periodId)) return;
    this.#publishedAsked.add(periodId);
    try {
      const v = await store.getSetting<unknown>(publishedKey(periodId));
      if (typeof v === 'string' && validDay(v) && !(periodId in this.published)) this.published = { ...this.published, [periodId]: v };
    } catch {
      this.#publishedAsked.delete(periodId);
      this.error = resultsText.loadFailed;
    }
  }

  /** The record of one person and period, blank when none is stored. */
  get(periodId: string, staffId: string): MeetingRecord {
    return this.records.get(meetingKey(periodId, staffId)) ?? blankMeeting(periodId, staffId);
  }

  /**
   * Change and store one person's record: `await meetings.update('2026Q1', 'PS1001', { meetingOn: '2026-04-03' })`.
   * Returns the validation error (an unreadable meeting date) instead of storing it, else null.
   */
  async update(periodId: string, staffId: string, patch: MeetingPatch): Promise<Text | null> {
    if (patch.meetingOn !== undefined && !validDay(patch.meetingOn)) return invalidDate(patch.meetingOn);
    if (patch.status !== undefined && !MEETING_STATUSES.includes(patch.status)) return null;
    // Built on a blank record before the stored one is read, the write would wipe the stored fields.
    await this.load();
    const before = this.get(periodId, staffId);
    const next: MeetingRecord = { ...before, ...patch, updatedAt: new Date().toISOString() };
    if (patch.meetingOn !== undefined) next.meetingOn = patch.meetingOn.trim();
    const records = new Map(this.records);
    records.set(next.id, next);
    this.records = records;
    if (next.meetingOn !== before.meetingOn) {
      const days = new Map(this.meetingDays);
      if (next.meetingOn) days.set(next.id, next.meetingOn);
      else days.delete(next.id);
      this.meetingDays = days;
    }
    await this.#write(async (store) => store.putRecord(STORE_NAME, { ...next }));
    return null;
  }

  /** Set a period's publication date ('' = back to the default). Returns the validation error, else null. */
  async setPublished(periodId: string, text: string): Promise<Text | null> {
    const value = text.trim();
    if (!validDay(value)) return invalidDate(text);
    this.published = { ...this.published, [periodId]: value };
    this.#publishedAsked.add(periodId);
    await this.#write((store) => store.setSetting(publishedKey(periodId), value));
    return null;
  }

  async #write(action: (store: MeetingsStore) => Promise<void>): Promise<void> {
    const store = this.#source.store;
    if (!store) return;
    this.pending++;
    try {
      await action(store);
      this.error = null;
      this.#wrote = true;
    } catch {
      this.error = resultsText.saveFailed;
    } finally {
      this.pending--;
    }
  }
}
