import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { signCheckpoint } from './checkpoint-note.js';
import { cosignCheckpoint, cosignatureNoteSigner, cosignatureNoteVerifier } from './cosignature.js';
import { publicKeyFromSeed, signEd25519 } from './ed25519.js';
import { toBase64, utf8 } from './encoding.js';
import { hashLeaf } from './hash.js';
import { MerkleTree } from './merkle-tree.js';
import { ed25519NoteSigner, ed25519NoteVerifier } from './note-ed25519.js';
import { type Receipt, formatReceipt, parseReceipt, verifyReceipt } from './receipt.js';

// The example proof of c2sp.org/tlog-proof (its signatures are elided with "[...]", so only the layout is used).
const SPEC_EXAMPLE = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

example.com/fancylog
109482
sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

— example.com/fancylog hI2DJw[...]1roloI=
`;

// Builders: a log of 37 statements with a signed, once-cosigned checkpoint.
const ORIGIN = 'truce/test';
const seedOf = (n: number) => new Uint8Array(32).fill(n);
const LOG_PUB = publicKeyFromSeed(seedOf(1));
const W_PUB = publicKeyFromSeed(seedOf(2));
const log = ed25519NoteVerifier(ORIGIN, LOG_PUB);
const witness = cosignatureNoteVerifier('w1', W_PUB);
const entries = Array.from({ length: 37 }, (_, i) => utf8(`{"n":${i}}`));
const tree = MerkleTree.fromLeafHashes(entries.map(hashLeaf));

async function signedCheckpoint(): Promise<string> {
  const note = await signCheckpoint({ origin: ORIGIN, size: 37, rootHash: tree.root(), extensions: [] }, [
    ed25519NoteSigner(ORIGIN, LOG_PUB, (m) => signEd25519(seedOf(1), m)),
  ]);
  const text = note.slice(0, note.lastIndexOf('\n\n') + 1);
  return note + (await cosignCheckpoint(text, cosignatureNoteSigner('w1', W_PUB, (m) => signEd25519(seedOf(2), m), () => 1700000000)));
}

describe('receipts (c2sp.org/tlog-proof@v1)', () => {
  it('parses the spec example', () => {
    const r = parseReceipt(SPEC_EXAMPLE);
    assert.ok(r);
    assert.equal(r.index, 73894);
    assert.equal(r.proof.length, 5);
    assert.equal(toBase64(r.proof[0]!), 'gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=');
    assert.ok(new TextDecoder().decode(r.extra).startsWith('age-v1.2.1-darwin-arm64.tar.gz'));
    assert.ok(r.checkpoint.startsWith('example.com/fancylog\n109482\n'));
    assert.equal(formatReceipt(r), SPEC_EXAMPLE);
  });

  it('round-trips receipts with and without extra data and proof hashes', () => {
    const receipt = fc.record({
      index: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      proof: fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 64 }),
      checkpoint: fc.constant('o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— o AAAAAAA=\n'),
      extra: fc.option(fc.uint8Array({ minLength: 1, maxLength: 50 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(receipt, (r) => {
        const plain: Receipt = r.extra === undefined ? { index: r.index, proof: r.proof, checkpoint: r.checkpoint } : { ...r };
        assert.deepEqual(parseReceipt(formatReceipt(plain)), plain);
      }),
      { numRuns: 50 },
    );
  });

  it('verifies an entry offline against the log key and a witness quorum', async () => {
    const checkpoint = await signedCheckpoint();
    const text = formatReceipt({ index: 11, proof: tree.inclusionProof(11, 37), checkpoint });
    const ok = verifyReceipt(text, entries[11]!, { origin: ORIGIN, log, witnesses: [witness], quorum: 1 });
    assert.ok(ok.ok, ok.ok ? '' : ok.detail);
    assert.equal(ok.index, 11);
    assert.equal(ok.checkpoint.size, 37);
    assert.deepEqual(ok.witnessedBy, [witness]);
    const reason = (r: ReturnType<typeof verifyReceipt>) => (r.ok ? 'ok' : r.reason);
    assert.equal(reason(verifyReceipt(text, entries[12]!, { origin: ORIGIN, log })), 'not-included');
    const shifted = formatReceipt({ index: 12, proof: tree.inclusionProof(11, 37), checkpoint });
    assert.equal(reason(verifyReceipt(shifted, entries[11]!, { origin: ORIGIN, log })), 'not-included');
    const stranger = ed25519NoteVerifier(ORIGIN, publicKeyFromSeed(seedOf(9)));
    assert.equal(reason(verifyReceipt(text, entries[11]!, { origin: ORIGIN, log: stranger })), 'not-signed-by-log');
    assert.equal(reason(verifyReceipt(text, entries[11]!, { origin: ORIGIN, log, witnesses: [witness], quorum: 2 })), 'no-quorum');
    assert.equal(reason(verifyReceipt(text.replace('\n37\n', '\n38\n'), entries[11]!, { origin: ORIGIN, log })), 'invalid-signature');
    assert.equal(reason(verifyReceipt('nonsense', entries[11]!, { origin: ORIGIN, log })), 'malformed-receipt');
  });

  it('rejects malformed receipt files', () => {
    const good = formatReceipt({ index: 5, proof: [new Uint8Array(32)], checkpoint: 'o\n1\nx\n' });
    assert.ok(parseReceipt(good));
    const bad = [
      good.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      good.replace('index 5', 'index 05'),
      good.replace('index 5', 'index -5'),
      good.replace('index 5', 'index  5'),
      good.replace('index 5', 'index 9007199254740992'),
      good.replace('index 5\n', ''),
      good.replace('index 5', 'extra AQID\nindex 5').replace('extra AQID\nindex 5', 'index 5\nextra AQID'),
      good.replace('c2sp.org/tlog-proof@v1\n', 'c2sp.org/tlog-proof@v1\nextra \n'),
      good.replace('c2sp.org/tlog-proof@v1\n', 'c2sp.org/tlog-proof@v1\nextra AQI\n'),
      good.replace('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'AAAA'),
      good.replace('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      good.replace('\n\n', '\n'),
      good.slice(0, good.indexOf('\n\n') + 2),
      good.replace('index 5\n', `index 5\n${'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n'.repeat(64)}`),
      '',
    ];
    for (const text of bad) assert.equal(parseReceipt(text), null, JSON.stringify(text));
  });
});
