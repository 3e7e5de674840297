// Ed25519 note signers and verifiers (signature type 0x01). The raw signing and verifying functions are
// injected so the server can use node:crypto and the browser WebCrypto or the pure verifier, under one rule.
import { type Ed25519Sign, type Ed25519Verify, signEd25519, verifyEd25519 } from './ed25519.js';
import { KEY_TYPE_ED25519, keyId, parseSignerKey, parseVerifierKey } from './note-keys.js';
import type { NoteSigner, NoteVerifier } from './signed-note.js';

/**
 * A note verifier for an Ed25519 key (type 0x01).
 * @example openNote(note, [ed25519NoteVerifier("truce/demo", publicKey)])
 */
export function ed25519NoteVerifier(name: string, publicKey: Uint8Array, verify: Ed25519Verify = verifyEd25519): NoteVerifier {
  const key = publicKey.slice();
  return {
    name,
    keyId: keyId(name, KEY_TYPE_ED25519, key),
    verify: (text, signature) => verify(key, text, signature),
  };
}

/**
 * A note signer for an Ed25519 key whose private half lives wherever `sign` runs.
 * @example ed25519NoteSigner("truce/demo", publicKey, (m) => new Uint8Array(crypto.sign(null, m, privateKey)))
 */
export function ed25519NoteSigner(name: string, publicKey: Uint8Array, sign: Ed25519Sign): NoteSigner {
  return { name, keyId: keyId(name, KEY_TYPE_ED25519, publicKey), sign };
}

/**
 * A note verifier from a vkey string; null unless it is a valid type-0x01 key.
 * @example noteVerifierFromKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
 */
export function noteVerifierFromKey(vkey: string, verify: Ed25519Verify = verifyEd25519): NoteVerifier | null {
  const parsed = parseVerifierKey(vkey);
  if (parsed === null || parsed.type !== KEY_TYPE_ED25519) return null;
  return ed25519NoteVerifier(parsed.name, parsed.publicKey, verify);
}

/**
 * A note signer from a "PRIVATE+KEY+..." string (signs in this process with the pure implementation); null
 * unless it is a valid type-0x01 key.
 * @example await signNote(text, [noteSignerFromKey(skey)!])
 */
export function noteSignerFromKey(skey: string): NoteSigner | null {
  const parsed = parseSignerKey(skey);
  if (parsed === null || parsed.type !== KEY_TYPE_ED25519) return null;
  const seed = parsed.seed;
  return ed25519NoteSigner(parsed.name, parsed.publicKey, (message) => signEd25519(seed, message));
}
