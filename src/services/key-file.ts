import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fromBase64, toBase64 } from '../domain/encoding.js';
import { TruceError } from '../domain/errors.js';
import { type Ed25519KeyPair, keyPairFromSeed } from './node-ed25519.js';
import { type AtomicFs, writeFileAtomic } from './atomic-file.js';

/** design.md's key file: {"member", "seed": base64 32-byte seed, "key": base64 public key}. */
const keyFileSchema = z.object({ member: z.string().min(1), seed: z.string(), key: z.string() });

export interface MemberKey extends Ed25519KeyPair {
  readonly member: string;
}

/** Read a member's key file; the public key must match the seed (a swapped file is caught here, not at the server). */
export async function readKeyFile(path: string): Promise<MemberKey> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw unreadableKey(path, e);
  }
  let parsed;
  try {
    parsed = keyFileSchema.parse(JSON.parse(raw));
  } catch {
    throw new TruceError('bad_request', `${path} is not a Truce key file ({"member","seed","key"})`);
  }
  const seed = fromBase64(parsed.seed);
  if (!seed || seed.length !== 32) throw new TruceError('bad_request', `${path}: seed must be the base64 of 32 bytes`);
  const pair = keyPairFromSeed(seed);
  if (toBase64(pair.publicKey) !== parsed.key) throw new TruceError('bad_request', `${path}: key does not match the seed`);
  return { ...pair, member: parsed.member };
}

/** Write a key file atomically (synced, then renamed) with owner-only permissions: it holds a private key. */
export async function writeKeyFile(path: string, member: string, pair: Ed25519KeyPair, fs?: AtomicFs): Promise<void> {
  const text = JSON.stringify({ member, seed: toBase64(pair.seed), key: toBase64(pair.publicKey) }, null, 2) + '\n';
  await writeFileAtomic(path, text, { mode: 0o600, ...(fs ? { fs } : {}) });
}

/** One clear sentence for a key file that cannot be read, whatever the reason the system gives. */
export function unreadableKey(path: string, error: unknown): TruceError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'there is no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied (a key file should belong to the user running truce, mode 0600)'
    : code === 'EISDIR' ? 'it is a folder, not a file'
    : (code ?? (error as Error).message);
  return new TruceError(code === 'ENOENT' ? 'not_found' : 'unavailable', `cannot read key file ${path}: ${why}`);
}
