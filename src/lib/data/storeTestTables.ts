/**
 * Small hand-made tables of every kind for the store's tests and benchmark: one place that
 * knows how to build a typed table from readable rows.
 */
import type {
  ActivitiesTable, Dataset, HolidaysTable, MetricsTable, ProjectsTable, RatingsTable, RequestsTable, ReviewsTable, StaffTable,
} from '../engine/dataset';

const num = (xs: number[]) => Float64Array.from(xs);

/** `staffTable([['PS1', '张三'], ...])`: level mid, domain consulting, other columns empty. */
export function staffTable(rows: [id: string, name: string, salary?: number][]): StaffTable {
  return {
    length: rows.length, staff_id: rows.map((r) => r[0]), name: rows.map((r) => r[1]),
    level: num(rows.map(() => 1)), domain: num(rows.map(() => 2)), team: rows.map(() => '华东售前部'),
    manager: rows.map(() => ''), salary: num(rows.map((r) => r[2] ?? NaN)), hired_on: num(rows.map(() => NaN)),
    left_on: num(rows.map(() => NaN)),
  };
}

/** `projectsTable([['P1', 'PS1', 1_200_000], ...])`: won, lead, decided 2026-03-31. */
export function projectsTable(rows: [project: string, staff: string, amount: number][]): ProjectsTable {
  return {
    length: rows.length, project_id: rows.map((r) => r[0]), staff_id: rows.map((r) => r[1]),
    role: num(rows.map(() => 0)), customer_id: rows.map((r) => `C-${r[0]}`), industry: rows.map(() => '金融'),
    amount: num(rows.map((r) => r[2])), status: num(rows.map(() => 0)), decided_on: num(rows.map(() => 20_543)),
    strategic: num(rows.map(() => NaN)), proposals_made: num(rows.map(() => 3)), proposals_adopted: num(rows.map(() => 2)),
  };
}

/** Every kind with a few rows exercising every column type: NaN, Chinese, '\n' inside a cell. */
export function fullDataset(): Dataset {
  const requests: RequestsTable = {
    length: 2, request_id: ['R1', 'R2'], staff_id: ['PS1', 'PS2'], type: num([2, 0]),
    requested_at: num([1_774_000_000, 1_774_100_000]), responded_at: num([1_774_003_600, NaN]),
    delivered_at: num([NaN, 1_774_200_000]), bid_score: num([88.5, NaN]),
  };
  const reviews: ReviewsTable = {
    length: 2, review_id: ['V1', 'V2'], staff_id: ['PS1', 'PS1'], kind: num([0, 1]), reviewed_on: num([20_500, 20_501]),
    completeness: num([85, NaN]), first_pass: num([NaN, 1]),
  };
  const ratings: RatingsTable = {
    length: 3, staff_id: ['PS1', 'PS1', 'PS2'], rated_on: num([20_500, 20_500, 20_600]), source: num([0, 0, 4]),
    score: num([4.5, 4.5, 90]), scale_max: num([5, 5, 100]),
  };
  const activities: ActivitiesTable = {
    length: 2, staff_id: ['PS1', 'PS2'], date: num([20_500, 20_510]), type: ['visit', 'saas_demo'], count: num([2, NaN]),
  };
  const metrics: MetricsTable = {
    length: 1, staff_id: ['PS1'], period: ['2026Q1'], values: { win_rate: num([61.5]), saas_demo_conversion: num([NaN]) },
  };
  const holidays: HolidaysTable = { length: 2, date: num([20_454, 20_460]), kind: num([0, 1]) };
  const staff = staffTable([['PS1', '杜眉', 28_000], ['PS2', '孙梦明']]);
  staff.manager = ['周经理\n（代）', ''];
  staff.hired_on = num([19_000, NaN]);
  return {
    staff, projects: projectsTable([['P1', 'PS1', 1_200_000], ['P1', 'PS2', 1_200_000]]),
    requests, reviews, ratings, activities, metrics, holidays,
  };
}

/** Plain arrays of a table, so `toEqual` compares NaN cells and typed columns by value. */
export function plain(table: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [
    k,
    v instanceof Float64Array ? Array.from(v) : k === 'values' ? plain(v as object) : v,
  ]));
}
