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
  /** latent, ~N(0, 1): wins, amounts, adoption, review and test scores */
  ability: number;
  /** latent, ~N(0, 1): responsiveness and activity counts */
  diligence: number;
  /** the industries the person mostly sells into */
  industries: string[];
  /** first and last day of the person's time in the demo window (day numbers) */
  from: number;
  to: number;
}

/** Picks a working day in [lo, hi]. */
export type WorkDay = (rng: Random, lo: number, hi: number) => number;

const LEADS_PER_YEAR: Record<Level, number> = { junior: 15, mid: 26, senior: 30 };
const MEDIAN_AMOUNT: Record<Level, number> = { junior: 500_000, mid: 750_000, senior: 1_100_000 };
// Juniors are pulled into other people's projects more often than seniors.
const SUPPORT_PULL: Record<Level, number> = { junior: 1.6, mid: 1, senior: 0.5 };
const CUSTOMER_COUNT = 320;
// Deals expected after this day are mostly still open at the end of the demo window.
const OPEN_AFTER = dayNumber(2026, 12, 1);

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

function pickSupports(rng: Random, lead: DemoPerson, day: number, people: readonly DemoPerson[]): DemoPerson[] {
  const k = rng.weighted([0, 1, 2], [25, 45, 30]);
  const pool = people.filter((q) => q !== lead && q.from <= day && day <= q.to);
  const out: DemoPerson[] = [];
  while (out.length < k && pool.length > 0) {
    const weights = pool.map((q) => SUPPORT_PULL[q.level] * (q.team === lead.team ? 3 : 1));
    const q = rng.weighted(pool, weights);
    out.push(q);
    pool.splice(pool.indexOf(q), 1);
  }
  return out;
}

function amountOf(rng: Random, lead: DemoPerson): { amount: number; text: string } {
  const z = clamp(rng.normal(), -2, 2);
  let amount = clamp(MEDIAN_AMOUNT[lead.level] * Math.exp(0.15 * lead.ability + 0.5 * z), 200_000, 5_000_000);
  if (rng.chance(0.015)) amount = rng.uniform(5_000_000, 12_000_000);
  // CRMs round quotes; a few exports write thousands separators or 万.
  amount = Math.round(amount / 10_000) * 10_000 + (rng.chance(0.5) ? rng.int(0, 9) * 1000 : 0);
  const style = rng.next();
  if (style < 0.08) return { amount, text: groupThousands(amount) };
  if (style < 0.1 && amount % 10_000 === 0) return { amount, text: `${amount / 10_000}万` };
  return { amount, text: String(amount) };
}

function decide(rng: Random, lead: DemoPerson, supports: DemoPerson[], amount: number, strategic: boolean, day: number): Status {
  if (rng.chance(0.05)) return 'cancelled';
  if ((day > OPEN_AFTER && rng.chance(0.5)) || rng.chance(0.02)) return 'open';
  const helpers = supports.length ? supports.reduce((s, q) => s + q.ability, 0) / supports.length : 0;
  const x = -0.4 + 0.5 * lead.ability + 0.2 * helpers + 0.1 * lead.diligence - 0.35 * Math.log(amount / 1_200_000) + (strategic ? 0.2 : 0);
  return rng.chance(logistic(x)) ? 'won' : 'lost';
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
  const projects: Project[] = [];
  for (const lead of people) {
    const years = (lead.to - lead.from + 1) / 365;
    // Pipelines are managed, so the yearly count varies less than a Poisson count would.
    const n = Math.round(LEADS_PER_YEAR[lead.level] * Math.exp(0.15 * lead.diligence) * years * rng.uniform(0.85, 1.15));
    const days = Array.from({ length: n }, () => workDay(rng, lead.from, lead.to)).sort((a, b) => a - b);
    // Customers the person already served; won ones twice, since a happy customer comes back more often.
    const accounts: string[] = [];
    for (const day of days) {
      const customer = accounts.length > 0 && rng.chance(0.35)
        ? rng.pick(accounts)
        : rng.pick(customers.get(rng.pick(lead.industries))!);
      const industry = industryOf.get(customer)!;
      const { amount, text } = amountOf(rng, lead);
      const strategic = rng.chance(amount >= 3_000_000 ? 0.3 : 0.08);
      const supports = pickSupports(rng, lead, day, people);
      const status = decide(rng, lead, supports, amount, strategic, day);
      const decided = status === 'won' || status === 'lost' ? day : null;
      accounts.push(customer);
      if (status === 'won') accounts.push(customer);
      projects.push({ day, lead, supports, customer, industry, amount, amountText: text, status, decided, strategic });
    }
  }
  projects.sort((a, b) => a.day - b.day || (a.lead.id < b.lead.id ? -1 : 1));
  const seqByYear = new Map<number, number>();
  const rows: (string | number | boolean)[][] = [];
  for (const p of projects) {
    const year = new Date(p.day * 86_400_000).getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const id = `P${year}${String(seq).padStart(4, '0')}`;
    for (const [person, role] of [[p.lead, 'lead'], ...p.supports.map((q) => [q, 'support'])] as [DemoPerson, string][]) {
      const made = role === 'lead' ? rng.int(2, 8) : rng.int(0, 4);
      const adopted = rng.binomial(made, logistic(0.1 + 0.4 * person.ability));
      rows.push([
        id, person.id, role, p.customer, p.industry, p.amountText, p.status,
        p.decided === null ? '' : formatDay(p.decided), p.strategic, made, adopted,
      ]);
    }
  }
  const header = ['project_id', 'staff_id', 'role', 'customer_id', 'industry', 'amount', 'status', 'decided_on', 'strategic', 'proposals_made', 'proposals_adopted'];
  return toCsv(header, rows);
}
