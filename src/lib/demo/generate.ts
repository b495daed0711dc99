/**
 * The built-in demo data set: about 60 presales staff in 4 teams over 2025–2026, every input
 * file of spec §2, generated from a seed (not a copied file) and returned as CSV text so
 * that it goes through the same import as a user's files.
 *
 * Each person has a latent ability (drives wins, amounts, adoption, review and test scores)
 * and diligence (drives response times, activity counts); the levels of the generated
 * records are set so that an average person lands in grade B of the standard scenario and
 * the spread reaches S and D. Work habits are steady rather than coin flips (steadyCounts,
 * steadyChance and the managed pipeline in demoProjects.ts), so a person's quarters differ
 * less than people differ from each other: under the standard scenario every quarter and
 * both years have about 5–10% S, 20–30% A, 50–60% B and 10–20% C or D.
 */
import { DOMAINS, LEVELS, type Domain, type Level } from '../engine/codes';
import { dayNumber, formatDay } from '../engine/dataset';
import { SCHEMAS } from '../data/schema';
import { holidayDays, workingDayTest } from './holidays';
import { chineseName, DEMO_TEAMS } from './names';
import { clamp, logistic, Random } from './random';
import { toCsv, formatMinute } from './csvText';
import { activeMonths, focusIndustries, generateProjects, steadyChance, steadyCounts, type DemoPerson, type WorkDay } from './demoProjects';

export const DEMO_FIRST_DAY = dayNumber(2025, 1, 1);
export const DEMO_LAST_DAY = dayNumber(2026, 12, 31);
const YEARS = [2025, 2026] as const;

export interface DemoFile { name: string; text: string }

/** Chinese header of a kind's columns, from the one schema table the importer reads too. */
const zhHeader = (kind: 'staff' | 'requests'): string[] => SCHEMAS[kind].columns.map((c) => c.zh);
const zhLabel = (kind: 'staff' | 'requests', key: string, code: string): string => {
  const rule = SCHEMAS[kind].columns.find((c) => c.key === key)!;
  return rule.labelsZh![rule.codes!.indexOf(code)];
};

// Team sizes add to 60; hires and leavers are among them.
const TEAM_SIZES = [16, 15, 15, 14] as const;
const LEVEL_COUNTS: Record<Level, number> = { junior: 18, mid: 27, senior: 15 };
const SALARY_RANGE: Record<Level, [number, number]> = { junior: [15_000, 24_000], mid: [23_000, 38_000], senior: [36_000, 60_000] };
// Regional teams are mostly industry solution people; the solution centre holds the consultants.
const DOMAIN_WEIGHTS: Record<string, number[]> = {
  华东售前部: [5, 3, 1], 华北售前部: [5, 3, 1], 华南售前部: [4, 4, 1], 行业解决方案中心: [3, 1, 4],
};
/**
 * A person's ability from their quantile z on the normal scale (≈ 13 points of the standard total
 * per unit). Not a normal: flat just below the median and steeper above it, so that most people
 * are solid B performers and the better half spreads into A; beyond z = ±1.1 (the bottom and top
 * ~14%) the slope steepens, giving a few clear under-performers and a few stars. A normal spread
 * wide enough to reach S and D puts half the team in C–D or A–S, which no HR analyst would buy.
 */
const talent = (z: number) => (z < 0 ? 0.12 * z - 0.6 * Math.max(0, -z - 1.1) : 0.42 * z + 0.4 * Math.max(0, z - 1.1));
/** Juniors are less able and seniors more, about as much as their profile targets expect of them. */
const LEVEL_ABILITY: Record<Level, number> = { junior: -0.4, mid: 0, senior: 0.25 };
/**
 * Where the team stands against the record levels, which are written for ability 0 (T below, the
 * win odds and deal sizes in demoProjects.ts): the median person lands at a standard total of
 * about 76, mid-B, and the S and A grades take clearly better work.
 */
const TEAM_ABILITY = -0.28;
/** sd of diligence (responsiveness and activity), about a third of it shared with ability. */
const DILIGENCE_SD = 0.3;
const HIRE_DAYS = [dayNumber(2026, 3, 2), dayNumber(2026, 7, 1), dayNumber(2026, 9, 14)];
const LEAVE_DAYS = [dayNumber(2025, 10, 31), dayNumber(2026, 5, 29)];

/**
 * Levels of the generated records for ability = diligence = 0, set against
 * the targets of the standard scenario (presets/standard.json): probabilities as log-odds, scores
 * on their 100-point scale, activities per month.
 */
const T = {
  response24: 1.3, // ≈ 79% answered within 24 h (target 95%)
  delivery48: 1.2, // ≈ 77% of solutions and bids delivered within 48 h (target 90%)
  bidScore: 69, // target 80
  firstPass: 0.6, // ≈ 65% pass the first solution review (target 80%)
  completeness: 71, // target 85
  assessment: 70, // target 80
  knowledge: 77, // target 90
  visits: 3.0, // target 4 a month
  feedback: 3.8, // target 5 a month
  insights: 0.65, // target 2 a quarter
  kb: 0.95, // target 3 a quarter
  training: 0.8, // target 1 a month
  certs: 0.14, // target 2 a year
  ideas: 0.45, // innovations and improvements; target 1 a quarter
};

function makeStaff(rng: Random): DemoPerson[] {
  const levels = rng.shuffle(LEVELS.flatMap((l) => Array<Level>(LEVEL_COUNTS[l]).fill(l)));
  const names = new Set<string>();
  const uniqueName = () => {
    let n = chineseName(rng);
    while (names.has(n)) n = chineseName(rng);
    names.add(n);
    return n;
  };
  const managers = DEMO_TEAMS.map(() => uniqueName());
  // Abilities are drawn by stratified quantiles (logistic approximation of the normal), so every
  // seed gets the same spread of talent and only who has it changes.
  const total = TEAM_SIZES.reduce((a, b) => a + b, 0);
  const quantiles = Array.from({ length: total }, (_, i) => Math.log((i + 0.5) / (total - i - 0.5)) / 1.702);
  const centre = quantiles.reduce((s, z) => s + talent(z), 0) / total;
  const strata = rng.shuffle(quantiles);
  const people: DemoPerson[] = [];
  DEMO_TEAMS.forEach((team, t) => {
    for (let k = 0; k < TEAM_SIZES[t]; k++) {
      const level = levels[people.length];
      const domain = rng.weighted(DOMAINS, DOMAIN_WEIGHTS[team]) as Domain;
      const [lo, hi] = SALARY_RANGE[level];
      const za = strata[people.length];
      const ability = talent(za) - centre + LEVEL_ABILITY[level] + TEAM_ABILITY;
      people.push({
        id: '', name: uniqueName(), level, domain, team, manager: managers[t],
        salary: Math.round(rng.uniform(lo, hi) / 500) * 500,
        hiredOn: rng.chance(0.85) ? dayNumber(rng.int(2012, 2024), rng.int(1, 12), rng.int(1, 28)) : null,
        leftOn: null, ability, diligence: DILIGENCE_SD * (0.35 * za + 0.94 * rng.normal()), industries: focusIndustries(rng, domain),
        from: DEMO_FIRST_DAY, to: DEMO_LAST_DAY,
      });
    }
  });
  // New hires are juniors and mids who joined in 2026; they get the last staff ids.
  const hirePool = rng.shuffle(people.filter((p) => p.level !== 'senior'));
  hirePool.slice(0, HIRE_DAYS.length).forEach((p, i) => {
    p.hiredOn = HIRE_DAYS[i];
    p.from = HIRE_DAYS[i];
  });
  const leavers = rng.shuffle(people.filter((p) => p.from === DEMO_FIRST_DAY)).slice(0, LEAVE_DAYS.length);
  leavers.forEach((p, i) => {
    p.leftOn = LEAVE_DAYS[i];
    p.to = LEAVE_DAYS[i];
  });
  for (const p of rng.shuffle(people).slice(0, 3)) p.salary = null;
  const ordered = [...people.filter((p) => p.from === DEMO_FIRST_DAY), ...people.filter((p) => p.from !== DEMO_FIRST_DAY).sort((a, b) => a.from - b.from)];
  ordered.forEach((p, i) => (p.id = `PS${2001 + i}`));
  return ordered;
}

function staffCsv(people: readonly DemoPerson[]): string {
  const rows = [...people]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => [
      p.id, p.name, zhLabel('staff', 'level', p.level), zhLabel('staff', 'domain', p.domain), p.team, p.manager,
      p.salary ?? '', p.hiredOn === null ? '' : formatDay(p.hiredOn), p.leftOn === null ? '' : formatDay(p.leftOn),
    ]);
  return toCsv(zhHeader('staff'), rows);
}

function requestsCsv(rng: Random, people: readonly DemoPerson[], workDay: WorkDay): string {
  type Req = { staff: string; type: string; at: number; responded: number | null; delivered: number | null; bid: number | null };
  const reqs: Req[] = [];
  for (const p of people) {
    // Responsiveness is mostly diligence; the quality of bids is mostly ability.
    const p24 = logistic(T.response24 + 0.7 * p.diligence);
    const p48 = logistic(T.delivery48 + 0.6 * p.diligence + 0.3 * p.ability);
    const quick = steadyChance(rng);
    const onTime = steadyChance(rng);
    for (const [lo, hi] of activeMonths(p)) {
      const n = rng.poisson(4.4 * ((hi - lo + 1) / 30));
      for (let i = 0; i < n; i++) {
        const type = rng.weighted(['consultation', 'solution', 'bid'], [45, 35, 20]);
        const at = workDay(rng, lo, hi) * 1440 + rng.int(9 * 60, 18 * 60 + 30);
        let responded: number | null = quick(p24) ? at + rng.int(5, 23 * 60) : at + rng.int(24 * 60 + 1, 96 * 60);
        let delivered: number | null = null;
        if (type === 'consultation') {
          // an unanswered consultation is simply dropped
          if (responded - at > 24 * 60 && rng.chance(0.2)) responded = null;
        } else if (onTime(p48)) {
          // delivered within 48 h, so a late first response came before that
          if (responded - at > 40 * 60) responded = at + rng.int(24 * 60 + 1, 40 * 60);
          delivered = Math.max(at + rng.int(3 * 60, 48 * 60), Math.min(responded + rng.int(60, 8 * 60), at + 48 * 60));
        } else {
          delivered = Math.max(at + rng.int(48 * 60 + 1, 7 * 24 * 60), responded + rng.int(60, 8 * 60));
          if (rng.chance(0.1)) delivered = null;
        }
        const bid = type === 'bid' && rng.chance(0.85) ? Math.round(clamp(rng.normal(T.bidScore + 4 * p.ability, 4), 40, 99) * 10) / 10 : null;
        reqs.push({ staff: p.id, type, at, responded, delivered, bid });
      }
    }
  }
  reqs.sort((a, b) => a.at - b.at || (a.staff < b.staff ? -1 : 1));
  const rows = reqs.map((r, i) => [
    `R${String(i + 1).padStart(6, '0')}`, r.staff, zhLabel('requests', 'type', r.type), formatMinute(r.at),
    r.responded === null ? '' : formatMinute(r.responded), r.delivered === null ? '' : formatMinute(r.delivered), r.bid ?? '',
  ]);
  return toCsv(zhHeader('requests'), rows);
}

function reviewsCsv(rng: Random, people: readonly DemoPerson[], workDay: WorkDay): string {
  type Rev = { staff: string; kind: string; on: number; completeness: number | null; firstPass: boolean | null };
  const revs: Rev[] = [];
  for (const p of people) {
    const months = activeMonths(p);
    const share = months.map(([lo, hi]) => (hi - lo + 1) / 30);
    const reports = steadyCounts(rng, share.map((s) => 0.8 * s), 0.3);
    const solutions = steadyCounts(rng, share.map((s) => 2.4 * s), 0.3);
    const pass = steadyChance(rng);
    const passOdds = logistic(T.firstPass + 0.5 * p.ability + 0.2 * p.diligence);
    months.forEach(([lo, hi], m) => {
      for (let i = reports[m]; i > 0; i--) {
        const completeness = Math.round(clamp(rng.normal(T.completeness + 4 * p.ability + 2 * p.diligence, 5), 35, 100));
        revs.push({ staff: p.id, kind: 'research_report', on: workDay(rng, lo, hi), completeness, firstPass: null });
      }
      for (let i = solutions[m]; i > 0; i--) {
        revs.push({ staff: p.id, kind: 'solution', on: workDay(rng, lo, hi), completeness: null, firstPass: pass(passOdds) });
      }
    });
  }
  revs.sort((a, b) => a.on - b.on || (a.staff < b.staff ? -1 : 1));
  const rows = revs.map((r, i) => [`V${String(i + 1).padStart(5, '0')}`, r.staff, r.kind, formatDay(r.on), r.completeness ?? '', r.firstPass ?? '']);
  return toCsv(['review_id', 'staff_id', 'kind', 'reviewed_on', 'completeness', 'first_pass'], rows);
}

/** A 5-point score in half steps around `mean` (on the 5-point scale). */
const fivePoint = (rng: Random, mean: number, sd: number) => Math.round(clamp(rng.normal(mean, sd), 1, 5) * 2) / 2;

function ratingsCsv(rng: Random, people: readonly DemoPerson[], workDay: WorkDay): string {
  const rows: [string, number, string, number, number | ''][] = [];
  for (const p of people) {
    const months = activeMonths(p);
    months.forEach(([lo, hi], k) => {
      const mix = 0.5 * p.ability + 0.5 * p.diligence;
      // Sales rate their presales monthly; a few sales teams use a 100-point form.
      if (rng.chance(0.8)) {
        if (rng.chance(0.15)) rows.push([p.id, workDay(rng, lo, hi), 'sales_support', Math.round(clamp(rng.normal(85 + 6 * mix, 7), 30, 100)), 100]);
        else rows.push([p.id, workDay(rng, lo, hi), 'sales_support', fivePoint(rng, 4.25 + 0.3 * mix, 0.4), rng.chance(0.5) ? 5 : '']);
      }
      const month = new Date(lo * 86_400_000).getUTCMonth() + 1;
      if (month % 3 === 0) rows.push([p.id, workDay(rng, lo, hi), 'cross_team', fivePoint(rng, 3.6 + 0.35 * p.diligence, 0.45), 5]);
      // Customer surveys follow deliveries by three months, so none in a person's first months.
      if (k >= 3 && rng.chance(0.45)) rows.push([p.id, workDay(rng, lo, hi), 'customer', fivePoint(rng, 3.95 + 0.3 * p.ability, 0.4), 5]);
      // The solution design assessment and the industry knowledge test close every quarter.
      if (month % 3 === 0) {
        rows.push([p.id, workDay(rng, lo, hi), 'assessment', Math.round(clamp(rng.normal(T.assessment + 6 * p.ability, 4), 30, 100)), 100]);
        rows.push([p.id, workDay(rng, lo, hi), 'knowledge_test', Math.round(clamp(rng.normal(T.knowledge + 5 * p.ability, 4), 30, 100)), 100]);
      }
    });
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return toCsv(['staff_id', 'rated_on', 'source', 'score', 'scale_max'], rows.map((r) => [r[0], formatDay(r[1]), r[2], r[3], r[4]]));
}

const INNOVATION_TYPES = ['suggestion_adopted', 'innovation_case', 'process_improvement'] as const;

function activitiesCsv(rng: Random, people: readonly DemoPerson[], workDay: WorkDay): string {
  const rows: [string, number, string, number | ''][] = [];
  const emit = (p: DemoPerson, lo: number, hi: number, type: string, total: number, maxPerRow: number) => {
    while (total > 0) {
      const c = Math.min(total, rng.int(1, maxPerRow));
      rows.push([p.id, workDay(rng, lo, hi), type, c === 1 && rng.chance(0.4) ? '' : c]);
      total -= c;
    }
  };
  for (const p of people) {
    const busy = Math.exp(0.2 * p.diligence);
    const consultant = p.domain === 'consulting' ? 1.5 : 1;
    const months = activeMonths(p);
    const share = months.map(([lo, hi]) => (hi - lo + 1) / 30);
    const steady = (perMonth: number, jitter: number) => steadyCounts(rng, share.map((s) => perMonth * s), jitter);
    const visits = steady(T.visits * busy / consultant ** 0.5, 0.8);
    const feedback = steady(T.feedback * busy, 0.8);
    const insights = steady(T.insights * busy * consultant, 0.25);
    const kb = steady(T.kb * busy, 0.3);
    const training = steady(T.training * busy * (p.level === 'senior' ? 1.4 : p.level === 'junior' ? 0.6 : 1), 0.4);
    const certs = steady(T.certs * Math.exp(1.2 * (p.ability + p.diligence)), 0.2);
    const ideas = steady(T.ideas * Math.exp(0.35 * p.ability), 0.15);
    // SaaS demos: product experts demo most, and the push started in 2026.
    const demos = steadyCounts(rng, months.map(([lo], m) => (p.domain === 'product_expert' ? 2.5 : 0.7)
      * (new Date(lo * 86_400_000).getUTCFullYear() === 2026 ? 1.6 : 1) * share[m]), 0.4);
    const converts = steadyChance(rng);
    const demoOdds = logistic(-1.1 + 0.6 * p.ability);
    months.forEach(([lo, hi], m) => {
      emit(p, lo, hi, 'visit', visits[m], 2);
      emit(p, lo, hi, 'requirement_feedback', feedback[m], 3);
      emit(p, lo, hi, 'insight_report', insights[m], 1);
      emit(p, lo, hi, 'kb_contribution', kb[m], 2);
      emit(p, lo, hi, 'training', training[m], 1);
      emit(p, lo, hi, 'certification', certs[m], 1);
      for (let i = ideas[m]; i > 0; i--) emit(p, lo, hi, rng.pick(INNOVATION_TYPES), 1, 1);
      emit(p, lo, hi, 'saas_demo', demos[m], 2);
      let won = 0;
      for (let i = 0; i < demos[m]; i++) if (converts(demoOdds)) won++;
      emit(p, lo, hi, 'saas_demo_won', won, 1);
    });
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return toCsv(['staff_id', 'date', 'type', 'count'], rows.map((r) => [r[0], formatDay(r[1]), r[2], r[3]]));
}

function holidaysCsv(): string {
  return toCsv(['date', 'kind'], holidayDays([...YEARS]).map((h) => [h.date, h.kind]));
}

// One stream per file, so that changing one file's generator leaves the others unchanged.
const demoStreams = (seed: number) => (k: number) => new Random((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0);

/**
 * The demo's people with their latent traits — the same people `generateDemoFiles(seed)`
 * writes to staff.csv. For tests and for explaining the demo, not for scoring.
 * @example demoStaff().length; // 60
 */
export function demoStaff(seed = 20260101): DemoPerson[] {
  return makeStaff(demoStreams(seed)(0));
}

/**
 * The demo data set as CSV texts in the input formats of spec §2, one per kind: staff and
 * requests with Chinese headers and labels, the others with English keys. Same seed → the
 * same bytes.
 * @example generateDemoFiles().map((f) => f.name); // ['staff.csv', 'projects.csv', ..., 'holidays.csv']
 */
export function generateDemoFiles(seed = 20260101): DemoFile[] {
  const streams = demoStreams(seed);
  const isWork = workingDayTest([...YEARS]);
  const workDay: WorkDay = (rng, lo, hi) => {
    for (let tries = 0; tries < 30; tries++) {
      const d = rng.int(lo, hi);
      if (isWork(d)) return d;
    }
    return lo;
  };
  const people = makeStaff(streams(0));
  return [
    { name: 'staff.csv', text: staffCsv(people) },
    { name: 'projects.csv', text: generateProjects(streams(1), people, workDay) },
    { name: 'requests.csv', text: requestsCsv(streams(2), people, workDay) },
    { name: 'reviews.csv', text: reviewsCsv(streams(3), people, workDay) },
    { name: 'ratings.csv', text: ratingsCsv(streams(4), people, workDay) },
    { name: 'activities.csv', text: activitiesCsv(streams(5), people, workDay) },
    { name: 'holidays.csv', text: holidaysCsv() },
  ];
}
