// What the database would refuse is refused at the edge: impossible dates, year 0000, times Date.parse would roll
// over, and text with NUL or other control characters (issue 8: each of these once poisoned the sequencer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDate, dateOrOffsetTime, dateOrTime, line, offsetTime, text, utcTime } from './fields.js';
import { statementSchema } from '../statement.js';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: string) => schema.safeParse(v).success;

test('utcTime and the envelope "at" take only real instants in the years 0001-9999', () => {
  for (const good of ['2025-10-15T18:00:00Z', '2024-02-29T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59.123456789Z']) assert.ok(ok(utcTime, good), good);
  for (const bad of ['2025-02-30T00:00:00Z', '2026-11-31T12:00:00Z', '0000-01-01T00:00:00Z', '2025-01-01T24:00:00Z', '2025-13-01T00:00:00Z', '2025-01-01T00:00:00.1234567891Z', '2025-01-01T00:00:00+05:00', 'Fri, 01 Jan 2025']) {
    assert.equal(ok(utcTime, bad), false, bad);
  }
  const envelope = (at: string) => statementSchema.safeParse({ v: 1, type: 'key.add', by: 'a', key: toB64(32), at, body: {}, sig: toB64(64) }).success;
  assert.ok(envelope('2026-11-30T12:00:00Z'));
  assert.equal(envelope('2026-11-31T12:00:00Z'), false, 'Date.parse reads it as 1 December; PostgreSQL refuses it');
  assert.equal(envelope('0000-06-01T00:00:00Z'), false);
});

test('calendar dates, offset times and their unions know the calendar', () => {
  assert.ok(ok(calendarDate, '2024-02-29'));
  for (const bad of ['2025-02-29', '2025-02-30', '2026-11-31', '0000-01-01', '2025-1-1']) assert.equal(ok(calendarDate, bad), false, bad);
  assert.ok(ok(offsetTime, '2025-10-11T18:00+05:00'));
  assert.ok(ok(offsetTime, '2025-10-11T18:00:00-04:30'));
  for (const bad of ['2025-02-30T18:00:00+05:00', '0000-01-01T00:00:00+00:00', '2025-10-11T18:00:00', '2025-10-11T18:00:00+0500']) assert.equal(ok(offsetTime, bad), false, bad);
  assert.ok(ok(dateOrTime, '2025-12-31') && ok(dateOrTime, '2025-12-31T00:00:00Z'));
  assert.equal(ok(dateOrTime, '2025-02-30'), false);
  assert.ok(ok(dateOrOffsetTime, '2025-10-11') && ok(dateOrOffsetTime, '2025-10-11T08:00:00+05:00'));
  assert.equal(ok(dateOrOffsetTime, '2025-10-11T99:99'), false);
});

test('text fields refuse NUL, other control characters and lone surrogates, and keep tabs and newlines', () => {
  assert.ok(ok(text(), 'Line one\n\tLine two\r\n'));
  for (const bad of ['a\u0000b', 'bell\u0007', 'esc\u001b[2J', 'half \ud83d']) {
    assert.equal(ok(text(), bad), false, JSON.stringify(bad));
    assert.equal(ok(line(), bad), false, JSON.stringify(bad));
  }
});

function toB64(n: number): string {
  return btoa(String.fromCharCode(...new Uint8Array(n).fill(7)));
}
