// The words of an error, in the reader's language. The server words its refusals in English (problem+json `detail`);
// a reader of another language gets the sentence of the refusal's `code` from the catalogs instead, so every code the
// server can answer has one (the Record type makes a new code fail to compile until it is worded).
import type { ErrorCode } from '../../domain/errors.js';
import { currentLocale, t, type MessageKey } from '../i18n/index.js';
import { ApiError } from './http.js';
import type { Loadable } from './use-api.js';

const BY_CODE: Readonly<Record<ErrorCode, MessageKey>> = {
  bad_request: 'error.bad_request',
  not_canonical: 'error.not_canonical',
  too_large: 'error.too_large',
  bad_signature: 'error.bad_signature',
  unknown_key: 'error.unknown_key',
  revoked_key: 'error.revoked_key',
  forbidden: 'error.forbidden',
  invalid_state: 'error.invalid_state',
  not_found: 'error.not_found',
  replay: 'error.replay',
  clock_skew: 'error.clock_skew',
  conflict: 'error.conflict',
  uri_too_long: 'error.uri_too_long',
  rate_limited: 'error.rate_limited',
  unavailable: 'error.unavailable',
  internal: 'error.internal',
};

const isCode = (code: string | undefined): code is ErrorCode => code !== undefined && Object.hasOwn(BY_CODE, code);

/**
 * What to tell the reader about an error: an API refusal by its code (English readers keep the server's own, more
 * precise sentence), a network failure as such, and any other error as its message, which the UI words from the
 * catalogs when it throws.
 * @example errorText(new ApiError(403, 'Not allowed for this role', 'a monitor may not sign finding.sign', 'forbidden'))
 */
export function errorText(e: Error): string {
  if (!(e instanceof ApiError)) return e.message;
  if (currentLocale() === 'en') return e.message;
  if (isCode(e.code)) return t(BY_CODE[e.code]);
  if (e.status === 0) return t(e.title === 'Aborted' ? 'error.aborted' : 'error.network');
  return t('error.status', { status: e.status });
}

/** The same error worded for the reader, for the shared boxes that show `error.message` (Refusal, ErrorBox). */
export function readerError<E extends Error | null>(e: E): E {
  if (!(e instanceof ApiError)) return e;
  return new ApiError(e.status, e.title, errorText(e), e.code) as unknown as E;
}

/** A loaded document whose failure, if any, is worded for the reader (for `<Show>`, which shows `error.message`). */
export function readerLoadable<L extends Loadable<unknown>>(value: L): L {
  return value.state === 'error' ? { ...value, error: readerError(value.error) } : value;
}
