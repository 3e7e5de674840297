import { TruceError } from '../domain/errors.js';
import type { MechanismState } from '../domain/state.js';
import { fromBase64 } from '../log/encoding.js';
import { cosignatureNoteVerifier } from '../log/cosignature.js';
import { keyIdHex } from '../log/note-keys.js';
import { openNote } from '../log/signed-note.js';
import type { Mechanism } from './mechanism.js';
import { verifyEd25519Node } from './node-ed25519.js';

/** The members whose witnesses count: every party and mediator, each cosigning under its member id. */
function witnesses(state: MechanismState) {
  return [...state.members.values()].filter((m) => m.role === 'party' || m.role === 'mediator');
}

/** A checkpoint is "witnessed" when a majority of the parties' and mediators' witnesses cosigned it. */
export function witnessQuorum(state: MechanismState): number {
  return Math.floor(witnesses(state).length / 2) + 1;
}

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
    throw new TruceError('unknown_key', 'the cosignature is not from a current key of a party or mediator (witness name = member id, key type 0x04)');
  }
  await m.store.addCosignature({ size, witness: witness.name, keyId: keyIdHex(witness.keyId), line: line.trim(), receivedAt: new Date().toISOString() });
  m.events.emit('cosigned', witness.name, size);
  const cosigners = new Set((await m.store.cosignatures(size)).map((c) => c.witness));
  return { size, witness: witness.name, cosigners: cosigners.size, witnessed: cosigners.size >= witnessQuorum(m.state) };
}
