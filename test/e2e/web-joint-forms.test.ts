// The joint teams' forms in the browser, on the fictional training mechanism: Mediator A plans a joint patrol from the
// patrol form (refused first, field by field, while empty), Joint patrol 1 reports from the denial form that it was
// turned back on that patrol, and both statements are in the log as signed, the denial shown as its report. Then both
// forms in Arabic: right to left, at 360 px, nothing wider than the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { nowUtc, post } from './helpers/members.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { deriveEncryptionKey, openField } from '../../src/domain/seal/hpke.js';
import { sealedFieldSchema } from '../../src/domain/seal/sealed.js';
import { signStatement } from '../../src/domain/statement.js';
import { canonicalBytes } from '../../src/domain/jcs.js';
import { toBase64 } from '../../src/domain/encoding.js';

const suite = browserSuite({ demo: 'training' });

interface LogItem {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly by: string;
  readonly statement: { readonly body: Record<string, unknown> };
}

async function logEntry(index: number): Promise<LogItem> {
  const page = (await (await fetch(`${suite.server.url}/v1/statements?from=${index}&limit=1`)).json()) as { items: LogItem[] };
  return page.items[0]!;
}

/** "YYYY-MM-DDTHH:MM" for a datetime-local input, `days` from now at `hour`:00 UTC (the context's time zone is UTC). */
const localAt = (days: number, hour: number): string => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;

const keyOf = (member: string) => readKeyFile(join(suite.server.dataDir, 'demo-keys', `${member}.json`));

test('a patrol plan and a denial of access filed from their forms reach the log; the plan\'s route sealed to the mediators', { timeout: 240_000 }, async () => {
  // The mediators register the encryption keys their key files derive (as the browser and `$ENCKEY` do).
  for (const m of ['med-a', 'med-b']) {
    const key = await keyOf(m);
    const body = { key: (await deriveEncryptionKey(key.seed)).publicKey };
    const bytes = canonicalBytes(await signStatement({ v: 1, type: 'enckey.add', by: key.member, key: toBase64(key.publicKey), at: nowUtc(), body }, key.sign));
    assert.equal((await post(suite.server.url, bytes)).status, 201);
  }
  const context = await suite.browser.newContext({ viewport: DESKTOP, timezoneId: 'UTC' });
  const page = await suite.open(context, '#/patrol/new');
  await suite.signIn(page, 'med-a');
  const plan = page.getByTestId('patrol-plan-form');
  await plan.waitFor();

  // Empty: refused in the form, each problem next to its field, nothing signed.
  await page.getByTestId('plan-submit').click();
  await page.getByTestId('form-errors').waitFor();
  for (const path of ['name', 'area', 'from', 'until']) assert.equal(await page.locator(`[data-testid="field-error"][data-path="${path}"]`).count(), 1, path);

  await page.locator('#rf-name').fill('TEST joint patrol, Eastbrook valley');
  await page.locator('#rf-area').fill('Eastbrook valley, both sides of the boundary road (fictional)');
  await page.locator('#rf-from').fill(localAt(1, 8));
  await page.locator('#rf-until').fill(localAt(1, 16));
  for (const member of ['joint-patrol-1', 'north', 'south']) await page.locator(`[data-testid="team"] input[data-member="${member}"]`).check();
  assert.equal(await page.locator('[data-testid="team"] input[data-member="med-a"]').isChecked(), true, 'the planner is on the team by default');
  await page.locator('#rf-route').fill('TEST: along the boundary road to the Eastbrook bridge and back.');
  await page.getByTestId('seal-route').check();
  await page.getByTestId('plan-submit').click();
  const recorded = page.getByTestId('plan-recorded');
  await recorded.waitFor({ timeout: 30_000 });
  const planIndex = Number(/#(\d+)/.exec(await recorded.innerText())?.[1]);
  const planned = await logEntry(planIndex);
  assert.deepEqual([planned.type, planned.by, planned.statement.body.name, planned.statement.body.from], ['patrol.plan', 'med-a', 'TEST joint patrol, Eastbrook valley', `${localAt(1, 8)}:00Z`]);
  assert.deepEqual([...(planned.statement.body.team as string[])].sort(), ['joint-patrol-1', 'med-a', 'north', 'south']);
  // The route left the public body: sealed to the mediators, read by them, and in no public answer.
  assert.equal('route' in planned.statement.body, false);
  const sealed = sealedFieldSchema.parse((planned.statement.body.sealed as unknown[])[0]);
  assert.deepEqual([sealed.field, sealed.to.map((t) => t.member)], ['/route', ['med-a', 'med-b']]);
  const medB = await keyOf('med-b');
  const opened = await openField(sealed, 'med-b', await deriveEncryptionKey(medB.seed));
  assert.deepEqual(opened.ok ? opened.value : opened.reason, 'TEST: along the boundary road to the Eastbrook bridge and back.');
  assert.ok(!(await (await fetch(`${suite.server.url}/v1/statements?from=${planIndex}&limit=1`)).text()).includes('boundary road to the Eastbrook'));
  await suite.signOut(page);

  // The patrol, turned back: it picks the plan (which fills in the team), says where, when, by whom.
  await suite.signIn(page, 'joint-patrol-1');
  await page.evaluate(() => (location.hash = '#/access-denied/new'));
  await page.getByTestId('access-denied-form').waitFor();
  await page.getByTestId('patrol-plan').selectOption({ label: 'TEST joint patrol, Eastbrook valley' });
  assert.equal(await page.locator('[data-testid="team"] input[data-member="south"]').isChecked(), true, 'the team comes from the plan');
  await page.locator('#rf-where-place').fill('Eastbrook bridge checkpoint (test)');
  await page.locator('#rf-where-country').fill('Southern Federation (fictional)');
  await page.locator('#rf-where-lat').fill('0.91');
  await page.locator('#rf-where-lon').fill('1.42');
  await page.locator('#rf-denied_by-name').fill('Guards at the Eastbrook bridge checkpoint (test)');
  await page.locator('#rf-denied_by-side').selectOption('south');
  await page.locator('#rf-narrative').fill('TEST: the patrol states it was stopped at the bridge and told to turn back; it turned back.');
  await page.locator('#rf-accused').getByLabel(/Southern Federation/).check();
  await page.getByTestId('denied-submit').click();
  await page.getByTestId('incident').waitFor({ timeout: 30_000 });
  const id = page.url().split('/').pop() ?? '';
  assert.match(await page.getByTestId('incident').innerText(), /Eastbrook bridge checkpoint \(test\)/);

  const log = (await (await fetch(`${suite.server.url}/v1/statements?order=desc&limit=20`)).json()) as { items: LogItem[] };
  const denial = log.items.find((i) => i.id === id);
  assert.ok(denial, 'the denial is in the log under the id the page shows');
  assert.deepEqual([denial.type, denial.by, denial.statement.body.patrol, denial.statement.body.denied_by], ['access.denied', 'joint-patrol-1', planned.id, { name: 'Guards at the Eastbrook bridge checkpoint (test)', side: 'south' }]);
  assert.deepEqual(denial.statement.body.accused, ['south']);
  suite.noErrors(page);
  await context.close();
});

test('both forms in Arabic: right to left, at 360 px', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, timezoneId: 'UTC' });
  const page = await suite.open(context, '?lang=ar#/patrol/new');
  await suite.signIn(page, 'joint-patrol-1');
  for (const [hash, form, heading, shot] of [
    ['#/patrol/new', 'patrol-plan-form', 'تخطيط دورية مشتركة', 'patrol-plan-form-ar'],
    ['#/access-denied/new', 'access-denied-form', 'الإبلاغ عن منع الوصول', 'access-denied-form-ar'],
  ] as const) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.getByTestId(form).waitFor();
    assert.equal(await page.locator('h1').first().innerText(), heading);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${form} overflows by ${overflow}px at 360 px`);
    await suite.shot(page, shot);
  }
  suite.noErrors(page);
  await context.close();
});
