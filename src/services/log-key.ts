import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TruceError } from '../domain/errors.js';
import { formatSignerKey, formatVerifierKey, KEY_TYPE_ED25519, parseSignerKey } from '../log/note-keys.js';
import { ed25519NoteSigner } from '../log/note-ed25519.js';
import type { NoteSigner } from '../log/signed-note.js';
import { generateKeyPair, keyPairFromSeed } from './node-ed25519.js';
import { type AtomicFs, writeFileAtomic } from './atomic-file.js';
import { unreadableKey } from './key-file.js';

/** The log's own checkpoint key: it signs tree heads, never statements (members sign those with their own keys). */
export interface LogKey {
  readonly origin: string;
  /** C2SP verifier key, as GET /v1/log answers it. */
  readonly vkey: string;
  readonly signer: NoteSigner;
}

export const LOG_KEY_FILE = 'log.key';

/** The origin line of a mechanism's checkpoints. */
export function originFor(mechanism: string): string {
  return `truce/${mechanism}`;
}

/**
 * Load the checkpoint key from DIR/log.key (a C2SP "PRIVATE+KEY+..." signer key), creating it on first use.
 * A key for another origin is refused: a data folder serves one mechanism.
 */
export async function loadOrCreateLogKey(dataDir: string, origin: string, options: { fs?: AtomicFs; mayCreate?: boolean } = {}): Promise<LogKey> {
  const { fs, mayCreate = true } = options;
  const path = join(dataDir, LOG_KEY_FILE);
  let text: string | null = null;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadableKey(path, e);
  }
  if (text === null && !mayCreate) {
    throw new TruceError('not_found', `${path} is missing, but this store holds checkpoints signed with the log's key: put that key back (truce restore --log-key, docs/OPERATIONS.md); a new key would sign as another log`);
  }
  if (text === null) {
    const pair = generateKeyPair();
    text = formatSignerKey(origin, KEY_TYPE_ED25519, pair.seed);
    await writeFileAtomic(path, text + '\n', { mode: 0o600, ...(fs ? { fs } : {}) });
  }
  const parsed = parseSignerKey(text);
  if (!parsed) throw new TruceError('internal', `${path} is not a valid C2SP signer key`);
  if (parsed.name !== origin) throw new TruceError('conflict', `${path} signs for ${parsed.name}, but this log is ${origin}`);
  const pair = keyPairFromSeed(parsed.seed);
  return {
    origin,
    vkey: formatVerifierKey(origin, KEY_TYPE_ED25519, pair.publicKey),
    signer: ed25519NoteSigner(origin, pair.publicKey, pair.sign),
  };
}

/** The verifier key of DIR/log.key, or null when there is none (a backup records it; it never copies the key). */
export async function readLogVerifierKey(dataDir: string): Promise<string | null> {
  const path = join(dataDir, LOG_KEY_FILE);
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadableKey(path, e);
  }
  return verifierKeyOf(text, path);
}

/** The C2SP verifier key of a signer key's text; a clear error when the text is no signer key. */
export function verifierKeyOf(signerKey: string, path: string): string {
  const parsed = parseSignerKey(signerKey.trim());
  if (!parsed) throw new TruceError('bad_request', `${path} is not a valid C2SP signer key`);
  return formatVerifierKey(parsed.name, KEY_TYPE_ED25519, keyPairFromSeed(parsed.seed).publicKey);
}
