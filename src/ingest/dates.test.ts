import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, weekdayNear } from './dates.js';

const one = (s: string, ref: string): [string, string, string] => {
  const d = findDates(s, { ref })[0];
  assert.ok(d, `no date in: ${s}`);
  return [d.start, d.end, d.precision];
};

test('absolute dates, with and without a year', () => {
  assert.deepEqual(one('The second round began on 25 October 2025 in Istanbul.', '2025-11-10'), ['2025-10-25', '2025-10-25', 'day']);
  assert.deepEqual(one('Clashes erupted on Oct. 12.', '2025-11-10'), ['2025-10-12', '2025-10-12', 'day']);
  assert.deepEqual(one('It happened on December 28.', '2026-01-05'), ['2025-12-28', '2025-12-28', 'day']);
  assert.deepEqual(one('Published 2025-11-07.', '2025-11-10'), ['2025-11-07', '2025-11-07', 'day']);
});

test('the night of a date spans midnight', () => {
  assert.deepEqual(one('Attacks came on the night of October 11.', '2025-10-13'), ['2025-10-11', '2025-10-12', 'night']);
  assert.deepEqual(one('on the night of 11-12 October', '2025-10-13'), ['2025-10-11', '2025-10-12', 'night']);
  assert.deepEqual(one('late on Saturday night', '2025-10-13'), ['2025-10-11', '2025-10-12', 'night']);
  assert.deepEqual(one('Two blasts were heard last night.', '2025-10-10'), ['2025-10-09', '2025-10-10', 'night']);
});

test('weekdays resolve to the one on or before the reference day, unless the sentence looks ahead', () => {
  assert.deepEqual(one('Talks broke down on Friday.', '2025-11-10'), ['2025-11-07', '2025-11-07', 'day']);
  assert.deepEqual(one('Talks broke down on Monday.', '2025-11-10'), ['2025-11-10', '2025-11-10', 'day']);
  assert.deepEqual(one('The delegations will meet on Thursday.', '2025-11-10'), ['2025-11-13', '2025-11-13', 'day']);
  assert.equal(weekdayNear(5, '2025-11-10', false, true), '2025-11-07');
});

test('a weekday written with a date settles the year', () => {
  assert.deepEqual(one('on the evening of Thursday, November 6', '2027-01-10'), ['2025-11-06', '2025-11-06', 'day']);
});

test('ranges, months and weeks', () => {
  assert.deepEqual(one('Talks in Doha on October 18-19 produced a truce.', '2025-10-20'), ['2025-10-18', '2025-10-19', 'days']);
  assert.deepEqual(one('clashes from 11 to 15 October', '2025-10-20'), ['2025-10-11', '2025-10-15', 'days']);
  assert.deepEqual(one('Last month, Pakistan struck Kabul.', '2025-11-10'), ['2025-10-01', '2025-10-31', 'month']);
  assert.deepEqual(one('Fighting flared last week.', '2025-11-12'), ['2025-11-03', '2025-11-09', 'week']);
});

test('relative days and the Afghan solar calendar', () => {
  assert.deepEqual(one('He spoke yesterday.', '2025-11-10'), ['2025-11-09', '2025-11-09', 'day']);
  assert.deepEqual(one('It began two days ago.', '2025-11-10'), ['2025-11-08', '2025-11-08', 'day']);
  assert.deepEqual(one('broadcast on Wednesday, 23 Mizan 1404', '2025-11-10'), ['2025-10-15', '2025-10-15', 'day']);
});

test('"may" and "march" in running text are not months', () => {
  assert.equal(findDates('They may 5 times refuse; troops march 3 miles.', { ref: '2025-11-10' }).length, 0);
});

test('the early hours of a day are that day; a night written 11/12; earlier this week stops the day before', () => {
  assert.deepEqual(one('in the early hours of Wednesday', '2025-10-15'), ['2025-10-15', '2025-10-15', 'day']);
  assert.deepEqual(one('into the early hours of Sunday, October 19', '2025-10-25'), ['2025-10-19', '2025-10-19', 'day']);
  assert.deepEqual(one('On the night of 11/12 October 2025, troops were attacked.', '2025-10-13'), ['2025-10-11', '2025-10-12', 'night']);
  assert.deepEqual(one('Earlier this week, officials said talks had ended.', '2025-11-01'), ['2025-10-27', '2025-10-31', 'week']);
});

test('day ranges as wire editors write them, and a bare day far ahead of the article is last year', () => {
  const d = (s: string, ref = '1990-01-03'): string[][] => findDates(s, { ref }).map((x) => [x.start, x.end, x.precision]);
  assert.deepEqual(d('Fighting on Jun.19-20 killed 12.', '2020-07-01'), [['2020-06-19', '2020-06-20', 'days']]);
  assert.deepEqual(d('between 3 and 5 May', '2020-07-01'), [['2020-05-03', '2020-05-05', 'days']]);
  assert.deepEqual(d('On 20 March rebels attacked the post.'), [['1989-03-20', '1989-03-20', 'day']]);
  assert.deepEqual(d('The talks will open on 20 March.'), [['1990-03-20', '1990-03-20', 'day']]);
  assert.deepEqual(d('Clashes on 30 December.'), [['1989-12-30', '1989-12-30', 'day']]);
});

test('Solar Hijri and Gregorian dates in Arabic script, Persian and Arabic-Indic digits, converted by Intl', () => {
  assert.deepEqual(one('در ۲۳ میزان ۱۴۰۴ درگیری رخ داد', '2025-11-10'), ['2025-10-15', '2025-10-15', 'day']);
  assert.deepEqual(one('۲۳ مهر ۱۴۰۴', '2025-11-10'), ['2025-10-15', '2025-10-15', 'day']);
  assert.deepEqual(one('د تلې ۲۳مه نېټه جګړه وشوه', '2025-11-10'), ['2025-10-15', '2025-10-15', 'day']);
  assert.deepEqual(one('پیر ۱۳ اکتوبر ۲۰۲۵ کو چمن میں', '2025-11-10'), ['2025-10-13', '2025-10-13', 'day']);
  assert.deepEqual(one('في ١٥ تشرين الأول', '2025-11-10'), ['2025-10-15', '2025-10-15', 'day']);
  // the last day of a leap year (30 Esfand 1403) and a day that does not exist (31 Mizan)
  assert.deepEqual(one('۳۰ اسفند ۱۴۰۳', '2025-11-10'), ['2025-03-20', '2025-03-20', 'day']);
  assert.equal(findDates('۳۱ میزان ۱۴۰۴', { ref: '2025-11-10' }).length, 0);
  // a Latin transliteration too ("23 Mizan 1404"), and a year of the 1980s
  assert.deepEqual(one('on 1 Sunbula 1367', '1988-09-01'), ['1988-08-23', '1988-08-23', 'day']);
});

test('today, yesterday and weekdays in Arabic script, glued or apart', () => {
  const day = (s: string, ref = '2006-05-02'): string[] => findDates(s, { ref }).map((d) => d.start);
  // "today Monday" in a paper dated Tuesday is the Monday before: the weekday wins
  assert.deepEqual(day('خشونتها امروزدوشنبه با دو حملۀ انتحاري دوام داشت'), ['2006-05-01']);
  assert.deepEqual(day('خشونتها امروز دوشنبه دوام داشت'), ['2006-05-01']);
  assert.deepEqual(day('اين قوماندان امروز کشته شد'), ['2006-05-02']);
  assert.deepEqual(day('پرون ماښام برید وشو'), ['2006-05-01']);
  assert.deepEqual(day('د دوشنبې په ورځ برید وشو'), ['2006-05-01']);
  // older Pashto copy keys "ې" as "ى" (VOA Pashto, 2007: "د شنبى دورځې په ناوخته نښتو کې")
  assert.deepEqual(day('د شنبى دورځې په ناوخته نښتو کې لس تنه ووژل شول', '2007-07-08'), ['2007-07-07']);
  assert.deepEqual(day('د پنجشنبی په ورځ برید وشو', '2007-07-08'), ['2007-07-05']);
  // "a few hours earlier" is the day of the report, as "earlier today" is
  assert.deepEqual(day('چند ساعت قبل ازان يک مامور حکومت در ولايت زابل در يک حملۀ ناگهاني کشته شد.', '2005-06-03'), ['2005-06-03']);
  assert.deepEqual(day('چند گھنٹے پہلے کوئٹہ میں دھماکہ ہوا', '2005-06-03'), ['2005-06-03']);
  // two weekdays joined by "and" are one span: Thursday to Friday
  const span = (s: string, ref: string): string[] => findDates(s, { ref }).map((d) => `${d.start}/${d.end}`);
  assert.deepEqual(span('د پنجشنبى او جمعې دورځو په هوايي برېدون کې', '2007-07-08'), ['2007-07-05/2007-07-06']);
  assert.deepEqual(span('پنجشنبه و جمعه درگیری ادامه داشت', '2007-07-08'), ['2007-07-05/2007-07-06']);
  assert.deepEqual(day('هاجم مسلحون يوم الخميس'), ['2006-04-27']);
  assert.deepEqual(day('پیر کو چمن میں فائرنگ ہوئی'), ['2006-05-01']);
  // Urdu words that are also weekdays count only as "on Monday"; "شنبه" is not read inside "دوشنبه"
  assert.deepEqual(day('گزشتہ ہفتے حملہ ہوا'), []);
  assert.deepEqual(day('پیر صاحب نے کہا'), []);
});

test('"this morning", "this afternoon" and "this evening" are the day of the report (issue 10)', () => {
  assert.deepEqual(one('This morning, insurgents derailed a train in the Soyapango Jurisdiction.', '1988-12-09'), ['1988-12-09', '1988-12-09', 'day']);
  assert.deepEqual(one('Two bombs exploded early this afternoon outside a bank.', '1988-12-09'), ['1988-12-09', '1988-12-09', 'day']);
});

test('"Last April", "this past May" are the latest such month before the report; "the last march" is no month (issue 10)', () => {
  assert.deepEqual(one('Last April, the rebels bombed a bus carrying soldiers near Comayagua.', '1988-09-16'), ['1988-04-01', '1988-04-30', 'month']);
  assert.deepEqual(one('The bridge was blown up this past May.', '1988-09-16'), ['1988-05-01', '1988-05-31', 'month']);
  assert.deepEqual(one('The same post was attacked last September.', '1988-09-16'), ['1987-09-01', '1987-09-30', 'month']);
  assert.equal(findDates('Police broke up the last march of the strikers.', { ref: '1988-09-16' }).length, 0);
});

test('years ago: the year that far back, not the day of the report (months ago are left to the words around them)', () => {
  assert.deepEqual(one('Monsignor Romero was killed 10 years ago.', '1990-02-26'), ['1980-01-01', '1980-12-31', 'year']);
  assert.deepEqual(one('The massacre took place a year ago.', '1989-11-15'), ['1988-01-01', '1988-12-31', 'year']);
  assert.deepEqual(findDates('The town was seized by the group two months ago.', { ref: '2020-01-01' }), []);
});
