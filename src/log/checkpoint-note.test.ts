import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openCheckpoint, signCheckpoint } from './checkpoint-note.js';
import { cosignCheckpoint, cosignatureNoteSigner, cosignatureNoteVerifier } from './cosignature.js';
import { publicKeyFromSeed, signEd25519 } from './ed25519.js';
import { hashLeaf } from './hash.js';
import { ed25519NoteSigner, ed25519NoteVerifier } from './note-ed25519.js';
import { signNote } from './signed-note.js';

// Builders: a log key and three witnesses, from fixed seeds.
const key = (n: number) => {
  const seed = new Uint8Array(32).fill(n);
  return { seed, pub: publicKeyFromSeed(seed), sign: (m: Uint8Array) => signEd25519(seed, m) };
};
const LOG = key(1);
const ORIGIN = 'truce/test';
const logSigner = ed25519NoteSigner(ORIGIN, LOG.pub, LOG.sign);
const log = ed25519NoteVerifier(ORIGIN, LOG.pub);
const W = [2, 3, 4].map((n) => ({ ...key(n), name: `witness-${n}` }));
const witnesses = W.map((w) => cosignatureNoteVerifier(w.name, w.pub));
const checkpoint = { origin: ORIGIN, size: 1, rootHash: hashLeaf(new Uint8Array()), extensions: [] };

async function cosigned(count: number): Promise<string> {
  const note = await signCheckpoint(checkpoint, [logSigner]);
  const text = note.slice(0, note.lastIndexOf('\n\n') + 1);
  let lines = '';
  for (const w of W.slice(0, count)) lines += await cosignCheckpoint(text, cosignatureNoteSigner(w.name, w.pub, w.sign, () => 1700000000));
  return note + lines;
}

describe('openCheckpoint', () => {
  it('opens a checkpoint signed by the log and counts witnesses toward the quorum', async () => {
    const note = await cosigned(2);
    const opened = openCheckpoint(note, { origin: ORIGIN, log, witnesses, quorum: 2 });
    assert.ok(opened.ok, opened.ok ? '' : opened.detail);
    assert.equal(opened.checkpoint.size, 1);
    assert.deepEqual(opened.witnessedBy, witnesses.slice(0, 2));
    const short = openCheckpoint(note, { origin: ORIGIN, log, witnesses, quorum: 3 });
    assert.ok(!short.ok && short.reason === 'no-quorum');
    assert.ok(openCheckpoint(note, { origin: ORIGIN, log }).ok, 'cosignatures of unknown witnesses are ignored');
  });

  it('requires the log signature, the origin and a canonical body', async () => {
    const note = await cosigned(1);
    const stranger = ed25519NoteVerifier(ORIGIN, key(9).pub);
    const unsigned = openCheckpoint(note, { origin: ORIGIN, log: stranger, witnesses });
    assert.ok(!unsigned.ok && unsigned.reason === 'not-signed-by-log', 'witnesses alone do not make a checkpoint');
    const wrongOrigin = openCheckpoint(note, { origin: 'truce/other', log });
    assert.ok(!wrongOrigin.ok && wrongOrigin.reason === 'wrong-origin');
    const odd = await signNote(`${ORIGIN}\n01\n${'A'.repeat(43)}=\n`, [logSigner]);
    const malformed = openCheckpoint(odd, { origin: ORIGIN, log });
    assert.ok(!malformed.ok && malformed.reason === 'malformed-checkpoint');
    const tampered = note.replace(`${ORIGIN}\n1\n`, `${ORIGIN}\n2\n`);
    const bad = openCheckpoint(tampered, { origin: ORIGIN, log });
    assert.ok(!bad.ok && bad.reason === 'invalid-signature');
  });
});
