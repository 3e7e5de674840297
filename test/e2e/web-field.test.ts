// In the field, in Debian's headless Chromium against the real server with the demo: the installed app opens
// without a network, a report drafted offline survives a reload, is signed offline with a sealed field, waits in the
// outbox, is sent when the network returns and shows both times (signed, arrived); the sealed field is unreadable on
// every public surface (API, tiles, exports, the public UI) and readable by its recipients; the mediators' release
// makes it public and the hash check passes in the browser and in `truce verify`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite, DESKTOP, untilInPage } from './helpers/browser.js';
import { formatIncidents } from '../../src/cli/commands/export.js';
import type { IncidentView } from '../../src/domain/views/incident.js';
import { auditMechanism } from '../../src/services/audit.js';
import { httpAudit } from './helpers/http.js';

/** The server's clock runs ahead by `late` once the report is signed: it arrives "hours later". */
let late = 0;
const suite = browserSuite({ now: () => Date.now() + late, demo: true, serviceWorkers: 'allow' });
const { signIn, signOut, shot } = suite;
const WITNESS = 'Witness: Gul Zaman, shopkeeper at the Chaman gate (test)';

async function goto(page: Page, hash: string): Promise<void> {
  await page.goto(`${suite.server.url}/${hash}`);
}

async function registerEncryptionKey(page: Page, member: string): Promise<void> {
  await signIn(page, member);
  await goto(page, '#/report/new');
  await page.getByTestId('enckey-register').click();
  await page.getByTestId('enckey-prompt').waitFor({ state: 'detached', timeout: 30_000 });
  await signOut(page);
}

test('offline: drafted, reloaded, signed with a sealed field, sent when the network returns; sealed until the mediators release it', { timeout: 300_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await goto(page, '#/report/new');
  // The service worker (Workbox) takes the app shell; the mediators register the keys that fields are sealed to.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await registerEncryptionKey(page, 'qa');
  await registerEncryptionKey(page, 'tr');
  await signIn(page, 'field-team-1');
  await page.reload();
  await page.getByTestId('report-form').waitFor();
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true, 'the service worker controls the page');

  // The answers the form needs are in the service worker's cache before the network goes (a state, not a delay).
  await untilInPage(
    page,
    async () => {
      const paths = (await (await caches.open('truce-public-api')).keys()).map((r) => new URL(r.url).pathname);
      return ['/v1/log', '/v1/members', '/v1/agreement'].every((p) => paths.includes(p));
    },
    null,
  );

  // No network: the app still opens, from the service worker and the last API answers.
  await context.setOffline(true);
  await page.reload();
  // Type only once the form has read the saved draft (a state the form shows), as a person would see it filled in.
  await page.locator('[data-testid="report-form"][data-draft="ready"]').waitFor();
  await page.locator('#rf-where-place').fill('Chaman gate (test)');
  await page.locator('#rf-where-country').fill('Pakistan');
  await page.locator('#rf-where-lat').fill('30.9167');
  await page.locator('#rf-where-lon').fill('66.4542');
  await page.locator('#rf-narrative').fill('TEST REPORT, drafted offline at the gate; not a real event. The field team states it heard gunfire at night.');
  await page.locator('#rf-sources-0-title').fill('Observation of joint field team 1 (test)');
  await page.getByTestId('sealed-text').fill(WITNESS);
  await page.getByTestId('sealed-position').check();
  await draftSaved(page, WITNESS);

  // The draft survives a reload, still offline.
  await page.reload();
  await page.locator('[data-testid="report-form"][data-draft="ready"]').waitFor();
  await page.waitForFunction(() => (document.getElementById('rf-narrative') as HTMLTextAreaElement | null)?.value.includes('drafted offline'));
  assert.equal(await page.getByTestId('sealed-text').inputValue(), WITNESS);

  // Signed offline: kept in the outbox, marked signed; nothing reached the server meanwhile.
  const sizeOffline = await logSize();
  const signedAt = Date.now();
  await page.getByTestId('report-submit').click();
  await page.getByTestId('report-queued').waitFor({ timeout: 30_000 });
  await goto(page, '#/outbox');
  const item = page.getByTestId('outbox-item').first();
  assert.equal(await item.getAttribute('data-state'), 'signed');
  assert.match(await page.getByTestId('network-state').innerText(), /Offline/);
  await shot(page, 'outbox-offline');
  assert.equal(await logSize(), sizeOffline, 'no statement reached the server while the browser was offline');

  // The network returns three hours later (the server's clock is moved on): the outbox sends it by itself.
  late = 3 * 3_600_000;
  await context.setOffline(false);
  await page.waitForSelector('[data-testid="outbox-item"][data-state="sent"]', { timeout: 30_000 });
  // Sent by this send, not answered as a replay of bytes the log already had: the outbox shows the log index it got.
  assert.match(await page.getByTestId('outbox-item').first().innerText(), /#\d+/, 'the outbox shows the index the log gave the report');
  await page.getByRole('link', { name: 'Open the report' }).click();
  await page.getByTestId('incident').waitFor();
  const id = page.url().split('/').pop() ?? '';
  // The server's record first (its clock ran 3 h ahead when the report arrived), then what the page shows of it.
  const view = (await (await fetch(`${suite.server.url}/v1/incidents/${id}`)).json()) as IncidentView & { proofs: { entries: Record<string, { arrival: { arrived: string } }> } };
  const arrived = view.proofs.entries[String(view.filed.index)]!.arrival.arrived;
  assert.ok(Math.abs(Date.parse(view.filed.at) - signedAt) < 60_000, 'at is when it was signed');
  assert.ok(Date.parse(arrived) - Date.parse(view.filed.at) > 2.9 * 3_600_000, `arrived hours later (signed ${view.filed.at}, arrived ${arrived})`);
  const both = page.getByTestId('signed-arrived');
  await both.waitFor();
  assert.match(await both.innerText(), /signed .* · arrived .*3 (h|hours) later/);
  // The public position is coarse; the exact one is sealed.
  assert.deepEqual([view.report.where.lat, view.report.where.lon, view.report.where.geo_precision], [30.9, 66.5, 2]);
  assert.deepEqual(view.sealed.map((s) => [s.field, s.recipients]), [['/protected', ['qa', 'tr']], ['/where/exact', ['qa', 'tr']]]);

  // Unreadable on every public surface: the API, the log's tiles, the exports, the public UI.
  const secrets = ['Gul Zaman', '30.9167', '66.4542'];
  const surfaces: [string, string][] = [
    ['GET /v1/incidents/:id', JSON.stringify(view)],
    ['GET /v1/incidents', await (await fetch(`${suite.server.url}/v1/incidents?limit=500`)).text()],
    ['GET /v1/statements', await (await fetch(`${suite.server.url}/v1/statements?limit=1000&order=desc`)).text()],
    ['tiles', await entryTiles()],
    ...(['acled-csv', 'geojson', 'jsonl'] as const).map((f): [string, string] => [`export ${f}`, formatIncidents(f, [view])]),
  ];
  await signOut(page);
  await goto(page, `#/incidents/${id}`);
  await page.getByTestId('sealed-card').waitFor();
  surfaces.push(['public UI', await page.locator('body').innerText()]);
  for (const [surface, text] of surfaces) for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} is readable in ${surface}`);
  assert.ok(surfaces.find(([s]) => s === 'tiles')![1].length > 1000, 'the tiles were read');

  // Readable by a recipient, in its browser; qa agrees to release the details, tr completes the quorum.
  await signIn(page, 'qa');
  const details = page.getByTestId('sealed-field').filter({ hasText: 'Protected details' });
  await details.getByTestId('sealed-open').click();
  assert.match(await details.getByTestId('sealed-value').innerText(), /Gul Zaman.*matches its commitment/);
  await details.getByTestId('sealed-release').click();
  await details.getByText(/1 of 2 mediators agreed/).waitFor();
  await signOut(page);
  // What qa opened is gone once qa signs out (waited on as a state, never a delay).
  await details.getByTestId('sealed-value').waitFor({ state: 'detached' });
  await signIn(page, 'tr');
  await details.getByTestId('sealed-open').click();
  await details.getByTestId('sealed-release').click();
  await details.getByTestId('released-value').waitFor({ timeout: 30_000 });
  await signOut(page);

  // Public now, for anyone: the browser checks the released text against the commitment logged before.
  await page.reload();
  const released = page.getByTestId('sealed-field').filter({ hasText: 'Protected details' }).getByTestId('released-value');
  await released.waitFor();
  assert.equal(await released.getAttribute('data-check'), 'ok');
  assert.match(await released.innerText(), /Gul Zaman/);
  assert.ok(!(await page.getByTestId('sealed-field').filter({ hasText: 'Exact position' }).innerText()).includes('30.9167'), 'the exact position stays sealed');
  await shot(page, 'sealed-released');

  // `truce verify` replays the release and re-checks its hash from the log alone.
  await suite.server.mechanism.publishCheckpoint();
  const report = await auditMechanism(httpAudit(suite.server.url));
  assert.ok(report.ok, JSON.stringify(report.checks.filter((c) => !c.ok)));
  assert.deepEqual(errors, [], 'no script error on the page');
  await context.close();
});

/**
 * Wait until the draft kept in IndexedDB holds what was typed (it is saved shortly after the last keystroke): a
 * state to wait on, not a delay to guess. The database is opened only once the app has created it, so this probe
 * never creates it at the wrong version.
 */
async function draftSaved(page: Page, sealedText: string): Promise<void> {
  await untilInPage(
    page,
    async (text) => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'truce-field')) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('truce-field');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        if (!db.objectStoreNames.contains('drafts')) return false;
        const all = await new Promise<{ value?: { draft?: { narrative?: string }; sealed?: { text?: string; sealPosition?: boolean } } }[]>((resolve, reject) => {
          const q = db.transaction('drafts').objectStore('drafts').getAll();
          q.onsuccess = () => resolve(q.result as never);
          q.onerror = () => reject(q.error);
        });
        return all.some((d) => d.value?.sealed?.text === text && d.value.sealed.sealPosition === true && !!d.value.draft?.narrative?.includes('drafted offline'));
      } finally {
        db.close();
      }
    },
    sealedText,
  );
}

/** The log's size, as the server answers it. */
async function logSize(): Promise<number> {
  return ((await (await fetch(`${suite.server.url}/v1/log`)).json()) as { size: number }).size;
}

/** Every entry tile the log serves, as text. */
async function entryTiles(): Promise<string> {
  const size = await logSize();
  const out: string[] = [];
  for (let n = 0; n * 256 < size; n++) {
    const full = (n + 1) * 256 <= size;
    const path = full ? `/tile/entries/${String(n).padStart(3, '0')}` : `/tile/entries/${String(n).padStart(3, '0')}.p/${size % 256}`;
    const r = await fetch(`${suite.server.url}${path}`);
    if (r.ok) out.push(Buffer.from(await r.arrayBuffer()).toString('utf8'));
  }
  return out.join('\n');
}
