// HPKE (RFC 9180) base mode through @hpke/core, on the runtime's WebCrypto (browser and Node 20 alike): the only
// encryption in Truce. Suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM.
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64, toBase64 } from '../encoding.js';
import { canonicalBytes } from '../jcs.js';
import { utf8, fromUtf8 } from '../../log/encoding.js';
import { type SealedField, type SealedPlain, SEAL_SUITE, sealCommitment } from './sealed.js';

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
/** HPKE's info binds every ciphertext to this use; the AAD binds it to the field it was sealed for. */
const INFO = utf8('truce/seal/v1');
/** Domain separation when a member's encryption key is derived from its signing seed (see deriveEncryptionKey). */
const DERIVE_PREFIX = utf8('truce/enckey/v1');

export interface EncryptionKeyPair {
  readonly publicKey: string; // base64 X25519 public key, as registered by enckey.add
  readonly keyPair: CryptoKeyPair;
}

/**
 * A member's encryption key pair, derived from its Ed25519 seed with RFC 9180 DeriveKeyPair (its own HKDF, labelled,
 * so the two keys share no bytes): the key file a member already guards is all it needs, on any device.
 */
export async function deriveEncryptionKey(seed: Uint8Array): Promise<EncryptionKeyPair> {
  const ikm = new Uint8Array(DERIVE_PREFIX.length + seed.length);
  ikm.set(DERIVE_PREFIX);
  ikm.set(seed, DERIVE_PREFIX.length);
  const keyPair = await suite.kem.deriveKeyPair(ikm.buffer);
  return { publicKey: toBase64(new Uint8Array(await suite.kem.serializePublicKey(keyPair.publicKey))), keyPair };
}

/** Random salt for a commitment: 16 bytes from the platform's CSPRNG. */
export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * Seal a value for recipients (member id -> base64 X25519 key): one HPKE ciphertext each, one commitment.
 * @example await sealField('/witness', 'A. Khan', { qa: qaKey, tr: trKey })
 */
export async function sealField(field: string, value: unknown, recipients: Readonly<Record<string, string>>, salt = newSalt()): Promise<SealedField> {
  const plain = canonicalBytes({ salt, value } satisfies SealedPlain);
  const to = [];
  for (const [member, key] of Object.entries(recipients).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const raw = fromBase64(key);
    if (raw?.length !== 32) throw new RangeError(`the encryption key of ${member} is not a 32-byte X25519 key`);
    const recipientPublicKey = await suite.kem.deserializePublicKey(raw.slice().buffer);
    const sealed = await suite.seal({ recipientPublicKey, info: INFO }, plain.slice().buffer, utf8(field).slice().buffer);
    to.push({ member, key, enc: toBase64(new Uint8Array(sealed.enc)), ct: toBase64(new Uint8Array(sealed.ct)) });
  }
  return { field, commit: sealCommitment(field, salt, value), suite: SEAL_SUITE, to };
}

export type Unsealed = { readonly ok: true; readonly salt: string; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Open a sealed field as one of its recipients, and check the plaintext against the commitment the log holds (a
 * signer could encrypt something other than what it committed to; the recipient then knows).
 */
export async function openField(sealed: SealedField, member: string, key: EncryptionKeyPair): Promise<Unsealed> {
  const mine = sealed.to.find((t) => t.member === member && t.key === key.publicKey);
  if (!mine) return { ok: false, reason: `${sealed.field} is not sealed to ${member}'s encryption key` };
  let plain: string | null;
  try {
    const bytes = await suite.open({ recipientKey: key.keyPair, enc: fromBase64(mine.enc)!.slice().buffer, info: INFO }, fromBase64(mine.ct)!.slice().buffer, utf8(sealed.field).slice().buffer);
    plain = fromUtf8(new Uint8Array(bytes));
  } catch {
    return { ok: false, reason: `${sealed.field} does not decrypt with this key` };
  }
  let parsed: Partial<SealedPlain> | null;
  try {
    parsed = plain === null ? null : (JSON.parse(plain) as Partial<SealedPlain>);
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed.salt !== 'string' || !('value' in parsed)) return { ok: false, reason: `${sealed.field} decrypts to something that is not a sealed value` };
  if (sealCommitment(sealed.field, parsed.salt, parsed.value) !== sealed.commit) return { ok: false, reason: `${sealed.field} decrypts to a value that does not match its commitment` };
  return { ok: true, salt: parsed.salt, value: parsed.value };
}
