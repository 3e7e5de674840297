import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import * as tar from 'tar';
import { TruceError } from '../domain/errors.js';
import { createState } from '../domain/state.js';
import { listEvidence } from '../domain/records/evidence.js';
import { MerkleTree } from '../log/merkle-tree.js';
import { toBase64 } from '../log/encoding.js';
import type { Store } from '../store/store.js';
import { openStore } from '../store/open-store.js';
import { FolderBlobStore } from '../store/folder-blob-store.js';
import { syncFile, writeFileAtomic } from './atomic-file.js';
import { BACKUP_FORMAT, FILES, type Manifest } from './backup-format.js';
import { JsonlWriter } from './jsonl-file.js';
import { readLogVerifierKey } from './log-key.js';
import { checkEntry } from '../domain/entry-check.js';
import { DEMO_LABEL_META } from './demo-loader.js';

const CHUNK = 5000;
const PAGE = 500;

export interface BackupOptions {
  readonly dataDir: string;
  readonly db?: string;
  /** A folder (created, must be empty) or a file ending in .tar.gz or .tgz. */
  readonly out: string;
  readonly onProgress?: (message: string) => void;
}

export const isTarball = (path: string): boolean => /\.(tar\.gz|tgz)$/.test(path);

/**
 * `truce backup`: the log, its checkpoints and cosignatures, the review queue, the evidence bytes and the public keys,
 * read through the Store interface (PGlite or PostgreSQL alike) as of the log's size when the backup began.
 * @example await backupMechanism({ dataDir: '.truce-data', out: 'truce-2026-12-04.tar.gz' })
 */
export async function backupMechanism(options: BackupOptions): Promise<Manifest> {
  const folder = isTarball(options.out) ? await mkdtemp(join(dirname(options.out), `.${basename(options.out)}-`)) : options.out;
  if (!isTarball(options.out)) await emptyFolder(folder);
  const store = await openStore({ dataDir: options.dataDir, ...(options.db ? { db: options.db } : {}) });
  try {
    const manifest = await writeBackup(store, options, folder);
    if (isTarball(options.out)) {
      await tar.create({ gzip: true, file: options.out, cwd: folder, portable: true }, await readdir(folder));
      await syncFile(options.out);
    }
    return manifest;
  } finally {
    await store.close();
    if (isTarball(options.out)) await rm(folder, { recursive: true, force: true });
  }
}

async function emptyFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).length > 0) throw new TruceError('conflict', `${folder} is not empty; back up into a new folder`);
}

async function writeBackup(store: Store, options: BackupOptions, folder: string): Promise<Manifest> {
  const progress = options.onProgress ?? (() => undefined);
  const size = await store.logSize();
  const state = createState();
  const tree = new MerkleTree();
  const entries = await JsonlWriter.create(join(folder, FILES.entries));
  try {
    for (let start = 0; start < size; start += CHUNK) {
      const chunk = await store.entries(start, Math.min(size, start + CHUNK));
      for (const e of chunk) {
        const replayed = checkEntry(state, e.bytes, e.index);
        if (!replayed.ok) throw new TruceError('internal', `the stored log does not replay: ${replayed.detail}`);
        tree.append(e.leafHash);
      }
      await entries.write(chunk.map((e) => ({ index: e.index, statement: new TextDecoder().decode(e.bytes), arrivedAt: e.arrivedAt ?? null })));
      progress(`log: ${Math.min(size, start + CHUNK)} of ${size} entries`);
    }
  } finally {
    await entries.close();
  }
  const checkpoints = await writeCheckpoints(store, size, folder);
  const candidates = await writeCandidates(store, folder);
  const evidence = await copyEvidence(new FolderBlobStore(join(options.dataDir, 'evidence')), listEvidence(state).map((e) => e.sha256), folder);
  progress(`evidence: ${evidence.copied.length} items`);
  const vkey = await readLogVerifierKey(options.dataDir);
  const members = [...state.members.values()].map((m) => ({
    member: m.id,
    role: m.role,
    keys: [...state.keys.values()].filter((k) => k.member === m.id).map((k) => ({ key: k.key, revoked: k.revoked })),
  }));
  await writeFileAtomic(join(folder, FILES.keys), JSON.stringify({ log: vkey, members }, null, 2) + '\n', { mode: 0o644 });
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    origin: state.mechanism ? `truce/${state.mechanism}` : null,
    vkey,
    size,
    root: size > 0 ? toBase64(tree.root(size)) : null,
    checkpoints,
    candidates,
    evidence: evidence.copied,
    evidenceWithoutBytes: evidence.missing,
    demoLabel: await store.getMeta(DEMO_LABEL_META),
  };
  // The manifest last: a folder without one is an unfinished backup.
  await writeFileAtomic(join(folder, FILES.manifest), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o644 });
  return manifest;
}

async function writeCheckpoints(store: Store, size: number, folder: string): Promise<number> {
  const out = await JsonlWriter.create(join(folder, FILES.checkpoints));
  let count = 0;
  try {
    // Newest first in pages; only those the backed-up log reaches (a live server may sign more meanwhile).
    for (let before: number | undefined = size + 1; ; ) {
      const page = await store.listCheckpoints(PAGE, before);
      if (page.length === 0) break;
      const lines = await Promise.all(
        page.map(async (c) => ({
          size: c.size,
          root: toBase64(c.rootHash),
          note: c.note,
          createdAt: c.createdAt,
          cosignatures: (await store.cosignatures(c.size)).map((s) => ({ witness: s.witness, keyId: s.keyId, line: s.line, receivedAt: s.receivedAt })),
        })),
      );
      await out.write(lines);
      count += lines.length;
      before = page[page.length - 1]!.size;
    }
  } finally {
    await out.close();
  }
  return count;
}

async function writeCandidates(store: Store, folder: string): Promise<number> {
  const out = await JsonlWriter.create(join(folder, FILES.candidates));
  let count = 0;
  try {
    for (let cursor: string | undefined; ; ) {
      const page = await store.listCandidates({ limit: PAGE, ...(cursor ? { cursor } : {}) });
      await out.write(page.items);
      count += page.items.length;
      if (!page.next) break;
      cursor = page.next;
    }
  } finally {
    await out.close();
  }
  return count;
}

async function copyEvidence(blobs: FolderBlobStore, hashes: readonly string[], folder: string) {
  const dir = join(folder, FILES.evidence);
  await mkdir(dir, { recursive: true });
  const copied: { sha256: string; size: number }[] = [];
  const missing: string[] = [];
  for (const sha256 of hashes) {
    const bytes = await blobs.get(sha256);
    if (!bytes) {
      missing.push(sha256);
      continue;
    }
    await pipeline(Readable.from(bytes), createWriteStream(join(dir, sha256), { flags: 'wx', mode: 0o600 }));
    await syncFile(join(dir, sha256));
    copied.push({ sha256, size: (await stat(join(dir, sha256))).size });
  }
  return { copied, missing };
}

