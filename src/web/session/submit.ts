// Sign a statement in this browser and append it. Loaded lazily: it brings the statement schema (zod).
import { canonicalBytes } from '../../domain/jcs.js';
import { signStatement, statementId, type StatementType, type UnsignedStatement } from '../../domain/statement.js';
import { postBytes } from '../api/http.js';
import type { Appended } from '../api/types.js';
import { signWith, type StoredKey } from './keystore.js';
import { t } from '../i18n/index.js';

/** RFC 3339 UTC to the second, as statements carry it. */
export const nowUtc = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Build, sign (WebCrypto, non-extractable key) and POST a statement as exactly its canonical bytes.
 * Throws ApiError with the server's problem `detail` when it is refused.
 * @example await submitStatement(session, 'candidate.promote', { candidate: id, report })
 */
export async function submitStatement(session: StoredKey, type: StatementType, body: Record<string, unknown>): Promise<Appended> {
  // Drop undefined members first: JSON has no undefined, and the signature must cover exactly what is sent.
  const clean = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const unsigned: UnsignedStatement = { v: 1, type, by: session.member, key: session.key, at: nowUtc(), body: clean };
  const statement = await signStatement(unsigned, (m) => signWith(session, m));
  const bytes = canonicalBytes(statement);
  const appended = await postBytes<Appended>('/v1/statements', bytes);
  if (appended.id !== statementId(bytes)) throw new Error(t('submit.idMismatch', { got: appended.id, sent: statementId(bytes) }));
  return appended;
}
