import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as log from './index.js';

// One pass through the public API, the way the server, a witness and an auditor use it together.
describe('the log module, end to end through index.ts', () => {
  it('appends, publishes, cosigns, serves tiles, issues a receipt, and audits', async () => {
    const origin = 'truce/demo';
    const logSeed = new Uint8Array(32).fill(1);
    const witnessSeed = new Uint8Array(32).fill(2);
    const logSkey = log.formatSignerKey(origin, log.KEY_TYPE_ED25519, logSeed);
    const logVkey = log.formatVerifierKey(origin, log.KEY_TYPE_ED25519, log.publicKeyFromSeed(logSeed));
    const witnessVkey = log.formatVerifierKey('witness/pk', log.KEY_TYPE_COSIGNATURE, log.publicKeyFromSeed(witnessSeed));
    const witnessSkey = log.formatSignerKey('witness/pk', log.KEY_TYPE_COSIGNATURE, witnessSeed);

    // The server appends statements and publishes checkpoints.
    const entries = Array.from({ length: 700 }, (_, i) => log.utf8(JSON.stringify({ v: 1, type: 'report.file', n: i })));
    const tree = new log.MerkleTree();
    const old = { origin, size: 300, rootHash: new Uint8Array(), extensions: [] };
    entries.slice(0, 300).forEach((e) => tree.append(log.hashLeaf(e)));
    const stored = { ...old, rootHash: tree.root() };
    tree.appendMany(entries.slice(300).map(log.hashLeaf));
    const note = await log.signCheckpoint({ origin, size: tree.size, rootHash: tree.root(), extensions: [] }, [log.noteSignerFromKey(logSkey)!]);

    // A witness checks consistency from what it stored, then cosigns.
    const policy = { origin, log: log.noteVerifierFromKey(logVkey)! };
    const fresh = log.openCheckpoint(note, policy);
    assert.ok(fresh.ok);
    assert.deepEqual(log.checkCheckpointConsistency(stored, fresh.checkpoint, tree.consistencyProof(300, 700)), { ok: true });
    const line = await log.cosignCheckpoint(fresh.text, log.cosignatureSignerFromKey(witnessSkey, () => 1761900000)!);
    const witnessed = note + line;
    const withQuorum = { ...policy, witnesses: [log.cosignatureVerifierFromKey(witnessVkey)!], quorum: 1 };
    assert.ok(log.openCheckpoint(witnessed, withQuorum).ok);

    // A party keeps a receipt for entry 42 and checks it offline.
    const receipt = log.formatReceipt({ index: 42, proof: tree.inclusionProof(42, 700), checkpoint: witnessed });
    assert.ok(log.verifyReceipt(receipt, entries[42]!, withQuorum).ok);

    // An auditor reads the tiles and rebuilds the same root.
    const files = new Map<string, Uint8Array>();
    for (const t of log.entryBundlesForSize(700)) files.set(log.tilePath(t), log.encodeEntryBundle(entries.slice(t.index * 256, t.index * 256 + t.width)));
    for (const t of log.hashTilesForSize(700)) if (t.kind === 'hash') files.set(log.tilePath(t), log.hashTileContents(tree, t)!);
    const audit = await log.auditLog({ fetchTile: async (p) => files.get(p)!, size: 700, root: tree.root() });
    assert.ok(audit.ok);
    assert.equal(log.toHex(audit.root), log.toHex(tree.root()));
  });
});
