// The public report page end to end, in Debian's headless Chromium against the real server with the training
// mechanism: the same figures as GET /v1/report, reachable from the navigation, in Arabic right to left at 360 px,
// with the printable page one link away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, DESKTOP, drawn, goTo } from './helpers/browser.js';

const suite = browserSuite();
const { open, noErrors, shot } = suite;

/** The period the training mechanism's incidents span, from the incidents API. */
async function incidentsPeriod(): Promise<{ from: string; to: string; count: number }> {
  const r = (await (await fetch(`${suite.server.url}/v1/incidents?limit=500`)).json()) as { items: { report: { when: { start: string; end: string } } }[] };
  const starts = r.items.map((i) => i.report.when.start.slice(0, 10)).sort();
  assert.ok(starts.length > 0, 'the training mechanism has incidents');
  return { from: starts[0]!, to: starts.at(-1)!, count: starts.length };
}

test('from the navigation to the report of a period: the figures of GET /v1/report, each with its log entries', { timeout: 120_000 }, async () => {
  const period = await incidentsPeriod();
  const api = (await (await fetch(`${suite.server.url}/v1/report?from=${period.from}&to=${period.to}`)).json()) as { report: { incidents: { total: number; byType: { count: number }[] }; terms: unknown[]; findings: unknown[] } };
  assert.ok(api.report.incidents.total > 0);
  const context = await suite.browser.newContext({ viewport: DESKTOP });
  const page = await open(context, '#/');
  await page.getByRole('navigation').getByRole('link', { name: 'Public report' }).click();
  await page.getByTestId('public-report').waitFor();
  // A period typed into the form lands in the address, so the page can be shared as it is.
  await page.locator('input[name="from"]').fill(period.from);
  await page.locator('input[name="to"]').fill(period.to);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByTestId('incident-total').waitFor();
  assert.match(page.url(), new RegExp(`from=${period.from}&to=${period.to}`));
  const total = api.report.incidents.total;
  assert.equal(await page.getByTestId('incident-total').innerText(), total === 1 ? '1 incident reported' : `${total} incidents reported`);
  assert.equal(await page.getByTestId('report-incidents').locator('li').count(), total);
  const byType = page.getByTestId('tally').first().locator('li');
  assert.equal(await byType.count(), api.report.incidents.byType.length);
  // Every figure links to the log entries it counts.
  assert.ok((await byType.first().locator('a[href^="#/log?at="]').count()) > 0);
  assert.equal(await page.getByTestId('report-terms').locator(':scope > li').count(), api.report.terms.length);
  const printable = await page.getByTestId('printable').getAttribute('href');
  assert.equal(printable, `/v1/report.html?from=${period.from}&to=${period.to}&lang=en`);
  const html = await fetch(`${suite.server.url}${printable}`);
  assert.equal(html.status, 200);
  await shot(page, 'public-report');
  noErrors(page);
  await context.close();
});

test('in Arabic, right to left, at 360 px: the catalog’s words, no sideways scroll, the printable page in Arabic', { timeout: 120_000 }, async () => {
  const period = await incidentsPeriod();
  const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await open(context, `?lang=ar#/public-report?from=${period.from}&to=${period.to}`);
  await page.getByTestId('incident-total').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'التقرير العام لفترة');
  assert.match(await page.getByTestId('status').innerText(), /الوسطاء/);
  const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || e.getBoundingClientRect().left < -1).map((e) => `${e.tagName}.${e.className}:${e.getBoundingClientRect().left}-${e.getBoundingClientRect().right}`).slice(0, 5));
  assert.deepEqual(wide, [], "no sideways scroll at 360 px");
  assert.equal(await page.getByTestId('printable').getAttribute('href'), `/v1/report.html?from=${period.from}&to=${period.to}&lang=ar`);
  await shot(page, 'public-report-ar-phone');
  noErrors(page);
  // A period the wrong way round gets a message, not a request (the same page, by a hash change: no second load).
  await goTo(page, `${suite.server.url}/?lang=ar#/public-report?from=${period.to}&to=2000-01-01`);
  await drawn(page, '[role="alert"]');
  assert.equal(await page.getByRole('alert').innerText(), 'اختر فترة: تاريخان، لا يقع الأول بعد الثاني.');
  noErrors(page);
  await context.close();
});
