import type { ErrorCode } from '../domain/errors.js';

/** CLI exit codes: 0 success, 1 refused or failed verification, 2 usage, 3 could not reach or read something. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

/** The one table from error code to exit code (HTTP statuses live in server/problem.ts). */
export const EXIT_CODE: Readonly<Record<ErrorCode, number>> = {
  bad_request: EXIT.failed,
  not_canonical: EXIT.failed,
  too_large: EXIT.failed,
  bad_signature: EXIT.failed,
  unknown_key: EXIT.failed,
  revoked_key: EXIT.failed,
  forbidden: EXIT.failed,
  not_found: EXIT.failed,
  invalid_state: EXIT.failed,
  replay: EXIT.failed,
  conflict: EXIT.failed,
  clock_skew: EXIT.failed,
  uri_too_long: EXIT.failed,
  rate_limited: EXIT.unavailable,
  unavailable: EXIT.unavailable,
  internal: EXIT.unavailable,
};
