/**
 * Evidence bytes in a folder, content-addressed: `<root>/<first 2 hex>/<sha256 hex>`.
 *
 * Uploaded evidence is attacker-controlled: any member (or a stolen key) can send any bytes, of any length, slowly or
 * never finishing. So put() streams to a temporary file while hashing (never holding the upload in memory), stops
 * and deletes the temporary file the moment it passes maxBytes, and only an fsynced, complete file is renamed into
 * place, atomically, under the name of its own hash: nobody chooses where bytes land, and a reader never sees half
 * a blob. The hash in get/has/size comes from a URL, so it must be exactly 64 lowercase hex characters before it
 * touches a path (no "../").
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TruceError } from '../domain/errors.js';
import type { BlobStore } from './store.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** @example const { sha256, size } = await new FolderBlobStore('.truce-data/evidence').put(request.body, maxBytes) */
export class FolderBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ sha256: string; size: number }> {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new TruceError('bad_request', 'maxBytes must be a non-negative integer');
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
    const file = await open(tmp, 'wx');
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new TruceError('too_large', `evidence is at most ${maxBytes} bytes`);
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
    } catch (error) {
      // Already failing (too large, or the upload broke off): leave nothing behind, report the first error.
      await file.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
    await file.close();
    const sha256 = hash.digest('hex');
    const dir = join(this.root, sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    // Same name, same bytes: a concurrent put of the same content may rename over this one, harmlessly.
    await rename(tmp, join(dir, sha256));
    await syncDir(dir);
    return { sha256, size };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.size(sha256)) !== null;
  }

  async get(sha256: string): Promise<AsyncIterable<Uint8Array> | null> {
    const path = this.path(sha256);
    if (!path) return null;
    try {
      const file = await open(path, 'r');
      return file.createReadStream(); // closes the file at the end of the stream or on error
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async size(sha256: string): Promise<number | null> {
    const path = this.path(sha256);
    if (!path) return null;
    try {
      return (await stat(path)).size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** The blob's path, or null if sha256 is not a SHA-256 hex digest (an absent blob, not an error). */
  private path(sha256: string): string | null {
    return SHA256_HEX.test(sha256) ? join(this.root, sha256.slice(0, 2), sha256) : null;
  }
}

/**
 * A BlobStore in a folder (created on first put).
 * @example const blobs = openFolderBlobStore('.truce-data/evidence'); await blobs.put(upload, 50 * 1024 * 1024);
 */
export function openFolderBlobStore(root: string): BlobStore {
  return new FolderBlobStore(root);
}

/** fsync a folder, so a rename into it survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
