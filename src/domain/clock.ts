import { type Result, ok, refuse } from './errors.js';
import type { MechanismState } from './state.js';
import { DEFAULT_LATE_LIMIT_HOURS } from './records/agreement-rules.js';
import { versionInForce } from './records/agreement.js';

/** How far ahead of the server's clock a statement's "at" may be: clocks drift, nobody signs in the future. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** The default for how long after signing a statement may still arrive (a report written offline, sent days later). */
export const DEFAULT_LATE_LIMIT_MS = DEFAULT_LATE_LIMIT_HOURS * 3_600_000;

/**
 * How late a statement may arrive after its "at": `lateLimitHours` of the terms every party accepted, else the default
 * (as mechanismRules reads it, without listing the mediators that the default rules name: every single statement asks
 * this, and that list read every member from the state folder, 6 % of a single request's CPU).
 * @example lateLimitMs(state) // 259200000 (72 h)
 */
export function lateLimitMs(state: MechanismState): number {
  return (versionInForce(state)?.content.lateLimitHours ?? DEFAULT_LATE_LIMIT_HOURS) * 3_600_000;
}

/**
 * Check a statement's "at" against the server's clock when it arrives: up to the late limit in the past (it is then
 * shown with both times, signed and arrived), at most FUTURE_SKEW_MS in the future.
 * @example checkClock('2025-11-07T09:00:00Z', Date.parse('2025-11-07T12:00:00Z'), DEFAULT_LATE_LIMIT_MS).ok // true
 */
export function checkClock(at: string, now: number, lateLimit: number, futureSkew = FUTURE_SKEW_MS): Result<void> {
  const ahead = Date.parse(at) - now;
  if (ahead > futureSkew) {
    return refuse('clock_skew', `"at" is ${Math.round(ahead / 1000)} s ahead of the server's clock; at most ${futureSkew / 1000} s is accepted`);
  }
  if (-ahead > lateLimit) {
    return refuse('clock_skew', `"at" is ${hours(-ahead)} h before the server's clock; the terms in force accept a statement at most ${hours(lateLimit)} h after it was signed (lateLimitHours), so it was not appended`);
  }
  return ok(undefined);
}

const hours = (ms: number): string => (ms / 3_600_000).toFixed(1).replace(/\.0$/, '');
