import { TruceError } from '../domain/errors.js';
import type { MechanismState } from '../domain/state.js';
import { mechanismRules } from '../domain/records/agreement-rules.js';
import { fromBase64 } from '../log/encoding.js';
import { cosignatureNoteVerifier } from '../log/cosignature.js';
import { keyIdHex } from '../log/note-keys.js';
import { openNote } from '../log/signed-note.js';
import type { Mechanism } from './mechanism.js';
import { verifyEd25519Node } from './node-ed25519.js';

/**
 * The witnesses whose cosignatures count: those named in the rules every party signed (never the operator's list of
 * members), each cosigning under its member id. None while the parties have named none.
 */
export function witnesses(state: MechanismState) {
  const named = mechanismRules(state).witnesses?.members ?? [];
  return named.map((id) => state.members.get(id)).filter((m) => m !== undefined);
}

/** How many of those witnesses make a checkpoint "witnessed"; 0 while the parties have named none (never witnessed). */
export function witnessQuorum(state: MechanismState): number {
  return mechanismRules(state).witnesses?.quorum ?? 0;
}

/** Whether a count of distinct cosigners is enough: a witness set must exist and its quorum be met. */
export const isWitnessed = (state: MechanismState, cosigners: number): boolean => witnessQuorum(state) > 0 && cosigners >= witnessQuorum(state);

/**
 * Accept a witness's cosignature (C2SP tlog-cosignature v1) of a stored checkpoint. The line is attacker-controlled:
 * it must verify, as a type 0x04 signature over that exact checkpoint, under a current key of a party or mediator
 * named in the line.
 */
export async function acceptCosignature(m: Mechanism, size: number, line: string) {
  const checkpoint = await m.store.checkpointAt(size);
  if (!checkpoint) throw new TruceError('not_found', `no checkpoint of size ${size} was published`);
  const body = checkpoint.note.slice(0, checkpoint.note.indexOf('\n\n') + 1);
  const verifiers = witnesses(m.state).flatMap((member) =>
    [...m.state.keys.values()]
      .filter((k) => k.member === member.id && !k.revoked)
      .map((k) => cosignatureNoteVerifier(member.id, fromBase64(k.key)!, verifyEd25519Node)),
  );
  const opened = openNote(`${body}\n${line.trim()}\n`, verifiers);
  if (!opened.ok) throw new TruceError(opened.reason === 'invalid-signature' ? 'bad_signature' : opened.reason === 'unverified' ? 'unknown_key' : 'bad_request', `cosignature refused: ${opened.detail}`);
  const witness = opened.verifiedBy[0];
  if (!witness || opened.signatures.length !== 1) {
    throw new TruceError('unknown_key', 'the cosignature is not from a current key of a witness the parties named in the rules they signed (witness name = member id, key type 0x04)');
  }
  await m.store.addCosignature({ size, witness: witness.name, keyId: keyIdHex(witness.keyId), line: line.trim(), receivedAt: new Date().toISOString() });
  m.events.emit('cosigned', witness.name, size);
  const cosigners = new Set((await m.store.cosignatures(size)).map((c) => c.witness));
  return { size, witness: witness.name, cosigners: cosigners.size, witnessed: isWitnessed(m.state, cosigners.size) };
}
