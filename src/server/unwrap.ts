import { type Result, TruceError } from '../domain/errors.js';

/** A service's expected failure becomes the route's problem+json answer (through the app's error handler). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw TruceError.from(result);
  return result.value;
}
