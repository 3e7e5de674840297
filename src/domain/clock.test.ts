import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LATE_LIMIT_MS, checkClock, lateLimitMs } from './clock.js';
import { createState } from './state.js';

const now = Date.parse('2025-11-07T12:00:00Z');

describe('checkClock', () => {
  it('accepts a statement signed a day before it arrived, within the 72 h default', () => {
    assert.equal(lateLimitMs(createState()), 72 * 3_600_000);
    assert.equal(checkClock('2025-11-06T12:00:00Z', now, DEFAULT_LATE_LIMIT_MS).ok, true);
  });

  it('refuses one signed beyond the late limit, naming both the lateness and the limit', () => {
    const outcome = checkClock('2025-11-04T11:00:00Z', now, DEFAULT_LATE_LIMIT_MS);
    assert.equal(outcome.ok, false);
    assert.match(!outcome.ok ? outcome.detail : '', /73 h before .* at most 72 h/);
  });

  it('accepts a small skew into the future and refuses more', () => {
    assert.equal(checkClock('2025-11-07T12:04:00Z', now, DEFAULT_LATE_LIMIT_MS).ok, true);
    const ahead = checkClock('2025-11-07T12:06:00Z', now, DEFAULT_LATE_LIMIT_MS);
    assert.equal(!ahead.ok && ahead.code, 'clock_skew');
  });
});
