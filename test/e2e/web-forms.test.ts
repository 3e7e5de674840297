// The web UI's signing forms end to end, in Debian's headless Chromium against the real server with the demo:
// a field team files a report through the form, the mediators open an investigation, propose, concur and apply a
// penalty, a mediator downloads restricted evidence (signing a custody record), a field team attaches evidence and
// amends its report, and "Verify in this browser" then replays all of it. The agreement side: web-agreement.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { trainingFile } from '../../src/domain/demo/training/bodies.js';
import { join } from 'node:path';
import { toBase64 } from '../../src/domain/encoding.js';
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
  await page.locator('#rf-when-start').fill('2026-06-20T00:00');
  await page.locator('#rf-when-offset').selectOption('+05:00');
  assert.equal(await page.locator('#rf-when-start').inputValue(), '2026-06-20T18:00');
  assert.equal(await page.locator('#rf-when-end').inputValue(), '2026-06-21T06:00');
  assert.match(await page.getByTestId('when-reads').innerText(), /night of 20 Jun.21 Jun 2026/);

  // Where: a click on the offline map sets the point and suggests the country; then the exact point is typed.
  await page.locator('#rf-where-place').fill('Northgate crossing (test)');
  await page.waitForSelector('[data-testid="pick-map"][data-state="ready"]', { timeout: 30_000 });
  await page.getByTestId('pick-map').click({ position: { x: 300, y: 120 } });
  await page.waitForFunction(() => (document.getElementById('rf-where-lat') as HTMLInputElement | null)?.value !== '');
  const picked = { lat: Number(await page.locator('#rf-where-lat').inputValue()), lon: Number(await page.locator('#rf-where-lon').inputValue()) };
  assert.ok(picked.lat > 20 && picked.lat < 45 && picked.lon > 55 && picked.lon < 80, `the click landed in the region shown: ${JSON.stringify(picked)}`);
  assert.notEqual(await page.locator('#rf-where-country').inputValue(), '', 'the country clicked is suggested');
  await page.locator('#rf-where-country').fill('Northern Republic (fictional)');
  await page.locator('#rf-where-admin1').fill('Border district (fictional)');
  await page.locator('#rf-where-lat').fill('1.25');
  await page.locator('#rf-where-lon').fill('1.15');

  // What, who, how many.
  await page.locator('#rf-event_type').selectOption('Ceasefire mechanism');
  await page.locator('#rf-sub_event_type').selectOption('Cross-border fire');
  await page.locator('#rf-actors-0-name').fill('Unidentified gunmen across the border (test)');
  await page.locator('#rf-actors-0-role').selectOption('perpetrator');
  await page.getByRole('button', { name: '+ Add an actor' }).click();
  await page.locator('#rf-actors-1-name').fill('Northern border police (test)');
  await page.locator('#rf-actors-1-side').selectOption('north');
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
  await page.locator('#rf-sources-0-published').fill('2026-06-21');
  await page.getByTestId('report-form').getByLabel('Southern Federation (fictional party)').check();
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
  assert.match(text, /Cross-border fire, Northgate crossing \(test\)/);
  assert.match(text, /Alleged by\s+Training field team 1/);
  assert.match(text, /night of 20 Jun.21 Jun 2026/);
  const filed = await incidentJson(formReport);
  assert.equal(filed.filedBy.id, 'field-team-1');
  assert.deepEqual(filed.report.accused, ['south']);

  await page.goto(`${suite.server.url}/#/incidents?q=Northgate`);
  const list = page.getByTestId('incident-list');
  await list.waitFor();
  assert.match(await list.innerText(), /Cross-border fire, Northgate crossing \(test\)/);
  noErrors(page);
  await context.close();
});

test('mediators: med-a opens an investigation and proposes a finding, med-b concurs over its hash, the finding is final', { timeout: 180_000 }, async () => {
  const all = (await (await fetch(`${suite.server.url}/v1/incidents?limit=50`)).json()) as { items: IncidentJson[] };
  const target = all.items.find((i) => i.investigations.length === 0 && i.report.accused.includes('south') && i.filedBy.id !== 'field-team-1');
  assert.ok(target, 'the demo has a report against af that no investigation took up');
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${target.id}`);
  await page.getByTestId('incident').waitFor();
  assert.equal(await page.getByTestId('mediator-actions').count(), 0, 'no mediator actions before signing in');
  await signIn(page, 'north');
  await page.waitForTimeout(300);
  assert.equal(await page.getByTestId('mediator-actions').count(), 0, 'a party sees no mediator actions');
  await signOut(page);

  await signIn(page, 'med-a');
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

  await signIn(page, 'med-b');
  const hashShown = (await page.getByTestId('finding-hash').innerText({ timeout: 30_000 })).replace('SHA-256 ', '');
  const proposed = (await incidentJson(target.id)).findings[0]!;
  assert.equal(hashShown, proposed.hash, 'the hash computed in the browser from the log is the finding\'s');
  await page.getByTestId('finding-concur').click();
  // The signature that completes the quorum makes a fact of record: the browser asks once more, in plain words.
  assert.match(await page.getByTestId('finding-final-confirm').innerText(), /completes the quorum[\s\S]*becomes final/);
  await page.getByTestId('finding-confirm-final').click();
  await page.getByText('Final finding', { exact: true }).waitFor({ timeout: 30_000 });
  assert.match(await finding.innerText(), /The mediators found: the evidence does not allow a determination/);
  const after = await incidentJson(target.id);
  assert.equal(after.findings[0]?.state, 'final');
  assert.equal(after.status, 'inconclusive');
  assert.deepEqual(after.findings[0]?.signatures.map((x) => `${x.member}:${x.position}`), ['med-a:concur', 'med-b:concur']);
  await proofsVerified(page);
  noErrors(page);
  await context.close();
});

test('mediators: a final violation finding on the filed report, then the penalty of the schedule', { timeout: 180_000 }, async () => {
  assert.match(formReport, /^[0-9a-f]{64}$/, 'the report-form test filed a report');
  // No finding becomes final before the accused has replied or its reply period is over: south replies (its client).
  const south = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'south.json'));
  const reply = await post(suite.server.url, await signed({ ...south, id: south.member, key: toBase64(south.publicKey) }, 'report.reply', { report: formReport, stance: 'denies', text: 'TEST REPLY: the Southern Federation denies that its forces fired (fictional).' }));
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${formReport}`);
  await page.getByTestId('incident').waitFor();
  await signIn(page, 'med-a');
  await page.getByTestId('open-investigation').click();
  await page.getByTestId('investigation-submit').click();
  await page.getByTestId('propose-finding').click();
  const form = page.getByTestId('finding-form');
  await form.getByLabel(/^Violation/).check();
  await page.locator('#pf-responsible').selectOption('south');
  await page.locator('#pf-severity').selectOption('minor');
  await page.locator('#pf-responsibility').selectOption('own_forces');
  await page.locator('#pf-reasoning').fill('TEST FINDING on a test report: the field team\'s observation is taken as established for the purpose of the test.');
  await page.getByTestId('finding-submit').click();
  await page.getByTestId('finding').waitFor({ timeout: 30_000 });
  await signOut(page);
  await signIn(page, 'med-b');
  await page.getByTestId('finding-concur').click();
  await page.getByTestId('finding-confirm-final').click();
  await page.getByText('Final finding', { exact: true }).waitFor({ timeout: 30_000 });
  await signOut(page);

  await signIn(page, 'med-a');
  const apply = page.getByTestId('penalty-apply');
  await apply.waitFor({ timeout: 30_000 });
  assert.match(await apply.innerText(), /Written notice from the mediators, recorded in the log/);
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

test('evidence: a mediator downloads the members-only Eastgate crater notes, signing a custody record; the bytes match', { timeout: 120_000 }, async () => {
  const notes = trainingFile('eastgate-crater-photo-notes');
  const all = (await (await fetch(`${suite.server.url}/v1/incidents?limit=50`)).json()) as { items: IncidentJson[] };
  const chaman = all.items.find((i) => i.evidence.some((e) => e.sha256 === notes.sha256));
  assert.ok(chaman, 'the Eastgate report carries the crater notes');
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

  await signIn(page, 'med-a');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('download-restricted').click()]);
  const bytes = await readFile((await download.path())!);
  assert.deepEqual(new Uint8Array(bytes), notes.bytes, 'the bytes saved are the registered file');
  assert.match(download.suggestedFilename(), /^crater-notes-eastgate-fictional-[0-9a-f]{12}\.txt$/);
  await page.getByTestId('download-saved').waitFor();
  await page.getByText(`Custody chain (${custodyBefore + 1} records)`).waitFor({ timeout: 30_000 });
  const custody = (await incidentJson(chaman.id)).evidence.find((e) => e.sha256 === notes.sha256)!.custody;
  assert.equal(custody.at(-1)?.kind, 'accessed');
  assert.equal(custody.at(-1)?.member, 'med-a', 'the custody chain names the member who downloaded');
  noErrors(page);
  await context.close();
});

test('evidence: a field team uploads a text file to its report, the SHA-256 computed in the browser matches, and it signs the registration', { timeout: 120_000 }, async () => {
  assert.match(formReport, /^[0-9a-f]{64}$/, 'the report-form test filed a report');
  const bytes = Buffer.from('TEST EVIDENCE, attached through the web UI: field note of joint field team 1 at the Northgate crossing (test).\n', 'utf8');
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
  await page.locator('#ev-title').fill('Field note, Northgate crossing (test)');
  await form.getByTestId('evidence-submit').click();
  await form.locator('[data-testid="field-error"][data-path="description"]').waitFor();
  assert.equal(await logSize(), sizeBefore, 'nothing was appended');
  await page.locator('#ev-description').fill('A short written note of the field team, uploaded by the end-to-end test.');
  await page.locator('#ev-place').fill('Northgate crossing (test)');
  await form.getByLabel(/^Members only/).check();
  await shot(page, 'evidence-attach');
  await form.getByTestId('evidence-submit').click();
  const item = page.getByTestId('evidence').filter({ hasText: 'Field note, Northgate crossing (test)' });
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

test('log: "Verify in this browser" rebuilds the tree, replays every statement and succeeds', { timeout: 180_000 }, async () => {
  await suite.verifyLogInBrowser('log-verify');
});
