/**
 * The demo's CRM projects file (spec §2 projects): one row per (project, participating
 * presales). Wins depend on the participants' ability, amounts on level and ability, and
 * customers come back, so the long-term customer metrics have cohorts to work on.
 */
import type { Domain, Level, Status } from '../engine/codes';
import { dayNumber, formatDay } from '../engine/dataset';
import { groupThousands, toCsv } from './csvText';
import { INDUSTRIES, INDUSTRY_WEIGHTS } from './names';
import { clamp, logistic, type Random } from './random';

/** A generated staff member with the latent traits the other files are drawn from. */
export interface DemoPerson {
  id: string;
  name: string;
  level: Level;
  domain: Domain;
  team: string;
  manager: string;
  salary: number | null;
  hiredOn: number | null;
  leftOn: number | null;
  /** latent; 0 is the level the record levels are written for, the team's median is about −0.3 (range ≈ −1.8…1.2): wins, amounts, adoption, review and test scores */
  ability: number;
  /** latent, sd 0.3 around 0: responsiveness and activity counts */
  diligence: number;
  /** the industries the person mostly sells into */
  industries: string[];
  /** first and last day of the person's time in the demo window (day numbers) */
  from: number;
  to: number;
}

/** Picks a working day in [lo, hi]. */
export type WorkDay = (rng: Random, lo: number, hi: number) => number;

// Leads per person and year: enough decided projects per quarter that a quarter's win rate says
// something about the person, not only about luck.
const LEADS_PER_YEAR: Record<Level, number> = { junior: 32, mid: 52, senior: 64 };
const MEDIAN_AMOUNT: Record<Level, number> = { junior: 240_000, mid: 480_000, senior: 650_000 };
// Seniors, who lead more and bigger deals, are pulled into other people's projects less often.
const SUPPORT_PULL: Record<Level, number> = { junior: 1, mid: 1, senior: 0.6 };
// Enough customers that a customer buying again within a year is the exception it is in real
// life (with a few hundred, nearly every customer of a won deal would buy again: a repeat rate near 100%).
const CUSTOMER_COUNT = 4000;
// Deals expected after this day are mostly still open at the end of the demo window.
const OPEN_AFTER = dayNumber(2026, 12, 15);
/** The standard scenario's high-value threshold: a won deal this large counts as high-value. */
const HIGH_VALUE = 1_000_000;
/** Log-odds of winning a 1M deal for a lead of ability 0 (a support's odds assume the typical, smaller deal). */
const WIN_LOGIT = -0.35;
/** How strongly a lead's run of luck (wins behind or ahead of their odds) pulls the next deal back. */
const PULL_BACK = 4;
/** How strongly a support's record steers whether they are pulled into a won or a lost deal. */
const STAFFING_PULL = 4;
/** How strongly support slots go to whoever has taken fewer than their share so far. */
const OWED_PULL = 2;

/**
 * Focus industries for a person: industry specialists cover one or two, others two or three.
 * Mutates nothing; returns a fresh list.
 */
export function focusIndustries(rng: Random, domain: Domain): string[] {
  const n = domain === 'industry_solution' ? rng.int(1, 2) : rng.int(2, 3);
  const out: string[] = [];
  while (out.length < n) {
    const ind = rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
    if (!out.includes(ind)) out.push(ind);
  }
  return out;
}

/** Calendar months overlapping a person's time with us, clipped to it: [first day, last day]. */
export function activeMonths(p: DemoPerson): [number, number][] {
  const out: [number, number][] = [];
  const last = new Date(p.to * 86_400_000).getUTCFullYear();
  for (let y = new Date(p.from * 86_400_000).getUTCFullYear(); y <= last; y++) {
    for (let m = 1; m <= 12; m++) {
      const lo = Math.max(p.from, dayNumber(y, m, 1));
      const hi = Math.min(p.to, dayNumber(y, m + 1, 1) - 1);
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return out;
}

const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Yes/no outcomes of one person's repeated tries at odds `p` (which may change from try to try),
 * kept close to the odds over any stretch: a run of bad luck makes the next success likelier.
 * Work habits are steadier than coin flips, and a quarter of a handful of tries should show the
 * person's odds, not the dice.
 * @example const pass = steadyChance(rng); pass(0.8); // true about 80% of the time, in a steady rhythm
 */
export function steadyChance(rng: Random, pull = 4): (p: number) => boolean {
  let behind = 0; // expected minus actual successes so far
  return (p) => {
    const yes = rng.chance(logistic(logit(clamp(p, 0.001, 0.999)) + pull * behind));
    behind += p - (yes ? 1 : 0);
    return yes;
  };
}

/**
 * Monthly counts of a steady habit with expected `means` per month: the running total follows the
 * expected one to within `jitter`, so a quarter's count varies far less than with independent
 * Poisson months (3 ± 1.7 insight reports a quarter would make the metric mostly noise).
 * @example steadyCounts(rng, [2, 2, 2, 2], 0.5); // e.g. [2, 1, 3, 2]
 */
export function steadyCounts(rng: Random, means: readonly number[], jitter: number): number[] {
  const phase = rng.next();
  let expected = 0;
  let emitted = 0;
  return means.map((m) => {
    expected += m;
    const due = Math.max(0, Math.floor(expected + phase + rng.normal(0, jitter)) - emitted);
    emitted += due;
    return due;
  });
}

interface Project {
  day: number;
  lead: DemoPerson;
  supports: DemoPerson[];
  customer: string;
  industry: string;
  amount: number;
  amountText: string;
  status: Status;
  decided: number | null;
  strategic: boolean;
}

function makeCustomers(rng: Random): Map<string, string[]> {
  const byIndustry = new Map<string, string[]>(INDUSTRIES.map((i) => [i, []]));
  for (let k = 0; k < CUSTOMER_COUNT; k++) byIndustry.get(rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS))!.push(`C${10001 + k}`);
  // every industry needs at least one customer to pick from
  INDUSTRIES.forEach((ind, k) => byIndustry.get(ind)!.length === 0 && byIndustry.get(ind)!.push(`C${10001 + CUSTOMER_COUNT + k}`));
  return byIndustry;
}

/**
 * Deal sizes of one lead's projects in date order. The size quantiles follow a shuffled-phase
 * Weyl sequence rather than independent draws, so every stretch of a person's pipeline has its
 * share of large and small deals (a quarter of independent draws can be all small ones).
 */
function amountsOf(rng: Random, lead: DemoPerson, n: number): { amount: number; text: string }[] {
  let u = rng.next();
  const out: { amount: number; text: string }[] = [];
  for (let k = 0; k < n; k++) {
    u = (u + 0.618_034 + 0.08 * rng.next()) % 1;
    const z = clamp(Math.log((u + 0.005) / (1.005 - u)) / 1.702, -2, 2);
    let amount = clamp(MEDIAN_AMOUNT[lead.level] * Math.exp(0.15 * lead.ability + 0.28 * z), 200_000, 5_000_000);
    if (rng.chance(0.003)) amount = rng.uniform(5_000_000, 12_000_000);
    // CRMs round quotes; a few exports write thousands separators or 万.
    amount = Math.round(amount / 10_000) * 10_000 + (rng.chance(0.5) ? rng.int(0, 9) * 1000 : 0);
    const style = rng.next();
    if (style < 0.08) out.push({ amount, text: groupThousands(amount) });
    else if (style < 0.1 && amount % 10_000 === 0) out.push({ amount, text: `${amount / 10_000}万` });
    else out.push({ amount, text: String(amount) });
  }
  return out;
}

/**
 * A record on decided deals, or what one deal adds to it: [wins, high-value wins, won value in
 * typical deals]. Kept per person, over the deals they lead and support, as expected minus actual
 * (> 0: behind their odds).
 */
type Tally = [number, number, number];
/** How much each part of a record counts when steering outcomes and staffing. */
const TALLY_WEIGHT: Tally = [1, 2, 0.5];

/** How much further from its odds (< 0: closer to) a record gets when `gain` comes where `expected` was due. */
function drift(record: Tally, expected: Tally, gain: Tally): number {
  let d = 0;
  for (let i = 0; i < 3; i++) {
    const step = expected[i] - gain[i];
    d += TALLY_WEIGHT[i] * (record[i] * step + 0.5 * step * step);
  }
  return d;
}

function settle(record: Tally, expected: Tally, gain: Tally) {
  for (let i = 0; i < 3; i++) record[i] += expected[i] - gain[i];
}

/** A person's running record in the pipeline, their odds as a support, and their share of support slots. */
interface Form { record: Tally; supportOdds: number; supportsPerDay: number; supported: number }

/** The lead's outcome of a project (before its supports are chosen) and the lead's fair odds. */
function decide(rng: Random, p: Project, ifWon: Tally, form: Form): { status: Status; fair: number } {
  if (rng.chance(0.05)) return { status: 'cancelled', fair: 0 };
  if ((p.day > OPEN_AFTER && rng.chance(0.6)) || rng.chance(0.02)) return { status: 'open', fair: 0 };
  const { lead, amount, strategic } = p;
  const x = WIN_LOGIT + 0.55 * lead.ability + 0.1 * lead.diligence - 0.2 * Math.log(amount / 1_000_000) + (strategic ? 0.2 : 0);
  // Pipelines are managed: a lead who has been unlucky lately gets the better-qualified next deal,
  // so a quarter's win rate stays close to the person's odds (independent coin flips on ~13 deals a
  // quarter would swing it by ±14 points).
  const behind = TALLY_WEIGHT.reduce((s, w, i) => s + w * form.record[i] * ifWon[i], 0);
  return { status: rng.chance(logistic(x + PULL_BACK * behind)) ? 'won' : 'lost', fair: logistic(x) };
}

/**
 * Supports of a project. Whether a project is won depends on its lead; who is pulled into it
 * decides the supports' record. Everyone takes about their share of support slots over time
 * (juniors more, seniors fewer), and staffing follows form: a manager pulls into a won deal people
 * whose support record is behind their odds, into a lost one those ahead of them — so a support's
 * quarter reflects their ability rather than which deals happened to come their way. Open and
 * cancelled deals (no `deal`) are staffed without regard to form.
 */
function pickSupports(
  rng: Random, p: Project, people: readonly DemoPerson[], forms: Map<DemoPerson, Form>,
  deal: { expected: (q: DemoPerson) => Tally; gain: Tally } | null,
): DemoPerson[] {
  const k = rng.weighted([0, 1, 2], [10, 45, 45]);
  const pool = people.filter((q) => q !== p.lead && q.from <= p.day && p.day <= q.to);
  const score = pool.map((q) => {
    const f = forms.get(q)!;
    const owed = f.supportsPerDay * (p.day - q.from + 1) - f.supported;
    return OWED_PULL * owed - (deal === null ? 0 : STAFFING_PULL * drift(f.record, deal.expected(q), deal.gain));
  });
  const top = Math.max(...score);
  const weights = pool.map((q, i) => (q.team === p.lead.team ? 3 : 1) * Math.exp(score[i] - top));
  const out: DemoPerson[] = [];
  while (out.length < k && pool.length > 0) {
    const i = rng.weighted(pool.map((_, j) => j), weights);
    out.push(pool[i]);
    forms.get(pool[i])!.supported++;
    pool.splice(i, 1);
    weights.splice(i, 1);
  }
  return out;
}

/**
 * The projects CSV of the demo (English keys and codes; some amounts written `1,230,000`
 * or `350万`, as CRM exports do).
 * @example generateProjects(new Random(1), people, workDay).split('\n')[0]; // 'project_id,staff_id,role,...'
 */
export function generateProjects(rng: Random, people: readonly DemoPerson[], workDay: WorkDay): string {
  const customers = makeCustomers(rng);
  const industryOf = new Map<string, string>();
  for (const [ind, ids] of customers) for (const id of ids) industryOf.set(id, ind);
  // Each lead's pipeline first (dates and sizes), then all projects in date order: who wins
  // depends on how the participants have fared so far.
  const projects: Project[] = [];
  for (const lead of people) {
    // Pipelines are managed: about the same number of new leads every month.
    const perMonth = (LEADS_PER_YEAR[lead.level] / 12) * Math.exp(0.1 * lead.diligence) * rng.uniform(0.9, 1.1);
    const months = activeMonths(lead);
    const counts = steadyCounts(rng, months.map(([lo, hi]) => (perMonth * (hi - lo + 1)) / 30), 0.7);
    const days = months.flatMap(([lo, hi], m) => Array.from({ length: counts[m] }, () => workDay(rng, lo, hi))).sort((a, b) => a - b);
    const n = days.length;
    const sizes = amountsOf(rng, lead, n);
    days.forEach((day, k) => {
      const { amount, text } = sizes[k];
      const strategic = rng.chance(amount >= 3_000_000 ? 0.6 : 0.35);
      projects.push({ day, lead, supports: [], customer: '', industry: '', amount, amountText: text, status: 'open', decided: null, strategic });
    });
  }
  projects.sort((a, b) => a.day - b.day || (a.lead.id < b.lead.id ? -1 : a.lead.id > b.lead.id ? 1 : 0));
  // What a support can expect of the deals they join: the share of high-value ones, and the typical size.
  const isHighValue = (p: Project) => p.amount >= HIGH_VALUE || p.strategic;
  const highValueShare = projects.filter(isHighValue).length / projects.length;
  const typical = projects.reduce((s, p) => s + Math.min(p.amount, 5_000_000), 0) / projects.length;
  // Support slots per person and day, so that the expected slots (1.35 per project) are shared by level.
  const pullDays = people.reduce((s, q) => s + SUPPORT_PULL[q.level] * (q.to - q.from + 1), 0);
  const forms = new Map<DemoPerson, Form>(people.map((q) => [q, {
    record: [0, 0, 0], supported: 0,
    supportOdds: logistic(WIN_LOGIT + 0.1 + 0.55 * q.ability + 0.1 * q.diligence),
    supportsPerDay: (SUPPORT_PULL[q.level] * 1.35 * projects.length) / pullDays,
  }]));
  // Customers each lead already served; won ones twice, since a happy customer comes back more often.
  const accounts = new Map<DemoPerson, string[]>(people.map((q) => [q, []]));
  for (const p of projects) {
    const mine = accounts.get(p.lead)!;
    p.customer = mine.length > 0 && rng.chance(0.25) ? rng.pick(mine) : rng.pick(customers.get(rng.pick(p.lead.industries))!);
    p.industry = industryOf.get(p.customer)!;
    // Won value counts as sales contribution does: lead 0.3, support 0.2 of the amount (standard.json),
    // here per 0.25; a rare giant deal is a windfall that later deals need not make up for.
    const hv = isHighValue(p) ? 1 : 0;
    const size = Math.min(p.amount, 2.5 * typical) / typical;
    const leadForm = forms.get(p.lead)!;
    const { status, fair } = decide(rng, p, [1, hv, 1.2 * size], leadForm);
    const decided = status === 'won' || status === 'lost';
    const won = status === 'won' ? 1 : 0;
    const supportGain: Tally = [won, won * hv, won * 0.8 * size];
    const supportExpected = (q: DemoPerson): Tally => {
      const odds = forms.get(q)!.supportOdds;
      return [odds, odds * highValueShare, odds * 0.8];
    };
    p.status = status;
    p.supports = pickSupports(rng, p, people, forms, decided ? { expected: supportExpected, gain: supportGain } : null);
    p.decided = decided ? p.day : null;
    if (decided) {
      settle(leadForm.record, [fair, fair * hv, fair * 1.2 * size], [won, won * hv, won * 1.2 * size]);
      for (const q of p.supports) settle(forms.get(q)!.record, supportExpected(q), supportGain);
    }
    mine.push(p.customer);
    if (p.status === 'won') mine.push(p.customer);
  }
  // Proposals adopted: a steady share per person, like the other work habits.
  const adoption = new Map<DemoPerson, (p: number) => boolean>(people.map((q) => [q, steadyChance(rng)]));
  const seqByYear = new Map<number, number>();
  const rows: (string | number | boolean)[][] = [];
  for (const p of projects) {
    const year = new Date(p.day * 86_400_000).getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const id = `P${year}${String(seq).padStart(4, '0')}`;
    for (const [person, role] of [[p.lead, 'lead'], ...p.supports.map((q) => [q, 'support'])] as [DemoPerson, string][]) {
      const made = role === 'lead' ? rng.int(2, 8) : rng.int(0, 4);
      const adopts = adoption.get(person)!;
      let adopted = 0;
      for (let i = 0; i < made; i++) if (adopts(logistic(0.3 + 0.4 * person.ability))) adopted++;
      rows.push([
        id, person.id, role, p.customer, p.industry, p.amountText, p.status,
        p.decided === null ? '' : formatDay(p.decided), p.strategic, made, adopted,
      ]);
    }
  }
  const header = ['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', 'proposals_made', 'proposals_adopted'];
  return toCsv(header, rows);
}
