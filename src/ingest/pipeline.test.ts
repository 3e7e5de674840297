import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './pipeline.js';
import { summarize } from './summary.js';

const A = `Two killed as mortar shells hit Chaman
Meridian Press Agency

QUETTA, Nov 6 (MPA) - Two people, including a woman, were killed on Thursday when mortar shells fired from across the border landed in a residential area of Chaman, a government official said. Three others were wounded.

"Afghan forces opened fire first," the official said.`;
const B = `Four killed in Pakistani shelling of Spin Boldak
Afghan Wire Agency | Friday, 7 November 2025

SPIN BOLDAK (AWA): Four civilians were killed when Pakistani forces shelled Spin Boldak on Thursday evening, Taliban spokesman Zabihullah Mujahid said. He said Pakistani forces fired first.`;

test('two reports of one exchange of fire become one candidate, with the disagreements listed', () => {
  const r = ingest([{ id: 'a.txt', text: A }, { id: 'b.txt', text: B }], { now: '2025-11-10' });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.articles.map((a) => [a.id, a.source, a.published]), [['a.txt', 'Meridian Press Agency', '2025-11-06'], ['b.txt', 'Afghan Wire Agency', '2025-11-07']]);
  const incidents = r.events.filter((e) => e.kind === 'incident');
  assert.equal(incidents.length, 1);
  const e = incidents[0]!;
  assert.deepEqual(e.when, { start: '2025-11-06', end: '2025-11-06', precision: 'day' });
  assert.deepEqual(new Set(e.mentions.map((m) => m.article)), new Set(['a.txt', 'b.txt']));
  assert.deepEqual(e.fatalities, { min: 2, max: 4 });
  assert.ok(e.where.some((p) => p.name === 'Chaman' && Math.abs(p.lat - 30.92) < 0.1));
  assert.ok(e.sources.every((s) => s.sentence.length > 0));
  const fields = r.discrepancies.filter((d) => d.event === e.id).map((d) => d.field);
  assert.ok(fields.includes('fatalities'));
  assert.ok(fields.includes('place'));
  assert.ok(e.claims.some((c) => c.speaker === 'Zabihullah Mujahid' && c.article === 'b.txt'));
  assert.match(summarize(r), /Discrepancies between sources/);
});

test('an undated article says so and gets a window from the dates it mentions', () => {
  const r = ingest([{ id: 'u.txt', text: 'Analysis\nCrisis Lens\n\nThe truce agreed on October 15, 2025 held until clashes on October 20, 2025 killed three soldiers near Chaman.' }]);
  const a = r.articles[0]!;
  assert.equal(a.published, null);
  assert.equal(a.published_window?.start, '2025-10-20');
  assert.ok(a.notes.some((n) => /undated/.test(n)));
});

test('an undated story in capitals takes no time on the 24-hour clock for its year', () => {
  // No reference day given: the year comes from the text when it writes one, else the year it is read in.
  const text = 'SAN SALVADOR, NO DATE (RADIO) -- [TEXT] AT 1900 ON 13 AUGUST GUERRILLAS ATTACKED AN ARMY POST IN SUCHITOTO, KILLING TWO SOLDIERS. THE POST WAS ATTACKED AGAIN AT 2030 HOURS ON 14 AUGUST.';
  const a = ingest([{ id: 'caps.txt', text }]).articles[0]!;
  assert.equal(a.published, null);
  const start = a.published_window?.start ?? '';
  assert.equal(start.slice(4), '-08-14');
  assert.ok(!['1900', '2030'].includes(start.slice(0, 4)), `no year read from the clock: ${start}`);
  // The year is a guess, and the article says so (the reference day is today's when none is given).
  assert.ok(a.notes.some((n) => /the text writes no year, so each date is taken as the last such day up to \d{4}-\d{2}-\d{2}/.test(n)), a.notes.join(' | '));
  // A year the story does write stays its year, and nothing is said of a guess.
  const dated = ingest([{ id: 'y.txt', text: 'GUERRILLAS ATTACKED AN ARMY POST ON 13 AUGUST 1989 AT 1900, KILLING TWO SOLDIERS.' }]);
  assert.equal(dated.articles[0]!.published_window?.start, '1989-08-13');
  assert.ok(!dated.articles[0]!.notes.some((n) => /writes no year/.test(n)));
});

test('bad inputs are reported one by one, the rest processed', () => {
  const r = ingest([{ id: 'f.xml', feed: '<rss><channel><item>' }, { id: 'e', text: '   ' }, { id: 'ok', text: A }]);
  assert.deepEqual(r.errors.map((e) => [e.input, e.code]), [['f.xml', 'bad_feed'], ['e', 'no_text']]);
  assert.equal(r.articles.length, 1);
});

test('a dateline without a year is never after the batch\'s day', () => {
  const r = ingest([{ id: 'd.txt', text: 'Clash near Chaman\nTest Wire\n\nQUETTA, Nov 30 (TW) - Two soldiers were killed near Chaman on Saturday, officials said.' }], { now: '2025-11-10' });
  assert.equal(r.articles[0]!.published, '2024-11-30');
});

test('an old wire story is dated by its dateline, and an undated one borrows no date from the batch', () => {
  const wire = { id: 'muc.txt', text: 'LIMA, 12 SEP 89 (EFE) -- [TEXT] Two policemen were killed yesterday when guerrillas attacked a post in Ayacucho.' };
  const undated = { id: 'undated.txt', text: 'Gunmen attacked a village yesterday and killed seven farmers, residents said.' };
  const r = ingest([wire, undated]);
  assert.deepEqual(r.articles.map((a) => a.published), ['1989-09-12', null]);
  const byArticle = (id: string) => r.events.flatMap((e) => e.mentions.filter((m) => m.article === id));
  assert.deepEqual(byArticle('muc.txt')[0]?.when, { start: '1989-09-11', end: '1989-09-11', precision: 'day' });
  for (const m of byArticle('undated.txt')) assert.equal(m.when, null);
  assert.ok(r.articles[1]!.notes.some((n) => n.startsWith('undated')));
});

test('an earthquake is not a conflict event, and the article says why', () => {
  const r = ingest([{ id: 'q.txt', text: 'A 6.1 magnitude earthquake struck the province on Tuesday, killing 12 people and destroying homes.', published: '2024-03-05' }]);
  assert.equal(r.events.length, 0);
  assert.match(r.articles[0]!.notes.join(' '), /not extracted: the story is a natural disaster/);
});

test('wire copy that is not hard-wrapped: the one-sentence paragraph after the dateline is the lede, not a headline, and an incident recalled from a past month is none (issue 10)', () => {
  const text = `Tegucigalpa, 16 Sep 88 (Radio America) -- [Text] A soldier was wounded today when a bomb exploded near a bus carrying troops in La Ceiba.

Last April, the rebels bombed a bus carrying soldiers near Comayagua, wounding six of them.`;
  const r = ingest([{ id: 'w.txt', text }]);
  assert.deepEqual(r.events.map((e) => [e.sub_event_type, e.when?.start, e.where.map((p) => p.name)]), [['Remote explosive/landmine/IED', '1988-09-16', ['La Ceiba']]]);
});

test('a day of the telling is a day: a month the news was told of lends no day (issue 10)', () => {
  const r = ingest([{ id: 's.txt', text: 'Santiago, 21 Dec 88 (El Mercurio) -- [Text] The rebel front in the latest issue of its paper has reported on the failure last May of its attack on a military judge.' }]);
  assert.ok(!r.events.some((e) => e.when?.start === '1988-05-01' && e.when.precision === 'day'));
});
