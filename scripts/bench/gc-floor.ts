/**
 * How long V8's memory-reducing collection pauses a page in this Chromium, as a function of the
 * live heap, with nothing of the app in the page (docs/benchmarks.md, "The memory reducer's pause").
 *
 * For each live-heap size, a fresh headless Chromium opens about:blank; the page keeps `mib` MiB
 * of small strings (about the size and shape of the app's ids) and then, like a slider drag,
 * changes a text node and allocates ~20 KiB on every frame for DURATION_S, each frame's objects
 * kept for 2 s. V8 prints every collection (`--trace-gc-nvp`, to the browser's stdout); the
 * script prints every process's mark-compacts: the memory reducer's (`reduce_memory`) and the
 * others, pause (wall) and old generation before → after. The page's renderer is the one whose
 * old generation holds the ids; another Chromium process with a V8 heap of ~4.5 MiB (none of
 * the page's objects) shows the floor.
 * Alone: `npx tsx scripts/bench/gc-floor.ts [mib…]` (default 1 4 8 15; ~45 s each).
 */
import { chromium } from 'playwright-core';
import { isMain } from './lib/harness';
import { chromiumPath } from '../../test/e2e/browser';

const DURATION_S = 40;

interface Collection { pid: string; pause: number; reduce: boolean; before: number; after: number }

/** The mark-compact lines of `--trace-gc-nvp` output. */
function collections(out: string): Collection[] {
  const found: Collection[] = [];
  for (const line of out.split('\n')) {
    const m = /\[(\d+):[^\]]*\].*? GC: (\{.*\})\s*$/.exec(line);
    if (!m) continue;
    let d: Record<string, unknown>;
    try { d = JSON.parse(m[2]); } catch { continue; }
    if (d.gc !== 'mc') continue;
    found.push({
      pid: m[1], pause: Number(d.pause), reduce: d.reduce_memory === true,
      before: Number(d.start_old_gen_consumed_size) / 2 ** 20, after: Number(d.end_old_gen_consumed_size) / 2 ** 20,
    });
  }
  return found;
}

async function run(mib: number): Promise<void> {
  const server = await chromium.launchServer({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--js-flags=--trace-gc-nvp'],
  });
  let out = '';
  server.process().stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  const browser = await chromium.connect(server.wsEndpoint());
  const page = await browser.newPage();
  await page.goto('about:blank');
  await page.evaluate(`(() => {
    // ~32 bytes per 10-character id (header + characters + the array's slot).
    const n = Math.round(${mib} * 2 ** 20 / 32);
    window.keep = Array.from({ length: n }, (_, i) => ('P' + (1e9 + i)).slice(0, 10));
    const text = document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode(''));
    // Each frame's objects live for 2 s (120 frames), long enough to be promoted: the old
    // generation grows and is collected, as in the app's drags (~35 KiB of heap growth per move).
    const ring = [];
    let frame = 0;
    const loop = () => {
      const garbage = [];
      for (let i = 0; i < 400; i++) garbage.push({ i, s: 'row ' + ((frame * 400 + i) % 997) });
      ring[frame % 120] = garbage;
      text.data = 'frame ' + frame++ + ' ' + garbage.length;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await page.waitForTimeout(DURATION_S * 1000);
  await browser.close();
  await server.close();
  const fmt = (c: Collection) => `${c.reduce ? 'memory reducer' : 'other'} ${c.pause.toFixed(1)} ms (old gen ${c.before.toFixed(1)} → ${c.after.toFixed(1)} MiB)`;
  console.log(`live ${mib} MiB of ids, ${DURATION_S} s of frames:`);
  const byPid = new Map<string, Collection[]>();
  for (const c of collections(out)) byPid.set(c.pid, [...(byPid.get(c.pid) ?? []), c]);
  for (const [pid, cs] of byPid) console.log(`  process ${pid}: ${cs.map(fmt).join('; ')}`);
}

if (isMain(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const mib of sizes.length ? sizes : [1, 4, 8, 15]) await run(mib);
}
