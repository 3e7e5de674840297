// Staged publication in the browser, in Arabic (right to left) at 360 px, with the training mechanism: the incident
// list says how many reports are not yet public in the area, and the joint patrol's reviewed report shows who signed
// it jointly and that it is public since the mediators' review, its position on the grid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from './helpers/browser.js';

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
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page overflows by ${overflow}px at 360 px`);
  await suite.shot(page, 'staged-joint-report-ar');
  suite.noErrors(page);
  await context.close();
});
