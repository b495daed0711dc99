/**
 * Accessibility of every page (the routes module's list, routeIds.ts: pages added later are
 * covered without touching this file), in Chinese and in English, with the demo data, in the
 * built app in Chromium: axe-core reports no violation of impact serious or critical; each page
 * has exactly one <h1>; every chart (an <svg> not hidden from assistive technology) has a text
 * alternative — an accessible name, a <figcaption>, or a table in its <figure>. Moderate and minor
 * findings are printed (docs/hosting.md lists them with the reason they stay).
 * Pages with a parameter (#/person/PS1001) are opened through a link found on another page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requireChromiumOrSkip } from './browser';
import { openApp, startSite, type Site } from './helpers';
import { routeIds } from './routeIds';

/** Pages whose parameter a link to another page carries (People rows open a person by click, not by link). */
const SAME_PARAM: Record<string, string> = { person: 'report' };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding { id: string; impact: string; help: string; nodes: number; target: string }
interface PageCheck { h1: number; charts: string[]; findings: Finding[] }

/** Waits until the page has rendered and stayed the same for a moment (charts, async lists). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('.app-main');
    return !!main && !main.querySelector('.loading') && main.children.length > 0;
  }, undefined, { timeout: 60_000 });
  let before = '';
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => document.querySelector('.app-main')?.innerHTML.length + ':' + document.querySelectorAll('.app-main *').length);
    if (now === before) return;
    before = now;
    await page.waitForTimeout(250);
  }
}

async function check(page: Page): Promise<PageCheck> {
  const h1 = await page.locator('h1').count();
  const charts = await page.evaluate(() => [...document.querySelectorAll('svg')]
    .filter((svg) => !svg.closest('[aria-hidden="true"]') && svg.getAttribute('aria-hidden') !== 'true')
    .filter((svg) => {
      const named = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector(':scope > title')?.textContent?.trim();
      const figure = svg.closest('figure');
      const captioned = !!figure && (!!figure.querySelector('figcaption')?.textContent?.trim() || !!figure.querySelector('table'));
      return !named && !captioned;
    })
    .map((svg) => (svg.closest('[data-testid]')?.getAttribute('data-testid') ?? svg.parentElement?.className ?? 'svg')));
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') }));
  });
  return { h1, charts, findings };
}

describe.skipIf(!requireChromiumOrSkip())('accessibility of every page (axe-core), zh and en', () => {
  let site: Site;
  beforeAll(async () => { site = await startSite(); });
  afterAll(async () => { await site?.close(); });

  it('finds every route in the routes module', () => {
    const ids = routeIds().map((r) => r.page);
    expect(ids).toEqual(expect.arrayContaining(['overview', 'weights', 'data', 'person', 'scenarios']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('no serious or critical violation, one <h1>, every chart with a text alternative', async () => {
    const { page, context, errors } = await openApp(site, 'overview');
    const report: Record<string, PageCheck> = {};
    try {
      await page.evaluate(AXE_SOURCE);
      const routes = routeIds();
      for (const lang of ['zh', 'en'] as const) {
        await page.locator('.lang-toggle button').nth(lang === 'zh' ? 0 : 1).click();
        await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
        const links = new Map<string, string>();
        const visit = async (hash: string) => {
          await page.evaluate((h) => { location.hash = h; }, hash);
          await settled(page);
          // Links to pages that take a parameter, for the pages not in the menu.
          for (const href of await page.$$eval('a[href^="#/"]', (as) => as.map((a) => a.getAttribute('href')!))) {
            const id = href.slice(2).split('/')[0];
            if (href.includes('/', 2) && !links.has(id)) links.set(id, href);
          }
          report[`${lang} ${hash}`] = await check(page);
        };
        for (const r of routes.filter((x) => x.nav)) await visit(`#/${r.page}`);
        // A menu page with a parameter (#/report/PS1001) is another view of its own.
        for (const r of routes.filter((x) => x.nav && links.has(x.page))) await visit(links.get(r.page)!);
        // Pages reached by links only; a page visited may hold the link to the next.
        let pending = routes.filter((x) => !x.nav);
        while (pending.length) {
          const hrefOf = (page: string) => {
            const via = links.get(SAME_PARAM[page] ?? '');
            return links.get(page) ?? (via ? `#/${page}/${via.split('/').slice(2).join('/')}` : undefined);
          };
          const ready = pending.filter((r) => hrefOf(r.page));
          if (!ready.length) throw new Error(`no link to the ${pending.map((r) => r.page).join(', ')} page(s) on any page: add one, or teach a11y.e2e.test.ts the parameter`);
          for (const r of ready) await visit(hrefOf(r.page)!);
          pending = pending.filter((r) => !ready.includes(r));
        }
      }
    } finally {
      await context.close();
    }
    const lines = Object.entries(report).flatMap(([where, c]) => c.findings.map((f) => `${where}: ${f.impact} ${f.id} ×${f.nodes} — ${f.help} [${f.target}]`));
    if (lines.length) console.log(`axe findings:\n  ${lines.join('\n  ')}`);
    const serious = Object.entries(report).flatMap(([where, c]) =>
      c.findings.filter((f) => f.impact === 'serious' || f.impact === 'critical').map((f) => `${where}: ${f.id} (${f.target})`));
    expect(serious).toEqual([]);
    expect(Object.entries(report).filter(([, c]) => c.h1 !== 1).map(([where, c]) => `${where}: ${c.h1} h1`)).toEqual([]);
    expect(Object.entries(report).filter(([, c]) => c.charts.length).map(([where, c]) => `${where}: ${c.charts.join(', ')}`)).toEqual([]);
    for (const r of routeIds()) expect(Object.keys(report).some((k) => k.startsWith(`en #/${r.page}`))).toBe(true);
    expect(errors).toEqual([]);
  });
});
