// The agreement side of the web UI end to end, in Debian's headless Chromium against the real server with the demo:
// a mediator records the ceasefire's status (suspended, then resumed), a party reports an action on a commitment and a
// mediator verifies it, an attendee signs a joint statement, a mediator proposes an amendment, the secretariat records
// a meeting, and "Verify in this browser" then replays all of it. Reports, findings and evidence: web-forms.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { textHash } from '../../src/domain/records/fields.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { post, signed } from './helpers/members.js';
import ur from '../../src/web/i18n/catalogs/ur.js';

const suite = browserSuite();
const { open, noErrors, shot, signIn, signOut } = suite;
const logSize = async (): Promise<number> => ((await (await fetch(`${suite.server.url}/v1/log`)).json()) as { size: number }).size;

test('a refusal in Urdu: the server\'s reason worded from the catalog by its code, right to left', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '?lang=ur#/agreement');
  await page.getByTestId('signatures').waitFor();
  await signIn(page, 'med-b');
  await page.getByTestId('status-open').click();
  const form = page.getByTestId('status-form');
  await page.locator('#st-status').selectOption('resumed');
  await page.locator('#st-reason').fill('(Test) resumption recorded while the ceasefire stands.');
  const before = await logSize();
  await form.getByTestId('status-submit').click();
  const refusal = form.getByTestId('refusal');
  await refusal.waitFor({ timeout: 30_000 });
  const text = await refusal.innerText();
  assert.ok(text.startsWith(ur['form.notAppended']), text);
  assert.ok(text.includes(ur['error.invalid_state']), `the reason by its code, in Urdu: ${text}`);
  assert.ok(!/cannot become|not allowed/i.test(text), 'no English sentence of the server in an Urdu page');
  assert.equal(await refusal.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  assert.equal(await logSize(), before, 'nothing appended');
  noErrors(page);
  await context.close();
});

test('agreement status: med-b proposes a suspension, med-a concurs and the ceasefire no longer stands; then its resumption the same way', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.getByTestId('status-open').count(), 0, 'no status form before signing in');
  await signIn(page, 'north');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('status-open').count(), 0, 'a party does not record the status');
  await signOut(page);

  await signIn(page, 'med-b');
  const changesBefore = await page.getByTestId('status-change').count();
  await page.getByTestId('status-open').click();
  const form = page.getByTestId('status-form');
  // A change that makes no sense now is refused by the server, as worded in its problem detail.
  await page.locator('#st-status').selectOption('resumed');
  await page.locator('#st-reason').fill('(Test) resumption recorded while the ceasefire stands.');
  await form.getByTestId('status-submit').click();
  await form.getByTestId('refusal').waitFor({ timeout: 30_000 });
  assert.match(await form.getByTestId('refusal').innerText(), /Not appended\. .*cannot become resumed/);

  await page.locator('#st-status').selectOption('suspended');
  await page.locator('#st-reason').fill('TEST STATUS CHANGE: the mediators suspend the ceasefire for the purpose of the end-to-end test.');
  await shot(page, 'agreement-status');
  await form.getByTestId('status-submit').click();
  // One mediator's proposal changes nothing until the quorum (2 of 2 here) concurs: it waits, counted, in public.
  const pending = page.getByTestId('pending-status');
  await pending.waitFor({ timeout: 30_000 });
  assert.match(await pending.innerText(), /Suspended[\s\S]*1 of 2 signatures/);
  assert.equal(await pending.getByTestId('concur').count(), 0, 'the proposer does not concur with itself');
  assert.match(await page.getByTestId('ceasefire').innerText(), /the last status the mediators signed: in force/);
  await signOut(page);
  await signIn(page, 'med-a');
  await shot(page, 'agreement-concur');
  await pending.getByTestId('concur').click();
  await page.getByTestId('ceasefire').getByText('the last status the mediators signed: not in force').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('pending-status').count(), 0);
  assert.equal(await page.getByTestId('status-change').count(), changesBefore + 1);
  assert.match(await page.getByTestId('status-change').first().innerText(), /Suspended[\s\S]*TEST STATUS CHANGE[\s\S]*Recorded by/);

  const overview = await open(context, '#/');
  await overview.getByTestId('ceasefire').waitFor();
  assert.match(await overview.getByTestId('ceasefire').innerText(), /the last status the mediators signed: not in force[\s\S]*Suspended/);
  noErrors(overview);
  await overview.close();

  // Resumed, so the ceasefire stands again for what follows.
  await page.getByTestId('status-open').click();
  assert.equal(await page.locator('#st-status').inputValue(), 'resumed');
  await page.locator('#st-reason').fill('TEST STATUS CHANGE: the ceasefire resumes after the test suspension.');
  await form.getByTestId('status-submit').click();
  await pending.getByText('1 of 2 signatures').waitFor({ timeout: 30_000 });
  await signOut(page);
  await signIn(page, 'med-b');
  await pending.getByTestId('concur').click();
  await page.getByTestId('ceasefire').getByText('the last status the mediators signed: in force').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('status-change').first().innerText(), /Resumed/);
  assert.equal(await page.getByTestId('status-change').count(), changesBefore + 2);
  noErrors(page);
  await context.close();
});

interface ActionCountsJson { reported: number; verified: number; unverified: number }
const actionsOf = async (side: string): Promise<ActionCountsJson> => {
  const c = (await (await fetch(`${suite.server.url}/v1/compliance`)).json()) as { parties: { side: string; actions: ActionCountsJson }[] };
  return c.parties.find((p) => p.side === side)!.actions;
};

test('commitments: south reports an action on a clause binding it, med-a verifies it, and the compliance figures count it', { timeout: 180_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/compliance');
  await page.getByTestId('compliance-table-south').waitFor();
  assert.equal(await page.getByTestId('action-open').count(), 0, 'no action form before signing in');
  const before = await actionsOf('south');

  await signIn(page, 'south');
  const afTable = page.getByTestId('compliance-table-south');
  await afTable.getByTestId('action-open').click();
  assert.equal(await page.getByTestId('compliance-table-north').getByTestId('action-open').count(), 0, 'af reports only for its own side');
  assert.equal(await page.getByTestId('verify-section').count(), 0, 'a party does not verify');
  const form = page.getByTestId('action-form');
  const clauses = await page.locator('#ca-clause option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  assert.ok(clauses.length > 0 && clauses.includes('C1'), `the clauses binding af: ${clauses.join(', ')}`);

  // Nothing is signed while the schema finds a problem: the action is required.
  const sizeBefore = await logSize();
  await form.getByTestId('action-submit').click();
  await page.locator('[data-testid="field-error"][data-path="action"]').waitFor();
  assert.equal(await page.locator('#ca-action').getAttribute('aria-invalid'), 'true');
  assert.equal(await logSize(), sizeBefore, 'nothing was appended');

  await page.locator('#ca-clause').selectOption('C1');
  await page.locator('#ca-action').fill('TEST ACTION: withdrew two heavy weapons positions from the crossing area.');
  await page.locator('#ca-date').fill('2026-06-15');
  await page.locator('#ca-amount').fill('2');
  await page.locator('#ca-unit').fill('positions withdrawn');
  await shot(page, 'commitment-action');
  await form.getByTestId('action-submit').click();
  const reported = page.getByTestId('action-reported');
  await reported.waitFor({ timeout: 30_000 });
  const actionId = (await reported.getByTestId('action-id').innerText()).trim();
  assert.match(actionId, /^[0-9a-f]{64}$/);
  const afterReport = await actionsOf('south');
  assert.deepEqual([afterReport.reported, afterReport.unverified], [before.reported + 1, before.unverified + 1]);
  await page.waitForFunction((n) => document.querySelector('[data-testid="compliance-table-south"] [data-testid="action-counts"]')?.textContent?.includes(`${n} action`), afterReport.reported);
  const link = await reported.getByTestId('action-link').getAttribute('href');
  assert.equal(link, `#/compliance?action=${actionId}`);
  noErrors(page);
  await signOut(page);

  // qa, a mediator of the agreement in force, opens the link: the verdict form has the action's id filled in.
  await signIn(page, 'med-a');
  await page.evaluate((h) => (location.hash = h), link!);
  const verify = page.getByTestId('verify-form');
  await verify.waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#cv-action').inputValue(), actionId);
  assert.equal(await page.getByTestId('action-open').count(), 0, 'a mediator does not report actions');

  // An action that was never reported is refused by the server, as worded in its problem detail.
  await page.locator('#cv-action').fill('0'.repeat(64));
  await page.locator('#cv-reasoning').fill('(Test) a verdict on an action that does not exist.');
  await verify.getByTestId('verify-submit').click();
  await verify.getByTestId('refusal').waitFor({ timeout: 30_000 });
  assert.match(await verify.getByTestId('refusal').innerText(), /Not appended\. no action 0{64} was reported/);

  await page.locator('#cv-action').fill(actionId);
  await page.locator('input[name="cv-result"][value="verified"]').check();
  await page.locator('#cv-reasoning').fill('TEST VERDICT: the field team saw both positions empty.');
  await shot(page, 'commitment-verify');
  await verify.getByTestId('verify-submit').click();
  await page.getByTestId('action-verified').waitFor({ timeout: 30_000 });
  const afterVerify = await actionsOf('south');
  assert.deepEqual([afterVerify.reported, afterVerify.verified, afterVerify.unverified], [before.reported + 1, before.verified + 1, before.unverified]);
  await page.waitForFunction((n) => document.querySelector('[data-testid="compliance-table-south"] [data-testid="action-counts"]')?.textContent?.includes(`${n} verified`), afterVerify.verified);
  assert.match(await afTable.locator('tfoot').innerText(), new RegExp(`${afterVerify.verified}/${afterVerify.reported}`));
  // The action is listed one by one: af's claim, with qa's verdict beside it.
  const row = page.locator(`[data-testid="commitment-row"][data-action="${actionId}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="commitment-row"][data-action="${id}"]`)?.getAttribute('data-status') === 'verified', actionId, { timeout: 30_000 });
  assert.match(await row.innerText(), /reported by Southern Federation/);
  assert.match(await row.innerText(), /verified/);
  noErrors(page);
  await context.close();
});

test('joint statement: an attendee who has not signed it signs it over its hash, and it is in force for that member', { timeout: 120_000 }, async () => {
  // tr records a meeting with a joint statement that no one has signed yet (signed here, as its own client would).
  const tr = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'med-b.json'));
  const text = 'TEST JOINT STATEMENT: the parties agree to meet again within two weeks.';
  const meetingBody = {
    title: 'Test talks on the joint statement',
    kind: 'talks',
    start: '2025-12-01T09:00:00Z',
    end: '2025-12-01T12:00:00Z',
    place: { name: 'Doha', lat: 25.29, lon: 51.53 },
    attendees: ['north', 'south', 'med-a', 'med-b'],
    agenda: ['Next meeting'],
    outcome: 'agreed',
    joint: { text, hash: textHash(text) },
  };
  const recorded = await post(suite.server.url, await signed({ ...tr, id: tr.member, key: toBase64(tr.publicKey) }, 'meeting.record', meetingBody));
  assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
  const meetingId = recorded.body['id'] as string;

  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  const meeting = page.getByTestId('meeting').filter({ hasText: 'Test talks on the joint statement' });
  await meeting.waitFor();
  assert.equal(await page.getByTestId('joint-sign-open').count(), 0, 'no signing before signing in');
  await signIn(page, 'north');
  await meeting.getByTestId('joint-sign-open').click();
  assert.equal(await page.getByTestId('joint-sign-open').count(), 0, 'pk signed every other joint statement already');
  assert.equal(await meeting.getByTestId('joint-sign-hash').innerText(), textHash(text));
  await shot(page, 'joint-sign');
  await meeting.getByTestId('joint-sign-submit').click();
  await meeting.getByTestId('joint-sign-form').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="joint-sign-open"]'));
  const meetings = (await (await fetch(`${suite.server.url}/v1/meetings`)).json()) as { items: { id: string; joint: { inForceFor: string[]; unsigned: string[] } | null }[] };
  const m = meetings.items.find((x) => x.id === meetingId);
  assert.deepEqual(m?.joint?.inForceFor, ['north']);
  assert.deepEqual(m?.joint?.unsigned, ['south', 'med-a', 'med-b']);
  assert.doesNotMatch(await meeting.innerText(), /no one yet/);
  noErrors(page);
  await context.close();
});

test('agreement amendment: a mediator proposes version 2 from the text in force, and it shows as proposed with no signatures', { timeout: 120_000 }, async () => {
  const agreementJson = async () =>
    (await (await fetch(`${suite.server.url}/v1/agreement`)).json()) as {
      versions: { version: number; hash: string; amends?: string; state: string; clauses: { id: string; text: string }[]; signatures: unknown[]; missing: { parties: string[]; mediators: number }; quorum: number }[];
    };
  const before = await agreementJson();
  const v1 = before.versions.at(-1)!;
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.getByTestId('amend-open').count(), 0, 'no amendment form before signing in');
  await signIn(page, 'field-team-1');
  await page.getByTestId('ceasefire').waitFor();
  assert.equal(await page.getByTestId('amend-open').count(), 0, 'a monitor does not propose amendments');
  await signOut(page);
  await signIn(page, 'med-a');
  await page.getByTestId('amend-open').click();
  const form = page.getByTestId('amend-form');
  assert.equal(await page.locator('#am-title').inputValue(), (await page.locator('.page-head h1').innerText()).trim());
  assert.equal(await form.getByTestId('amend-clause').count(), v1.clauses.length);
  assert.equal(await page.locator('#am-clauses-0-id').inputValue(), v1.clauses[0]!.id);
  assert.equal(await page.locator('#am-clauses-0-text').inputValue(), v1.clauses[0]!.text);

  // The domain's schema speaks first: an empty clause text is named next to its field and nothing is signed.
  await page.locator('#am-clauses-0-text').fill('');
  await form.getByTestId('amend-submit').click();
  await form.getByTestId('form-errors').waitFor();
  assert.equal(await form.locator('[data-testid="field-error"][data-path="clauses.0.text"]').count(), 1);
  assert.equal((await agreementJson()).versions.length, before.versions.length, 'nothing was signed');

  const amended = 'TEST AMENDMENT: neither party conducts air or drone strikes on the territory of the other, including against cross-border targets.';
  await page.locator('#am-clauses-0-text').fill(amended);
  await shot(page, 'agreement-amend');
  await form.getByTestId('amend-submit').click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });
  const after = await agreementJson();
  const v2 = after.versions.at(-1)!;
  assert.equal(v2.version, v1.version + 1);
  assert.equal(v2.amends, v1.hash);
  assert.equal(v2.state, 'proposed');
  assert.equal(v2.clauses[0]!.text, amended);
  assert.deepEqual(
    v2.clauses.slice(1).map((c) => c.text),
    v1.clauses.slice(1).map((c) => c.text),
  );
  assert.equal(v2.signatures.length, 0);
  assert.deepEqual(v2.missing, { parties: ['north', 'south'], mediators: v2.quorum });

  // The page shows the new version: proposed, none of the required signatures yet.
  await page.waitForFunction((n) => (document.querySelector('#version') as HTMLSelectElement | null)?.value === String(n), v2.version);
  await page.getByText('Proposed, not in force').first().waitFor();
  const sigs = page.getByTestId('signatures');
  await sigs.getByText('0 signatures').waitFor();
  assert.match(await sigs.innerText(), new RegExp(`Awaiting the signature of .+ · Awaiting ${v2.quorum} more mediator signatures`, 's'));
  assert.match(await page.getByTestId('clause').first().innerText(), /TEST AMENDMENT/);
  noErrors(page);
  await context.close();
});

test('meeting: the secretariat records a meeting with a joint statement, whose hash the browser computes', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('meeting').first().waitFor();
  assert.equal(await page.getByTestId('meeting-open').count(), 0, 'no meeting form before signing in');
  await signIn(page, 'north');
  await page.getByTestId('meeting').first().waitFor();
  assert.equal(await page.getByTestId('meeting-open').count(), 0, 'a party does not record meetings');
  await signOut(page);
  await signIn(page, 'secretariat');
  await page.getByTestId('meeting-open').click();
  const form = page.getByTestId('meeting-form');
  const text = 'TEST JOINT STATEMENT (recorded in the browser): the parties will exchange prisoner lists within ten days.';
  await page.locator('#mt-title').fill('Test commission session recorded in the browser');
  await page.locator('#mt-kind').selectOption('commission');
  await page.locator('#mt-round').fill('3');
  await page.locator('#mt-start').fill('2025-12-10T09:00');
  await page.locator('#mt-end').fill('2025-12-10T13:30');
  await page.locator('#mt-place-name').fill('Istanbul');
  await page.locator('#mt-place-lat').fill('41.01');
  await page.locator('#mt-place-lon').fill('28.98');
  for (const id of ['north', 'south', 'med-a']) await form.locator(`input[name="mt-attendee"][value="${id}"]`).check();
  await page.locator('#mt-agenda').fill('Prisoner lists\nNext session');
  await page.locator('#mt-outcome').selectOption('agreed');
  await page.locator('#mt-summary').fill('TEST SUMMARY: the commission agreed an exchange of lists.');
  await page.locator('#mt-joint-text').fill(text);
  assert.equal(await form.getByTestId('meeting-joint-hash').innerText(), textHash(text));
  await shot(page, 'meeting-record');
  await form.getByTestId('meeting-submit').click();
  await form.waitFor({ state: 'detached', timeout: 30_000 });

  const meeting = page.getByTestId('meeting').filter({ hasText: 'Test commission session recorded in the browser' });
  await meeting.waitFor({ timeout: 30_000 });
  const shown = await meeting.innerText();
  assert.match(shown, /Commission session · round 3/);
  assert.match(shown, /Prisoner lists; Next session/);
  assert.match(shown, /TEST JOINT STATEMENT/);
  assert.match(shown, /no one yet \(unsigned\)/);
  const meetings = (await (await fetch(`${suite.server.url}/v1/meetings`)).json()) as {
    items: { title: string; recordedBy: string; attendees: string[]; start: string; place: { name: string; lat: number; lon: number }; joint: { text: string; hash: string } | null }[];
  };
  const m = meetings.items.find((x) => x.title === 'Test commission session recorded in the browser');
  assert.equal(m?.recordedBy, 'secretariat');
  assert.deepEqual([...(m?.attendees ?? [])].sort(), ['med-a', 'north', 'south']);
  assert.equal(m?.start, '2025-12-10T09:00:00Z');
  assert.deepEqual(m?.place, { name: 'Istanbul', lat: 41.01, lon: 28.98 });
  assert.equal(m?.joint?.hash, textHash(text));
  noErrors(page);
  await context.close();
});


test('log: "Verify in this browser" rebuilds the tree, replays every statement and succeeds', { timeout: 180_000 }, async () => {
  await suite.verifyLogInBrowser('log-verify');
});
