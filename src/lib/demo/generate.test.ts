import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importCsvText } from '../data/csvImport';
import { SCHEMAS } from '../data/schema';
import { KNOWN_ACTIVITY_TYPES, RATING_SOURCES } from '../engine/codes';
import { dayNumber, emptyDataset, type Dataset, type Kind } from '../engine/dataset';
import { presetScenario } from '../engine/presets';
import { computeResults } from '../engine/results';
import { demoStaff, generateDemoFiles } from './generate';
import { workingDayTest } from './holidays';

const files = generateDemoFiles();
const byName = Object.fromEntries(files.map((f) => [f.name, f.text]));
/** Header + rows of a demo file, parsed by the same parser the app uses. */
function table(name: string): { header: string[]; rows: string[][] } {
  const data = Papa.parse<string[]>(byName[name].trimEnd(), { header: false }).data;
  return { header: data[0], rows: data.slice(1) };
}
const col = (t: { header: string[] }, name: string) => {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const day = (s: string) => Date.parse(s.slice(0, 10)) / 86_400_000;
const minutes = (s: string) => Date.parse(s.replace(' ', 'T') + ':00Z') / 60_000;
const people = demoStaff();
const personById = new Map(people.map((p) => [p.id, p]));

function pearson(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('generateDemoFiles', () => {
  it('is deterministic: the same seed gives byte-identical files, another seed different ones', () => {
    expect(generateDemoFiles()).toEqual(files);
    expect(generateDemoFiles(20260101)).toEqual(files);
    const other = generateDemoFiles(7);
    expect(other.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(other.find((f) => f.name === 'projects.csv')!.text).not.toBe(byName['projects.csv']);
  });

  it('writes one file per input kind, staff and requests with Chinese headers, the rest with English keys', () => {
    expect(files.map((f) => f.name)).toEqual(['staff.csv', 'projects.csv', 'requests.csv', 'reviews.csv', 'ratings.csv', 'activities.csv', 'holidays.csv']);
    const header = (name: string) => byName[name].slice(0, byName[name].indexOf('\n'));
    expect(header('staff.csv')).toBe('工号,姓名,职级,方向,团队,直属经理,月薪,入职日期,离职日期');
    expect(header('requests.csv')).toBe('请求编号,工号,类型,请求时间,响应时间,交付时间,标书技术分');
    for (const kind of ['projects', 'reviews', 'ratings', 'activities', 'holidays'] as const) {
      expect(header(`${kind}.csv`)).toBe(SCHEMAS[kind].columns.map((c) => c.key).join(','));
    }
    for (const f of files) expect(f.text.endsWith('\n') && !f.text.startsWith('\uFEFF')).toBe(true);
  });

  it('has about 60 staff in 4 teams, with the level mix, hires, leavers and salaries of the brief', () => {
    const t = table('staff.csv');
    expect(t.rows).toHaveLength(60);
    const count = (i: number) => t.rows.reduce((m, r) => m.set(r[i], (m.get(r[i]) ?? 0) + 1), new Map<string, number>());
    expect(Object.fromEntries(count(2))).toEqual({ 初级: 18, 中级: 27, 资深: 15 });
    expect([...count(4).keys()].sort()).toEqual(['华北售前部', '华南售前部', '华东售前部', '行业解决方案中心'].sort());
    expect([...count(3).keys()].sort()).toEqual(['产品专家', '售前咨询', '行业解决方案']);
    expect(new Set(t.rows.map((r) => r[0])).size).toBe(60);
    expect(new Set(t.rows.map((r) => r[1])).size).toBe(60);
    const hires = t.rows.filter((r) => r[7].startsWith('2026'));
    expect(hires.length).toBeGreaterThanOrEqual(2);
    expect(hires.length).toBeLessThanOrEqual(3);
    const leavers = t.rows.filter((r) => r[8] !== '');
    expect(leavers.length).toBeGreaterThanOrEqual(1);
    expect(leavers.length).toBeLessThanOrEqual(2);
    const salaries = t.rows.map((r) => r[6]);
    expect(salaries.filter((s) => s === '').length).toBeGreaterThan(0);
    for (const s of salaries.filter((x) => x !== '')) {
      expect(Number(s)).toBeGreaterThanOrEqual(15_000);
      expect(Number(s)).toBeLessThanOrEqual(60_000);
    }
    expect(t.rows.every((r) => r[5] !== '')).toBe(true);
  });

  it('keeps every record inside its person\'s employment and the 2025–2026 window', () => {
    const staffWindow = new Map(table('staff.csv').rows.map((r) => [r[0], [r[7] && r[7] > '2025' ? day(r[7]) : dayNumber(2025, 1, 1), r[8] ? day(r[8]) : dayNumber(2026, 12, 31)]]));
    const checks: [string, string, string][] = [
      ['projects.csv', 'staff_id', 'decided_on'], ['requests.csv', '工号', '请求时间'], ['reviews.csv', 'staff_id', 'reviewed_on'],
      ['ratings.csv', 'staff_id', 'rated_on'], ['activities.csv', 'staff_id', 'date'],
    ];
    // collected, not asserted per row: one expect per row makes this test take seconds
    const outside: string[] = [];
    for (const [name, idCol, dateCol] of checks) {
      const t = table(name);
      const [ci, di] = [col(t, idCol), col(t, dateCol)];
      for (const r of t.rows) {
        const w = staffWindow.get(r[ci]);
        if (!w || (r[di] !== '' && (day(r[di]) < w[0] || day(r[di]) > w[1]))) outside.push(`${name}: ${r.join(',')}`);
      }
      expect(t.rows.filter((r) => r[di] !== '').length, name).toBeGreaterThan(0);
    }
    expect(outside).toEqual([]);
  });

  it('writes dates as yyyy-mm-dd and date-times as yyyy-mm-dd HH:mm, requests on working days', () => {
    const isWork = workingDayTest([2025, 2026]);
    const req = table('requests.csv');
    for (const r of req.rows) {
      expect(r[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      for (const v of [r[4], r[5]]) if (v !== '') expect(v).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(isWork(day(r[3])), r[3]).toBe(true);
    }
    for (const r of table('ratings.csv').rows) expect(r[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('makes projects consistent: project-level columns agree, adopted ≤ made, a result date exactly for won/lost', () => {
    const t = table('projects.csv');
    const first = new Map<string, string>();
    const leads = new Map<string, number>();
    for (const r of t.rows) {
      const level = [r[3], r[4], r[5], r[6], r[7], r[8]].join('|');
      expect(first.get(r[0]) ?? level, r[0]).toBe(level);
      first.set(r[0], level);
      if (r[2] === 'lead') leads.set(r[0], (leads.get(r[0]) ?? 0) + 1);
      expect(Number(r[10])).toBeLessThanOrEqual(Number(r[9]));
      expect(r[7] !== '').toBe(r[6] === 'won' || r[6] === 'lost');
    }
    expect([...first.keys()].every((id) => leads.get(id) === 1)).toBe(true);
    expect(new Set(t.rows.map((r) => r[6]))).toEqual(new Set(['won', 'lost', 'open', 'cancelled']));
    expect(new Set(t.rows.map((r) => r[8]))).toEqual(new Set(['true', 'false']));
    // amounts 20万–500万, a few larger; some written '1,230,000' (quoted in the file) or '350万'
    const amounts = [...first.values()].map((v) => v.split('|')[2]);
    const value = (s: string) => (s.endsWith('万') ? Number(s.slice(0, -1)) * 10_000 : Number(s.replaceAll(',', '')));
    expect(amounts.every((a) => value(a) >= 200_000)).toBe(true);
    const large = amounts.filter((a) => value(a) > 5_000_000).length;
    expect(large).toBeGreaterThan(0);
    expect(large / amounts.length).toBeLessThan(0.05);
    expect(amounts.some((a) => a.includes(','))).toBe(true);
    expect(amounts.some((a) => a.endsWith('万'))).toBe(true);
    expect(byName['projects.csv']).toMatch(/,"\d{1,3}(,\d{3})+",/);
    expect(new Set([...first.values()].map((v) => v.split('|')[1])).size).toBeGreaterThanOrEqual(8);
  });

  it('covers every request type, late and missing responses and deliveries, bid scores', () => {
    const rows = table('requests.csv').rows;
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['技术咨询', '方案', '投标']));
    const responded = rows.filter((r) => r[4] !== '');
    expect(responded.some((r) => minutes(r[4]) - minutes(r[3]) > 24 * 60)).toBe(true);
    expect(rows.some((r) => r[4] === '')).toBe(true);
    const deliverable = rows.filter((r) => r[2] !== '技术咨询');
    expect(deliverable.some((r) => r[5] !== '' && minutes(r[5]) - minutes(r[3]) > 48 * 60)).toBe(true);
    expect(deliverable.some((r) => r[5] === '')).toBe(true);
    for (const r of rows) {
      if (r[4] !== '') expect(minutes(r[4])).toBeGreaterThanOrEqual(minutes(r[3]));
      if (r[5] !== '') expect(minutes(r[5])).toBeGreaterThanOrEqual(minutes(r[3]));
      if (r[6] !== '') expect(r[2]).toBe('投标');
    }
    expect(rows.filter((r) => r[6] !== '').length).toBeGreaterThan(100);
  });

  it('has every activity type, the SaaS demo types, every rating source and both review kinds', () => {
    const types = new Set(table('activities.csv').rows.map((r) => r[2]));
    for (const t of [...KNOWN_ACTIVITY_TYPES, 'saas_demo', 'saas_demo_won']) expect(types.has(t), t).toBe(true);
    const ratings = table('ratings.csv').rows;
    expect(new Set(ratings.map((r) => r[2]))).toEqual(new Set(RATING_SOURCES));
    expect(ratings.some((r) => r[4] === '100')).toBe(true);
    expect(ratings.some((r) => r[4] === '')).toBe(true);
    for (const r of ratings) expect(Number(r[3])).toBeLessThanOrEqual(r[4] === '' ? 5 : Number(r[4]));
    const reviews = table('reviews.csv').rows;
    expect(new Set(reviews.map((r) => r[2]))).toEqual(new Set(['research_report', 'solution']));
    expect(reviews.every((r) => (r[2] === 'research_report' ? r[4] !== '' : r[5] === 'true' || r[5] === 'false'))).toBe(true);
  });

  it('lets ability and diligence show: abler people win more and bid better, diligent people answer faster', () => {
    const wins = new Map<string, [number, number]>();
    for (const r of table('projects.csv').rows) {
      if (r[6] !== 'won' && r[6] !== 'lost') continue;
      const w = wins.get(r[1]) ?? [0, 0];
      wins.set(r[1], [w[0] + (r[6] === 'won' ? 1 : 0), w[1] + 1]);
    }
    const ids = [...wins.keys()].filter((id) => wins.get(id)![1] >= 10);
    expect(ids.length).toBeGreaterThan(50);
    const ability = ids.map((id) => personById.get(id)!.ability);
    const winRate = ids.map((id) => wins.get(id)![0] / wins.get(id)![1]);
    expect(pearson(ability, winRate)).toBeGreaterThan(0.3);
    const ranked = [...ids].sort((a, b) => personById.get(a)!.ability - personById.get(b)!.ability);
    const mean = (xs: string[]) => xs.reduce((s, id) => s + wins.get(id)![0] / wins.get(id)![1], 0) / xs.length;
    const third = Math.floor(ranked.length / 3);
    expect(mean(ranked.slice(-third))).toBeGreaterThan(mean(ranked.slice(0, third)) + 0.05);

    const quick = new Map<string, [number, number]>();
    for (const r of table('requests.csv').rows) {
      const q = quick.get(r[1]) ?? [0, 0];
      const ok = r[4] !== '' && minutes(r[4]) - minutes(r[3]) <= 24 * 60;
      quick.set(r[1], [q[0] + (ok ? 1 : 0), q[1] + 1]);
    }
    const qids = [...quick.keys()];
    expect(pearson(qids.map((id) => personById.get(id)!.diligence), qids.map((id) => quick.get(id)![0] / quick.get(id)![1]))).toBeGreaterThan(0.3);
  });

  it('lists mainland China holidays and adjusted workdays of 2025 and 2026', () => {
    const rows = table('holidays.csv').rows;
    expect(rows.some((r) => r[0] === '2025-01-28' && r[1] === 'holiday')).toBe(true);
    expect(rows.some((r) => r[0] === '2026-02-14' && r[1] === 'workday')).toBe(true);
    expect(rows.filter((r) => r[1] === 'workday')).toHaveLength(11);
  });
});

describe('the demo through the real import and engine', () => {
  const imported = files.map((f) => ({ f, r: importCsvText(f.text, f.name) }));

  it('imports every file with zero errors and warnings, as the expected kind', () => {
    for (const { f, r } of imported) {
      expect(r.kind, f.name).toBe(f.name.replace('.csv', '') as Kind);
      expect(r.issues.filter((i) => i.severity !== 'notice'), f.name).toEqual([]);
      expect(r.rowCount, f.name).toBe(f.text.split('\n').length - 2);
      expect(r.unknownColumns, f.name).toEqual([]);
    }
    const lang = Object.fromEntries(imported.map(({ f, r }) => [f.name, r.headerLanguage]));
    expect(lang['staff.csv']).toBe('zh');
    expect(lang['requests.csv']).toBe('zh');
    expect(lang['projects.csv']).toBe('en');
    // the only notices are the custom SaaS activity types
    const notices = imported.flatMap(({ r }) => r.issues).map((i) => i.value);
    expect(notices.sort()).toEqual(['saas_demo', 'saas_demo_won']);
  });

  const ds = emptyDataset();
  for (const { r } of imported) (ds as unknown as Record<Kind, Dataset[Kind] | null>)[r.kind!] = r.table;

  // A real presales team under the standard preset (threshold grades, no forced distribution): B the
  // largest band at about half the team, a fifth to a quarter in A, a few S, and C+D a minority.
  // The demo has S 5–9% · A 19–28% · B 50–59% · C+D 12–18% in every period; the bounds leave a few
  // people of room. The old generator had C+D at 33–60% and B at 18–31% in every period.
  const PERIODS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4', '2025', '2026'];
  const standard = presetScenario('standard');
  const byPeriod = new Map(PERIODS.map((p) => [p, computeResults(ds, p, standard).results]));

  it.each(PERIODS)('grades %s of the standard scenario like a real team: mostly B, some A, a few S and C/D', (period) => {
    const results = byPeriod.get(period)!;
    const graded = results.filter((r) => r.grade !== null);
    expect(graded.length).toBeGreaterThanOrEqual(55);
    const share = (...grades: string[]) => graded.filter((r) => grades.includes(r.grade!)).length / graded.length;
    const [s, a, b, cd] = [share('S'), share('A'), share('B'), share('C', 'D')];
    expect(b, 'B is the largest band').toBeGreaterThan(Math.max(s, a, cd));
    expect(b, 'B').toBeGreaterThanOrEqual(0.45);
    expect(b, 'B').toBeLessThanOrEqual(0.62);
    expect(a, 'A').toBeGreaterThanOrEqual(0.15);
    expect(a, 'A').toBeLessThanOrEqual(0.32);
    expect(s, 'S').toBeGreaterThanOrEqual(0.03);
    expect(s, 'S').toBeLessThanOrEqual(0.12);
    expect(cd, 'C+D').toBeGreaterThanOrEqual(0.08);
    expect(cd, 'C+D').toBeLessThanOrEqual(0.22);
    const totals = graded.map((r) => r.total!).sort((x, y) => x - y);
    const median = totals[Math.floor(totals.length / 2)];
    expect(median).toBeGreaterThanOrEqual(70);
    expect(median).toBeLessThan(80);
  });

  it('keeps people apart: the spread between people is well above a person\'s quarter-to-quarter noise', () => {
    const quarters = PERIODS.slice(0, 8).map((p) => new Map(byPeriod.get(p)!.map((r) => [r.staff_id, r.total])));
    const everyQuarter = [...quarters[0].keys()].filter((id) => quarters.every((q) => typeof q.get(id) === 'number'));
    expect(everyQuarter.length).toBeGreaterThan(50);
    const rows = everyQuarter.map((id) => quarters.map((q) => q.get(id)!));
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((v, x) => v + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const within = Math.sqrt(mean(rows.map(variance)));
    const between = Math.sqrt(variance(rows.map(mean)));
    // the demo: within ≈ 3 points, between ≈ 8; the old generator had within 11.6 > between 9.1
    expect(within).toBeGreaterThan(1); // quarters still differ
    expect(between).toBeGreaterThan(2 * within);
  });

  it.each(['2025', '2026'])('has every grade S, A, B and C or D in %s', (period) => {
    const grades = new Set<string | null>(byPeriod.get(period)!.map((r) => r.grade));
    for (const g of ['S', 'A', 'B']) expect(grades.has(g), g).toBe(true);
    expect(grades.has('C') || grades.has('D')).toBe(true);
  });

  it("gives the 'SaaS 推广' preset's custom indicator data for the people who demo", () => {
    const { results } = computeResults(ds, '2026', presetScenario('saas-push'));
    const withSaas = results.filter((r) => r.points.saas_push !== null && r.points.saas_push !== undefined);
    expect(withSaas.length).toBeGreaterThan(results.length / 2);
    expect(new Set(withSaas.map((r) => r.points.saas_push)).size).toBeGreaterThan(10);
  });
});
