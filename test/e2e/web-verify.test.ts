// "Verify in this browser" against a log the operator tampered with (issue 8, "Exact bytes" and "Nobody speaks for
// another"): the server stores and signs entries that bypassed every check, as a rogue operator's would, and the
// browser, replaying the log alone, turns red and names each failing entry. Run under the server's strict
// Content-Security-Policy: no violation may be reported. And a log served under another key than the one this browser
// remembered fails at its first step. And the engine the verifier's workers use where it agrees with the shared rule
// (WebCrypto) decides every CCTV Ed25519 vector in Chromium as node:crypto does. And when the server will not give a
// tile, the verifier asks again, waits as long as the server says (Retry-After), and after its last try stops naming
// the tile and the answer, in the reader's language: a relay in front of the real server answers 503 for the log's
// hash tile and passes everything else on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { browserSuite, DESKTOP } from './helpers/browser.js';
import { asBody, reportBody } from './helpers/case-bodies.js';
import { member, signed, type TestMember } from './helpers/members.js';
import type { RunningServer } from './helpers/server.js';
import { toBase64 } from '../../src/domain/encoding.js';
import { parseStatement, statementId } from '../../src/domain/statement.js';
import { verifyEd25519 } from '../../src/log/ed25519.js';
import { fromHex, utf8 } from '../../src/log/encoding.js';
import { hashLeaf } from '../../src/log/hash.js';
import { readKeyFile } from '../../src/services/key-file.js';
import verifyAr from '../../src/web/i18n/catalogs/verify/ar.js';
import verifyTr from '../../src/web/i18n/catalogs/verify/tr.js';
import { REPO_ROOT, SHARED } from '../repo-paths.js';

const suite = browserSuite({ demo: true });
const VECTORS = join(SHARED, 'vectors/ed25519/cctv-ed25519vectors.json');

/** What a rogue operator's server does: store and sequence an entry without any check, then sign a checkpoint. */
async function appendUnchecked(server: RunningServer, bytes: Uint8Array): Promise<number> {
  const m = server.mechanism;
  const parsed = parseStatement(bytes);
  assert.ok(parsed.ok, 'the forged entry is a well-formed statement');
  const index = m.tree.size;
  const growth = m.tree.extend([hashLeaf(bytes)]);
  const s = parsed.value;
  await m.store.appendBatch({ entries: [{ index, id: statementId(bytes), leafHash: hashLeaf(bytes), bytes, type: s.type, by: s.by, at: s.at }], incidents: [], treeNodes: growth.nodes });
  m.tree.adopt(growth);
  return index;
}

/** A demo member as a test member (its key file holds its seed). */
async function demoMember(id: string): Promise<TestMember> {
  const pair = await readKeyFile(join(suite.server.dataDir, 'demo-keys', `${id}.json`));
  return { ...pair, id, key: toBase64(pair.publicKey) };
}

test('a tampered log turns "Verify in this browser" red and names each forged entry', { timeout: 240_000 }, async () => {
  const server = suite.server;
  // The operator revokes a party's key by itself (only that party may), and files a report as pk with a key that
  // was never registered to pk.
  const operator = await demoMember('secretariat');
  const pk = await demoMember('pk');
  const impostor = { ...member('pk'), id: 'pk' };
  const revoke = await appendUnchecked(server, await signed(operator, 'key.revoke', { member: 'pk', key: pk.key, reason: 'Lost.' }));
  const report = await appendUnchecked(server, await signed(impostor, 'report.file', asBody(reportBody({ narrative: 'A report pk never signed.' }))));
  // And a report pk did sign, with a word of it changed afterwards: still canonical, its signature no longer verifies.
  const genuine = new TextDecoder().decode(await signed(pk, 'report.file', asBody(reportBody({ narrative: 'A report pk signed.' }))));
  const altered = await appendUnchecked(server, new TextEncoder().encode(genuine.replace('A report pk signed.', 'A report pk signes.')));
  await server.mechanism.publishCheckpoint();

  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await suite.open(context, '#/log');
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.getByTestId('checkpoint').waitFor();
  await page.getByTestId('verify-run').click();
  const verdict = page.getByTestId('verify-verdict');
  await verdict.waitFor({ timeout: 180_000 });
  const text = await verdict.innerText();
  assert.equal(await verdict.getAttribute('data-verdict'), 'fail', text);
  assert.match(text, /3 of \d+ entries break a rule/, text);
  assert.match(text, new RegExp(`entries ${revoke}, ${report}, ${altered}\\b`), `each forged entry is named: ${text}`);
  assert.match(text, /never by the operator/, text);
  // Red: the verdict is drawn as an error (a pale red background: its red channel leads), and so is the failed step.
  const [r, g, b] = (await verdict.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g)!.map(Number) as [number, number, number];
  assert.ok(r >= g + 10 && r >= b + 10, `the verdict is red, not rgb(${r}, ${g}, ${b})`);
  assert.equal(await page.locator('.verify-step.step-fail').count(), 1, 'one step failed: the statements');
  await suite.shot(page, 'verify-tampered');
  suite.noErrors(page);
  assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
  await context.close();
});

test('a log now served under another key than this browser verified before: the checkpoint step fails and says why, in Arabic', { timeout: 120_000 }, async () => {
  const { origin, vkey } = (await (await fetch(`${suite.server.url}/v1/log`)).json()) as { origin: string; vkey: string };
  const earlier = `${origin}+0badc0de+AUXMu3O0zU4LR389P2VDPBmDn7Ldw5NrbYaNZ0nhS5Kh`;
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await suite.open(context, '?lang=ar#/log');
  await page.getByTestId('checkpoint').waitFor();
  // What this browser would have remembered from an earlier verification of a log of the same name.
  await page.evaluate(([o, k]) => localStorage.setItem(`truce.vkey:${o}`, k!), [origin, earlier]);
  await page.getByTestId('verify-run').click();
  const verdict = page.getByTestId('verify-verdict');
  await verdict.waitFor({ timeout: 60_000 });
  assert.equal(await verdict.getAttribute('data-verdict'), 'fail');
  const text = await verdict.innerText();
  assert.ok(text.includes(verifyAr['verify.failed']), text);
  assert.ok(text.includes(verifyAr['verifyDetail.keyChanged'].split(' (')[0]!), `worded in Arabic: ${text}`);
  assert.ok(text.includes(earlier) && text.includes(vkey), `both keys are named: ${text}`);
  const failed = page.locator('.verify-step.step-fail');
  assert.equal(await failed.count(), 1);
  assert.ok((await failed.innerText()).includes(verifyAr['verifyStep.checkpoint']), 'the checkpoint step is the one that failed');
  assert.equal(await page.locator('.verify-step.step-waiting').count(), 3, 'nothing after it ran');
  assert.equal(await page.evaluate((o) => localStorage.getItem(`truce.vkey:${o}`), origin), earlier, 'the remembered key is not replaced');
  suite.noErrors(page);
  await context.close();
});

test('Chromium\'s WebCrypto Ed25519, through the verifier\'s own code, decides all 914 CCTV vectors as the shared rule (node:crypto\'s), so the workers use it', { timeout: 120_000 }, async () => {
  const vectors = JSON.parse(readFileSync(VECTORS, 'utf8')) as { number: number; key: string; sig: string; msg: string }[];
  assert.equal(vectors.length, 914);
  const expected = vectors.map((v) => verifyEd25519(fromHex(v.key)!, utf8(v.msg), fromHex(v.sig)!));
  // src/web/verify/webcrypto-ed25519.ts as the browser runs it, bundled on the spot.
  const bundled = await build({ entryPoints: [join(REPO_ROOT, 'src/web/verify/webcrypto-ed25519.ts')], bundle: true, format: 'iife', globalName: 'edCheck', platform: 'browser', target: 'es2022', write: false });
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await suite.open(context, '#/log');
  const found = (await page.evaluate(`(async () => {
    ${bundled.outputFiles[0]!.text}
    const hex = (h) => new Uint8Array((h.match(/../g) ?? []).map((x) => parseInt(x, 16)));
    const verify = edCheck.webCryptoVerifier(crypto.subtle);
    const decisions = [];
    for (const v of ${JSON.stringify(vectors)}) decisions.push(await verify(hex(v.key), new TextEncoder().encode(v.msg), hex(v.sig)));
    return { decisions, trusted: (await edCheck.trustedWebCrypto()) !== null, agrees: await edCheck.agreesWithSharedRule(verify) };
  })()`)) as { decisions: boolean[]; trusted: boolean; agrees: boolean };
  const differing = vectors.filter((_, i) => found.decisions[i] !== expected[i]).map((v) => v.number);
  assert.deepEqual(differing, [], 'vectors Chromium decides otherwise');
  assert.equal(found.decisions.filter(Boolean).length, 208);
  assert.equal(found.agrees, true, 'the edge cases agree');
  assert.equal(found.trusted, true, 'so the verifier uses WebCrypto here');
  suite.noErrors(page);
  await context.close();
});

test('a hash tile the server keeps refusing (503, Retry-After: 1) stops the check naming it, after four asks a second apart', { timeout: 240_000 }, async () => {
  const server = suite.server;
  const asked: number[] = [];
  const relay = createServer((req, res) => {
    if (req.url?.startsWith('/tile/0/000')) {
      asked.push(Date.now());
      res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' }).end('{"title":"Busy","status":503}');
      return;
    }
    const upstream = new URL(server.url);
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  try {
    const context = await suite.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/?lang=tr#/log`);
    await page.getByTestId('checkpoint').waitFor({ timeout: 60_000 });
    await page.getByTestId('verify-run').click();
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor({ timeout: 120_000 });
    assert.equal(await verdict.getAttribute('data-verdict'), 'fail');
    const text = await verdict.innerText();
    // The catalog's last sentence, which has no placeholder.
    assert.ok(text.includes(verifyTr['verifyDetail.tileUnavailable'].split('</code>').at(-1)!.slice(1).trim()), `worded in Turkish: ${text}`);
    assert.match(text, /tile\/0\/000(\.p\/\d+)?/, `the tile is named: ${text}`);
    assert.match(text, /HTTP 503/, `the answer is named: ${text}`);
    assert.ok(asked.length >= 4, `asked at least four times: ${asked.length}`);
    // Asked again no sooner than the server said: a second apart, though the verifier's own first delay is 0.5 s.
    const gaps = asked.slice(1, 4).map((t, i) => t - asked[i]!);
    assert.ok(gaps.every((gap) => gap >= 950), `Retry-After honoured: ${gaps.join(', ')} ms`);
    assert.equal(await page.locator('.verify-step.step-fail').count(), 1, 'one step failed: the tiles');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    relay.close();
  }
});
