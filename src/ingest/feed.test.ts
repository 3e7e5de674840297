import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from './feed.js';

test('RSS items with content:encoded or description', () => {
  const f = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Frontier</title>
    <item><title>One</title><link>https://x/1</link><pubDate>Fri, 07 Nov 2025 09:00:00 +0500</pubDate><content:encoded><![CDATA[<p>Two were <b>killed</b>.</p>]]></content:encoded></item>
    <item><title>Two</title><description>Plain &amp; simple.</description></item></channel></rss>`);
  assert.ok(!('error' in f));
  assert.equal(f.title, 'Frontier');
  assert.deepEqual(f.items.map((i) => [i.index, i.title, i.text, i.published]), [[0, 'One', 'Two were killed.', '2025-11-07'], [1, 'Two', 'Plain & simple.', null]]);
});

test('Atom entries with html content or a summary', () => {
  const f = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Watch</title><entry><title>A</title><link rel="alternate" href="https://x/a"/><published>2025-11-10T16:00:00Z</published><content type="html">&lt;p&gt;Landmine hurts two.&lt;/p&gt;</content></entry></feed>`);
  assert.ok(!('error' in f));
  assert.deepEqual(f.items.map((i) => [i.title, i.text, i.link, i.published]), [['A', 'Landmine hurts two.', 'https://x/a', '2025-11-10']]);
});

test('broken XML and entity declarations are refused with a reason', () => {
  const bad = parseFeed('<rss><channel><item><title>A & B</title></channel>');
  assert.ok('error' in bad && /malformed/.test(bad.error));
  const bomb = parseFeed('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss></rss>');
  assert.ok('error' in bomb && /entities/.test(bomb.error));
});
