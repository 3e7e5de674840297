import { z } from 'zod';

// Query and path fields shared by the routes. Every one is attacker-controlled text from the URL: read strictly, so
// "0x10", "1e3", " 7" or "" are refused rather than coerced into a number someone did not write.

/** A non-negative decimal integer, as written in a URL (no sign, no leading zeros, no exponent, no hex). */
export const decimal = (max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'must be a decimal integer, e.g. 42')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/** A log index or tree size. */
export const logIndex = decimal();

/** A page size between 1 and max, defaulting to `fallback`. */
export const pageLimit = (max: number, fallback: number) =>
  decimal(max)
    .refine((n) => n >= 1, `must be between 1 and ${max}`)
    .default(fallback);

/** A news candidate's id, as the ingest pipeline makes them (see domain/records/candidates.ts). */
export const candidateId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'a candidate id is 1-128 of A-Z a-z 0-9 . _ : -');
