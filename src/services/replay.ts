import { applyStatement } from '../domain/apply.js';
import { fromBase64 } from '../domain/encoding.js';
import { type Result, ok, refuse } from '../domain/errors.js';
import type { Touched } from '../domain/handler.js';
import type { MechanismState } from '../domain/state.js';
import { type Statement, parseStatement, signingBytes, statementId } from '../domain/statement.js';
import type { Ed25519Verify } from '../log/ed25519.js';

export interface Replayed {
  readonly statement: Statement;
  readonly id: string;
  readonly touched: readonly Touched[];
}

/**
 * Re-apply one log entry to a state, exactly as the server accepted it: canonical bytes, (optionally) the
 * signature, key registration, rights and workflow. The server replays its own store without re-verifying
 * signatures (it verified them on the way in); `truce verify` replays with them.
 */
export function replayEntry(state: MechanismState, bytes: Uint8Array, index: number, verify?: Ed25519Verify): Result<Replayed> {
  const parsed = parseStatement(bytes);
  if (!parsed.ok) return parsed;
  const statement = parsed.value;
  if (verify && !verify(fromBase64(statement.key)!, signingBytes(statement), fromBase64(statement.sig)!)) {
    return refuse('bad_signature', `entry ${index}: the signature of ${statement.by} does not verify`);
  }
  const id = statementId(bytes);
  const applied = applyStatement(state, statement, { index, id, at: statement.at, by: statement.by });
  if (!applied.ok) return applied;
  return ok({ statement, id, touched: applied.value });
}
