// C2SP signed-note keys: key names, key IDs, and the text forms of verifier keys ("vkeys",
// `name+hex8+base64(type ‖ public key)`) and signer keys (`PRIVATE+KEY+name+hex8+base64(type ‖ seed)`), for the
// two signature types Truce uses: 0x01 (Ed25519 note signatures) and 0x04 (Ed25519 tlog cosignatures).
// Keys arrive from configuration files, the API (`GET /v1/log`) and the command line; a key whose key ID does
// not match its name and material is rejected, so a typo cannot silently become a different identity.
import { fromBase64, isWellFormedText, toBase64, utf8 } from './encoding.js';
import { publicKeyFromSeed } from './ed25519.js';
import { sha256 } from './hash.js';

/** Signature type of C2SP signed-note Ed25519 signatures. */
export const KEY_TYPE_ED25519 = 0x01;
/** Signature type of C2SP tlog-cosignature v1 (timestamped Ed25519). */
export const KEY_TYPE_COSIGNATURE = 0x04;

export type KeyType = typeof KEY_TYPE_ED25519 | typeof KEY_TYPE_COSIGNATURE;

/** A parsed verifier key. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly type: KeyType;
  readonly publicKey: Uint8Array;
}

/** A parsed signer key (holds the 32-byte Ed25519 seed: keep it off the server for members' keys). */
export interface SignerKey extends VerifierKey {
  readonly seed: Uint8Array;
}

const MAX_NAME_LENGTH = 1024;

/**
 * A key name is non-empty, has no Unicode white space (Go's unicode.IsSpace), no '+' and no control character.
 * @example isValidKeyName("truce/demo") // true; isValidKeyName("Bad Name") // false
 */
export function isValidKeyName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_NAME_LENGTH &&
    !/[\p{White_Space}+\p{Cc}]/u.test(name) &&
    isWellFormedText(name)
  );
}

/**
 * Key ID = SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4] as a big-endian uint32.
 * @example keyId("PeterNeumann", KEY_TYPE_ED25519, pub).toString(16) // "c74f20a3"
 */
export function keyId(name: string, type: KeyType, publicKey: Uint8Array): number {
  const n = utf8(name);
  const buf = new Uint8Array(n.length + 2 + publicKey.length);
  buf.set(n, 0);
  buf[n.length] = 0x0a;
  buf[n.length + 1] = type;
  buf.set(publicKey, n.length + 2);
  const h = sha256(buf);
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

/**
 * The 8-hex-digit spelling of a key ID.
 * @example keyIdHex(0xc74f20a3) // "c74f20a3"
 */
export function keyIdHex(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function isKeyType(t: number | undefined): t is KeyType {
  return t === KEY_TYPE_ED25519 || t === KEY_TYPE_COSIGNATURE;
}

/**
 * Formats a verifier key.
 * @example formatVerifierKey("truce/demo", KEY_TYPE_ED25519, pub) // "truce/demo+1a2b3c4d+AR..."
 */
export function formatVerifierKey(name: string, type: KeyType, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new RangeError(`formatVerifierKey: invalid key name ${JSON.stringify(name)}`);
  if (publicKey.length !== 32) throw new RangeError('formatVerifierKey: an Ed25519 public key is 32 bytes');
  const material = new Uint8Array(33);
  material[0] = type;
  material.set(publicKey, 1);
  return `${name}+${keyIdHex(keyId(name, type, publicKey))}+${toBase64(material)}`;
}

/**
 * Parses a verifier key; null if malformed, of an unknown type, of the wrong length, or if its key ID does not
 * match its name and public key.
 * @example parseVerifierKey("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")?.name
 */
export function parseVerifierKey(text: string): VerifierKey | null {
  const parts = splitKey(text);
  if (parts === null) return null;
  const [name, hex, b64] = parts;
  const parsed = parseKeyMaterial(name, hex, b64);
  if (parsed === null) return null;
  const { type, key } = parsed;
  if (keyId(name, type, key) !== parseInt(hex, 16)) return null;
  return { name, keyId: parseInt(hex, 16), type, publicKey: key };
}

/**
 * Formats a signer key from a 32-byte seed.
 * @example formatSignerKey("truce/demo", KEY_TYPE_ED25519, seed) // "PRIVATE+KEY+truce/demo+1a2b3c4d+AY..."
 */
export function formatSignerKey(name: string, type: KeyType, seed: Uint8Array): string {
  if (!isValidKeyName(name)) throw new RangeError(`formatSignerKey: invalid key name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new RangeError('formatSignerKey: an Ed25519 seed is 32 bytes');
  const id = keyId(name, type, publicKeyFromSeed(seed));
  const material = new Uint8Array(33);
  material[0] = type;
  material.set(seed, 1);
  return `PRIVATE+KEY+${name}+${keyIdHex(id)}+${toBase64(material)}`;
}

/**
 * Parses a signer key; null if malformed or if its key ID does not match the name and the derived public key.
 * @example parseSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
 */
export function parseSignerKey(text: string): SignerKey | null {
  if (!text.startsWith('PRIVATE+KEY+')) return null;
  const parts = splitKey(text.slice('PRIVATE+KEY+'.length));
  if (parts === null) return null;
  const [name, hex, b64] = parts;
  const parsed = parseKeyMaterial(name, hex, b64);
  if (parsed === null) return null;
  const seed = parsed.key;
  const publicKey = publicKeyFromSeed(seed);
  const id = keyId(name, parsed.type, publicKey);
  if (id !== parseInt(hex, 16)) return null;
  return { name, keyId: id, type: parsed.type, publicKey, seed };
}

/** "name+hex+base64": the name has no '+', the base64 may (so split at the first two only). */
function splitKey(text: string): [string, string, string] | null {
  const a = text.indexOf('+');
  const b = a < 0 ? -1 : text.indexOf('+', a + 1);
  if (b < 0) return null;
  return [text.slice(0, a), text.slice(a + 1, b), text.slice(b + 1)];
}

function parseKeyMaterial(name: string, hex: string, b64: string): { type: KeyType; key: Uint8Array } | null {
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hex)) return null;
  const material = fromBase64(b64);
  if (material === null || material.length !== 33) return null;
  const type = material[0];
  if (!isKeyType(type)) return null;
  return { type, key: material.slice(1) };
}
