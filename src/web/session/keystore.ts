// A member's signing key in the browser: imported once from its key file into WebCrypto as a NON-extractable
// Ed25519 key, kept in IndexedDB (which stores the CryptoKey object, not its bytes), and the seed dropped.
// Page scripts can ask the browser to sign with it but can never read it back.
import { fromBase64, toBase64 } from '../../domain/encoding.js';
import { encryptionKeyFromSeed } from './encryption-key.js';
import { t } from '../i18n/index.js';

export interface StoredKey {
  /** The log the key was loaded for (its origin line), so keys of different mechanisms never mix. */
  readonly origin: string;
  readonly member: string;
  /** Base64 of the 32-byte public key, as registered by member.admit or key.add. */
  readonly key: string;
  readonly privateKey: CryptoKey;
  readonly loadedAt: string;
  /** The member's X25519 key for sealed fields (derived from the same seed; private half non-extractable). */
  readonly encryption?: { readonly publicKey: string; readonly keyPair: CryptoKeyPair };
}

const DB = 'truce';
const STORE = 'keys';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'origin' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error(t('keyFile.noIndexedDb')));
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = run(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error ?? new Error(t('keyFile.storeFailed')));
    });
  } finally {
    db.close();
  }
}

export const loadStoredKey = (origin: string): Promise<StoredKey | undefined> => tx('readonly', (s) => s.get(origin));
export const saveStoredKey = (k: StoredKey): Promise<unknown> => tx('readwrite', (s) => s.put(k));
export const forgetStoredKey = (origin: string): Promise<unknown> => tx('readwrite', (s) => s.delete(origin));

// RFC 8410 PrivateKeyInfo for Ed25519, up to the 32-byte seed: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 },
// OCTET STRING { OCTET STRING seed } }.
const PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

export interface KeyFile {
  readonly member: string;
  readonly seed: string;
  readonly key: string;
}

/**
 * Check a key file's text. It is whatever file the user picked, so parse defensively and bound it:
 * a key file is a small JSON object with three strings.
 */
export function parseKeyFile(text: string): KeyFile | string {
  if (text.length > 4096) return t('keyFile.tooLarge');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return t('keyFile.notJson', { example: '{"member": "…", "seed": "…", "key": "…"}' });
  }
  if (!v || typeof v !== 'object') return t('keyFile.notKeyFile');
  const { member, seed, key } = v as Record<string, unknown>;
  if (typeof member !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(member)) return t('keyFile.noMember');
  if (typeof seed !== 'string' || fromBase64(seed)?.length !== 32) return t('keyFile.badSeed');
  if (typeof key !== 'string' || fromBase64(key)?.length !== 32) return t('keyFile.badKey');
  return { member, seed, key };
}

/**
 * Import the seed as a non-extractable signing key and prove it matches the file's public key (sign a probe and
 * verify it with the public key), so a mismatched file is refused here rather than by the server later.
 */
export async function importKeyFile(file: KeyFile, origin: string): Promise<StoredKey> {
  const seed = fromBase64(file.seed);
  const pub = fromBase64(file.key);
  if (!seed || !pub) throw new Error(t('keyFile.malformed'));
  const der = new Uint8Array(PKCS8_PREFIX.length + 32);
  der.set(PKCS8_PREFIX);
  der.set(seed, PKCS8_PREFIX.length);
  let privateKey: CryptoKey;
  let encryption: StoredKey['encryption'];
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'Ed25519' }, false, ['sign']);
    encryption = await encryptionKeyFromSeed(seed);
  } catch {
    throw new Error(t('keyFile.noEd25519'));
  } finally {
    der.fill(0);
    seed.fill(0);
  }
  const probe = new TextEncoder().encode(`truce key check ${origin}`);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, probe));
  const publicKey = await crypto.subtle.importKey('raw', pub as BufferSource, { name: 'Ed25519' }, true, ['verify']);
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, sig, probe))) {
    throw new Error(t('keyFile.mismatch'));
  }
  return { origin, member: file.member, key: toBase64(pub), privateKey, loadedAt: new Date().toISOString(), ...(encryption ? { encryption } : {}) };
}

/** Sign bytes with a stored key (the browser signs; the key never leaves it). */
export async function signWith(k: StoredKey, message: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, k.privateKey, message as BufferSource));
}
