// The rough edges of the web UI a newcomer met in the first hour (issue 13, part 4), in Debian's Chromium against the
// case demo and a new, empty log: what the overview says with nothing recorded, labels that never collide at any
// width, the map fitted to the incidents, compliance's row for what cites no term, figures as ranges, the footer's
// count following the log, and the log page's text matching what it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, DESKTOP, PHONE } from './helpers/browser.js';
import { startServer } from './helpers/server.js';
import { getJson, mustAppend, type Json } from './helpers/http.js';
import { readKeyFile } from '../../src/services/key-file.js';
import { signBody } from '../../src/cli/commands/submit.js';
import { generateKeyPair } from '../../src/services/node-ed25519.js';
import { toBase64 } from '../../src/domain/encoding.js';

const suite = browserSuite({ demo: true });
const { open, noErrors, shot } = suite;

interface Box { left: number; right: number; top: number; bottom: number; text: string }

/** The boxes of the elements matching `selector` that are shown (not hidden by the page). */
const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.$$eval(selector, (els) =>
    els
      .filter((el) => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none')
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? '' };
      }),
  );

/** Pairs of boxes that overlap (by more than half a pixel, for rounding). */
function collisions(list: readonly Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return out;
}

test('a new, empty log: the overview says nothing is recorded yet, not that the ceasefire does not stand', { timeout: 300_000 }, async () => {
  const empty = await startServer();
  try {
    const context = await suite.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${empty.url}/#/`);
    const answer = page.getByTestId('ceasefire');
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-answer'), 'none');
    assert.match(await answer.innerText(), /Nothing has been recorded yet\./);
    assert.doesNotMatch(await answer.innerText(), /not in force|does not stand/);
    assert.doesNotMatch(await answer.innerText(), /does not speak for today/, 'no "as of" for an answer that was never given');
    await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 60_000 });
    await shot(page, 'overview-empty');
    await context.close();
  } finally {
    await empty.close();
  }
});

test('overview at every width: round labels, timeline dates and map labels never overlap; the map shows every incident', { timeout: 240_000 }, async () => {
  const incidents = (await getJson(suite.server.url, '/v1/incidents?limit=500')).body.items as Json[];
  for (const width of [360, PHONE.width, 600, 900, DESKTOP.width]) {
    const context = await suite.browser.newContext({ viewport: { width, height: 900 } });
    const page = await open(context, '#/');
    await page.getByTestId('timeline').waitFor();
    const rounds = await boxes(page, '.tl-meeting');
    assert.ok(rounds.length >= 4, 'the case has four rounds of talks');
    assert.deepEqual(collisions(rounds), [], `round labels at ${width}px`);
    const lane = (await boxes(page, '.tl-meetings'))[0]!;
    for (const r of rounds) assert.ok(r.right <= lane.right + 0.5 && r.left >= lane.left - 0.5, `"${r.text}" stays within the strip at ${width}px`);
    assert.deepEqual(collisions(await boxes(page, '.tl-axis span')), [], `axis dates at ${width}px`);

    await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 60_000 });
    // Fitted: every incident the map places (those with a position) is drawn inside the view.
    const placed = await page.getByTestId('map-incident').count();
    assert.ok(placed > 0 && placed <= incidents.length);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="incident-map"]')?.getAttribute('data-rendered')) >= n, placed, { timeout: 60_000 });
    const labels = [...(await boxes(page, '.map-place')), ...(await boxes(page, '.map-country'))];
    assert.ok(labels.length > 0);
    assert.deepEqual(collisions(labels), [], `map labels at ${width}px`);
    if (width === 360) await shot(page, 'overview-case-360');
    noErrors(page);
    await context.close();
  }
});

test('compliance: a row for the reports that cite no term in force, with the count the API gives', { timeout: 120_000 }, async () => {
  const parties = (await getJson(suite.server.url, '/v1/compliance')).body.parties as Json[];
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/compliance');
  for (const p of parties.filter((x) => x.uncited.incidents > 0)) {
    const row = page.getByTestId(`compliance-table-${p.side}`).getByTestId('compliance-uncited');
    await row.waitFor();
    assert.match(await row.locator('th').innerText(), /Citing no term in force/);
    assert.equal((await row.locator('td').first().innerText()).trim(), String(p.uncited.incidents));
  }
  await shot(page, 'compliance-uncited');
  noErrors(page);
  await context.close();
});

test('a figure with no upper bound reads as a range ("224 or more"), never "224+"', { timeout: 120_000 }, async () => {
  const incidents = (await getJson(suite.server.url, '/v1/incidents?limit=500')).body.items as Json[];
  const open_ = incidents.find((i) => Object.values((i.report.casualties?.killed ?? {}) as Record<string, Json>).some((r) => r.max === undefined && r.min > 0))!;
  assert.ok(open_, 'the case demo has a death toll with no upper bound');
  const min = Object.values(open_.report.casualties.killed as Record<string, Json>).find((r) => r.max === undefined)!.min as number;
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, `#/incidents/${open_.id}`);
  const main = page.locator('main');
  await page.waitForFunction((n) => document.querySelector('main')?.textContent?.includes(`${n} or more`), min, { timeout: 30_000 });
  assert.doesNotMatch(await main.innerText(), new RegExp(`${min}\\+`));
  noErrors(page);
  await context.close();
});

test("the footer's count follows the log; the log page names every signer", { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/');
  const size = (await getJson(suite.server.url, '/v1/log')).body.size as number;
  const footer = page.locator('.site-footer');
  await page.waitForFunction((n) => document.querySelector('.site-footer')?.textContent?.includes(`${n} statements`), size);
  const operator = await readKeyFile(join(suite.server.dataDir, 'demo-keys', 'secretariat.json'));
  const observer = toBase64(generateKeyPair().publicKey);
  const signed = await signBody('member.admit', { member: 'observer-2', name: 'Second press pool (test)', role: 'observer', key: observer }, operator);
  await mustAppend(suite.server.url, signed.bytes);
  await page.getByRole('link', { name: 'Log', exact: true }).first().click();
  await page.waitForFunction((n) => document.querySelector('.site-footer')?.textContent?.includes(`${n} statements`), size + 1, { timeout: 30_000 });
  assert.match(await footer.innerText(), new RegExp(`${size + 1} statements`));
  // Every signer in the log page's list is named, never shown by its id.
  const members = (await getJson(suite.server.url, '/v1/members')).body.items as Json[];
  await page.locator('td[data-label="Signed by"]').first().waitFor();
  const signers = (await page.locator('td[data-label="Signed by"]').allInnerTexts()).map((s) => s.trim());
  assert.ok(signers.length > 0);
  for (const s of signers) {
    assert.ok(!members.some((m) => m.id === s), `"${s}" is a member's id, not its name`);
    assert.ok(members.some((m) => (m.name as string).startsWith(s)), `"${s}" is a member's name`);
  }
  noErrors(page);
  await context.close();
});

test('the log page says what it shows: its records listed below, not "above"', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/log');
  const intro = page.locator('.page-head p').first();
  await intro.waitFor();
  const text = await intro.innerText();
  assert.doesNotMatch(text, /above/);
  assert.match(text, /the latest are listed below/);
  noErrors(page);
  await context.close();
});

test('the printable report of the demo period (GET /v1/report.html): one page with its map, timeline and checkpoint', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${suite.server.url}/v1/report.html?from=2025-10-11&to=2025-11-10&lang=en`);
  await page.locator('svg.map').waitFor();
  assert.ok((await page.locator('svg.map path.land').getAttribute('d'))!.length > 1000, 'the map draws the countries around the incidents');
  assert.match(await page.locator('body').innerText(), /truce\/pk-af-2025-demo/);
  await shot(page, 'public-report-html');
  await context.close();
});
