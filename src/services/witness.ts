import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { TruceError } from '../domain/errors.js';
import { fromBase64, toBase64 } from '../log/encoding.js';
import { openCheckpoint } from '../log/checkpoint-note.js';
import { cosignatureNoteSigner, cosignCheckpoint } from '../log/cosignature.js';
import { noteVerifierFromKey } from '../log/note-ed25519.js';
import { parseVerifierKey } from '../log/note-keys.js';
import { verifyConsistency } from '../log/proof-verify.js';
import { writeFileAtomic } from './atomic-file.js';
import type { MemberKey } from './key-file.js';
import { verifyEd25519Node } from './node-ed25519.js';

/** What a witness remembers between runs: the log it watches and the last checkpoint it cosigned. */
const witnessStateSchema = z.object({ origin: z.string(), vkey: z.string(), size: z.number().int().min(0), root: z.string(), note: z.string() });
export type WitnessState = z.infer<typeof witnessStateSchema>;

export async function readWitnessState(path: string): Promise<WitnessState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const parsed = witnessStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new TruceError('bad_request', `${path} is not a witness state file`);
  return parsed.data;
}

/** The log, as a witness reaches it (HTTP in the CLI; anything in tests). */
export interface WitnessSource {
  info(): Promise<{ origin: string; vkey: string }>;
  checkpoint(): Promise<string>;
  consistency(from: number, to: number): Promise<string[]>;
  submit(size: number, cosignature: string): Promise<unknown>;
}

export interface WitnessStep {
  readonly outcome: 'cosigned' | 'unchanged';
  readonly size: number;
  readonly previous: number;
  readonly answer?: unknown;
}

/**
 * One witness round: fetch the checkpoint, check it is signed by the pinned log key, check it is consistent with the
 * last one this witness cosigned (never smaller, never a different tree of the same size), cosign it (C2SP
 * tlog-cosignature v1, named by the member id), hand the cosignature to the log, and store it atomically.
 * An inconsistency is the one thing a witness exists to catch: it is refused with both checkpoints kept as evidence.
 */
export async function witnessOnce(source: WitnessSource, key: MemberKey, statePath: string, pinnedVkey?: string): Promise<WitnessStep> {
  const state = await readWitnessState(statePath);
  const info = await source.info();
  const vkey = pinnedVkey ?? state?.vkey ?? info.vkey;
  if (info.vkey !== vkey) throw new TruceError('conflict', `the log's key changed: pinned ${vkey}, server now says ${info.vkey}`);
  const parsedKey = parseVerifierKey(vkey);
  const log = noteVerifierFromKey(vkey, verifyEd25519Node);
  if (!parsedKey || !log) throw new TruceError('bad_request', `not an Ed25519 verifier key: ${vkey}`);
  const note = await source.checkpoint();
  const opened = openCheckpoint(note, { origin: parsedKey.name, log });
  if (!opened.ok) throw new TruceError('bad_signature', `the checkpoint does not verify: ${opened.detail}`);
  const { size, rootHash } = opened.checkpoint;
  const previous = state?.size ?? 0;
  if (state) {
    const oldRoot = fromBase64(state.root)!;
    const fork = async (why: string) => {
      await writeFileAtomic(`${statePath}.evidence-${Date.now()}.txt`, `${why}\n\n--- cosigned earlier ---\n${state.note}\n--- served now ---\n${note}`);
      return new TruceError('conflict', `${why}; both checkpoints saved beside ${statePath}`);
    };
    if (size < state.size) throw await fork(`the log shrank from ${state.size} to ${size}`);
    if (size === state.size) {
      if (toBase64(rootHash) !== state.root) throw await fork(`two different trees of size ${size}`);
      return { outcome: 'unchanged', size, previous };
    }
    if (state.size > 0 && !verifyConsistency(state.size, size, (await source.consistency(state.size, size)).map((h) => fromBase64(h) ?? new Uint8Array()), oldRoot, rootHash)) {
      throw await fork(`checkpoint ${size} is not consistent with checkpoint ${state.size}`);
    }
  }
  const signer = cosignatureNoteSigner(key.member, key.publicKey, key.sign);
  const line = await cosignCheckpoint(opened.text, signer);
  const answer = await source.submit(size, line.trim());
  await writeFileAtomic(statePath, JSON.stringify({ origin: parsedKey.name, vkey, size, root: toBase64(rootHash), note }, null, 2) + '\n');
  return { outcome: 'cosigned', size, previous, answer };
}
