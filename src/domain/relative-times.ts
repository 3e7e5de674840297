import { TruceError } from './errors.js';

// Times relative to signing (docs/decisions.md "Examples that do not expire"): a body written in advance, such as an
// example file, cannot carry an absolute date that stays in the future, and a patrol plan or a request's deadline must
// lie ahead of the statement's own time. `truce submit` replaces a string that is exactly "@at:+7d" (an RFC 3339 UTC
// time) or "@date:+60d" (a YYYY-MM-DD day, UTC) by the signing time (--at, else now) plus the offset.

const TIME = /^@(at|date):\+((?:\d{1,4}[dhm])+)$/;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** Whether a body uses any "@at:+..." / "@date:+..." placeholder. */
export function usesTimes(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('@at:') || value.startsWith('@date:');
  if (Array.isArray(value)) return value.some(usesTimes);
  if (value !== null && typeof value === 'object') return Object.values(value).some(usesTimes);
  return false;
}

/**
 * The body with every "@at:+OFFSET" / "@date:+OFFSET" replaced, OFFSET being days, hours and minutes ("7d", "7d6h",
 * "90m") after `at`, the statement's signing time. Any other string starting with "@at:" or "@date:" is refused.
 * @example resolveTimes({ from: '@at:+7d6h', deadline: '@date:+60d' }, '2026-03-01T12:00:00Z') // { from: '2026-03-08T18:00:00Z', deadline: '2026-04-30' }
 */
export function resolveTimes(value: unknown, at: string): unknown {
  if (typeof value === 'string') {
    if (!usesTimes(value)) return value;
    const m = TIME.exec(value);
    if (!m) throw new TruceError('bad_request', `"${value}": a relative time is "@at:+OFFSET" or "@date:+OFFSET", OFFSET in d, h and m (e.g. "@at:+7d6h", "@date:+60d")`);
    if (Number.isNaN(Date.parse(at))) throw new TruceError('bad_request', `"${value}" counts from the signing time, and ${at} is not a time`);
    let ms = 0;
    for (const [, n, unit] of m[2]!.matchAll(/(\d+)([dhm])/g)) ms += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
    const time = new Date(Date.parse(at) + ms).toISOString();
    return m[1] === 'date' ? time.slice(0, 10) : time.replace(/\.\d{3}Z$/, 'Z');
  }
  if (Array.isArray(value)) return value.map((v) => resolveTimes(v, at));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTimes(v, at)]));
  return value;
}
