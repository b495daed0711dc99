/**
 * Scheme-parameter edits in the built app at 10,000 staff (issue #16: any scheme-parameter edit
 * re-grades 10k staff in ≤ 16 ms of main-thread time). The store gets 10,000 staff and
 * 1,000,000 projects rows (pages-browser.ts's data, imported through the app's real import
 * path on the bench page); dist/index.html#/scheme (方案参数) opens in presentation mode, whose
 * board shows the grade bands, so each edit re-grades everyone on screen as in a workshop.
 * Then each parameter is edited ROUNDS times as a person does it: the box filled, then Enter
 * (a strategic industry: Space on its checkbox), a Chromium trace around it.
 *
 * Per edit, from the key's task to EDIT_MS later (the edit's input task, Svelte's updates, the
 * frame that shows the new grades): the main thread's busy time (the sum of its top-level task
 * durations, lib/trace.ts: WALL, and the thread's CPU time in those tasks) and the longest task.
 * What runs after that up to AFTER_MS — work the app schedules once the scheme settles, e.g. the
 * result rows computed ahead in slices 300 ms later (#19) — is reported apart (longest task, sum).
 * Median and max over the rounds. Load average printed at start and end: compare within one run.
 * Alone: `npx tsx scripts/bench/scheme-edit-browser.ts [staff=10000] [rows=1000000] [rounds=5]`.
 * Diagnostics: SCHEME_TASKS=1 lists the tasks of each kind's first timed edit (what ran in each);
 * SCHEME_CPU=25 takes V8's CPU profile over one more edit of each kind and prints the top 25
 * functions by self time (with a non-minified build: `npx vite build --minify false --outDir
 * /tmp/nomin`, served via SCHEME_APP=/tmp/nomin/index.html instead of dist/index.html).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import {
  isMain, launchProfile, loadFigures, median, newProfile, importThroughBenchPage, openSite, printFigures, type DataSpec, type Figure,
} from './lib/harness';
import { analyseMainThread, describeTask, startTrace } from './lib/trace';
import { cpuSelfTimes } from './lib/cpuProfile';

const TARGET = '≤ 16 ms';
/** The edit's own window: its input task and the frame after it (the app's later work starts 300 ms on). */
const EDIT_MS = 250;
/** The follow-up window's end, after the key (SCHEME_AFTER=240 leaves it out, e.g. for a CPU profile of the edit alone). */
const AFTER_MS = Number(process.env.SCHEME_AFTER) || 2500;
/** Chromium purges a new renderer's memory ~10 s after it starts (slider-browser.ts): edits wait until after it. */
const RENDERER_PURGE_MS = 11_000;

interface Case { name: string; what: string; selector: string; values?: (r: number) => string }
const CASES: Case[] = [
  { name: 'strategic industry on/off', what: 'project metrics + model + grades', selector: 'input[type=checkbox][data-industry]' },
  { name: 'strategic multiplier', what: 'project metrics + model + grades', selector: '[data-testid="multiplier"]', values: (r) => String(1.6 + r / 10) },
  { name: 'high-value threshold', what: 'project metrics + model + grades', selector: '[data-testid="high-value-threshold"]', values: (r) => String(600_000 + 100_000 * r) },
  { name: 'role coefficient (lead)', what: 'project metrics + model + grades', selector: '[data-testid="role-lead"]', values: (r) => String(0.35 + r / 20) },
  { name: 'weight adjustment (domain)', what: 'model + grades', selector: '[data-testid="delta-domain-consulting-innovation"]', values: (r) => String(1 + r) },
  { name: 'metric sub-weight', what: 'model + grades', selector: '[data-testid="subweight-solution_quality-first_pass_rate"]', values: (r) => String(2 + r) },
  { name: 'bonus share', what: 'grades', selector: '[data-testid="scheme-bonus-share"]', values: (r) => String(26 + r) },
];

const SETTLE = `new Promise((resolve) => {
  let last = performance.now();
  new PerformanceObserver((l) => { for (const e of l.getEntries()) last = Math.max(last, e.startTime + e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const check = () => (!document.querySelector('[data-testid=loading-rest]') && performance.now() - last > 1500 ? resolve(0) : setTimeout(check, 100));
  check();
})`;

interface EditWork { busy: { wall: number; cpu: number }; longest: number; after: { wall: number; cpu: number }; afterLongest: number }

/** One edit under a trace: marks, the key, the two windows. */
async function tracedEdit(page: Page, cdp: CDPSession, c: Case, round: number): Promise<EditWork> {
  const box = page.locator(c.selector).first();
  if (c.values) await box.fill(c.values(round));
  else await box.focus();
  const stop = await startTrace(cdp);
  await page.evaluate(() => performance.mark('bench-edit-start'));
  await box.press(c.values ? 'Enter' : 'Space');
  await page.waitForTimeout(AFTER_MS);
  await page.evaluate(() => performance.mark('bench-edit-end'));
  const events = await stop();
  const w = analyseMainThread(events, 'bench-edit-start', 'bench-edit-end');
  const split = w.start + EDIT_MS;
  const sum = (ts: typeof w.tasks) => ts.reduce((s, t) => ({ wall: s.wall + t.time.wall, cpu: s.cpu + t.time.cpu }), { wall: 0, cpu: 0 });
  const edit = w.tasks.filter((t) => t.start < split);
  const after = w.tasks.filter((t) => t.start >= split);
  if (process.env.SCHEME_TASKS && round === 1) {
    for (const t of edit) {
      const parts = t.parts.filter((x) => x.time.wall >= 0.5).map((x) => `${x.name} ${x.time.wall.toFixed(1)}`).join(', ');
      console.log(`    +${(t.start - w.start).toFixed(0)} ms ${t.time.wall.toFixed(1)}/${t.time.cpu.toFixed(1)} ms ${describeTask(t)}: ${parts}`);
    }
  }
  return {
    busy: sum(edit), longest: Math.max(0, ...edit.map((t) => t.time.wall)),
    after: sum(after), afterLongest: Math.max(0, ...after.map((t) => t.time.wall)),
  };
}

/** V8's sampling CPU profile over `go`: the `top` functions by self time. */
async function printCpuProfile(cdp: CDPSession, go: () => Promise<unknown>, top: number): Promise<void> {
  const self = (await cpuSelfTimes(cdp, go)).filter(([k]) => !k.startsWith('(idle)'));
  console.log(`    CPU profile of one edit, self time (ms), the top ${top}:`);
  for (const [k, v] of self.slice(0, top)) console.log(`     ${v.toFixed(2).padStart(7)}  ${k}`);
}

export async function run(staff = 10_000, rows = 1_000_000, rounds = 5): Promise<Figure[]> {
  const files: DataSpec[] = [{ kind: 'staff', n: staff }, { kind: 'projects', rows, seed: 1, staff }];
  const figures: Figure[] = [...loadFigures('at start')];
  const site = await openSite(files);
  const profile = newProfile();
  try {
    const ctx = await launchProfile(profile.dir);
    const bench = await importThroughBenchPage(ctx, site, files);

    const page = await ctx.newPage();
    const opened = Date.now();
    await bench.close();
    page.on('pageerror', (e) => console.error(`  [app] ${e.message}`));
    const other = process.env.SCHEME_APP;
    if (other) {
      const html = readFileSync(other, 'utf8');
      await page.route(site.app + '*', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
      console.log(`  app: ${other}`);
    }
    await page.goto(site.app + '#/scheme');
    await page.getByTestId('present-toggle').click();
    await page.locator('[data-testid="present-now-B"]').filter({ hasText: /\d/ }).waitFor({ timeout: 180_000 });
    await page.locator('input[type=checkbox][data-industry]').first().waitFor({ timeout: 60_000 });
    await page.evaluate(SETTLE);
    await page.waitForTimeout(Math.max(0, RENDERER_PURGE_MS - (Date.now() - opened)));
    const cdp = await ctx.newCDPSession(page);

    for (const c of CASES) {
      const done: EditWork[] = [];
      for (let r = 0; r < rounds + 1; r++) {
        const w = await tracedEdit(page, cdp, c, r);
        if (r > 0) done.push(w); // the first edit of a kind warms its code up
      }
      if (process.env.SCHEME_CPU) {
        await page.waitForTimeout(3000); // the last edit's follow-up work done: the profile holds this edit's
        await printCpuProfile(cdp, () => tracedEdit(page, cdp, c, rounds + 1), Number(process.env.SCHEME_CPU) || 25);
      }
      const bandB = await page.getByTestId('present-now-B').textContent();
      const cpu = done.map((w) => w.busy.cpu);
      const wall = done.map((w) => w.busy.wall);
      console.log(`  ${c.name}: busy CPU ${cpu.map((x) => x.toFixed(1)).join(' / ')} ms; wall ${wall.map((x) => x.toFixed(1)).join(' / ')} ms; band B now ${bandB}`);
      figures.push(
        { name: `${c.name} (${c.what}): main-thread busy, CPU, median`, value: median(cpu), unit: 'ms', target: TARGET },
        { name: `  ${c.name}: CPU, max`, value: Math.max(...cpu), unit: 'ms' },
        { name: `  ${c.name}: wall (tasks' durations), median / max`, value: median(wall), unit: `ms / ${Math.max(...wall).toFixed(1)} ms` },
        { name: `  ${c.name}: longest task, wall, median`, value: median(done.map((w) => w.longest)), unit: 'ms' },
        { name: `  ${c.name}: ${EDIT_MS}–${AFTER_MS} ms after: busy CPU median / longest task median`, value: median(done.map((w) => w.after.cpu)), unit: `ms / ${median(done.map((w) => w.afterLongest)).toFixed(1)} ms` },
      );
    }
    await ctx.close();
  } finally {
    profile.remove();
    await site.close();
  }
  figures.push({ name: `data: ${staff} staff, ${rows} projects rows, ${rounds} edits of each kind`, value: staff, unit: 'staff' }, ...loadFigures('at end'));
  return figures;
}

if (isMain(import.meta.url)) {
  printFigures(await run(Number(process.argv[2]) || 10_000, Number(process.argv[3]) || 1_000_000, Number(process.argv[4]) || 5));
}
