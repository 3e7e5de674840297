import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, stripTags } from './html-article.js';

const page = (head: string, body: string): string => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const para = 'Two people, including a woman, were killed when mortar shells landed in a residential area of Chaman on Thursday, officials said. ';

test('main text, site name and published date from meta tags', () => {
  const r = extractHtml(page('<meta property="og:site_name" content="The Frontier Dispatch"><meta property="article:published_time" content="2025-11-07T02:15:00+05:00"><title>Two killed | FD</title>',
    `<nav><a href="/">Home</a></nav><article><h1>Two killed in Chaman</h1><p>${para}</p><p>${para}</p></article><footer>© FD</footer>`));
  assert.equal(r.source, 'The Frontier Dispatch');
  assert.equal(r.published, '2025-11-07'); // the local day of the stamp, not its UTC day
  assert.match(r.text, /mortar shells/);
  assert.doesNotMatch(r.text, /Home/);
});

test('JSON-LD datePublished when there is no meta tag', () => {
  const r = extractHtml(page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-04-19T08:00:00Z"}</script>', `<article><p>${para}</p></article>`));
  assert.equal(r.published, '2025-04-19');
});

test('a page too broken to parse still gives its text, flagged and undated', () => {
  const r = extractHtml(`<html><head><title>Broken\n<meta property="article:published_time" content="2025-13-45"></head><body><p>${para}<p>${para}`);
  assert.match(r.text, /Chaman/);
  assert.equal(r.published, null);
  assert.ok(r.notes.some((n) => /malformed/.test(n)));
  assert.equal(stripTags('<p>a <b>bold</b> claim that runs long enough to be kept as text</p><script>x()</script>'), 'a bold claim that runs long enough to be kept as text');
});
