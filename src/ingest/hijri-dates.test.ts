import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates } from './dates.js';
import { findHijriDates, hijriToGregorian } from './hijri-dates.js';

test('lunar Hijri days by ICU\'s Umm al-Qura calendar', () => {
  assert.equal(hijriToGregorian(1446, 9, 15), '2025-03-15');
  assert.equal(hijriToGregorian(1445, 12, 10), '2024-06-16'); // Eid al-Adha 2024
  assert.equal(hijriToGregorian(1300, 1, 1), '1882-11-12');
  assert.equal(hijriToGregorian(1447, 2, 30), null); // Safar 1447 has 29 days
});

test('lunar Hijri dates as Urdu, Arabic and Dari write them, only with their year', () => {
  const starts = (s: string): string[] => findDates(s, { ref: '2025-12-01' }).map((d) => d.start);
  assert.deepEqual(starts('۱۵ رمضان المبارک ۱۴۴۶ھ کو پشاور میں دھماکا ہوا'), ['2025-03-15']);
  assert.deepEqual(starts('وقع الهجوم في ١٠ ذو الحجة ١٤٤٥ هـ'), ['2024-06-16']);
  assert.deepEqual(starts('در ۲۰ محرم‌الحرام ۱۴۴۶ ه.ق'), ['2024-07-26']);
  // (a month's name is also a person's: no year, no date)
  assert.deepEqual(findHijriDates('رمضان خان نے کہا کہ 15 افراد ہلاک ہوئے'), []);
});
