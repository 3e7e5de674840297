import assert from 'node:assert/strict';
import { sign as nodeSign, verify as nodeVerify, createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { publicKeyFromSeed } from './ed25519.js';
import { concatBytes, fromHex, utf8 } from './encoding.js';
import { KEY_TYPE_ED25519, formatSignerKey, formatVerifierKey } from './note-keys.js';
import { ed25519NoteSigner, ed25519NoteVerifier, noteSignerFromKey, noteVerifierFromKey } from './note-ed25519.js';
import { openNote, signNote } from './signed-note.js';

const SEED = new Uint8Array(32).fill(3);
const PUB = publicKeyFromSeed(SEED);

describe('Ed25519 note keys', () => {
  it('signs with node:crypto injected and verifies with the pure verifier, and the reverse', async () => {
    const priv = createPrivateKey({ key: Buffer.from(concatBytes(fromHex('302e020100300506032b657004220420')!, SEED)), format: 'der', type: 'pkcs8' });
    const pubKey = createPublicKey(priv);
    const nodeSigner = ed25519NoteSigner('truce/demo', PUB, (m) => new Uint8Array(nodeSign(null, m, priv)));
    const note = await signNote('hello\n', [nodeSigner]);
    assert.ok(openNote(note, [ed25519NoteVerifier('truce/demo', PUB)]).ok);
    const nodeVerifier = ed25519NoteVerifier('truce/demo', PUB, (_k, m, s) => nodeVerify(null, m, pubKey, s));
    const pureNote = await signNote('hello\n', [noteSignerFromKey(formatSignerKey('truce/demo', KEY_TYPE_ED25519, SEED))!]);
    assert.equal(pureNote, note, 'Ed25519 is deterministic: both sign the same bytes');
    assert.ok(openNote(pureNote, [nodeVerifier]).ok);
  });

  it('builds verifiers from vkeys, and their key IDs match', () => {
    const v = noteVerifierFromKey(formatVerifierKey('truce/demo', KEY_TYPE_ED25519, PUB))!;
    assert.equal(v.keyId, ed25519NoteVerifier('truce/demo', PUB).keyId);
    assert.equal(v.verify(utf8('x\n'), new Uint8Array(64)), false);
    assert.equal(noteVerifierFromKey('nonsense'), null);
    assert.equal(noteSignerFromKey('PRIVATE+KEY+nonsense'), null);
  });
});
