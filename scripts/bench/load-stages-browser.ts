/**
 * Where loadDataset's time goes with 1M projects rows stored: the cold raw IndexedDB read,
 * then each column's decoding on its own. A diagnostic, not a target:
 * `npx tsx scripts/bench/load-stages-browser.ts [rows=1000000]`.
 */
import { bigProjects, bigStaff, importIntoProfile, isMain, launchProfile, loadFigures, newProfile, openBenchPage, openSite, printFigures, type Figure } from './lib/harness';
import type { KpiBench } from './page/page';

type Win = { kpiBench: KpiBench };

export async function run(rows = 1_000_000): Promise<Figure[]> {
  const projects = bigProjects(rows), staff = bigStaff(rows);
  const figures: Figure[] = [...loadFigures('at start')];
  const site = await openSite([projects, staff]);
  const profile = newProfile();
  try {
    await importIntoProfile(site, profile, [staff, projects]);
    const ctx = await launchProfile(profile.dir);
    const page = await openBenchPage(ctx, site);
    const st = await page.evaluate(() => (window as unknown as Win).kpiBench.loadStages());
    await ctx.close();
    for (const [name, v] of Object.entries(st)) figures.push({ name: `  ${name}`, value: v, unit: 'ms' });
  } finally {
    profile.remove();
    await site.close();
  }
  figures.push(...loadFigures('at end'));
  return figures;
}

if (isMain(import.meta.url)) printFigures(await run(Number(process.argv[2]) || 1_000_000));
