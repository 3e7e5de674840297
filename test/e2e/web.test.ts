// The web UI end to end, in a real (headless) Chromium against the real server with the demo mechanism:
// every page shows real content, a monitor loads its key file and promotes a news candidate (signed in the browser),
// and "Verify in this browser" reaches a success verdict. Screenshots go to docs/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer } from './helpers/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'docs', 'screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;

// Two invented articles for the review queue (outlets named as examples, not real ones): the ingest pipeline clusters
// them into one candidate and lists the death toll on which they disagree; the monitor then promotes it.
const ARTICLES = [
  {
    source: 'Example Daily (test)',
    title: 'Two killed as fire is exchanged at the Chaman crossing',
    published: '2025-11-08',
    text:
      'QUETTA, Nov 8: Two people, including a woman, were killed on Friday night when Afghan Taliban forces opened fire at the Chaman border crossing, Pakistani officials said. ' +
      'The Afghan authorities denied the claim and said Pakistani forces fired first.',
  },
  {
    source: 'Example Tribune (test)',
    title: 'Border clash at Chaman leaves three dead',
    published: '2025-11-07',
    text:
      'CHAMAN, Nov 7: Three people were killed on Thursday night in an exchange of fire between Pakistani and Afghan forces at the Chaman border crossing, local officials said. ' +
      "Pakistan's Foreign Office said the ceasefire still stands.",
  },
];

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist', 'web', 'index.html')), 'dist/web is missing: run `npm run build:web` first');
  await mkdir(SHOTS, { recursive: true });
  server = await startServer({ demo: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pageErrors = new WeakMap<Page, string[]>();

/** A page that records uncaught script errors (each test asserts there were none) and never reaches beyond the test server. */
async function open(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  await page.route('**/*', (route) => (route.request().url().startsWith(server.url) || route.request().url().startsWith('blob:') || route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  await page.goto(`${server.url}/${hash}`);
  return page;
}

const noErrors = (page: Page) => assert.deepEqual(pageErrors.get(page), []);
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

/** Every inclusion-proof badge on the page settles, and all of them verified. */
async function proofsVerified(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelectorAll('[data-proof]').length > 0 && !document.querySelector('[data-proof="pending"]'), null, { timeout: 30_000 });
  const failed = await page.locator('[data-proof="fail"]').allTextContents();
  assert.deepEqual(failed, [], 'an inclusion proof failed in the browser');
  return page.locator('[data-proof="ok"]').count();
}

test('overview: ceasefire status, incidents on the map and the timeline, compliance, demo label', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/');
  await page.getByTestId('ceasefire').waitFor();
  assert.match(await page.getByTestId('ceasefire').innerText(), /Yes, the ceasefire stands/);
  assert.match(await page.getByTestId('demo-notice').innerText(), /built from public reporting/i);
  // The map draws the incidents (WebGL) and lists them for keyboard and screen-reader users.
  await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="incident-map"]')?.getAttribute('data-rendered')) > 0, null, { timeout: 30_000 });
  const onMap = await page.getByTestId('map-incident').allTextContents();
  assert.ok(onMap.some((t) => /Chaman/.test(t)), `the Chaman–Spin Boldak incident is on the map: ${onMap.join(' | ')}`);
  await page.getByTestId('timeline').waitFor();
  assert.ok((await page.locator('.tl-bin').count()) > 0, 'the timeline has incident bars');
  assert.match(await page.getByTestId('compliance-af').innerText(), /Violations found/i);
  await page.waitForTimeout(500);
  await shot(page, 'overview');
  noErrors(page);

  // Keyboard: the first Tab reaches the skip link, and the sections are links in the tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');
  await context.close();
});

test('incidents: filter, list, and a detail page whose every record is proven in the browser', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/incidents?q=Chaman');
  const list = page.getByTestId('incident-list');
  await list.waitFor();
  assert.match(await list.innerText(), /Chaman/);
  await list.getByRole('link', { name: /Chaman/ }).first().click();
  await page.getByTestId('incident').waitFor();
  const text = await page.getByTestId('incident').innerText();
  assert.match(text, /Alleged by/);
  assert.match(text, /Investigation, findings and penalties/i);
  assert.match(text, /Final finding/i);
  assert.match(text, /Custody chain/);
  assert.ok((await proofsVerified(page)) >= 3, 'the report, the investigation and the finding signatures are proven');
  await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
  await page.waitForTimeout(500);
  await shot(page, 'incident-detail');
  noErrors(page);

  // An unknown incident shows the server's problem detail.
  await page.goto(`${server.url}/#/incidents/${'0'.repeat(64)}`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /no incident/);
  await context.close();
});

test('agreement: four signatures on the version in force, clauses, penalties, status history, meetings', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.getByTestId('signature').count(), 4);
  assert.ok((await page.getByTestId('clause').count()) >= 3);
  assert.ok((await page.getByTestId('meeting').count()) >= 3, 'the Doha and Istanbul rounds are listed');
  await proofsVerified(page);
  await shot(page, 'agreement');
  noErrors(page);
  await context.close();
});

test('compliance: a table per party', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/compliance');
  await page.getByTestId('compliance-table-af').waitFor();
  assert.match(await page.getByTestId('compliance-table-af').innerText(), /All clauses/i);
  await shot(page, 'compliance');
  noErrors(page);
  await context.close();
});

test('review queue: a monitor loads its key file and promotes a candidate, signed in the browser', { timeout: 120_000 }, async () => {
  const ingested = await fetch(`${server.url}/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: ARTICLES }) });
  assert.equal(ingested.status, 201);
  const { candidates } = (await ingested.json()) as { candidates: string[] };
  assert.ok(candidates.length >= 1);

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/review');
  await page.getByTestId('candidate').first().waitFor();

  // Sign in with the monitor's key file: imported as a non-extractable WebCrypto key.
  await page.getByTestId('load-key').click();
  await page.locator('#key-file').setInputFiles(join(server.dataDir, 'demo-keys', 'osint-desk.json'));
  await page.getByTestId('session').waitFor();
  assert.match(await page.getByTestId('session').innerText(), /Signing as/);
  const extractable = await page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const req = indexedDB.open('truce');
        req.onsuccess = () => {
          const get = req.result.transaction('keys').objectStore('keys').getAll();
          get.onsuccess = () => resolve((get.result[0] as { privateKey: CryptoKey }).privateKey.extractable);
          get.onerror = () => reject(get.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  assert.equal(extractable, false, 'the stored key is not extractable');

  const card = page.locator(`[data-candidate="${candidates[0]}"]`);
  assert.match(await card.innerText(), /Example Daily/);
  assert.match(await card.getByTestId('discrepancies').innerText(), /fatalities/i, 'the sources disagree on the toll, and the card says so');
  await card.getByTestId('promote-open').click();
  await card.locator('textarea').waitFor();
  assert.equal(await card.locator('select').nth(1).inputValue(), 'Armed clash', 'the form is drafted from the candidate');
  await shot(page, 'review-queue');
  await card.getByTestId('promote-submit').click();
  await card.getByTestId('promoted').waitFor({ timeout: 30_000 });
  const href = await card.getByTestId('promoted').getByRole('link').getAttribute('href');
  const reportId = href?.split('/').pop() ?? '';
  assert.match(reportId, /^[0-9a-f]{64}$/);

  const incident = (await (await fetch(`${server.url}/v1/incidents/${reportId}`)).json()) as { filedBy: { id: string }; candidate: string };
  assert.equal(incident.filedBy.id, 'osint-desk');
  assert.equal(incident.candidate, candidates[0]);
  noErrors(page);
  await context.close();
});

test('incident: the accused party replies, signed in the browser, and the reply sits beside the report', { timeout: 120_000 }, async () => {
  const page1 = (await (await fetch(`${server.url}/v1/incidents?party=pk&limit=50`)).json()) as { items: { id: string; replies: unknown[] }[] };
  const target = page1.items.find((i) => i.replies.length === 0);
  assert.ok(target, 'the demo has a report against pk with no reply yet');
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${target.id}`);
  await page.getByTestId('incident').waitFor();
  await page.getByTestId('load-key').click();
  await page.locator('#key-file').setInputFiles(join(server.dataDir, 'demo-keys', 'pk.json'));
  await page.getByTestId('session').waitFor();
  await page.locator('#reply-text').fill('The Government of Pakistan denies carrying out this strike. (Test reply.)');
  await page.getByRole('button', { name: 'Sign and reply' }).click();
  await page.getByTestId('reply').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('reply').innerText(), /Denied by/);
  await proofsVerified(page);
  noErrors(page);
  await context.close();
});

test('log: "Verify in this browser" rebuilds the tree, replays every statement and succeeds', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/log');
  await page.getByTestId('checkpoint').waitFor();
  await page.getByTestId('verify-run').click();
  const verdict = page.getByTestId('verify-verdict');
  await verdict.waitFor({ timeout: 120_000 });
  assert.equal(await verdict.getAttribute('data-verdict'), 'ok', await verdict.innerText());
  assert.match(await verdict.innerText(), /Verified in this browser/);
  await shot(page, 'log-verify');
  noErrors(page);
  await context.close();
});

test('phone width: pages fit 390 px without sideways scrolling', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  for (const [hash, ready] of [
    ['#/', 'ceasefire'],
    ['#/incidents', 'incident-list'],
    ['#/agreement', 'signatures'],
    ['#/log', 'checkpoint'],
  ] as const) {
    const page = await open(context, hash);
    await page.getByTestId(ready).waitFor();
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${hash} overflows by ${overflow}px at 390 px`);
    if (hash === '#/') {
      await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
      await page.waitForTimeout(500);
      await shot(page, 'overview-phone', false);
    }
    noErrors(page);
    await page.close();
  }
  await context.close();
});
