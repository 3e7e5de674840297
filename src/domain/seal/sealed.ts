import { z } from 'zod';
import { fromBase64 } from '../encoding.js';
import { memberIdSchema } from '../statement.js';

/**
 * A sealed field: a value in a statement that must not be public (a witness's name, a monitor's exact position),
 * encrypted with HPKE (RFC 9180) to each recipient's registered encryption key. The statement body carries them in
 * `sealed`, beside the public fields; the log holds only ciphertexts and a salted SHA-256 commitment to the value,
 * so the record is provably unchanged and a later release can be checked against it.
 *
 *   { "field": "/witness", "commit": "<hex SHA-256 of JCS {field, salt, value}>", "suite": "…",
 *     "to": [{ "member": "qa", "key": "<recipient's X25519 key>", "enc": "<HPKE enc>", "ct": "<HPKE ciphertext>" }] }
 *
 * Each recipient's plaintext is JCS {salt, value}: the salt (16 random bytes) keeps short values (a name, a village)
 * from being guessed against the commitment.
 */
export const SEAL_SUITE = 'DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM';

/** RFC 6901 pointer into the body (not into "sealed" itself), e.g. "/witness" or "/where/exact". */
export const fieldPointer = z
  .string()
  .regex(/^(\/[A-Za-z0-9_.~-]{1,64}){1,6}$/, 'a sealed field is named by a JSON pointer such as "/witness" (letters, digits, _ . ~ -)')
  .refine((p) => !p.startsWith('/sealed'), 'a sealed field cannot point into "sealed"');

const b64 = (min: number, max: number, what: string) =>
  z.string().refine((s) => {
    const n = fromBase64(s)?.length;
    return n !== undefined && n >= min && n <= max;
  }, `${what} must be base64 of ${min === max ? min : `${min}-${max}`} bytes`);

export const encryptionKey = b64(32, 32, 'an encryption key (X25519 public key)');

export const sealedFieldSchema = z
  .object({
    field: fieldPointer,
    commit: z.string().regex(/^[0-9a-f]{64}$/, 'commit is the hex SHA-256 of the salted value'),
    suite: z.literal(SEAL_SUITE),
    to: z
      .array(z.object({ member: memberIdSchema, key: encryptionKey, enc: b64(32, 32, 'enc'), ct: b64(17, 16_000, 'ct') }).strict())
      .min(1)
      .max(16),
  })
  .strict();

export const sealedSchema = z
  .array(sealedFieldSchema)
  .max(16)
  .refine((s) => new Set(s.map((f) => f.field)).size === s.length, 'each field is sealed once');

export type SealedField = z.infer<typeof sealedFieldSchema>;

/** What each recipient decrypts: the value and the salt of its commitment. */
export interface SealedPlain {
  readonly salt: string;
  readonly value: unknown;
}

export { sealCommitment } from './commitment.js';
