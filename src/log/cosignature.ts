// C2SP tlog-cosignature v1, Ed25519 (signature type 0x04): a witness's statement that, as of a time, the
// checkpoint is the largest consistent tree it has seen for that log. The signed message is
//   "cosignature/v1\n" + "time <POSIX seconds>\n" + the checkpoint's note text (signature lines excluded),
// and the note signature is an 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature.
import { type Ed25519Sign, type Ed25519Verify, signEd25519, verifyEd25519 } from './ed25519.js';
import { concatBytes, utf8 } from './encoding.js';
import { KEY_TYPE_COSIGNATURE, keyId, parseSignerKey, parseVerifierKey } from './note-keys.js';
import { type NoteSigner, type NoteVerifier, signatureLine } from './signed-note.js';
import { isIndex } from './tree-math.js';

/** Length of a v1 Ed25519 cosignature after the key ID: timestamp (8) + signature (64). */
export const COSIGNATURE_LENGTH = 72;

/**
 * Seconds since the epoch, the default clock for cosigning.
 * @example systemClock() // 1761900000
 */
export const systemClock = (): number => Math.floor(Date.now() / 1000);

/**
 * The bytes a cosigner signs for a checkpoint text at a time.
 * @example cosignatureMessage(1679315147, checkpointText) // "cosignature/v1\ntime 1679315147\n" + text
 */
export function cosignatureMessage(timestamp: number, checkpointText: string | Uint8Array): Uint8Array {
  if (!isIndex(timestamp)) throw new RangeError('cosignatureMessage: timestamp must be a non-negative safe integer');
  const text = typeof checkpointText === 'string' ? utf8(checkpointText) : checkpointText;
  return concatBytes(utf8(`cosignature/v1\ntime ${timestamp}\n`), text);
}

/**
 * The timestamp inside a cosignature (what follows the key ID), or null if it is not a v1 Ed25519 cosignature
 * or its time is beyond 2^53 - 1 (the spec allows up to 2^63 - 1; no real clock gets there).
 * @example cosignatureTimestamp(sig.signature) // 1679315147
 */
export function cosignatureTimestamp(signature: Uint8Array): number | null {
  if (signature.length !== COSIGNATURE_LENGTH) return null;
  const view = new DataView(signature.buffer, signature.byteOffset, 8);
  const t = view.getBigUint64(0);
  return t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : null;
}

/**
 * A note verifier for a cosigner's Ed25519 key (type 0x04); it checks the signature over the timestamped
 * message. Pass it to openNote / openCheckpoint alongside the log's verifier.
 * @example openCheckpoint(note, { origin, log, witnesses: [cosignatureNoteVerifier("witness.example/w1", pub)] })
 */
export function cosignatureNoteVerifier(name: string, publicKey: Uint8Array, verify: Ed25519Verify = verifyEd25519): NoteVerifier {
  const key = publicKey.slice();
  return {
    name,
    keyId: keyId(name, KEY_TYPE_COSIGNATURE, key),
    verify(text, signature) {
      const timestamp = cosignatureTimestamp(signature);
      if (timestamp === null) return false;
      return verify(key, cosignatureMessage(timestamp, text), signature.subarray(8));
    },
  };
}

/**
 * A note signer producing v1 cosignatures at the clock's current time (seconds).
 * @example await signNote(checkpointText, [cosignatureNoteSigner(name, pub, sign)]) // a cosigned note
 */
export function cosignatureNoteSigner(
  name: string,
  publicKey: Uint8Array,
  sign: Ed25519Sign,
  clock: () => number = systemClock,
): NoteSigner {
  return {
    name,
    keyId: keyId(name, KEY_TYPE_COSIGNATURE, publicKey),
    async sign(text) {
      const timestamp = clock();
      const signature = await sign(cosignatureMessage(timestamp, text));
      const out = new Uint8Array(COSIGNATURE_LENGTH);
      new DataView(out.buffer).setBigUint64(0, BigInt(timestamp));
      out.set(signature, 8);
      return out;
    },
  };
}

/**
 * A cosignature verifier from a vkey string; null unless it is a valid type-0x04 key.
 * @example cosignatureVerifierFromKey("witness.example/w1+0a1b2c3d+BN...")
 */
export function cosignatureVerifierFromKey(vkey: string, verify: Ed25519Verify = verifyEd25519): NoteVerifier | null {
  const parsed = parseVerifierKey(vkey);
  if (parsed === null || parsed.type !== KEY_TYPE_COSIGNATURE) return null;
  return cosignatureNoteVerifier(parsed.name, parsed.publicKey, verify);
}

/**
 * A cosigner from a "PRIVATE+KEY+..." string with type 0x04 (signs in this process); null otherwise.
 * @example cosignatureSignerFromKey(skey, () => 1679315147)
 */
export function cosignatureSignerFromKey(skey: string, clock: () => number = systemClock): NoteSigner | null {
  const parsed = parseSignerKey(skey);
  if (parsed === null || parsed.type !== KEY_TYPE_COSIGNATURE) return null;
  const seed = parsed.seed;
  return cosignatureNoteSigner(parsed.name, parsed.publicKey, (m) => signEd25519(seed, m), clock);
}

/**
 * Cosigns a checkpoint text and returns just the signature line, which a witness hands back to the log.
 * @example await cosignCheckpoint(checkpointText, witnessSigner) // "— witness.example/w1 ...\n"
 */
export async function cosignCheckpoint(checkpointText: string, signer: NoteSigner): Promise<string> {
  const signature = await signer.sign(utf8(checkpointText));
  return signatureLine({ name: signer.name, keyId: signer.keyId, signature });
}
