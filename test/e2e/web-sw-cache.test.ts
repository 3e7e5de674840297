// The service worker keeps only the public's answers (src/web/vite.config.ts): a mediator signed in on the training
// mechanism reads the joint patrol's report that waits for review (a signed read), and nothing of what it read is in
// the browser's caches afterwards, under any URL; with no network, its reads get the public's last answer, never its
// own. The cache older versions kept (signed answers included) is dropped when the app starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSuite, DESKTOP, untilInPage } from './helpers/browser.js';
import { signedHeaders } from './helpers/ingest.js';
import { readKeyFile } from '../../src/services/key-file.js';

const suite = browserSuite({ demo: 'training', serviceWorkers: 'allow' });

/** Every cached API answer in the page's origin: cache name, path with query, body text. */
async function cachedAnswers(page: import('playwright-core').Page): Promise<{ cache: string; url: string; body: string }[]> {
  return page.evaluate(async () => {
    const out: { cache: string; url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (!url.pathname.startsWith('/v1/')) continue;
        out.push({ cache: name, url: url.pathname + url.search, body: await (await cache.match(request))!.text() });
      }
    }
    return out;
  });
}

test('a signed-in member\'s answers are never cached by the service worker; only the public\'s, which offline is all it gets', { timeout: 240_000 }, async () => {
  // The report that waits for the mediators' review: only a signed read gets it.
  const path = '/v1/incidents?limit=500';
  const medB = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'med-b.json'));
  const all = (await (await fetch(`${suite.server.url}${path}`, { headers: await signedHeaders(medB, path, 'read') })).json()) as { items: { id: string; denial?: unknown; report: { narrative: string } }[] };
  const denied = all.items.find((i) => i.denial)!;
  assert.ok(denied, 'the training demo has a denial report waiting for review');
  const publicAnswer = await (await fetch(`${suite.server.url}${path}`)).text();
  assert.ok(!publicAnswer.includes(denied.id), 'the public does not read it');

  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await suite.open(context, '#/incidents');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // A device that ran an older worker: its cache of every answer is there before the app starts again.
  await page.evaluate(async () => (await caches.open('truce-api')).put('/v1/incidents?limit=1', new Response('{"member":"answer"}')));
  await page.reload();
  await page.getByTestId('incident-list').waitFor();
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true, 'the service worker controls the page');
  await untilInPage(page, async () => !(await caches.keys()).includes('truce-api'), null);
  await untilInPage(page, async () => (await (await caches.open('truce-public-api')).keys()).some((r) => new URL(r.url).pathname === '/v1/incidents'), null);

  // Signed in, the mediator reads the waiting report in full and the list with it: both are signed reads.
  await suite.signIn(page, 'med-b');
  await page.evaluate((id) => (location.hash = `#/incidents/${id}`), denied.id);
  await page.getByTestId('incident').waitFor();
  assert.match(await page.getByTestId('incident').innerText(), /Southgate/);
  const signedList = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/incidents' && r.request().headers()['truce-signature'] !== undefined && r.status() === 200);
  await page.evaluate(() => (location.hash = '#/incidents'));
  assert.ok((await (await signedList).text()).includes(denied.id), 'the member\'s list holds the waiting report');
  await page.getByTestId('incident-list').waitFor();

  const cached = await cachedAnswers(page);
  assert.ok(cached.length > 0, 'the public answers are cached');
  assert.deepEqual([...new Set(cached.map((c) => c.cache))], ['truce-public-api']);
  assert.ok(!cached.some((c) => c.url.startsWith(`/v1/incidents/${denied.id}`)), 'no entry for the report only a member reads');
  // The log itself (/v1/statements, like the tiles) is public and holds every statement (docs/FIELD.md, "What the tiles
  // hold"); what the mechanism withholds is its incident views: none cached holds the waiting report.
  const views = cached.filter((c) => c.url.startsWith('/v1/incidents'));
  assert.ok(views.length > 0);
  const leaked = views.filter((c) => c.body.includes(denied.id) || c.body.includes(denied.report.narrative));
  assert.deepEqual(leaked.map((c) => c.url), [], 'no cached answer holds what only a member reads');

  // No network: the member's signed read of the list is answered with the public's last answer, never its own.
  await context.setOffline(true);
  const listUrl = cached.find((c) => c.url.startsWith('/v1/incidents?'))!.url;
  const offline = await page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { 'truce-key': 'k', 'truce-at': '2026-01-01T00:00:00Z', 'truce-signature': 's' } });
    return { status: response.status, body: await response.text() };
  }, listUrl);
  assert.equal(offline.status, 200);
  assert.ok(!offline.body.includes(denied.id), 'offline, the public answer');
  const single = await page.evaluate(async (p) => (await fetch(p, { headers: { 'truce-key': 'k' } }).then((r) => r.status, () => 'network error')), `/v1/incidents/${denied.id}`);
  assert.equal(single, 'network error', 'nothing kept for the waiting report: offline there is no answer at all');
  await context.setOffline(false);
  suite.noErrors(page);
  await context.close();
});
