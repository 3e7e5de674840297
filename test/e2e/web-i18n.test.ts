// The UI in each of its six languages, in Debian's headless Chromium at phone width (360 px) against the real demo
// server: the overview, an incident, the report form and the log page render in the language and its direction,
// Arabic-script text is drawn with the bundled fonts (loaded faces, real glyphs rather than empty boxes), Dari shows
// the Solar Hijri date beside the Gregorian, nothing scrolls sideways, and axe-core finds no serious or critical issue.
// Screenshots of every page in Urdu and Dari go to docs/screenshots/ with UPDATE_SCREENSHOTS=1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { browserSuite, drawn, goTo, settled, TAKING_SHOTS } from './helpers/browser.js';
import en from '../../src/web/i18n/catalogs/en.js';
import ur from '../../src/web/i18n/catalogs/ur.js';
import ps from '../../src/web/i18n/catalogs/ps.js';
import faAF from '../../src/web/i18n/catalogs/fa-af.js';
import ar from '../../src/web/i18n/catalogs/ar.js';
import tr from '../../src/web/i18n/catalogs/tr.js';
import { LOCALE_INFO, type Locale } from '../../src/web/i18n/locales.js';

const suite = browserSuite({ demo: true });
const PHONE_360 = { width: 360, height: 740 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CATALOGS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en, ur, ps, 'fa-AF': faAF, ar, tr };
const FONT: Partial<Record<Locale, string>> = { ur: 'Noto Nastaliq Urdu', ps: 'Noto Naskh Arabic', 'fa-AF': 'Noto Naskh Arabic', ar: 'Noto Naskh Arabic' };
/** The Solar Hijri months as Afghanistan names them. */
const AFGHAN_MONTHS = /(حمل|ثور|جوزا|سرطان|اسد|سنبله|میزان|عقرب|قوس|جدی|دلو|حوت) ۱۴۰[۰-۹]/;

/** Serious and critical axe-core violations on the page, one line each. */
async function axeIssues(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') refuses inline scripts.
  // Once per page: the routes after the first reuse it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}

/** The language's face is loaded and draws the page's own Arabic-script words with real glyphs, not the .notdef box. */
async function drawnWithBundledFont(page: Page, family: string, sample: string): Promise<void> {
  const r = await page.evaluate(
    async ({ family, sample }) => {
      await document.fonts.ready;
      await document.fonts.load(`20px "${family}"`, sample);
      const loaded = [...document.fonts].some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded');
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `20px "${family}"`;
      const text = ctx.measureText(sample).width;
      // Unassigned code points draw as boxes of one width each: real Arabic shaping gives another width.
      const boxes = ctx.measureText('\u{E000}'.repeat([...sample].length)).width;
      return { loaded, text, boxes, check: document.fonts.check(`20px "${family}"`, sample) };
    },
    { family, sample },
  );
  assert.ok(r.loaded && r.check, `${family} is loaded for "${sample}"`);
  assert.ok(r.text > 0 && Math.abs(r.text - r.boxes) > 1, `"${sample}" is drawn with glyphs (${r.text}px), not boxes (${r.boxes}px)`);
}

async function fitsPhone(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} overflows by ${overflow}px at 360 px`);
}

/**
 * Nothing inside the page scrolls sideways either (a table in an overflow box would pass fitsPhone while showing one
 * column of ten), and every cell of a table that becomes a list is inside the screen, labelled by its column.
 */
async function listsNotTables(page: Page, what: string, labels: readonly string[]): Promise<void> {
  const r = await page.evaluate(() => {
    const scrolling = [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollWidth - el.clientWidth}px)`);
    const cells = [...document.querySelectorAll<HTMLElement>('main .stack-table td')];
    const outside = cells.filter((c) => {
      const b = c.getBoundingClientRect();
      return b.left < -1 || b.right > window.innerWidth + 1;
    }).length;
    const shown = cells.map((c) => getComputedStyle(c, '::before').content);
    return { scrolling, cells: cells.length, outside, shown };
  });
  assert.deepEqual(r.scrolling, [], `${what}: nothing scrolls sideways at 360 px`);
  assert.equal(r.outside, 0, `${what}: ${r.outside} of ${r.cells} cells outside the screen`);
  for (const label of labels) assert.ok(r.shown.some((c) => c.includes(label)), `${what}: a cell is labelled "${label}"`);
}

let incidentId = '';
const SHOT_LOCALES: readonly Locale[] = ['ur', 'fa-AF'];

for (const locale of ['en', 'ur', 'ps', 'fa-AF', 'ar', 'tr'] as const) {
  test(`${locale}: overview, an incident, the report form and the log in ${LOCALE_INFO[locale].name}, ${LOCALE_INFO[locale].dir}, at 360 px`, { timeout: 240_000 }, async () => {
    if (!incidentId) {
      const list = (await (await fetch(`${suite.server.url}/v1/incidents?q=Chaman`)).json()) as { items: { id: string }[] };
      incidentId = list.items[0]!.id;
    }
    const words = CATALOGS[locale];
    const context = await suite.browser.newContext({ viewport: PHONE_360, isMobile: true, hasTouch: true, locale: 'en-US' });
    const pages: readonly (readonly [string, string, string])[] = [
      ['overview', '#/', 'ceasefire'],
      ['incident', `#/incidents/${incidentId}`, 'incident'],
      ['log', '#/log', 'checkpoint'],
      ['report-form', '#/report/new', 'report-form'],
      // Every other page too in the two languages whose screenshots the docs show.
      ...(SHOT_LOCALES.includes(locale)
        ? ([
            ['incidents', '#/incidents', 'incident-list'],
            ['agreement', '#/agreement', 'signatures'],
            ['compliance', '#/compliance', 'compliance-table-af'],
            ['review', '#/review', 'nav-review'],
          ] as const)
        : []),
    ];
    // One page per language: the first route loads the app, the others are reached by a hash change, as a reader
    // following links would (loading the app anew for each route cost most of this file's Chromium time).
    const page = await suite.open(context, `?lang=${encodeURIComponent(locale)}${pages[0]![1]}`);
    for (const [name, hash, ready] of pages) {
      if (hash !== pages[0]![1]) await goTo(page, `${suite.server.url}/?lang=${encodeURIComponent(locale)}${hash}`);
      if (name === 'report-form') await suite.signIn(page, 'osint-desk');
      await drawn(page, ready === 'nav-review' ? 'main h1' : `[data-testid="${ready}"]`);
      // The incidents page's map is in its screenshot: wait until it is drawn.
      if (name === 'incidents') await drawn(page, '[data-testid="incident-map"][data-state="ready"]');
      await settled(page);
      const doc = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir, nav: [...document.querySelectorAll('.tabs a')].map((a) => a.textContent) }));
      assert.equal(doc.lang, locale);
      assert.equal(doc.dir, LOCALE_INFO[locale].dir);
      assert.deepEqual(doc.nav, [words['nav.overview'], words['nav.incidents'], words['nav.agreement'], words['nav.compliance'], words['nav.review'], words['nav.log'], words['nav.publicReport']]);
      assert.equal(new URL(page.url()).searchParams.get('lang'), locale, 'the language is kept in the URL');
      const family = FONT[locale];
      if (family) await drawnWithBundledFont(page, family, words['nav.incidents']!);
      if (locale === 'fa-AF' && name === 'incident') {
        const text = await page.getByTestId('incident').innerText();
        assert.match(text, AFGHAN_MONTHS, 'the Solar Hijri date beside the Gregorian');
        assert.match(text, /۱۵ اکتوبر ۲۰۲۵|۶ نوامبر ۲۰۲۵|[۰-۹]+ [^\s\d۰-۹,،]+ ۲۰۲۵/, 'the Gregorian date in Dari order and digits');
        assert.doesNotMatch(text, /[۰-۹],/, 'no Latin comma after Persian digits');
      }
      await fitsPhone(page, `${locale} ${name}`);
      // The case holds no reported action on a commitment (none is in the scenario), so no verdicts column to label.
      if (name === 'compliance') await listsNotTables(page, `${locale} ${name}`, [words['compPage.alleged']!, words['compPage.violation']!]);
      if (name === 'incidents') await listsNotTables(page, `${locale} ${name}`, []);
      assert.deepEqual(await axeIssues(page), [], `${locale} ${name}: axe-core`);
      if (SHOT_LOCALES.includes(locale)) await suite.shot(page, `${name}-${locale}`);
      suite.noErrors(page);
    }
    await context.close();
    // The desktop overview is only for the gallery's screenshot.
    if (TAKING_SHOTS && SHOT_LOCALES.includes(locale)) {
      const desktop = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await suite.open(desktop, `?lang=${encodeURIComponent(locale)}#/`);
      await page.getByTestId('ceasefire').waitFor();
      await page.waitForSelector('[data-testid="incident-map"][data-state="ready"]', { timeout: 30_000 });
      await page.waitForTimeout(500);
      await suite.shot(page, `overview-${locale}-desktop`);
      await desktop.close();
    }
  });
}

test('the language follows the browser, is remembered, and can be changed on any page', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: PHONE_360, locale: 'fa-IR' });
  const page = await suite.open(context, '#/agreement');
  await page.getByTestId('signatures').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fa-AF', 'a Persian browser reads Dari');
  await page.getByTestId('language').selectOption('ps');
  await page.waitForFunction(() => document.documentElement.lang === 'ps');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'ps');
  assert.equal(await page.locator('.tabs a[aria-current="page"]').innerText(), ps['nav.agreement']);
  // A new visit without ?lang= keeps the choice.
  await page.goto(`${suite.server.url}/#/compliance`);
  await page.waitForFunction(() => document.documentElement.lang === 'ps');
  assert.equal(await page.locator('.tabs a[aria-current="page"]').innerText(), ps['nav.compliance']);
  suite.noErrors(page);
  await context.close();
});

test('the map speaks the language chosen on the page: its credit and its zoom buttons are worded again', { timeout: 120_000 }, async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await suite.open(context, '#/');
  const credit = page.locator('.maplibregl-ctrl-attrib-inner');
  await credit.waitFor({ state: 'attached' });
  assert.equal(await credit.textContent(), en['map.credit']);
  await page.getByTestId('language').selectOption('ar');
  await page.waitForFunction((text) => document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent === text, ar['map.credit']);
  assert.equal(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title'), ar['map.zoomIn']);
  assert.equal(await page.locator('.maplibregl-ctrl-attrib-inner').count(), 1, 'one map, not a second one beside the first');
  suite.noErrors(page);
  await context.close();
});
