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

/**
 * What stops a witness for good, raised by its own checks (never by the network or the server's answers): a split
 * view (fork, shrink, changed log key), a checkpoint not signed by the log, or no confirmed checkpoint to start from.
 */
export class WitnessHalt extends TruceError {}

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
  let parsed;
  try {
    parsed = witnessStateSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  // A damaged state is a lost state: say so, and trust nothing until the operator confirms a checkpoint.
  if (!parsed?.success) throw new WitnessHalt('bad_request', `${path} is not a witness state file (damaged?): move it aside and confirm a checkpoint with --trust-checkpoint`);
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

export interface WitnessOptions {
  /** Pin the log's verifier key (default: the one stored, else the one served). */
  readonly vkey?: string;
  /**
   * A checkpoint the witness's operator confirmed (compared with the other parties): its signed note, or its root hash
   * (base64 or hex). Needed when the witness holds no state (first run, or state lost); ignored otherwise.
   */
  readonly trust?: string;
}

/** The checkpoint a witness checks the served one against: its own last cosigned, or the one its operator confirmed. */
interface Anchor {
  readonly size: number;
  readonly root: string;
  readonly note: string;
}

/**
 * One witness round: fetch the checkpoint, check it is signed by the pinned log key, check it is consistent with the
 * last one this witness cosigned (never smaller, never a different tree of the same size), cosign it (C2SP
 * tlog-cosignature v1, named by the member id), hand the cosignature to the log, and store it atomically.
 * An inconsistency is the one thing a witness exists to catch: it is refused (code `conflict`) with both signed
 * notes kept as files beside the state. A witness without state trusts nothing it is shown: it cosigns only once its
 * operator confirms a checkpoint (`options.trust`), and only checkpoints consistent with that one.
 */
export async function witnessOnce(source: WitnessSource, key: MemberKey, statePath: string, options: WitnessOptions = {}): Promise<WitnessStep> {
  const state = await readWitnessState(statePath);
  const info = await source.info();
  const vkey = options.vkey ?? state?.vkey ?? info.vkey;
  if (info.vkey !== vkey) throw new WitnessHalt('conflict', `the log's key changed: pinned ${vkey}, server now says ${info.vkey}`);
  const parsedKey = parseVerifierKey(vkey);
  const log = noteVerifierFromKey(vkey, verifyEd25519Node);
  if (!parsedKey || !log) throw new WitnessHalt('bad_request', `not an Ed25519 verifier key: ${vkey}`);
  const note = await source.checkpoint();
  const opened = openCheckpoint(note, { origin: parsedKey.name, log });
  if (!opened.ok) throw new WitnessHalt('bad_signature', `the checkpoint does not verify under the log's key: ${opened.detail}`);
  const { size, rootHash } = opened.checkpoint;
  const root = toBase64(rootHash);
  const anchor: Anchor = state ?? trustedAnchor(options.trust, { size, root, note }, statePath, (text) => openCheckpoint(text, { origin: parsedKey.name, log }));
  const fork = async (why: string) => {
    const base = `${statePath}.fork-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await writeFileAtomic(`${base}.earlier.note`, anchor.note);
    await writeFileAtomic(`${base}.served.note`, note);
    return new WitnessHalt('conflict', `SPLIT VIEW: ${why}. Both signed checkpoints are kept as evidence: ${base}.earlier.note and ${base}.served.note`);
  };
  if (size < anchor.size) throw await fork(`the log shrank from ${anchor.size} to ${size}`);
  if (size === anchor.size && root !== anchor.root) throw await fork(`two different trees of size ${size}`);
  if (size === anchor.size && state) return { outcome: 'unchanged', size, previous: state.size };
  if (size > anchor.size && anchor.size > 0) {
    const proof = (await source.consistency(anchor.size, size)).map((h) => fromBase64(h) ?? new Uint8Array());
    if (!verifyConsistency(anchor.size, size, proof, fromBase64(anchor.root)!, rootHash)) throw await fork(`checkpoint ${size} is not consistent with checkpoint ${anchor.size}`);
  }
  const signer = cosignatureNoteSigner(key.member, key.publicKey, key.sign);
  const line = await cosignCheckpoint(opened.text, signer);
  const answer = await source.submit(size, line.trim());
  await writeFileAtomic(statePath, JSON.stringify({ origin: parsedKey.name, vkey, size, root, note }, null, 2) + '\n');
  return { outcome: 'cosigned', size, previous: state?.size ?? 0, answer };
}

/**
 * The anchor of a witness with no state: the checkpoint its operator confirmed, never the first one served.
 * A root hash must be the served checkpoint's; a signed note must verify under the log's key.
 */
function trustedAnchor(trust: string | undefined, served: Anchor, statePath: string, open: (text: string) => ReturnType<typeof openCheckpoint>): Anchor {
  if (trust === undefined) {
    throw new WitnessHalt(
      'invalid_state',
      `no witness state at ${statePath}: this witness has no record of the log (first run, or its state was lost), so it cosigns nothing it is shown. ` +
        `The log now serves size ${served.size}, root ${served.root}. Compare that with the other parties, then run again with --trust-checkpoint <that checkpoint's note file, or its root hash>`,
    );
  }
  if (trust.includes('\n')) {
    const opened = open(trust);
    if (!opened.ok) throw new WitnessHalt('bad_request', `the checkpoint given to trust does not verify under the log's key: ${opened.detail}`);
    return { size: opened.checkpoint.size, root: toBase64(opened.checkpoint.rootHash), note: trust };
  }
  const hex = /^[0-9a-f]{64}$/i.test(trust.trim()) ? Buffer.from(trust.trim(), 'hex') : null;
  const root = hex ? toBase64(hex) : trust.trim();
  if (root !== served.root) {
    throw new WitnessHalt('invalid_state', `the log now serves size ${served.size} with root ${served.root}, not the root you confirmed (${trust}); if it grew since you compared, pass the confirmed checkpoint's note file instead`);
  }
  return served;
}
