// "Verify in this browser" when the server will not give a tile: the verifier asks again, waits as long as the server
// says (Retry-After), and after its last try stops naming the tile and the answer, in the reader's language. A relay
// in front of the real server answers 503 for the log's hash tile and passes everything else on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { startServer } from './helpers/server.js';
import { DESKTOP } from './helpers/browser.js';
import verifyTr from '../../src/web/i18n/catalogs/verify/tr.js';

test('a hash tile the server keeps refusing (503, Retry-After: 1) stops the check naming it, after four asks a second apart', { timeout: 240_000 }, async () => {
  const server = await startServer({ demo: 'training' });
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
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
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
    await browser.close();
    relay.close();
    await server.close();
  }
});
