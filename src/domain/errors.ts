/**
 * Every expected failure in Truce carries one of these codes. One table (server/problem.ts, cli/exit-codes.ts)
 * maps a code to an HTTP status and a CLI exit code; nothing else decides those.
 */
export type ErrorCode =
  | 'bad_request' // malformed input: not JSON, wrong shape, bad parameter
  | 'not_canonical' // the bytes are not RFC 8785 canonical JSON
  | 'too_large' // over a size bound
  | 'bad_signature' // the Ed25519 signature does not verify
  | 'unknown_key' // the key was never registered for the signer
  | 'revoked_key' // the key was revoked before this statement
  | 'forbidden' // the signer's role may not do this
  | 'invalid_state' // the workflow does not allow this step now
  | 'not_found'
  | 'replay' // the exact statement is already in the log
  | 'clock_skew' // "at" too far from the server's clock (back- or forward-dating)
  | 'conflict' // e.g. a different checkpoint of the same size
  | 'uri_too_long' // the request's URL is longer than the server reads
  | 'rate_limited' // too many requests from one key or address; retry later
  | 'unavailable'
  | 'internal';

/** A refusal: a code from the union and a sentence naming the rule broken. */
export interface Refusal {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly detail: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | Refusal;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const refuse = (code: ErrorCode, detail: string): Refusal => ({ ok: false, code, detail });

/** Thrown only where an expected failure must cross an async boundary; carries the same code. */
export class TruceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TruceError';
  }
  static from(refusal: Refusal): TruceError {
    return new TruceError(refusal.code, refusal.detail);
  }
}
