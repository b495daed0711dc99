/**
 * The three browser engines behind one small interface, for the cross-browser journey
 * (journey.ts): Chromium through playwright-core, Firefox through puppeteer-core over WebDriver
 * BiDi, WebKitGTK (Safari's engine) through selenium-webdriver and WebKitWebDriver under xvfb.
 * Each engine's automation can run a function in the page, load a URL and put files into an
 * <input type=file>; everything else the journey does through the page itself.
 *
 * Outside CI a missing engine skips its tests LOUDLY (as browser.ts does for Chromium); in CI
 * (env CI set) it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, By, Capabilities, type WebDriver } from 'selenium-webdriver';
import { chromiumPath } from './browser';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A page of one engine; `run` calls `fn` in the page with JSON arguments and returns its (awaited) JSON result. */
export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  run<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<Awaited<T>>;
  setFiles(css: string, paths: string[]): Promise<void>;
}

export interface EngineBrowser {
  readonly engine: EngineName;
  /** e.g. 'firefox/153.8.0' */
  readonly version: string;
  /** A new page in a fresh profile or context (its own storage). */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

const FIREFOX = () => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = () => process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = () => process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';

/** What each engine needs on disk, and how to get it on Debian. */
const NEEDS: Record<EngineName, { paths: () => string[]; install: string }> = {
  chromium: { paths: () => [chromiumPath()], install: 'apt-get install -y chromium' },
  firefox: { paths: () => [FIREFOX()], install: 'apt-get install -y firefox-esr' },
  webkit: { paths: () => [WEBKIT_DRIVER(), MINIBROWSER(), XVFB_RUN], install: 'apt-get install -y webkit2gtk-driver xvfb' },
};

/**
 * Whether `engine`'s tests can run: in CI a missing browser throws; elsewhere a banner says
 * what to install and it returns false, for `describe.skipIf(!requireEngineOrSkip('firefox'))`.
 */
export function requireEngineOrSkip(engine: EngineName): boolean {
  const missing = NEEDS[engine].paths().filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const message = `${engine}: ${missing.join(', ')} not found: install with \`apt-get update && ${NEEDS[engine].install}\`.`;
  if (process.env.CI) throw new Error(`[browser tests] ${message} CI must run the ${engine} tests.`);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n!! ${engine.toUpperCase()} TESTS SKIPPED — ${message}\n${bar}\n`);
  return false;
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Chromium; `extraArgs` e.g. `--host-resolver-rules=MAP kpi.intranet 127.0.0.1` for a non-secure origin. */
async function launchChromium(extraArgs: string[]): Promise<EngineBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  return {
    engine: 'chromium',
    version: `chromium/${browser.version()}`,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      return {
        engine: 'chromium',
        goto: async (url) => { await page.goto(url); },
        // An expression evaluated over CDP (outside the page's CSP), its arguments as JSON literals.
        run: (fn, ...args) => page.evaluate(`(${fn.toString()}).apply(null, ${JSON.stringify(args)})`) as never,
        setFiles: (css, paths) => page.locator(css).setInputFiles(paths),
      };
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<EngineBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX(), headless: true });
  const version = await browser.version();
  return {
    engine: 'firefox',
    version,
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      return {
        engine: 'firefox',
        goto: async (url) => { await page.goto(url); },
        run: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
        setFiles: async (css, paths) => {
          const input = await page.$(css);
          if (!input) throw new Error(`firefox: no ${css}`);
          await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(...paths);
        },
      };
    },
    close: () => browser.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** WebKitWebDriver under xvfb-run; the process group is ended on close. */
async function launchWebKit(): Promise<EngineBrowser> {
  const port = await freePort();
  const proc: ChildProcess = spawn(XVFB_RUN, ['-a', WEBKIT_DRIVER(), `--port=${port}`], { stdio: 'ignore', detached: true });
  const stop = () => { try { process.kill(-proc.pid!, 'SIGTERM'); } catch { /* already gone */ } };
  const caps = new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER(), args: ['--automation'] },
  });
  const drivers: WebDriver[] = [];
  const connect = async (): Promise<WebDriver> => {
    // The driver needs a moment to listen: retry for up to 30 s.
    for (let i = 0; ; i++) {
      try {
        const d = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
        drivers.push(d);
        return d;
      } catch (e) {
        if (i >= 60) { stop(); throw e; }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const first = await connect();
  const v = (await first.getCapabilities()).get('browserVersion') as string | undefined;
  let firstFree = true;
  return {
    engine: 'webkit',
    version: `webkitgtk/${v ?? '?'}`,
    async newPage() {
      // One session is one MiniBrowser in --automation mode: an ephemeral profile of its own.
      const driver = firstFree ? first : await connect();
      firstFree = false;
      await driver.manage().window().setRect({ width: 1280, height: 720 }).catch(() => { /* a headless X screen may refuse */ });
      return {
        engine: 'webkit',
        goto: async (url) => { await driver.get(url); },
        run: (fn, ...args) => driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, ...args) as never,
        setFiles: async (css, paths) => { await driver.findElement(By.css(css)).sendKeys(paths.join('\n')); },
      };
    },
    async close() {
      for (const d of drivers) await d.quit().catch(() => { /* the session may be gone */ });
      stop();
    },
  };
}

/**
 * Starts `engine`.
 * @example const b = await launchEngine('firefox'); const page = await b.newPage(); await page.goto(url); ... await b.close();
 */
export function launchEngine(engine: EngineName, opts: { chromiumArgs?: string[] } = {}): Promise<EngineBrowser> {
  if (engine === 'chromium') return launchChromium(opts.chromiumArgs ?? []);
  if (engine === 'firefox') return launchFirefox();
  return launchWebKit();
}
