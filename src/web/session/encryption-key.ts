// The member's encryption key for sealed fields, held like its signing key: derived from the key file's seed (RFC
// 9180 DeriveKeyPair, domain/seal/hpke.ts), then the private half re-imported NON-extractable, so page scripts can
// open sealed fields with it but never read it.
import { deriveEncryptionKey } from '../../domain/seal/hpke.js';

// RFC 8410 PrivateKeyInfo for X25519 (OID 1.3.101.110), up to the 32-byte private key.
const X25519_PKCS8_PREFIX = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20];

/** Undefined when this browser has no X25519 in WebCrypto: signing still works, sealed fields do not. */
export async function encryptionKeyFromSeed(seed: Uint8Array): Promise<{ publicKey: string; keyPair: CryptoKeyPair } | undefined> {
  try {
    const derived = await deriveEncryptionKey(seed);
    const raw = new Uint8Array(await crypto.subtle.exportKey('pkcs8', derived.keyPair.privateKey));
    const der = new Uint8Array(X25519_PKCS8_PREFIX.length + 32);
    der.set(X25519_PKCS8_PREFIX);
    der.set(raw.subarray(raw.length - 32), X25519_PKCS8_PREFIX.length);
    raw.fill(0);
    const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'X25519' }, false, ['deriveBits']);
    der.fill(0);
    return { publicKey: derived.publicKey, keyPair: { publicKey: derived.keyPair.publicKey, privateKey } };
  } catch {
    return undefined;
  }
}
