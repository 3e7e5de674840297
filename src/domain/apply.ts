import { type Result, ok, refuse } from './errors.js';
import type { Touched } from './handler.js';
import { HANDLERS } from './records/index.js';
import { may } from './roles.js';
import type { LogRef, MechanismState } from './state.js';
import type { Statement } from './statement.js';
import { memberAdmitBody } from './records/members.js';
import { droppedKey } from './strict-json.js';
import { checkSealed, recordSealed } from './records/seals.js';

const byType = new Map(HANDLERS.map((h) => [h.type, h]));

/**
 * Apply one statement (its signature already verified) to the state: the key must be registered to the signer and
 * not revoked, the signer's role must have the right, the body must fit the type's schema, and the workflow must
 * allow it. On refusal the state is unchanged. The server runs this before appending; `truce verify` runs it on
 * replay, so both reach the same projections.
 */
export function applyStatement(state: MechanismState, statement: Statement, ref: LogRef): Result<readonly Touched[]> {
  const outcome = state.size === 0 ? applyGenesis(state, statement, ref) : applyMember(state, statement, ref);
  if (outcome.ok) state.size += 1;
  return outcome;
}

function applyGenesis(state: MechanismState, statement: Statement, ref: LogRef): Result<readonly Touched[]> {
  // The first entry is the operator's self-signed admission: the one statement whose key is registered by itself.
  if (statement.type !== 'member.admit') return refuse('invalid_state', 'the log is empty: the first statement must be the operator\'s self-signed member.admit (genesis)');
  const body = memberAdmitBody.safeParse(statement.body);
  if (!body.success) return refuse('bad_request', `genesis body: ${body.error.issues[0]?.message}`);
  const unknown = droppedKey(statement.body, body.data);
  if (unknown) return refuse('bad_request', `genesis body has an unknown key at ${unknown.slice(1)}`);
  const b = body.data;
  if (b.role !== 'operator' || b.member !== statement.by || b.key !== statement.key) {
    return refuse('invalid_state', 'genesis must admit its own signer as operator, with the key that signs it');
  }
  if (!b.mechanism) return refuse('bad_request', 'genesis must name the mechanism (body.mechanism)');
  state.mechanism = b.mechanism;
  state.members.set(b.member, { id: b.member, name: b.name, role: 'operator', side: null, admitted: ref });
  state.keys.set(b.key, { key: b.key, member: b.member, added: ref, revoked: null });
  return ok([{ kind: 'member', id: b.member }]);
}

function applyMember(state: MechanismState, statement: Statement, ref: LogRef): Result<readonly Touched[]> {
  const signer = state.members.get(statement.by);
  if (!signer) return refuse('unknown_key', `no member ${statement.by} is admitted`);
  const key = state.keys.get(statement.key);
  if (!key || key.member !== statement.by) return refuse('unknown_key', `that key is not registered to ${statement.by}`);
  if (key.revoked) return refuse('revoked_key', `that key of ${statement.by} was revoked at log index ${key.revoked.index}`);
  if (!may(signer.role, statement.type)) return refuse('forbidden', `a ${signer.role} may not sign ${statement.type}`);
  const handler = byType.get(statement.type);
  if (!handler) return refuse('bad_request', `statement type ${statement.type} is not handled`);
  // Sealed fields sit beside any type's own fields (domain/seal/sealed.ts); the type's schema sees the rest.
  const { sealed, ...open } = statement.body;
  const fields = sealed === undefined ? ok([]) : checkSealed(state, sealed);
  if (!fields.ok) return fields;
  const body = handler.schema.safeParse(open);
  if (!body.success) {
    const issue = body.error.issues[0];
    return refuse('bad_request', `${statement.type} body is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  // Refused, not stripped: a key the schema does not know would be signed and stored but never checked.
  const unknown = droppedKey(open, body.data);
  if (unknown) return refuse('bad_request', `${statement.type} body has an unknown key at ${unknown.slice(1)}`);
  const applied = handler.apply(state, body.data, { statement, ref, signer });
  if (applied.ok) recordSealed(state, fields.value, statement, ref);
  return applied;
}
