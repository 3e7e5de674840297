import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './server.js';
import { REPO_ROOT } from '../../repo-paths.js';

const ROOT = REPO_ROOT;
/**
 * Screenshots are taken only when asked for: to docs/screenshots/ (the README's gallery) with UPDATE_SCREENSHOTS=1, to
 * test-results/screenshots/ with TRUCE_TEST_SHOTS=1. They assert nothing, and encoding ~45 full-page PNGs cost the
 * CPU-bound suite Chromium time on every run for files nobody opened.
 */
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : process.env.TRUCE_TEST_SHOTS === '1' ? join(ROOT, 'test-results', 'screenshots') : null;
/** Whether this run takes screenshots (work done only for them is skipped otherwise). */
export const TAKING_SHOTS = SHOTS !== null;
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A page that records uncaught script errors and never reaches beyond the test server. */
  open(context: BrowserContext, hash: string): Promise<Page>;
  /** The page raised no script error. */
  noErrors(page: Page): void;
  /** A screenshot under `name`, when this run takes them (TAKING_SHOTS). */
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
  /** Every inclusion-proof badge on the page settles, and all of them verified; answers how many. */
  proofsVerified(page: Page): Promise<number>;
  /** Load a demo member's key file through the sign-in dialog. */
  signIn(page: Page, member: string): Promise<void>;
  signOut(page: Page): Promise<void>;
  /** Run "Verify in this browser" on the log page to its verdict, assert success, and take a screenshot. */
  verifyLogInBrowser(shotName: string): Promise<void>;
}

/**
 * Debian's Chromium (headless, no network beyond the test server) against the real server with the fictional training
 * mechanism (`--demo training`),
 * started before the file's tests and closed after them.
 *
 * The app's service worker (it precaches the whole app, 62 files and 3.7 MB, in every new browser context, and stores
 * each public API answer) runs only in the files that test it, which ask for it with `serviceWorkers: 'allow'`: in
 * the others it was a fifth of Chromium's CPU and no test looked at it. A context that names `serviceWorkers` itself
 * has its way.
 */
export function browserSuite(options: { now?: () => number; demo?: true | 'training'; serviceWorkers?: 'allow' | 'block' } = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pageErrors = new WeakMap<Page, string[]>();
  before(async () => {
    assert.ok(existsSync(join(ROOT, 'dist', 'web', 'index.html')), 'dist/web is missing: run `npm run build:web` first');
    if (SHOTS) await mkdir(SHOTS, { recursive: true });
    server = await startServer({ demo: options.demo ?? 'training', ...(options.now ? { now: options.now } : {}) });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const newContext = browser.newContext.bind(browser);
    const serviceWorkers = options.serviceWorkers ?? 'block';
    browser.newContext = (contextOptions = {}) => newContext({ serviceWorkers, ...contextOptions });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const suite: BrowserSuite = {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async open(context, hash) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      pageErrors.set(page, errors);
      const url = server!.url;
      await page.route('**/*', (route) => {
        const target = route.request().url();
        return target.startsWith(url) || target.startsWith('blob:') || target.startsWith('data:') ? route.continue() : route.abort();
      });
      await page.goto(`${url}/${hash}`);
      return page;
    },
    noErrors: (page) => assert.deepEqual(pageErrors.get(page), []),
    async shot(page, name, fullPage = true) {
      if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
    },
    async proofsVerified(page) {
      await page.waitForFunction(() => document.querySelectorAll('[data-proof]').length > 0 && !document.querySelector('[data-proof="pending"]'), null, { timeout: 30_000 });
      const failed = await page.locator('[data-proof="fail"]').allTextContents();
      assert.deepEqual(failed, [], 'an inclusion proof failed in the browser');
      return page.locator('[data-proof="ok"]').count();
    },
    async signIn(page, member) {
      await page.getByTestId('load-key').click();
      await page.locator('#key-file').setInputFiles(join(server!.dataDir, 'demo-keys', `${member}.json`));
      await page.getByTestId('session').waitFor();
    },
    async signOut(page) {
      await page.getByRole('button', { name: 'Forget key' }).click();
      await page.getByTestId('load-key').waitFor();
    },
    async verifyLogInBrowser(shotName) {
      const context = await browser!.newContext({ viewport: DESKTOP });
      const page = await suite.open(context, '#/log');
      await page.getByTestId('checkpoint').waitFor();
      await page.getByTestId('verify-run').click();
      const verdict = page.getByTestId('verify-verdict');
      await verdict.waitFor({ timeout: 120_000 });
      assert.equal(await verdict.getAttribute('data-verdict'), 'ok', await verdict.innerText());
      assert.match(await verdict.innerText(), /Verified in this browser/);
      await suite.shot(page, shotName);
      suite.noErrors(page);
      await context.close();
    },
  };
  return suite;
}

/**
 * Wait until `probe`, run in the page, resolves to true. Unlike page.waitForFunction, which takes a returned Promise
 * as a truthy answer at once, this awaits each probe: for state kept in IndexedDB or the Cache API.
 */
export async function untilInPage<A>(page: Page, probe: (arg: A) => Promise<boolean>, arg: A, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(probe as (arg: unknown) => Promise<boolean>, arg))) {
    if (Date.now() > deadline) throw new Error(`the page did not reach the state within ${timeoutMs} ms: ${probe.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Move a page already open on the app to another of its routes: a hash change, so the app is not loaded again (the
 * language in the URL's query stays). What the current route has drawn is noted first, for `drawn`.
 */
export async function goTo(page: Page, url: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { truceDrawnBefore?: WeakSet<Element> }).truceDrawnBefore = new WeakSet(document.querySelectorAll('body *'));
  });
  await page.goto(url);
}

/** Wait until an element matching `selector` is shown that the route left by the last `goTo` had not drawn. */
export async function drawn(page: Page, selector: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const before = (window as unknown as { truceDrawnBefore?: WeakSet<Element> }).truceDrawnBefore;
      return [...document.querySelectorAll(sel)].some((el) => !before?.has(el) && el.getClientRects().length > 0);
    },
    selector,
    { timeout: timeoutMs },
  );
}

/** The page's fonts are loaded and two frames have been drawn since: its layout is the one a reader sees. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  });
}
