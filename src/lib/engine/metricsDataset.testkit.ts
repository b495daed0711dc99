/**
 * A data set whose metrics come from a metrics file (spec §2), so every total is known without
 * raw records: for engine, view-model and page tests (only *.test.ts files import this).
 */
import { DOMAIN, LEVEL, type Domain, type Level } from './codes';
import { emptyDataset, type Dataset } from './dataset';

const LEVELS: Level[] = ['junior', 'mid', 'senior'];
const DOMAINS: Domain[] = ['industry_solution', 'product_expert', 'consulting'];

/**
 * `n` people PS1001… with 2026Q1 metric values spread so that grades vary: level cycles
 * junior/mid/senior, domain changes every 3 people, team 华东 for the first 40%, 华北 for the
 * next 40%, none for the rest.
 */
export function metricsDataset(n = 20): Dataset {
  const ds = emptyDataset();
  const ids = Array.from({ length: n }, (_, i) => `PS${1001 + i}`);
  ds.staff = {
    length: n, staff_id: ids, name: ids.map((id) => `姓名${id}`),
    level: Float64Array.from(ids, (_, i) => LEVEL[LEVELS[i % 3]]),
    domain: Float64Array.from(ids, (_, i) => DOMAIN[DOMAINS[Math.floor(i / 3) % 3]]),
    team: ids.map((_, i) => (i < 0.4 * n ? '华东' : i < 0.8 * n ? '华北' : '')), manager: ids.map(() => ''),
    salary: Float64Array.from(ids, () => 20_000), hired_on: new Float64Array(n).fill(NaN), left_on: new Float64Array(n).fill(NaN),
  };
  const col = (f: (i: number) => number) => Float64Array.from(ids, (_, i) => f(i));
  ds.metrics = {
    length: n, staff_id: ids, period: ids.map(() => '2026Q1'),
    values: {
      win_rate: col((i) => 20 + 3 * (i % 20)), sales_contribution: col((i) => 600_000 + 150_000 * (i % 7)),
      high_value_rate: col((i) => 10 + (i % 20)), adoption_rate: col((i) => 50 + (i % 5) * 6),
      research_completeness: col((i) => 70 + (i % 4) * 5), first_pass_rate: col((i) => 60 + (i % 3) * 10),
      delivery_on_time: col((i) => 80 + (i % 2) * 10), response_24h: col((i) => 85 + (i % 3) * 5),
      bid_score: col((i) => 70 + (i % 5) * 3), visits: col((i) => 6 + (i % 8)),
      insight_reports: col((i) => i % 3), requirement_feedback: col((i) => 10 + (i % 6)),
      kb_contributions: col((i) => i % 4), certifications: col((i) => i % 2),
      assessment_score: col((i) => 70 + (i % 4) * 5), knowledge_test: col((i) => 80 + (i % 3) * 5),
      cross_team_score: col((i) => 75 + (i % 3) * 5), customer_satisfaction: col((i) => 85 + (i % 2) * 5),
      training_sessions: col((i) => i % 4), innovation_count: col((i) => i % 2),
    },
  };
  return ds;
}
