// Tiles leave the server byte for byte as stored, with no Content-Encoding, whatever their first bytes: the
// compression plugin sends a body that begins like a zlib header raw under the encoding it negotiated, which a
// browser cannot decode. About one hash tile in a thousand begins so; here the log's first leaf hash is made to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './helpers/server.js';
import { member, post, signed } from './helpers/members.js';
import { rawGet } from './helpers/http.js';
import { hashLeaf } from '../../src/log/hash.js';
import { encodeEntryBundle } from '../../src/log/tiles.js';

/** What zlib takes for its header (RFC 1950): CM 8, CINFO at most 7, and the two bytes a multiple of 31. */
const looksLikeZlib = (b: Uint8Array) => (b[0]! & 0x0f) === 8 && b[0]! < 0x80 && ((b[0]! << 8) | b[1]!) % 31 === 0;

test('a hash tile that begins like a zlib header is served as stored, not under a Content-Encoding', async () => {
  const operator = member('secretariat');
  // The genesis whose leaf hash begins like a zlib header (one name in ~1,000).
  let genesis: Uint8Array | null = null;
  for (let n = 0; genesis === null; n++) {
    const bytes = await signed(operator, 'member.admit', { member: operator.id, name: `Secretariat ${n}`, role: 'operator', key: operator.key, mechanism: 'tiles' });
    if (looksLikeZlib(hashLeaf(bytes))) genesis = bytes;
  }
  const server = await startServer({ checkpointIntervalMs: 50 });
  try {
    assert.equal((await post(server.url, genesis)).status, 201);
    // 32 entries: the hash tile (1 KiB) reaches the size from which answers are compressed.
    const entries = [genesis];
    for (let i = 1; i < 32; i++) {
      const bytes = await signed(operator, 'key.add', { key: member(`k${i}`).key });
      assert.equal((await post(server.url, bytes)).status, 201);
      entries.push(bytes);
    }
    await server.mechanism.publishCheckpoint();
    const hashes = Buffer.concat(entries.map(hashLeaf));
    for (const [path, stored] of [['/tile/0/000.p/32', hashes], ['/tile/entries/000.p/32', encodeEntryBundle(entries)]] as const) {
      for (const accept of ['br, gzip, deflate', 'gzip', 'identity']) {
        const r = await rawGet(server.url + path, accept);
        assert.equal(r.status, 200, `${path} (${accept})`);
        assert.equal(r.headers['content-encoding'], undefined, `${path} (${accept}) is not content-encoded`);
        assert.deepEqual(new Uint8Array(r.body), new Uint8Array(stored), `${path} (${accept}) holds the stored bytes`);
      }
    }
    // What a browser does with it: fetch decodes by the header, so a false one would fail here.
    assert.deepEqual(new Uint8Array(await (await fetch(`${server.url}/tile/0/000.p/32`)).arrayBuffer()), new Uint8Array(hashes));
  } finally {
    await server.close();
  }
});
