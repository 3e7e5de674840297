import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDateline, parseTextHeader } from './dateline.js';

test('wire datelines of several agencies', () => {
  assert.deepEqual(parseDateline('ISLAMABAD, Nov 7 (Reuters) - Talks ended.')?.dateline, { place: 'Islamabad', agency: 'Reuters', date: 'Nov 7' });
  assert.deepEqual(parseDateline('PESHAWAR, Pakistan (AP) — Gunmen attacked.')?.dateline, { place: 'Peshawar', agency: 'AP' });
  assert.deepEqual(parseDateline('CHAMAN: In the narrow lanes')?.dateline, { place: 'Chaman' });
  assert.equal(parseDateline('THE talks ended.'), null);
});

test('headline, header block, footer line and body', () => {
  const h = parseTextHeader('Istanbul talks fail\nThe Islamabad Ledger | Our Correspondent\nISLAMABAD — October 29, 2025\n\nFederal Information Minister said on Wednesday that talks failed.');
  assert.equal(h.title, 'Istanbul talks fail');
  assert.equal(h.source, 'The Islamabad Ledger');
  assert.equal(h.published, '2025-10-29');
  assert.match(h.body, /^Federal/);
  const f = parseTextHeader('12 killed in Spin Boldak\n\nKANDAHAR CITY (AWA): Twelve civilians were killed.\n\nAfghan Wire Agency | Wednesday, 15 October 2025\n\nMore text.');
  assert.equal(f.source, 'Afghan Wire Agency');
  assert.equal(f.published, '2025-10-15');
  assert.doesNotMatch(f.body, /Wire Agency/);
});

test('a date right after the dateline dates the article', () => {
  const h = parseTextHeader('India strikes\nAssociated Global News\n\nJAMMU, India (AGN) — May 7, 2025 — India fired missiles.');
  assert.equal(h.published, '2025-05-07');
  assert.equal(h.body, 'India fired missiles.');
});
