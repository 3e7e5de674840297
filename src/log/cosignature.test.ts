import assert from 'node:assert/strict';
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  COSIGNATURE_LENGTH,
  cosignCheckpoint,
  cosignatureMessage,
  cosignatureNoteSigner,
  cosignatureNoteVerifier,
  cosignatureSignerFromKey,
  cosignatureTimestamp,
  cosignatureVerifierFromKey,
} from './cosignature.js';
import { publicKeyFromSeed, signEd25519 } from './ed25519.js';
import { concatBytes, fromHex, utf8 } from './encoding.js';
import { KEY_TYPE_COSIGNATURE, KEY_TYPE_ED25519, formatSignerKey, formatVerifierKey, keyId } from './note-keys.js';
import { openNote, parseNote, signNote } from './signed-note.js';
import { noteVerifierFromKey } from './note-ed25519.js';

// The cosigned checkpoint example of c2sp.org/tlog-cosignature (the witness's public key is not published, so
// it pins the encoding: key ID, 8-byte big-endian timestamp, 64-byte signature).
const SPEC_NOTE = `example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==
`;
const TEXT = 'truce/demo\n3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SEED = new Uint8Array(32).fill(4);
const PUB = publicKeyFromSeed(SEED);

describe('cosignatures (tlog-cosignature v1, Ed25519)', () => {
  it('reads the timestamp of the spec example: 1679315147', () => {
    const parsed = parseNote(SPEC_NOTE);
    assert.ok(parsed.ok);
    const witness = parsed.note.signatures[1]!;
    assert.equal(witness.keyId, 0x8d66cf3f);
    assert.equal(witness.signature.length, COSIGNATURE_LENGTH);
    assert.equal(cosignatureTimestamp(witness.signature), 1679315147);
    assert.equal(cosignatureTimestamp(parsed.note.signatures[0]!.signature), null); // a plain 64-byte signature
  });

  it('signs the spec message, checked independently with node:crypto', async () => {
    const signer = cosignatureNoteSigner('witness.example/w1', PUB, (m) => signEd25519(SEED, m), () => 1679315147);
    assert.equal(signer.keyId, keyId('witness.example/w1', KEY_TYPE_COSIGNATURE, PUB));
    const sig = await signer.sign(utf8(TEXT));
    assert.equal(sig.length, 72);
    assert.deepEqual(sig.subarray(0, 8), fromHex('00000000641850cb'));
    const message = utf8(`cosignature/v1\ntime 1679315147\n${TEXT}`);
    assert.deepEqual(cosignatureMessage(1679315147, TEXT), message);
    const key = createPublicKey({ key: Buffer.concat([fromHex('302a300506032b6570032100')!, PUB]), format: 'der', type: 'spki' });
    assert.ok(nodeVerify(null, message, key, sig.subarray(8)));
  });

  it('verifies cosigned checkpoints next to the log signature, and only with the right time and key type', async () => {
    const witnessSigner = cosignatureSignerFromKey(formatSignerKey('w1', KEY_TYPE_COSIGNATURE, SEED), () => 1700000000)!;
    const witness = cosignatureVerifierFromKey(formatVerifierKey('w1', KEY_TYPE_COSIGNATURE, PUB))!;
    const line = await cosignCheckpoint(TEXT, witnessSigner);
    assert.match(line, /^— w1 [A-Za-z0-9+/]{102}==\n$/);
    const opened = openNote(`${TEXT}\n${line}`, [witness]);
    assert.ok(opened.ok);
    const sig = parseNote(`${TEXT}\n${line}`);
    assert.ok(sig.ok);
    const raw = sig.note.signatures[0]!.signature;
    assert.ok(witness.verify(utf8(TEXT), raw));
    const otherTime = raw.slice();
    otherTime[7]! ^= 1;
    assert.ok(!witness.verify(utf8(TEXT), otherTime), 'the timestamp is signed');
    assert.ok(!witness.verify(utf8(TEXT.replace('3', '4')), raw));
    assert.ok(!witness.verify(utf8(TEXT), raw.subarray(8)), 'a bare signature is not a cosignature');
    const farFuture = concatBytes(fromHex('8000000000000000')!, raw.subarray(8));
    assert.ok(!witness.verify(utf8(TEXT), farFuture));
    // The same Ed25519 key as a note key (type 0x01) has another key ID, so it does not match the line.
    const asNoteKey = noteVerifierFromKey(formatVerifierKey('w1', KEY_TYPE_ED25519, PUB))!;
    const asNote = openNote(`${TEXT}\n${line}`, [asNoteKey]);
    assert.ok(!asNote.ok && asNote.reason === 'unverified');
  });

  it('builds verifiers and signers only from type 0x04 keys', async () => {
    assert.equal(cosignatureVerifierFromKey(formatVerifierKey('w1', KEY_TYPE_ED25519, PUB)), null);
    assert.equal(cosignatureSignerFromKey(formatSignerKey('w1', KEY_TYPE_ED25519, SEED)), null);
    assert.equal(noteVerifierFromKey(formatVerifierKey('w1', KEY_TYPE_COSIGNATURE, PUB)), null);
    const withNote = await signNote(TEXT, [cosignatureNoteSigner('w1', PUB, (m) => signEd25519(SEED, m), () => 5)]);
    assert.ok(openNote(withNote, [cosignatureNoteVerifier('w1', PUB)]).ok);
    await assert.rejects(signNote(TEXT, [cosignatureNoteSigner('w1', PUB, (m) => signEd25519(SEED, m), () => -1)]), RangeError);
  });
});
