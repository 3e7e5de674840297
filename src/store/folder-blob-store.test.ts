import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TruceError } from '../domain/errors.js';
import { openFolderBlobStore } from './folder-blob-store.js';

const root = mkdtempSync(join(tmpdir(), 'truce-blobs-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

async function readAll(stream: AsyncIterable<Uint8Array> | null): Promise<Buffer> {
  assert.ok(stream);
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Every file under dir, relative, excluding folders. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();
}

describe('FolderBlobStore', () => {
  const blobs = openFolderBlobStore(root);

  it('addresses content by SHA-256 (FIPS 180-2 known answers for "abc" and "")', async () => {
    const abc = await blobs.put(chunks('a', 'bc'), 10);
    assert.deepEqual(abc, { sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', size: 3 });
    assert.ok(existsSync(join(root, 'ba', abc.sha256)), 'stored under a 2-character fan-out folder');
    const empty = await blobs.put(chunks(), 10);
    assert.deepEqual(empty, { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 });
    assert.equal((await readAll(await blobs.get(abc.sha256))).toString(), 'abc');
    assert.equal(await blobs.has(abc.sha256), true);
    assert.equal(await blobs.size(abc.sha256), 3);
  });

  it('answers absent (not an error) for unknown or malformed hashes, never touching other paths', async () => {
    const unknown = 'f'.repeat(64);
    for (const hash of [unknown, '../../etc/passwd', 'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD', '']) {
      assert.equal(await blobs.has(hash), false);
      assert.equal(await blobs.get(hash), null);
      assert.equal(await blobs.size(hash), null);
    }
  });

  it('refuses past maxBytes and leaves nothing behind; exactly maxBytes is fine', async () => {
    const before = files(root);
    await assert.rejects(blobs.put(chunks('12345', '678'), 7), (e: unknown) => e instanceof TruceError && e.code === 'too_large');
    assert.deepEqual(files(root), before);
    const exact = await blobs.put(chunks('1234567'), 7);
    assert.equal(exact.size, 7);
  });

  it('leaves nothing behind when the upload breaks off', async () => {
    const before = files(root);
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1000);
      throw new Error('connection reset');
    }
    await assert.rejects(blobs.put(broken(), 1 << 20), /connection reset/);
    assert.deepEqual(files(root), before);
  });

  it('takes concurrent puts of the same content: one file, the same answer', async () => {
    const content = new Uint8Array(3 << 20).map((_, i) => (i * 31) & 0xff);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const split = (): AsyncGenerator<Uint8Array> => chunks(...Array.from({ length: 48 }, (_, i) => content.subarray(i << 16, (i + 1) << 16)));
    const results = await Promise.all(Array.from({ length: 8 }, () => blobs.put(split(), 4 << 20)));
    assert.ok(results.every((r) => r.sha256 === sha256 && r.size === content.length));
    assert.deepEqual(files(root).filter((f) => f.includes(sha256)), [join(sha256.slice(0, 2), sha256)]);
    assert.deepEqual(files(join(root, 'tmp')), []);
    assert.ok((await readAll(await blobs.get(sha256))).equals(content));
  });

  it('refuses a nonsensical maxBytes', async () => {
    await assert.rejects(blobs.put(chunks('x'), -1), (e: unknown) => e instanceof TruceError && e.code === 'bad_request');
  });
});
