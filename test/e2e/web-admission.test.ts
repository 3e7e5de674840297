// Proof of possession and consent in the browser, in Debian's headless Chromium against the training mechanism: a newcomer loads
// its fresh key file, sees its fingerprint and signs its own admission request; the operator's submission without
// the side's consent is refused; the Northern Republic, signed in, refuses a wrong fingerprint, then countersigns; the operator's
// submission is accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { generateKeyPair } from '../../src/services/node-ed25519.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { keyFingerprint } from '../../src/domain/records/admission.js';
import { post, signed } from './helpers/members.js';
import AR from '../../src/web/i18n/catalogs/ar.js';

const suite = browserSuite();

/** A fresh key file for a member not admitted yet, loaded through the sign-in dialog; answers its public key. */
async function loadFreshKey(page: Page, member: string): Promise<string> {
  const pair = generateKeyPair();
  const key = toBase64(pair.publicKey);
  await page.getByTestId('load-key').click();
  const file = JSON.stringify({ member, seed: toBase64(pair.seed), key });
  await page.locator('#key-file').setInputFiles({ name: `${member}.json`, mimeType: 'application/json', buffer: Buffer.from(file) });
  return key;
}

test('a newcomer signs its admission request in the browser; its side countersigns after checking the fingerprint', async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  try {
    const page = await suite.open(context, '#/');
    const key = await loadFreshKey(page, 'north-liaison-2');
    await page.getByTestId('admission-request').waitFor();
    assert.equal(await page.getByTestId('fingerprint').innerText(), keyFingerprint(key));
    await page.locator('#adm-name').fill('Northern liaison cell, second desk (fictional)');
    await page.locator('#adm-side').fill('north');
    await page.getByTestId('sign-admission').click();
    const request = JSON.parse(await page.getByTestId('admission-json').inputValue()) as Record<string, unknown>;
    assert.equal(typeof request.pop, 'string');
    await page.keyboard.press('Escape');

    const operatorKey = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'secretariat.json'));
    const operator = { ...operatorKey, id: operatorKey.member, key: toBase64(operatorKey.publicKey) };
    const alone = await post(suite.server.url, await signed(operator, 'member.admit', request));
    assert.deepEqual([alone.status, alone.body.code], [403, 'forbidden'], JSON.stringify(alone.body));

    await suite.signIn(page, 'north');
    await page.getByTestId('open-consent').click();
    await page.locator('#consent-request').fill(JSON.stringify(request));
    await page.locator('#consent-fp').fill('0000 0000 0000 0000 0000 0000 0000 0000 0000 0000');
    await page.getByTestId('sign-consent').click();
    await page.getByText(/Do not consent: the request's key has fingerprint/).waitFor();
    await page.locator('#consent-fp').fill(keyFingerprint(key));
    await page.getByTestId('sign-consent').click();
    const consented = JSON.parse(await page.getByTestId('admission-consent').getByTestId('admission-json').inputValue()) as Record<string, unknown>;
    const accepted = await post(suite.server.url, await signed(operator, 'member.admit', consented));
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    await suite.shot(page, 'admission-consent');
    suite.noErrors(page);
  } finally {
    await context.close();
  }
});

test('the newcomer\'s request in Arabic: right to left, every word from the catalog, the key\'s fingerprint left to right', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  try {
    const page = await suite.open(context, '?lang=ar#/');
    const key = await loadFreshKey(page, 'north-liaison-3');
    const request = page.getByTestId('admission-request');
    await request.waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.getByRole('alert').first().innerText(), AR['session.noMemberYet'].replace('{member}', 'north-liaison-3'));
    assert.match(await request.innerText(), new RegExp(AR['admission.sign']));
    assert.equal(await page.getByTestId('fingerprint').innerText(), keyFingerprint(key));
    assert.equal(await page.getByTestId('fingerprint').evaluate((el) => getComputedStyle(el).direction), 'ltr');
    await page.getByTestId('sign-admission').click();
    assert.equal(await request.getByRole('alert').innerText(), AR['admission.needName'], 'a missing name is said in Arabic');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling at 360 px');
    suite.noErrors(page);
  } finally {
    await context.close();
  }
});
