import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar';
import { TruceError } from '../domain/errors.js';
import { fromHex } from '../domain/encoding.js';
import { createState } from '../domain/state.js';
import { openCheckpoint } from '../log/checkpoint-note.js';
import { bytesEqual, fromBase64 } from '../log/encoding.js';
import { MerkleTree } from '../log/merkle-tree.js';
import { noteVerifierFromKey } from '../log/note-ed25519.js';
import type { CandidateRow, Store, StoredCheckpoint, StoredEntry } from '../store/store.js';
import { openStore } from '../store/open-store.js';
import { FolderBlobStore } from '../store/folder-blob-store.js';
import { writeFileAtomic } from './atomic-file.js';
import { FILES, type Manifest, candidateLineSchema, checkpointLineSchema, entryLineSchema, manifestSchema } from './backup-format.js';
import { isTarball } from './backup.js';
import { readJsonl } from './jsonl-file.js';
import { LOG_KEY_FILE, verifierKeyOf } from './log-key.js';
import { verifyEd25519Node } from './node-ed25519.js';
import { checkEntry } from '../domain/entry-check.js';
import { DEMO_LABEL_META } from './demo-loader.js';
import { EVIDENCE_MAX_BYTES } from './evidence.js';

const BATCH = 1000;

export interface RestoreOptions {
  /** A backup folder or .tar.gz from `truce backup`. */
  readonly from: string;
  readonly dataDir: string;
  readonly db?: string;
  /** The log's signing key (kept apart from backups); must match the backup's verifier key. */
  readonly logKey?: string;
  readonly onProgress?: (message: string) => void;
}

export interface Restored {
  readonly manifest: Manifest;
  /** False when no log key was given: `truce serve` refuses until DIR/log.key holds it. */
  readonly logKeyRestored: boolean;
}

/**
 * `truce restore`: check a backup whole (every signature, the tree against every signed checkpoint), then write it
 * into a FRESH store, PGlite or PostgreSQL, whichever the backup came from. The projections are rebuilt from the
 * log when the mechanism opens, as at every start. Backup content is untrusted: nothing is written until it checks.
 */
export async function restoreMechanism(options: RestoreOptions): Promise<Restored> {
  const folder = isTarball(options.from) ? await extract(options.from) : options.from;
  try {
    const manifest = await readManifest(folder);
    const keyText = options.logKey ? await readLogKeyFor(options.logKey, manifest) : null;
    const entries = await checkLog(folder, manifest);
    const checkpoints = await checkCheckpoints(folder, manifest, entries.tree);
    options.onProgress?.(`checked ${manifest.size} entries and ${checkpoints.length} checkpoints`);
    // Evidence first: blobs no store registers are harmless, and a bad one stops the restore before any row is written.
    await restoreEvidence(folder, manifest, new FolderBlobStore(join(options.dataDir, 'evidence')));
    const store = await openStore({ dataDir: options.dataDir, ...(options.db ? { db: options.db } : {}) });
    try {
      if ((await store.logSize()) > 0 || (await store.latestCheckpoint()) !== null) {
        throw new TruceError('conflict', 'the target store is not empty: restore into a fresh data folder or database');
      }
      for (let i = 0; i < entries.rows.length; i += BATCH) await store.appendBatch({ entries: entries.rows.slice(i, i + BATCH), incidents: [] });
      await restoreCheckpoints(store, checkpoints);
      await restoreCandidates(store, folder);
      if (manifest.demoLabel !== null) await store.setMeta(DEMO_LABEL_META, manifest.demoLabel);
    } finally {
      await store.close();
    }
    if (keyText !== null) await writeFileAtomic(join(options.dataDir, LOG_KEY_FILE), keyText + '\n', { mode: 0o600 });
    return { manifest, logKeyRestored: keyText !== null };
  } finally {
    if (folder !== options.from) await rm(folder, { recursive: true, force: true });
  }
}

async function extract(file: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'truce-restore-'));
  // Only the backup's own file names, no links: a tarball is input like any other.
  await tar.extract({ file, cwd: folder, strict: true, filter: (path, entry) => /^(\.\/)?[\w.-]+(\/[0-9a-f]{64})?\/?$/.test(path) && 'type' in entry && (entry.type === 'File' || entry.type === 'Directory') });
  return folder;
}

async function readManifest(folder: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(folder, FILES.manifest), 'utf8');
  } catch {
    throw new TruceError('bad_request', `${folder} holds no ${FILES.manifest}: not a finished Truce backup`);
  }
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new TruceError('bad_request', `${FILES.manifest} is not a ${'truce-backup/1'} manifest: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

async function readLogKeyFor(path: string, manifest: Manifest): Promise<string> {
  const text = (await readFile(path, 'utf8').catch((e: Error) => {
    throw new TruceError('not_found', `cannot read the log key ${path}: ${e.message}`);
  })).trim();
  if (verifierKeyOf(text, path) !== manifest.vkey) throw new TruceError('conflict', `${path} is not the key this log signed with (${manifest.vkey ?? 'the backup names none'})`);
  return text;
}

/** Every entry re-applied with its signature checked, exactly as `truce verify` does, and the tree rebuilt. */
async function checkLog(folder: string, manifest: Manifest) {
  const state = createState();
  const tree = new MerkleTree();
  const rows: StoredEntry[] = [];
  for await (const { line, value } of readJsonl(join(folder, FILES.entries))) {
    const parsed = entryLineSchema.safeParse(value);
    if (!parsed.success || parsed.data.index !== rows.length) throw new TruceError('bad_request', `${FILES.entries} line ${line}: not entry ${rows.length}`);
    const bytes = new TextEncoder().encode(parsed.data.statement);
    const replayed = checkEntry(state, bytes, rows.length, verifyEd25519Node);
    if (!replayed.ok) throw new TruceError('bad_request', `${FILES.entries} line ${line}: ${replayed.detail}`);
    const { statement, id } = replayed.value;
    const leafHash = fromHex(id)!;
    tree.append(leafHash);
    rows.push({ index: rows.length, id, leafHash, bytes, type: statement.type, by: statement.by, at: statement.at, arrivedAt: parsed.data.arrivedAt });
  }
  if (rows.length !== manifest.size) throw new TruceError('bad_request', `the backup holds ${rows.length} entries, its manifest says ${manifest.size}`);
  if (manifest.root !== null && !bytesEqual(tree.root(rows.length), fromBase64(manifest.root) ?? new Uint8Array())) {
    throw new TruceError('bad_request', 'the entries do not make the root the manifest records');
  }
  return { rows, tree };
}

/** Each checkpoint must carry the log's signature and the root the restored entries make at its size. */
async function checkCheckpoints(folder: string, manifest: Manifest, tree: MerkleTree) {
  const log = manifest.vkey ? noteVerifierFromKey(manifest.vkey, verifyEd25519Node) : null;
  const out: { checkpoint: StoredCheckpoint; cosignatures: { witness: string; keyId: string; line: string; receivedAt: string }[] }[] = [];
  for await (const { line, value } of readJsonl(join(folder, FILES.checkpoints))) {
    const parsed = checkpointLineSchema.safeParse(value);
    const where = `${FILES.checkpoints} line ${line}`;
    if (!parsed.success) throw new TruceError('bad_request', `${where}: not a checkpoint`);
    const c = parsed.data;
    const rootHash = fromBase64(c.root);
    if (!rootHash || c.size > tree.size || !bytesEqual(tree.root(c.size), rootHash)) throw new TruceError('bad_request', `${where}: the entries do not make this checkpoint's root at size ${c.size}`);
    if (log && manifest.origin) {
      const opened = openCheckpoint(c.note, { origin: manifest.origin, log });
      if (!opened.ok || opened.checkpoint.size !== c.size || !bytesEqual(opened.checkpoint.rootHash, rootHash)) throw new TruceError('bad_request', `${where}: not signed by ${manifest.vkey}`);
    }
    out.push({ checkpoint: { size: c.size, rootHash, note: c.note, createdAt: c.createdAt }, cosignatures: c.cosignatures });
  }
  if (out.length !== manifest.checkpoints) throw new TruceError('bad_request', `the backup holds ${out.length} checkpoints, its manifest says ${manifest.checkpoints}`);
  return out.sort((a, b) => a.checkpoint.size - b.checkpoint.size);
}

async function restoreCheckpoints(store: Store, checkpoints: Awaited<ReturnType<typeof checkCheckpoints>>): Promise<void> {
  for (const { checkpoint, cosignatures } of checkpoints) {
    await store.saveCheckpoint(checkpoint);
    for (const s of cosignatures) await store.addCosignature({ size: checkpoint.size, ...s });
  }
}

async function restoreCandidates(store: Store, folder: string): Promise<void> {
  let rows: CandidateRow[] = [];
  for await (const { line, value } of readJsonl(join(folder, FILES.candidates))) {
    const parsed = candidateLineSchema.safeParse(value);
    if (!parsed.success) throw new TruceError('bad_request', `${FILES.candidates} line ${line}: not a candidate`);
    rows.push(parsed.data as CandidateRow);
    if (rows.length >= BATCH) {
      await store.saveCandidates(rows);
      rows = [];
    }
  }
  if (rows.length > 0) await store.saveCandidates(rows);
}

/** Bytes go back under the hash they make, checked against the name they came with. */
async function restoreEvidence(folder: string, manifest: Manifest, blobs: FolderBlobStore): Promise<void> {
  for (const item of manifest.evidence) {
    const path = join(folder, FILES.evidence, item.sha256);
    if ((await stat(path)).size > EVIDENCE_MAX_BYTES) throw new TruceError('too_large', `evidence ${item.sha256} is larger than an upload may be`);
    const put = await blobs.put(createReadStream(path), EVIDENCE_MAX_BYTES);
    if (put.sha256 !== item.sha256) throw new TruceError('bad_request', `evidence/${item.sha256} holds bytes that hash to ${put.sha256}`);
  }
}
