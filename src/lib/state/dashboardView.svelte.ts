/**
 * The dashboard's filters (team / level / domain) and what they narrow: the rows shown, their
 * headline numbers and band counts. Filters narrow what is shown, never the grading: the
 * forced distribution still runs over everyone in ScoringState.
 */
import { DOMAINS, LEVELS, type Domain, type Level } from '../engine/codes';
import type { BandCount } from '../engine/types';
import type { ScoringState } from './scoring.svelte';
import { BandCounts, GradedRows } from './stableCounts';

export interface Filters { team: string | null; level: Level | null; domain: Domain | null }

export class DashboardView {
  readonly #scoring: ScoringState;
  #filters = $state<Filters>({ team: null, level: null, domain: null });

  /** `new DashboardView(scoring)` (createAppState in appStates.svelte.ts). */
  constructor(scoring: ScoringState) {
    this.#scoring = scoring;
  }

  /** The team / level / domain filters (null = all); change them with `setFilter`. */
  get filters(): Readonly<Filters> {
    return this.#filters;
  }

  /** `dashboard.setFilter('team', '华东')`; `null` shows everyone again. */
  setFilter<K extends keyof Filters>(name: K, value: Filters[K]): void {
    this.#filters[name] = value;
  }

  /** Each model row's team, trimmed. */
  teamOf = $derived.by(() => {
    const m = this.#scoring.model;
    const team = this.#scoring.app.dataset.staff.team;
    return m ? Array.from(m.staffIndex, (r) => team[r].trim()) : [];
  });
  teams = $derived([...new Set(this.teamOf)].sort((a, b) => a.localeCompare(b, 'zh-CN')));

  /** Model rows passing the filters (everyone in scope, graded or not). */
  rows = $derived.by(() => {
    const m = this.#scoring.model;
    if (!m) return new Int32Array(0);
    const { team, level, domain } = this.filters;
    const lv = level === null ? -1 : LEVELS.indexOf(level);
    const dm = domain === null ? -1 : DOMAINS.indexOf(domain);
    const out: number[] = [];
    for (let i = 0; i < m.n; i++) {
      if (team !== null && this.teamOf[i] !== team) continue;
      if (lv >= 0 && m.levelOf[i] !== lv) continue;
      if (dm >= 0 && m.domainOf[i] !== dm) continue;
      out.push(i);
    }
    return Int32Array.from(out);
  });
  #gradedRows = new GradedRows();
  /**
   * Filtered rows that have a total: the same array as before while they stay the same, as they
   * do when a weight moves (only a weight going to or from 0 can change who has a total).
   */
  gradedRows = $derived.by(() => this.#gradedRows.of(this.#scoring.graded?.grade ?? null, this.rows));

  /** Headline numbers of the filtered people. */
  summary = $derived.by(() => {
    const g = this.#scoring.graded;
    const rows = this.rows;
    let sum = 0;
    let graded = 0;
    if (g) for (const i of rows) { const v = g.scores.total[i]; if (v === v) { sum += v; graded++; } }
    return { inScope: rows.length, graded, insufficient: rows.length - graded, mean: graded > 0 ? sum / graded : NaN };
  });

  #bands = new BandCounts();
  /**
   * Band counts of the filtered graded people; quotas add up group by group as in §6. The same
   * array as before while the counts stay the same, as they do in most slider moves.
   */
  bands = $derived.by((): BandCount[] => {
    const s = this.#scoring;
    return this.#bands.of(s.graded, this.gradedRows, s.group.labels.length, s.scenario.forced_distribution.shares);
  });
}
