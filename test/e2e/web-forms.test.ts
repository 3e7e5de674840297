// The web UI's signing forms end to end, in Debian's headless Chromium against the real server with the demo:
// a field team files a report through the form, the mediators open an investigation, propose, concur and apply a
// penalty, a mediator downloads restricted evidence (signing a custody record), a field team attaches evidence and
// amends its report, a mediator records the ceasefire's status, and "Verify in this browser" then replays all of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { demoFile } from '../../src/domain/demo/evidence-files.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { textHash } from '../../src/domain/records/fields.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { post, signed } from './helpers/members.js';

const suite = browserSuite();
const { open, noErrors, shot, proofsVerified, signIn, signOut } = suite;

interface IncidentJson {
  id: string;
  status: string;
  report: { accused: string[]; clauses: string[]; narrative: string };
  filedBy: { id: string };
  investigations: { id: string; state: string }[];
  findings: { id: string; hash: string; state: string; determination: string; signatures: { member: string; position: string }[] }[];
  penalties: { finding: string; severity: string; penalty: string }[];
  evidence: { sha256: string; title: string; confidentiality: string; custody: { kind: string; member: string | null }[] }[];
}
const incidentJson = async (id: string): Promise<IncidentJson> => (await fetch(`${suite.server.url}/v1/incidents/${id}`)).json() as Promise<IncidentJson>;
const logSize = async (): Promise<number> => ((await (await fetch(`${suite.server.url}/v1/log`)).json()) as { size: number }).size;

/** The report the field team files through the form; the penalty test then takes it up. */
let formReport = '';

test('report form: a field team files a report, checked before signing, and finds it in the incident list', { timeout: 180_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/incidents');
  await page.getByTestId('incident-list').waitFor();
  assert.equal(await page.getByTestId('file-report').count(), 0, 'no "File a report" before signing in');
  await signIn(page, 'field-team-1');
  await page.getByTestId('file-report').click();
  await page.getByTestId('report-form').waitFor();

  // Signing an empty form signs nothing: the domain's schema lists what is missing, next to each field.
  const sizeBefore = await logSize();
  await page.getByTestId('report-submit').click();
  const summary = page.getByTestId('form-errors');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Place[\s\S]*Country[\s\S]*Account/);
  assert.equal(await page.locator('[data-testid="field-error"][data-path="where.place"]').count(), 1);
  assert.equal(await page.locator('#rf-narrative').getAttribute('aria-invalid'), 'true');
  assert.equal(await logSize(), sizeBefore, 'nothing was appended');

  // When: the night of 20 November, in the place's local time.
  await page.locator('#rf-when-precision').selectOption('night');
  await page.locator('#rf-when-start').fill('2025-11-20T00:00');
  await page.locator('#rf-when-offset').selectOption('+05:00');
  assert.equal(await page.locator('#rf-when-start').inputValue(), '2025-11-20T18:00');
  assert.equal(await page.locator('#rf-when-end').inputValue(), '2025-11-21T06:00');
  assert.match(await page.getByTestId('when-reads').innerText(), /night of 20 Nov.21 Nov 2025/);

  // Where: a click on the offline map sets the point and suggests the country; then the exact point is typed.
  await page.locator('#rf-where-place').fill('Torkham border crossing (test)');
  await page.waitForSelector('[data-testid="pick-map"][data-state="ready"]', { timeout: 30_000 });
  await page.getByTestId('pick-map').click({ position: { x: 300, y: 120 } });
  await page.waitForFunction(() => (document.getElementById('rf-where-lat') as HTMLInputElement | null)?.value !== '');
  const picked = { lat: Number(await page.locator('#rf-where-lat').inputValue()), lon: Number(await page.locator('#rf-where-lon').inputValue()) };
  assert.ok(picked.lat > 20 && picked.lat < 45 && picked.lon > 55 && picked.lon < 80, `the click landed in the region shown: ${JSON.stringify(picked)}`);
  assert.notEqual(await page.locator('#rf-where-country').inputValue(), '', 'the country clicked is suggested');
  await page.locator('#rf-where-country').fill('Pakistan');
  await page.locator('#rf-where-admin1').fill('Khyber Pakhtunkhwa');
  await page.locator('#rf-where-lat').fill('34.1');
  await page.locator('#rf-where-lon').fill('71.09');

  // What, who, how many.
  await page.locator('#rf-event_type').selectOption('Ceasefire mechanism');
  await page.locator('#rf-sub_event_type').selectOption('Cross-border fire');
  await page.locator('#rf-actors-0-name').fill('Unidentified gunmen across the border (test)');
  await page.locator('#rf-actors-0-role').selectOption('perpetrator');
  await page.getByRole('button', { name: '+ Add an actor' }).click();
  await page.locator('#rf-actors-1-name').fill('Pakistani border police (test)');
  await page.locator('#rf-actors-1-side').selectOption('pk');
  await page.locator('#rf-actors-1-role').selectOption('target');
  await page.locator('#rf-actors-1-actor_type').selectOption('State forces');
  await page.locator('#rf-casualties-injured-status').selectOption('combatant');
  await page.locator('#rf-casualties-injured-min').fill('1');
  await page.locator('#rf-casualties-injured-best').fill('1');
  await page.locator('#rf-casualties-injured-max').fill('2');
  await page
    .locator('#rf-narrative')
    .fill(
      'TEST REPORT, filed through the web form; not a real event. The field team states that shots were fired towards the crossing from across the border during the night. ' +
        'The border police say one officer was injured. No party has confirmed the account.',
    );
  await page.locator('#rf-sources-0-title').fill('Observation of joint field team 1 (test)');
  await page.locator('#rf-sources-0-published').fill('2025-11-21');
  await page.getByTestId('report-form').getByLabel('Afghan Taliban authorities, de facto government in Kabul').check();
  await page.locator('#rf-clauses').getByRole('checkbox').first().check();
  // The errors follow the edits: none remain.
  await page.waitForFunction(() => !document.querySelector('[data-testid="form-errors"]'));
  await page.locator('#rf-when-precision').scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await shot(page, 'report-form');

  // A refusal is shown as the server words it (problem+json detail); here the answer is staged once.
  const refuse = (route: import('playwright-core').Route) =>
    route.fulfill({ status: 403, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'field-team-1 may not sign this statement (staged by the test)' }) });
  await page.route('**/v1/statements', refuse);
  await page.getByTestId('report-submit').click();
  await page.getByTestId('refusal').waitFor();
  assert.match(await page.getByTestId('refusal').innerText(), /Not appended\. field-team-1 may not sign this statement \(staged by the test\)/);
  await page.unroute('**/v1/statements', refuse);

  // Signed and filed: the browser goes to the new incident.
  await page.getByTestId('report-submit').click();
  await page.waitForURL(/#\/incidents\/[0-9a-f]{64}$/, { timeout: 30_000 });
  formReport = page.url().split('/').pop() ?? '';
  await page.getByTestId('incident').waitFor();
  const text = await page.getByTestId('incident').innerText();
  assert.match(text, /Cross-border fire, Torkham border crossing \(test\)/);
  assert.match(text, /Alleged by\s+Joint field team 1/);
  assert.match(text, /night of 20 Nov.21 Nov 2025/);
  const filed = await incidentJson(formReport);
  assert.equal(filed.filedBy.id, 'field-team-1');
  assert.deepEqual(filed.report.accused, ['af']);

  await page.goto(`${suite.server.url}/#/incidents?q=Torkham`);
  const list = page.getByTestId('incident-list');
  await list.waitFor();
  assert.match(await list.innerText(), /Cross-border fire, Torkham border crossing \(test\)/);
  noErrors(page);
  await context.close();
});

test('mediators: qa opens an investigation and proposes a finding, tr concurs over its hash, the finding is final', { timeout: 180_000 }, async () => {
  const all = (await (await fetch(`${suite.server.url}/v1/incidents?limit=50`)).json()) as { items: IncidentJson[] };
  const target = all.items.find((i) => i.investigations.length === 0 && i.report.accused.includes('af') && i.filedBy.id !== 'field-team-1');
  assert.ok(target, 'the demo has a report against af that no investigation took up');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${target.id}`);
  await page.getByTestId('incident').waitFor();
  assert.equal(await page.getByTestId('mediator-actions').count(), 0, 'no mediator actions before signing in');
  await signIn(page, 'pk');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('mediator-actions').count(), 0, 'a party sees no mediator actions');
  await signOut(page);

  await signIn(page, 'qa');
  await page.getByTestId('open-investigation').click();
  await page.locator('#inv-mandate').fill('Establish what happened along the border on the night alleged, and who was responsible. (Test investigation.)');
  await page.getByTestId('investigation-submit').click();
  await page.getByTestId('propose-finding').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.investigation').innerText(), /Open/);

  await page.getByTestId('propose-finding').click();
  const form = page.getByTestId('finding-form');
  await form.waitFor();
  // The domain's schema first: a determination and a reasoning are required.
  await page.getByTestId('finding-submit').click();
  await form.getByTestId('form-errors').waitFor();
  assert.match(await form.getByTestId('form-errors').innerText(), /Determination[\s\S]*Reasoning/);
  // A violation needs the responsible party and a severity from the schedule.
  await form.getByLabel(/^Violation/).check();
  await page.locator('#pf-reasoning').fill('(Test) The public reporting does not establish who fired first.');
  await page.getByTestId('finding-submit').click();
  assert.match(await form.getByTestId('form-errors').innerText(), /Party responsible[\s\S]*Severity/);
  await form.getByLabel(/^Inconclusive/).check();
  await page
    .locator('#pf-reasoning')
    .fill('TEST FINDING, proposed through the web UI. The public reporting gives the allegation and the denial but no place, time or casualty figure that could be checked; the mediators cannot establish what happened.');
  const evidence = form.locator('#pf-evidence').getByRole('checkbox');
  if ((await evidence.count()) > 0) await evidence.first().check();
  await page.waitForTimeout(300);
  await shot(page, 'mediator-actions');
  await page.getByTestId('finding-submit').click();
  const finding = page.getByTestId('finding');
  await finding.waitFor({ timeout: 30_000 });
  assert.match(await finding.innerText(), /Proposed, not final/);
  assert.match(await finding.innerText(), /1 of 2 mediator signatures/);
  assert.equal(await page.getByTestId('finding-sign').count(), 0, 'the proposer does not sign twice');
  await signOut(page);

  await signIn(page, 'tr');
  const hashShown = (await page.getByTestId('finding-hash').innerText({ timeout: 30_000 })).replace('SHA-256 ', '');
  const proposed = (await incidentJson(target.id)).findings[0]!;
  assert.equal(hashShown, proposed.hash, 'the hash computed in the browser from the log is the finding\'s');
  await page.getByTestId('finding-concur').click();
  await page.getByText('Final finding', { exact: true }).waitFor({ timeout: 30_000 });
  assert.match(await finding.innerText(), /The mediators found: the evidence does not allow a determination/);
  const after = await incidentJson(target.id);
  assert.equal(after.findings[0]?.state, 'final');
  assert.equal(after.status, 'inconclusive');
  assert.deepEqual(after.findings[0]?.signatures.map((x) => `${x.member}:${x.position}`), ['qa:concur', 'tr:concur']);
  await proofsVerified(page);
  noErrors(page);
  await context.close();
});

test('mediators: a final violation finding on the filed report, then the penalty of the schedule', { timeout: 180_000 }, async () => {
  assert.match(formReport, /^[0-9a-f]{64}$/, 'the report-form test filed a report');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${formReport}`);
  await page.getByTestId('incident').waitFor();
  await signIn(page, 'qa');
  await page.getByTestId('open-investigation').click();
  await page.getByTestId('investigation-submit').click();
  await page.getByTestId('propose-finding').click();
  const form = page.getByTestId('finding-form');
  await form.getByLabel(/^Violation/).check();
  await page.locator('#pf-responsible').selectOption('af');
  await page.locator('#pf-severity').selectOption('minor');
  await page.locator('#pf-reasoning').fill('TEST FINDING on a test report: the field team\'s observation is taken as established for the purpose of the test.');
  await page.getByTestId('finding-submit').click();
  await page.getByTestId('finding').waitFor({ timeout: 30_000 });
  await signOut(page);
  await signIn(page, 'tr');
  await page.getByTestId('finding-concur').click();
  await page.getByText('Final finding', { exact: true }).waitFor({ timeout: 30_000 });
  await signOut(page);

  await signIn(page, 'qa');
  const apply = page.getByTestId('penalty-apply');
  await apply.waitFor({ timeout: 30_000 });
  assert.match(await apply.innerText(), /Written notice from the mediators to the party/);
  await page.getByTestId('penalty-submit').click();
  await page.getByTestId('penalty').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('penalty').innerText(), /Penalty applied to/);
  assert.equal(await page.getByTestId('penalty-apply').count(), 0, 'a penalty is applied once');
  const after = await incidentJson(formReport);
  assert.equal(after.status, 'violation');
  assert.deepEqual(after.penalties.map((p) => p.severity), ['minor']);
  noErrors(page);
  await context.close();
});

test('evidence: qa downloads the members-only Chaman field notes, signing a custody record; the bytes match', { timeout: 120_000 }, async () => {
  const notes = demoFile('chaman-field-notes');
  const all = (await (await fetch(`${suite.server.url}/v1/incidents?limit=50`)).json()) as { items: IncidentJson[] };
  const chaman = all.items.find((i) => i.evidence.some((e) => e.sha256 === notes.sha256));
  assert.ok(chaman, 'the Chaman report carries the field notes');
  const custodyBefore = chaman.evidence.find((e) => e.sha256 === notes.sha256)!.custody.length;

  const context = await suite.browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const page = await open(context, `#/incidents/${chaman.id}`);
  await page.getByTestId('incident').waitFor();
  assert.equal(await page.getByTestId('download-restricted').count(), 0, 'no download before signing in');
  assert.match(await page.getByTestId('evidence').first().innerText(), /withheld/);
  await signIn(page, 'press-pool');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('download-restricted').count(), 0, 'an observer may not download members-only evidence');
  await signOut(page);

  await signIn(page, 'qa');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-restricted').click()]);
  const bytes = await readFile((await download.path())!);
  assert.deepEqual(new Uint8Array(bytes), notes.bytes, 'the bytes saved are the registered file');
  assert.match(download.suggestedFilename(), /^field-team-notes-chaman-spin-boldak-crossing-[0-9a-f]{12}\.txt$/);
  await page.getByTestId('download-saved').waitFor();
  await page.getByText(`Custody chain (${custodyBefore + 1} records)`).waitFor({ timeout: 30_000 });
  const custody = (await incidentJson(chaman.id)).evidence.find((e) => e.sha256 === notes.sha256)!.custody;
  assert.equal(custody.at(-1)?.kind, 'accessed');
  assert.equal(custody.at(-1)?.member, 'qa', 'the custody chain names the member who downloaded');
  noErrors(page);
  await context.close();
});

test('evidence: a field team uploads a text file to its report, the SHA-256 computed in the browser matches, and it signs the registration', { timeout: 120_000 }, async () => {
  assert.match(formReport, /^[0-9a-f]{64}$/, 'the report-form test filed a report');
  const bytes = Buffer.from('TEST EVIDENCE, attached through the web UI: field note of joint field team 1 at the Torkham crossing (test).\n', 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${formReport}`);
  await page.getByTestId('incident').waitFor();
  assert.equal(await page.getByTestId('attach-evidence').count(), 0, 'no "Attach evidence" before signing in');
  await signIn(page, 'field-team-1');
  await page.getByTestId('attach-evidence').click();
  const form = page.getByTestId('evidence-form');
  await page.locator('#ev-file').setInputFiles({ name: 'torkham-field-note.txt', mimeType: 'text/plain', buffer: bytes });
  await form.getByTestId('evidence-uploaded').waitFor({ timeout: 30_000 });
  assert.equal(await form.getByTestId('evidence-local-hash').innerText(), sha256, 'the browser hashed the file to its SHA-256');
  assert.match(await form.getByTestId('evidence-uploaded').innerText(), new RegExp(`${bytes.length} bytes`));
  assert.equal(await page.locator('#ev-media').inputValue(), 'text/plain');

  // The domain's schema first: a description is required.
  const sizeBefore = await logSize();
  await page.locator('#ev-title').fill('Field note, Torkham crossing (test)');
  await form.getByTestId('evidence-submit').click();
  await form.locator('[data-testid="field-error"][data-path="description"]').waitFor();
  assert.equal(await logSize(), sizeBefore, 'nothing was appended');
  await page.locator('#ev-description').fill('A short written note of the field team, uploaded by the end-to-end test.');
  await page.locator('#ev-place').fill('Torkham border crossing (test)');
  await form.getByLabel(/^Members only/).check();
  await shot(page, 'evidence-attach');
  await form.getByTestId('evidence-submit').click();
  const item = page.getByTestId('evidence').filter({ hasText: 'Field note, Torkham crossing (test)' });
  await item.waitFor({ timeout: 30_000 });
  assert.match(await item.innerText(), new RegExp(sha256));
  const registered = (await incidentJson(formReport)).evidence.find((e) => e.sha256 === sha256);
  assert.equal(registered?.confidentiality, 'members');
  assert.deepEqual(registered?.custody.map((c) => `${c.kind}:${c.member}`), ['registered:field-team-1']);
  noErrors(page);
  await context.close();
});

test('report amendment: only the filer sees "Amend"; it signs the changed account with a reason, and the history shows version 2', { timeout: 120_000 }, async () => {
  assert.match(formReport, /^[0-9a-f]{64}$/, 'the report-form test filed a report');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${formReport}`);
  await page.getByTestId('incident').waitFor();
  await signIn(page, 'osint-desk');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('amend-open').count(), 0, 'another monitor does not amend the field team\'s report');
  await signOut(page);

  await signIn(page, 'field-team-1');
  await page.getByTestId('amend-open').click();
  const form = page.getByTestId('amend-form');
  await form.waitFor();
  // Nothing changed: nothing is signed.
  await form.getByTestId('amend-submit').click();
  assert.match(await form.getByTestId('form-errors').innerText(), /Nothing was changed/);
  const amended = 'TEST REPORT, amended through the web form; not a real event. The field team now states that the shots came from two positions across the border.';
  await page.locator('#rf-narrative').fill(amended);
  await page.locator('#rf-casualties-injured-max').fill('3');
  // A reason is asked for.
  await form.getByTestId('amend-submit').click();
  await form.locator('[data-testid="field-error"][data-path="reason"]').waitFor();
  await page.locator('#amend-reason').fill('A second observation post reported the fire (test amendment).');
  await page.waitForTimeout(300);
  await shot(page, 'report-amend');
  await form.getByTestId('amend-submit').click();
  await page.getByText('2 versions', { exact: true }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('history-version').count(), 2);
  const v2 = await page.getByTestId('history-version').nth(1).innerText();
  assert.match(v2, /Version 2: amended/);
  assert.match(v2, /account/);
  assert.match(v2, /casualties/);
  assert.match(v2, /second observation post/);
  const after = await incidentJson(formReport);
  assert.equal(after.report.narrative, amended);
  assert.equal(await page.getByTestId('amend-form').count(), 0);
  noErrors(page);
  await context.close();
});

test('agreement status: tr records a suspension, the ceasefire no longer stands, then records its resumption', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.getByTestId('status-open').count(), 0, 'no status form before signing in');
  await signIn(page, 'pk');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('status-open').count(), 0, 'a party does not record the status');
  await signOut(page);

  await signIn(page, 'tr');
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
  await page.getByTestId('ceasefire').getByText('No, the ceasefire does not stand').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('status-change').count(), changesBefore + 1);
  assert.match(await page.getByTestId('status-change').first().innerText(), /Suspended[\s\S]*TEST STATUS CHANGE[\s\S]*Recorded by/);

  const overview = await open(context, '#/');
  await overview.getByTestId('ceasefire').waitFor();
  assert.match(await overview.getByTestId('ceasefire').innerText(), /No, the ceasefire does not stand[\s\S]*Suspended/);
  noErrors(overview);
  await overview.close();

  // Resumed, so the ceasefire stands again for what follows.
  await page.getByTestId('status-open').click();
  assert.equal(await page.locator('#st-status').inputValue(), 'resumed');
  await page.locator('#st-reason').fill('TEST STATUS CHANGE: the ceasefire resumes after the test suspension.');
  await form.getByTestId('status-submit').click();
  await page.getByTestId('ceasefire').getByText('Yes, the ceasefire stands').waitFor({ timeout: 30_000 });
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

test('commitments: af reports an action on a clause binding it, qa verifies it, and the compliance figures count it', { timeout: 180_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/compliance');
  await page.getByTestId('compliance-table-af').waitFor();
  assert.equal(await page.getByTestId('action-open').count(), 0, 'no action form before signing in');
  const before = await actionsOf('af');

  await signIn(page, 'af');
  const afTable = page.getByTestId('compliance-table-af');
  await afTable.getByTestId('action-open').click();
  assert.equal(await page.getByTestId('compliance-table-pk').getByTestId('action-open').count(), 0, 'af reports only for its own side');
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
  await page.locator('#ca-date').fill('2025-11-20');
  await page.locator('#ca-amount').fill('2');
  await page.locator('#ca-unit').fill('positions withdrawn');
  await shot(page, 'commitment-action');
  await form.getByTestId('action-submit').click();
  const reported = page.getByTestId('action-reported');
  await reported.waitFor({ timeout: 30_000 });
  const actionId = (await reported.getByTestId('action-id').innerText()).trim();
  assert.match(actionId, /^[0-9a-f]{64}$/);
  const afterReport = await actionsOf('af');
  assert.deepEqual([afterReport.reported, afterReport.unverified], [before.reported + 1, before.unverified + 1]);
  await page.waitForFunction((n) => document.querySelector('[data-testid="compliance-table-af"] [data-testid="action-counts"]')?.textContent?.includes(`${n} action`), afterReport.reported);
  const link = await reported.getByTestId('action-link').getAttribute('href');
  assert.equal(link, `#/compliance?action=${actionId}`);
  noErrors(page);
  await signOut(page);

  // qa, a mediator of the agreement in force, opens the link: the verdict form has the action's id filled in.
  await signIn(page, 'qa');
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
  const afterVerify = await actionsOf('af');
  assert.deepEqual([afterVerify.reported, afterVerify.verified, afterVerify.unverified], [before.reported + 1, before.verified + 1, before.unverified]);
  await page.waitForFunction((n) => document.querySelector('[data-testid="compliance-table-af"] [data-testid="action-counts"]')?.textContent?.includes(`${n} verified`), afterVerify.verified);
  assert.match(await afTable.locator('tfoot').innerText(), new RegExp(`${afterVerify.verified}/${afterVerify.reported}`));
  // The action is listed one by one: af's claim, with qa's verdict beside it.
  const row = page.locator(`[data-testid="commitment-row"][data-action="${actionId}"]`);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="commitment-row"][data-action="${id}"]`)?.getAttribute('data-status') === 'verified', actionId, { timeout: 30_000 });
  assert.match(await row.innerText(), /reported by .*\(af\)/);
  assert.match(await row.innerText(), /verified/);
  noErrors(page);
  await context.close();
});

test('joint statement: an attendee who has not signed it signs it over its hash, and it is in force for that member', { timeout: 120_000 }, async () => {
  // tr records a meeting with a joint statement that no one has signed yet (signed here, as its own client would).
  const tr = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'tr.json'));
  const text = 'TEST JOINT STATEMENT: the parties agree to meet again within two weeks.';
  const meetingBody = {
    title: 'Test talks on the joint statement',
    kind: 'talks',
    start: '2025-12-01T09:00:00Z',
    end: '2025-12-01T12:00:00Z',
    place: { name: 'Doha', lat: 25.29, lon: 51.53 },
    attendees: ['pk', 'af', 'qa', 'tr'],
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
  await signIn(page, 'pk');
  await meeting.getByTestId('joint-sign-open').click();
  assert.equal(await page.getByTestId('joint-sign-open').count(), 0, 'pk signed every other joint statement already');
  assert.equal(await meeting.getByTestId('joint-sign-hash').innerText(), textHash(text));
  await shot(page, 'joint-sign');
  await meeting.getByTestId('joint-sign-submit').click();
  await meeting.getByTestId('joint-sign-form').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="joint-sign-open"]'));
  const meetings = (await (await fetch(`${suite.server.url}/v1/meetings`)).json()) as { items: { id: string; joint: { inForceFor: string[]; unsigned: string[] } | null }[] };
  const m = meetings.items.find((x) => x.id === meetingId);
  assert.deepEqual(m?.joint?.inForceFor, ['pk']);
  assert.deepEqual(m?.joint?.unsigned, ['af', 'qa', 'tr']);
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
  await signIn(page, 'pk');
  await page.getByTestId('ceasefire').waitFor();
  assert.equal(await page.getByTestId('amend-open').count(), 0, 'a party does not propose amendments');
  await signOut(page);
  await signIn(page, 'qa');
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
  assert.deepEqual(v2.missing, { parties: ['pk', 'af'], mediators: v2.quorum });

  // The page shows the new version: proposed, none of the required signatures yet.
  await page.waitForFunction((n) => (document.querySelector('#version') as HTMLSelectElement | null)?.value === String(n), v2.version);
  await page.getByText('Proposed, not in force').first().waitFor();
  const sigs = page.getByTestId('signatures');
  await sigs.getByText('0 signatures').waitFor();
  assert.match(await sigs.innerText(), new RegExp(`Awaiting the signature of .+ and ${v2.quorum} more mediator signatures`, 's'));
  assert.match(await page.getByTestId('clause').first().innerText(), /TEST AMENDMENT/);
  noErrors(page);
  await context.close();
});

test('meeting: the secretariat records a meeting with a joint statement, whose hash the browser computes', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/agreement');
  await page.getByTestId('meeting').first().waitFor();
  assert.equal(await page.getByTestId('meeting-open').count(), 0, 'no meeting form before signing in');
  await signIn(page, 'pk');
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
  for (const id of ['pk', 'af', 'qa']) await form.locator(`input[name="mt-attendee"][value="${id}"]`).check();
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
  assert.deepEqual([...(m?.attendees ?? [])].sort(), ['af', 'pk', 'qa']);
  assert.equal(m?.start, '2025-12-10T09:00:00Z');
  assert.deepEqual(m?.place, { name: 'Istanbul', lat: 41.01, lon: 28.98 });
  assert.equal(m?.joint?.hash, textHash(text));
  noErrors(page);
  await context.close();
});

test('log: "Verify in this browser" rebuilds the tree, replays every statement and succeeds', { timeout: 180_000 }, async () => {
  await suite.verifyLogInBrowser('log-verify');
});
