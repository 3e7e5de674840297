// Solar Hijri and month-first date forms of Afghan, Iranian and Pashto copy (docs/ingest.md, "Real Arabic-script
// reporting, third part").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findArabicScriptDates } from '../arabic-dates.js';

const days = (s: string, ref: string): string[] => findArabicScriptDates(s, ref).map((d) => d.start);

test('Iranian copy writes "ماه" after the month, apart or joined', () => {
  assert.deepEqual(days('در ۱۵ آبان ماه ۱۳۹۹ دو سرباز کشته شدند', '2020-11-10'), ['2020-11-05']);
  assert.deepEqual(days('روز ۲۳ مهرماه درگیری رخ داد', '2025-11-10'), ['2025-10-15']);
  assert.deepEqual(days('۱۰ دی‌ماه ۱۴۰۲', '2024-02-01'), ['2023-12-31']);
});

test('a Solar Hijri day in figures, year first', () => {
  assert.deepEqual(days('تاریخ: ۱۴۰۴/۷/۲۳', '2025-11-10'), ['2025-10-15']);
  assert.deepEqual(days('1399-09-05 خبر', '2020-12-01'), ['2020-11-25']);
  // a Gregorian day in figures and a month that does not exist are not Solar Hijri days
  assert.deepEqual(days('2020-11-25', '2020-12-01'), []);
  assert.deepEqual(days('۱۴۰۴/۱۳/۲', '2025-11-10'), []);
});

test('month first, with figures or Pashto ordinal words, in both calendars', () => {
  // VOA Pashto: "on Wednesday, November 25 (5 Lindai)": both are 2020-11-25
  assert.deepEqual(days('د چهارشنبې په ورځ نومبر ۲۵ (لیندۍ پنځمه) امریکا غږ ته وویل', '2020-11-25'), ['2020-11-25', '2020-11-25']);
  assert.deepEqual(days('د مارچ لسمه نېټه برید وشو', '2021-03-15'), ['2021-03-10']);
  assert.deepEqual(days('نومبر ۲۵، ۲۰۲۰ کې', '2021-01-05'), ['2020-11-25']);
  // a Solar month's name with figures after it is a word ("میزان ۳۰ درصد", an amount of 30 per cent); a year after a
  // Gregorian month is no day
  assert.deepEqual(days('میزان ۳۰ درصد افزایش یافت', '2025-11-10'), []);
  assert.deepEqual(days('اکتوبر ۲۰۲۵ میں', '2025-11-10'), []);
  // day first still wins over month first
  assert.deepEqual(days('۱۳ اکتوبر ۲۰۲۵ کو', '2025-11-10'), ['2025-10-13']);
});
