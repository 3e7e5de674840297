import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { fromBase64, toBase64 } from '../domain/encoding.js';
import { TruceError } from '../domain/errors.js';
import { type Ed25519KeyPair, keyPairFromSeed } from './node-ed25519.js';

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
    throw new TruceError('not_found', `cannot read key file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
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

/** Write a key file atomically with owner-only permissions. */
export async function writeKeyFile(path: string, member: string, pair: Ed25519KeyPair): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const text = JSON.stringify({ member, seed: toBase64(pair.seed), key: toBase64(pair.publicKey) }, null, 2) + '\n';
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}
