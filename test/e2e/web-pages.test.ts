// The web UI's pages end to end, in Debian's headless Chromium against the real server with the demo mechanism:
// every page shows real content (each record proven in the browser), a monitor promotes and dismisses news
// candidates and the accused party replies (signed in the browser), pages fit a phone, and "Verify in this browser"
// replays the whole log to a success verdict. The forms that sign (filing, mediators' actions, evidence, amendments,
// status) are in web-forms.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSuite, DESKTOP, drawn, goTo, PHONE, settled } from './helpers/browser.js';
import { ingestAs } from './helpers/ingest.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { farFromRecord, FAR_FROM_RECORD_KM } from '../../src/web/review/record-area.js';
import type { ReportBody } from '../../src/domain/records/report-schema.js';

const suite = browserSuite();
const { open, noErrors, shot, proofsVerified, signIn } = suite;
/** The demo's field monitor, whose key signs the ingest requests (POST /v1/ingest is a signed request). */
const fieldTeam = () => readKeyFile(join(suite.server.dataDir, 'demo-keys', 'field-team-1.json'));


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

test('overview: ceasefire status, incidents on the map and the timeline, compliance, demo label', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/');
  await page.getByTestId('ceasefire').waitFor();
  assert.match(await page.getByTestId('ceasefire').innerText(), /the last status the mediators signed: in force/);
  assert.match(await page.getByTestId('demo-notice').innerText(), /TRAINING MECHANISM/);
  // The map draws the incidents (WebGL) and lists them for keyboard and screen-reader users.
  await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="incident-map"]')?.getAttribute('data-rendered')) > 0, null, { timeout: 30_000 });
  const onMap = await page.getByTestId('map-incident').allTextContents();
  assert.ok(onMap.some((t) => /Eastgate/.test(t)), `the Eastgate incident is on the map: ${onMap.join(' | ')}`);
  await page.getByTestId('timeline').waitFor();
  assert.ok((await page.locator('.tl-bin').count()) > 0, 'the timeline has incident bars');
  assert.match(await page.getByTestId('compliance-south').innerText(), /Violations found/i);
  await page.waitForTimeout(500);
  await shot(page, 'overview');
  noErrors(page);

  // Keyboard: the first Tab reaches the skip link, and the sections are links in the tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content');
  await context.close();
});

test('incidents: filter, list, and a detail page whose every record is proven in the browser', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/incidents?q=Eastgate');
  const list = page.getByTestId('incident-list');
  await list.waitFor();
  assert.match(await list.innerText(), /Eastgate/);
  await list.getByRole('link', { name: /Eastgate/ }).first().click();
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
  await page.goto(`${suite.server.url}/#/incidents/${'0'.repeat(64)}`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /no incident/);
  await context.close();
});

test('agreement: four signatures on the version in force, clauses, penalties, status history, meetings', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.getByTestId('signature').count(), 4);
  assert.ok((await page.getByTestId('clause').count()) >= 3);
  assert.ok((await page.getByTestId('meeting').count()) >= 1, 'the first session is listed');
  assert.match(await page.getByTestId('term-V1-north').innerText(), /verbal undertaking recorded by the mediators.*acknowledged by the party/s);
  assert.match(await page.getByTestId('term-V1-south').innerText(), /not acknowledged by the party/);
  await proofsVerified(page);
  await shot(page, 'agreement');
  noErrors(page);
  await context.close();
});

test('compliance: a table per party', { timeout: 60_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/compliance');
  await page.getByTestId('compliance-table-south').waitFor();
  assert.match(await page.getByTestId('compliance-table-south').innerText(), /All clauses/i);
  await shot(page, 'compliance');
  noErrors(page);
  await context.close();
});

test('review queue: a monitor loads its key file and promotes a candidate, signed in the browser', { timeout: 120_000 }, async () => {
  const ingested = await ingestAs(suite.server.url, await fieldTeam(), { articles: ARTICLES });
  assert.equal(ingested.status, 201);
  const { candidates } = (await ingested.json()) as { candidates: string[] };
  assert.ok(candidates.length >= 1);

  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/review');
  await page.getByTestId('candidate').first().waitFor();

  // Sign in with the monitor's key file: imported as a non-extractable WebCrypto key.
  await signIn(page, 'osint-desk');
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
  assert.equal(await card.locator('#rf-sub_event_type').inputValue(), 'Armed clash', 'the form is drafted from the candidate');
  assert.match(await card.locator('#rf-where-place').inputValue(), /Chaman/, 'the place is drafted from the articles');
  await card.locator('[data-testid="pick-map"][data-state="ready"]').waitFor({ timeout: 30_000 });
  await shot(page, 'review-queue');
  // The monitor corrects what the articles got wrong before signing: the place, the toll the sources disagree on.
  await card.locator('#rf-where-place').fill('Chaman border crossing (corrected)');
  await card.locator('#rf-where-lat').fill('north');
  await card.getByTestId('promote-submit').click();
  await card.getByTestId('form-errors').waitFor();
  assert.match(await card.getByTestId('form-errors').innerText(), /Latitude/i, 'a bad value is named before anything is signed');
  await card.locator('#rf-where-lat').fill('30.9214');
  await card.locator('#rf-where-lon').fill('66.4486');
  await card.locator('#rf-casualties-killed-min').fill('2');
  await card.locator('#rf-casualties-killed-max').fill('3');
  await card.getByTestId('promote-submit').click();
  // These articles are about the real case, the mechanism is the fictional training one: Chaman lies far from every
  // incident on its record, so the monitor confirms the place before it is signed.
  await card.getByTestId('promote-far').waitFor();
  await card.getByTestId('promote-far-confirm').check();
  await card.getByTestId('promote-submit').click();
  await card.getByTestId('promoted').waitFor({ timeout: 30_000 });
  const href = await card.getByTestId('promoted').getByRole('link').getAttribute('href');
  const reportId = href?.split('/').pop() ?? '';
  assert.match(reportId, /^[0-9a-f]{64}$/);

  const incident = (await (await fetch(`${suite.server.url}/v1/incidents/${reportId}`)).json()) as { filedBy: { id: string }; candidate: string; report: ReportBody };
  assert.equal(incident.filedBy.id, 'osint-desk');
  assert.equal(incident.candidate, candidates[0]);
  assert.equal(incident.report.where.place, 'Chaman border crossing (corrected)');
  assert.deepEqual([incident.report.where.lat, incident.report.where.lon], [30.9214, 66.4486]);
  assert.deepEqual(incident.report.casualties?.killed, { unknown: { min: 2, max: 3 } }, 'the corrected toll is what was signed');
  noErrors(page);
  await context.close();
});

test('review queue: a monitor dismisses a candidate with a reason, signed; the queue lists it as dismissed', { timeout: 120_000 }, async () => {
  const article = {
    source: 'Example Wire (test)',
    title: 'Shelling reported near Torkham',
    published: '2025-10-20',
    text: 'PESHAWAR, Oct 20: Mortar shells landed near the Torkham crossing on Sunday, injuring three labourers, local officials said.',
  };
  const ingested = await ingestAs(suite.server.url, await fieldTeam(), { articles: [article] });
  const { candidates } = (await ingested.json()) as { candidates: string[] };
  assert.ok(candidates.length >= 1);
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/review');
  await signIn(page, 'field-team-1');
  const card = page.locator(`[data-candidate="${candidates[0]}"]`);
  await card.getByTestId('dismiss-open').click();
  await card.getByTestId('dismiss-submit').click();
  await card.getByRole('alert').waitFor();
  assert.match(await card.getByRole('alert').innerText(), /Give the reason/, 'no reason, nothing signed');
  await card.getByTestId('dismiss-reason').fill('A duplicate of a field team report already filed.');
  await card.getByTestId('dismiss-submit').click();
  await card.waitFor({ state: 'detached', timeout: 30_000 });
  const dismissed = (await (await fetch(`${suite.server.url}/v1/candidates?status=dismissed`)).json()) as { items: { id: string; dismissal: { by: string; reason: string } }[] };
  const item = dismissed.items.find((i) => i.id === candidates[0]);
  assert.equal(item?.dismissal.by, 'field-team-1');
  assert.match(item?.dismissal.reason ?? '', /duplicate/);
  noErrors(page);
  await context.close();
});

test('incident: the accused party replies, signed in the browser, and the reply sits beside the report', { timeout: 120_000 }, async () => {
  const page1 = (await (await fetch(`${suite.server.url}/v1/incidents?party=north&limit=50`)).json()) as { items: { id: string; replies: unknown[] }[] };
  const target = page1.items.find((i) => i.replies.length === 0);
  assert.ok(target, 'the training mechanism has a report against north with no reply yet');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${target.id}`);
  await page.getByTestId('incident').waitFor();
  await signIn(page, 'north');
  await page.locator('#reply-text').fill('The Northern Republic denies it. (Test reply.)');
  await page.getByRole('button', { name: 'Sign and reply' }).click();
  await page.getByTestId('reply').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('reply').innerText(), /Denied by/);
  await proofsVerified(page);
  noErrors(page);
  await context.close();
});

test('phone width: pages fit 390 px without sideways scrolling', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  // The app is loaded once; the other pages are reached by a hash change.
  const page = await open(context, '#/');
  for (const [hash, ready] of [
    ['#/', 'ceasefire'],
    ['#/incidents', 'incident-list'],
    ['#/agreement', 'signatures'],
    ['#/log', 'checkpoint'],
  ] as const) {
    if (hash !== '#/') await goTo(page, `${suite.server.url}/${hash}`);
    await drawn(page, `[data-testid="${ready}"]`);
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${hash} overflows by ${overflow}px at 390 px`);
    if (hash === '#/') {
      await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
      await page.waitForTimeout(500);
      await shot(page, 'overview-phone', false);
    }
    noErrors(page);
  }
  await context.close();
});

test('log: "Verify in this browser" rebuilds the tree, replays every statement and succeeds', { timeout: 180_000 }, async () => {
  await suite.verifyLogInBrowser('log-verify');
});

// Last: the Kyiv incident it files would otherwise move the map of the overview shots taken after it.
test('review queue: a draft placed far from every incident on record is checked before signing, and promoted once the monitor confirms the place', { timeout: 120_000 }, async () => {
  const article = {
    source: 'Example Wire (test)',
    title: 'Shelling reported in Kyiv',
    published: '2025-10-21',
    text: 'KYIV, Oct 21 (Example Wire) -- Shelling hit a district of Kyiv on Tuesday, killing two people, city officials said.',
  };
  const ingested = await ingestAs(suite.server.url, await fieldTeam(), { articles: [article] });
  assert.equal(ingested.status, 201);
  const { candidates } = (await ingested.json()) as { candidates: string[] };
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/review');
  await signIn(page, 'osint-desk');
  const card = page.locator(`[data-candidate="${candidates[0]}"]`);
  await card.getByTestId('promote-open').click();
  await card.locator('textarea').waitFor();
  await card.locator('#rf-where-place').fill('Kyiv');
  await card.locator('#rf-where-lat').fill('50.45');
  await card.locator('#rf-where-lon').fill('30.52');
  const size = async () => ((await (await fetch(`${suite.server.url}/v1/log`)).json()) as { size: number }).size;
  const before = await size();
  await card.getByTestId('promote-submit').click();
  const far = card.getByTestId('promote-far');
  await far.waitFor();
  // The distance named is the one to the nearest incident the public list holds (the training front, thousands of km away).
  const recorded = ((await (await fetch(`${suite.server.url}/v1/incidents?limit=500`)).json()) as { items: { report: ReportBody }[] }).items.map((i) => ({ lat: i.report.where.lat ?? Number.NaN, lon: i.report.where.lon ?? Number.NaN }));
  const expected = farFromRecord({ lat: 50.45, lon: 30.52 }, recorded);
  assert.ok(expected !== null && expected > FAR_FROM_RECORD_KM);
  const km = Number((await far.innerText()).match(/([\d,]+) km/)?.[1]?.replace(/,/g, ''));
  assert.equal(km, expected, `the distance to the nearest incident on record is named: ${await far.innerText()}`);
  assert.equal(await card.getByTestId('promoted').count(), 0, 'nothing is signed before the place is confirmed');
  assert.equal(await size(), before, 'nothing appended');
  await card.getByTestId('promote-far-confirm').check();
  await card.getByTestId('promote-submit').click();
  await card.getByTestId('promoted').waitFor({ timeout: 30_000 });
  const id = (await card.getByTestId('promoted').getByRole('link').getAttribute('href'))?.split('/').pop() ?? '';
  const incident = (await (await fetch(`${suite.server.url}/v1/incidents/${id}`)).json()) as { report: ReportBody };
  assert.deepEqual([incident.report.where.lat, incident.report.where.lon], [50.45, 30.52], 'the confirmed place is what was signed');
  noErrors(page);
  await context.close();
});
