// Staged publication in the browser, in Arabic (right to left) at 360 px, with the training mechanism: the incident
// list says how many reports are not yet public in the area, and the joint patrol's reviewed report shows who signed
// it jointly and that it is public since the mediators' review; a party signed in reads a fresh report as a summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSuite } from './helpers/browser.js';
import { nowUtc, post } from './helpers/members.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { signStatement } from '../../src/domain/statement.js';
import { canonicalBytes } from '../../src/domain/jcs.js';
import { toBase64 } from '../../src/domain/encoding.js';

// Taken before the suite's server starts (its before hook runs after this module is loaded).
const startedAt = Date.now();
const suite = browserSuite();

test('the public sees the count of what is not yet public, and a jointly signed report reviewed by the mediators (ar, RTL, 360 px)', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await suite.open(context, '?lang=ar#/incidents');
  const notice = page.getByTestId('not-public');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-count'), '1');
  assert.match(await notice.innerText(), /بلاغ واحد لم يُنشر بعد في هذه المنطقة/);
  await page.getByTestId('incident-list').getByRole('link', { name: /Northgate/ }).first().click();
  const joint = page.getByTestId('joint-signers');
  await joint.waitFor();
  assert.match(await joint.innerText(), /وقّعه بالاشتراك: Joint patrol 1.*Northern Republic.*Southern Federation.*Mediator A/);
  assert.equal(await page.getByTestId('publication-state').getAttribute('data-public'), 'yes');
  // When the parties read it in full: the terms' 24 h from its arrival (the demo's log is written at start), not from
  // its signing days before, so a date after today.
  const partiesFrom = await page.getByTestId('parties-from').innerText();
  assert.match(partiesFrom, /^يقرؤه الطرفان كاملًا ابتداءً من /);
  // Tomorrow as of now, or as of the server's start if midnight (UTC) passed since: the log was written then.
  const dayAfter = (ms: number) => new Date(ms + 86_400_000).toLocaleDateString('ar-u-nu-arab', { day: 'numeric', timeZone: 'UTC' });
  const tomorrow = [dayAfter(Date.now()), dayAfter(startedAt)];
  assert.ok(tomorrow.some((day) => partiesFrom.includes(` ${day} `)), `${partiesFrom} names tomorrow (${tomorrow.join(' or ')})`);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px at 360 px`);
  await suite.shot(page, 'staged-joint-report-ar');

  // A party signed in here signs its reads: a report the patrol files now reaches it as a summary for a day.
  const patrol = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'joint-patrol-1.json'));
  const body = { when: { start: '2026-12-01T09:00:00+01:00', end: '2026-12-01T10:00:00+01:00', precision: 'exact' }, where: { lat: 0.9, lon: 1.3, place: 'Westford ford (test)', country: 'Southern Federation (fictional)', geo_precision: 1 }, event_type: 'Ceasefire mechanism', sub_event_type: 'Other ceasefire violation', actors: [], narrative: 'TEST: a burnt vehicle at the ford.', sources: [{ kind: 'witness', title: 'Joint patrol 1 (test)' }], clauses: [], accused: ['south'] };
  const bytes = canonicalBytes(await signStatement({ v: 1, type: 'report.file', by: patrol.member, key: toBase64(patrol.publicKey), at: nowUtc(), body }, patrol.sign));
  assert.equal((await post(suite.server.url, bytes)).status, 201);
  await suite.signIn(page, 'south');
  await page.evaluate(() => (location.hash = '#/incidents'));
  await page.getByTestId('summaries').waitFor();
  assert.match(await page.getByTestId('summaries').innerText(), /بلاغات يقرؤها الطرفان كاملة لاحقًا/);
  assert.equal(await page.getByTestId('not-public').getAttribute('data-count'), '2');

  // The terms say it on the agreement page: whose reports wait for review, the parties' delay, the late limit.
  await page.evaluate(() => (location.hash = '#/agreement'));
  const rules = page.getByTestId('publication-rules');
  await rules.waitFor();
  assert.match(await rules.innerText(), /Joint patrol 1[\s\S]*٢٤ ساعة[\s\S]*٩٦ ساعة/);
  suite.noErrors(page);
  await context.close();
});
