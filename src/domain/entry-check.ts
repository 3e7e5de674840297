import { applyStatement } from './apply.js';
import { fromBase64 } from './encoding.js';
import { type Result, ok, refuse } from './errors.js';
import type { Touched } from './handler.js';
import type { Ed25519Verify } from '../log/ed25519.js';
import type { MechanismState } from './state.js';
import { type Statement, parseStatement, signingBytes, statementId } from './statement.js';

export interface CheckedEntry {
  readonly statement: Statement;
  readonly id: string;
  readonly touched: readonly Touched[];
}

/**
 * Check one stored log entry and apply it to a state, exactly as the server accepted it: strict JSON, the envelope,
 * RFC 8785 canonical bytes, the Ed25519 signature over those very bytes minus "sig", then key registration, rights and
 * workflow. `truce verify` (services/audit.ts) and the browser verifier (web/verify/) both run this, so they refuse the
 * same entries; the server replays its own store without `verify` (it verified each signature on the way in).
 * A refusal names the entry's index. On refusal the state is unchanged.
 * @example checkEntry(state, bytes, 0, verifyEd25519) // { ok: true, value: { statement, id, touched } }
 */
export function checkEntry(state: MechanismState, bytes: Uint8Array, index: number, verify?: Ed25519Verify): Result<CheckedEntry> {
  const parsed = parseStatement(bytes);
  if (!parsed.ok) return refuse(parsed.code, `entry ${index}: ${parsed.detail}`);
  const statement = parsed.value;
  if (verify && !verify(fromBase64(statement.key)!, signingBytes(statement), fromBase64(statement.sig)!)) {
    return refuse('bad_signature', `entry ${index}: the signature of ${statement.by} does not verify over the stored bytes`);
  }
  const id = statementId(bytes);
  const applied = applyStatement(state, statement, { index, id, at: statement.at, by: statement.by });
  if (!applied.ok) return refuse(applied.code, `entry ${index} (${statement.type} by ${statement.by}): ${applied.detail}`);
  return ok({ statement, id, touched: applied.value });
}
