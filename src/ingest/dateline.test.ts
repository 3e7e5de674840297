import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullYear, parseDateline, parseTextHeader } from './dateline.js';
import { datelinePlace } from './analyze.js';
import { gazetteer } from './gazetteer.js';

test('wire datelines of several agencies', () => {
  assert.deepEqual(parseDateline('ISLAMABAD, Nov 7 (Reuters) - Talks ended.')?.dateline, { place: 'Islamabad', agency: 'Reuters', date: 'Nov 7' });
  assert.deepEqual(parseDateline('PESHAWAR, Pakistan (AP) — Gunmen attacked.')?.dateline, { place: 'Peshawar', region: 'Pakistan', agency: 'AP' });
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

test('wire datelines of the 1980s: two-digit years, agency in brackets, double hyphen, translator tags', () => {
  assert.deepEqual(parseDateline('San Salvador, 23 Aug 88 (ACAN-EFE) -- [Text] Three soldiers died.'), { dateline: { place: 'San Salvador', agency: 'ACAN-EFE', date: '23 Aug 1988' }, rest: 'Three soldiers died.' });
  const caps = parseDateline('SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE, COPREFA] [TEXT] THE ARCE BATTALION');
  assert.deepEqual(caps?.dateline, { place: 'San Salvador', date: '3 JAN 1990' });
  assert.equal(caps?.rest, 'THE ARCE BATTALION');
  assert.deepEqual(parseDateline('BOGOTA, Jun.19 [AFP] — Rebels attacked.')?.dateline, { place: 'Bogota', agency: 'AFP', date: 'Jun.19' });
  assert.equal(parseDateline('Officials said, 23 people - none'), null);
  assert.equal(fullYear("Aug 23, '07"), 'Aug 23, 2007');
  assert.equal(parseTextHeader('DEV-MUC3-0001 (NOSC)\n\nLIMA, 12 SEP 89 (EFE) -- A BOMB EXPLODED.').published, '1989-09-12');
});

test('an Arabic-script paper\'s dateline: the place and a colon', () => {
  assert.deepEqual(parseDateline('کوئٹہ: پیر کو چمن میں فائرنگ ہوئی۔'), { dateline: { place: 'کوئٹہ' }, rest: 'پیر کو چمن میں فائرنگ ہوئی۔' });
  assert.deepEqual(parseDateline('جلال آباد: د لړم ۲۶مه برید وشو.')?.dateline, { place: 'جلال آباد' });
  assert.equal(parseDateline('آئی ایس پی آر کے مطابق فوجی: شہید'), null);
});

test('a hard-wrapped first paragraph that opens with a dateline is the story, not a header block', () => {
  const h = parseTextHeader('Lima, 22 Sep 88 (Television Peruana) -- [Excerpts] Two terrorist\nattacks were carried out in Lima last night.\n\nA powerful bomb exploded.');
  assert.equal(h.published, '1988-09-22');
  assert.equal(h.title, '');
  assert.match(h.body, /^Two terrorist/);
});

test('a wire dateline whose country stands in brackets after the city', () => {
  const d = parseDateline('Managua (Nicaragua), 27 Aug 88 (Radio Sandino) -- [Excerpt] The general management condemned it.');
  assert.deepEqual(d?.dateline, { place: 'Managua', region: 'Nicaragua', agency: 'Radio Sandino', date: '27 Aug 1988' });
  assert.equal(d?.rest, 'The general management condemned it.');
  assert.equal(parseTextHeader('Panama City (Panama), 26 Sep 88 (Televisora Nacional) -- [Text] A bomb exploded.').published, '1988-09-26');
  // without a date, a bracket after the place is the agency's
  assert.deepEqual(parseDateline('PESHAWAR, Pakistan (AP) — Gunmen attacked.')?.dateline, { place: 'Peshawar', region: 'Pakistan', agency: 'AP' });
  // teleprinter copy in capitals brackets the country the same way
  assert.deepEqual(parseDateline('QUITO (ECUADOR), 4 MAR 90 (EFE) -- [TEXT] A BOMB WENT OFF.'), { dateline: { place: 'Quito', region: 'Ecuador', agency: 'EFE', date: '4 MAR 1990' }, rest: 'A BOMB WENT OFF.' });
  assert.equal(parseTextHeader('LA PAZ (BOLIVIA), 9 JUN 89 -- [COMMUNIQUE] REBELS BURNED A BUS.').published, '1989-06-09');
  assert.deepEqual(parseDateline('KABUL (AP) — Gunmen attacked.')?.dateline, { place: 'Kabul', agency: 'AP' });
});

test('a dateline is the place of its name in the country written beside it, or the capital of that name (issue 10)', () => {
  const at = (place: string, region?: string): string | undefined => {
    const p = datelinePlace({ id: 't', source: '', title: '', published: null, publishedFrom: 'none', text: '', notes: [], dateline: { place, ...(region ? { region } : {}) } }, gazetteer());
    return p && `${p.name}/${p.country}`;
  };
  // "PANAMA CITY (PANAMA), 8 NOV 89": not the larger Panama City of Florida
  assert.equal(at('Panama City', 'Panama'), 'Panama City/PA');
  // a national capital's name alone is the capital; a region that is no country leaves the largest of the name
  assert.equal(at('San Jose'), 'San José/CR');
  assert.equal(at('San Jose', 'Calif.')?.endsWith('/US'), true);
  assert.equal(at('Peshawar', 'Pakistan'), 'Peshawar/PK');
});

test('an agency bracketed with mismatched brackets, a teleprinter typo, still closes the dateline', () => {
  assert.deepEqual(parseDateline('BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- [SPEECH] Fellow countrymen')?.dateline, { place: 'Bogota', agency: 'INRAVISION TELEVISION CADENA 1', date: '27 APR 1990' });
});
