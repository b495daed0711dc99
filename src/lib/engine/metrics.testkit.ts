/**
 * Test helpers for the metric tests (not shipped: only *.test.ts files import this):
 * build a columnar Dataset from a few readable rows, and a Scenario with the spec defaults.
 */
import {
  DOMAIN, LEVEL, RATING_SOURCE, REQUEST_TYPE, REVIEW_KIND, ROLE, STATUS,
  type Domain, type Level, type Role, type Status,
} from './codes';
import { dayNumber, emptyDataset, type Dataset } from './dataset';
import type { Indicator, Scenario } from './types';

/** `day('2026-03-31')` → its day number; '' → NaN (an empty cell). */
export function day(s: string | undefined): number {
  if (!s) return NaN;
  const [y, m, d] = s.split('-').map(Number);
  return dayNumber(y, m, d);
}

/** `secs('2026-03-31 09:30')` or `secs('2026-03-31 09:30:15')` → wall-clock seconds; '' → NaN. */
export function secs(s: string | undefined): number {
  if (!s) return NaN;
  const [date, time = '00:00'] = s.split(/[ T]/);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  return day(date) * 86_400 + hh * 3600 + mm * 60 + ss;
}

const num = (v: number | undefined) => (v === undefined ? NaN : v);
const bool = (v: boolean | undefined) => (v === undefined ? NaN : v ? 1 : 0);

export interface StaffRow { staff_id: string; name?: string; level?: Level; domain?: Domain; team?: string; salary?: number; hired_on?: string; left_on?: string }
export interface ProjectRow {
  project_id: string; staff_id: string; status: Status; decided_on?: string; role?: Role; customer_id?: string;
  industry?: string; amount?: number; strategic?: boolean; proposals_made?: number; proposals_adopted?: number;
}
export interface RequestRow {
  request_id?: string; staff_id: string; type: keyof typeof REQUEST_TYPE; requested_at: string;
  responded_at?: string; delivered_at?: string; bid_score?: number;
}
export interface ReviewRow { staff_id: string; kind: keyof typeof REVIEW_KIND; reviewed_on: string; completeness?: number; first_pass?: boolean }
export interface RatingRow { staff_id: string; rated_on: string; source: keyof typeof RATING_SOURCE; score: number; scale_max?: number }
export interface ActivityRow { staff_id: string; date: string; type: string; count?: number }
export interface MetricsRow { staff_id: string; period: string; [metric: string]: string | number | undefined }

export interface Rows {
  staff?: StaffRow[]; projects?: ProjectRow[]; requests?: RequestRow[]; reviews?: ReviewRow[];
  ratings?: RatingRow[]; activities?: ActivityRow[]; metrics?: MetricsRow[];
}

/** A Dataset from readable rows; every omitted optional cell is empty (NaN or ''). */
export function buildDataset(rows: Rows): Dataset {
  const ds = emptyDataset();
  const f = <T>(xs: T[], get: (x: T) => number) => Float64Array.from(xs, get);
  const staff = rows.staff ?? [];
  ds.staff = {
    length: staff.length, staff_id: staff.map((s) => s.staff_id), name: staff.map((s) => s.name ?? s.staff_id),
    level: f(staff, (s) => LEVEL[s.level ?? 'mid']), domain: f(staff, (s) => DOMAIN[s.domain ?? 'industry_solution']),
    team: staff.map((s) => s.team ?? ''), manager: staff.map(() => ''), salary: f(staff, (s) => num(s.salary)),
    hired_on: f(staff, (s) => day(s.hired_on)), left_on: f(staff, (s) => day(s.left_on)),
  };
  const p = rows.projects ?? [];
  ds.projects = {
    length: p.length, project_id: p.map((x) => x.project_id), staff_id: p.map((x) => x.staff_id),
    role: f(p, (x) => ROLE[x.role ?? 'lead']), customer_id: p.map((x) => x.customer_id ?? 'C1'),
    industry: p.map((x) => x.industry ?? 'Internet'), amount: f(p, (x) => x.amount ?? 100_000),
    status: f(p, (x) => STATUS[x.status]), decided_on: f(p, (x) => day(x.decided_on)), strategic: f(p, (x) => bool(x.strategic)),
    proposals_made: f(p, (x) => num(x.proposals_made)), proposals_adopted: f(p, (x) => num(x.proposals_adopted)),
  };
  const q = rows.requests ?? [];
  ds.requests = {
    length: q.length, request_id: q.map((x, i) => x.request_id ?? `R${i}`), staff_id: q.map((x) => x.staff_id),
    type: f(q, (x) => REQUEST_TYPE[x.type]), requested_at: f(q, (x) => secs(x.requested_at)),
    responded_at: f(q, (x) => secs(x.responded_at)), delivered_at: f(q, (x) => secs(x.delivered_at)), bid_score: f(q, (x) => num(x.bid_score)),
  };
  const v = rows.reviews ?? [];
  ds.reviews = {
    length: v.length, review_id: v.map((_, i) => `V${i}`), staff_id: v.map((x) => x.staff_id), kind: f(v, (x) => REVIEW_KIND[x.kind]),
    reviewed_on: f(v, (x) => day(x.reviewed_on)), completeness: f(v, (x) => num(x.completeness)), first_pass: f(v, (x) => bool(x.first_pass)),
  };
  const g = rows.ratings ?? [];
  ds.ratings = {
    length: g.length, staff_id: g.map((x) => x.staff_id), rated_on: f(g, (x) => day(x.rated_on)),
    source: f(g, (x) => RATING_SOURCE[x.source]), score: f(g, (x) => x.score), scale_max: f(g, (x) => num(x.scale_max)),
  };
  const a = rows.activities ?? [];
  ds.activities = {
    length: a.length, staff_id: a.map((x) => x.staff_id), date: f(a, (x) => day(x.date)), type: a.map((x) => x.type), count: f(a, (x) => num(x.count)),
  };
  const m = rows.metrics ?? [];
  const ids = [...new Set(m.flatMap((x) => Object.keys(x)))].filter((k) => k !== 'staff_id' && k !== 'period');
  ds.metrics = {
    length: m.length, staff_id: m.map((x) => x.staff_id), period: m.map((x) => x.period),
    values: Object.fromEntries(ids.map((id) => [id, f(m, (x) => (typeof x[id] === 'number' ? (x[id] as number) : NaN))])),
  };
  return ds;
}

/** A scenario with the spec's defaults and the given indicators; only the fields metrics read matter. */
export function testScenario(overrides: Partial<Scenario> = {}, indicators: Indicator[] = []): Scenario {
  return {
    format: 'presales-kpi-scenario', version: 1, name: 'test',
    high_value_threshold: 1_000_000, strategic_industries: [], strategic_industry_multiplier: 1.5,
    role_coefficients: { lead: 0.3, support: 0.2 }, indicators,
    category_bands: { result: [50, 60], process: [30, 40], capability: [10, 15] },
    scoring: { cap: 1.2, bonus_slope: 1, penalty_slope: 1, zero_below: 0, overrides: {} },
    grades: { S: 90, A: 80, B: 70, C: 60 },
    forced_distribution: { shares: { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 }, group_by: 'none', use_forced_distribution: false },
    profiles: { level: {}, domain: {} },
    bonus: { bonus_share: 0.25, coefficients: { S: 1.5, A: 1.2, B: 1, C: 0.6, D: 0 } },
    bonus_items: [],
    ...overrides,
  };
}
