import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { toBase64, utf8 } from './encoding.js';
import { ed25519NoteSigner, ed25519NoteVerifier, noteSignerFromKey, noteVerifierFromKey } from './note-ed25519.js';
import { keyIdHex, parseVerifierKey } from './note-keys.js';
import { publicKeyFromSeed, signEd25519 } from './ed25519.js';
import { MAX_NOTE_SIGNATURES, type NoteVerifier, formatNote, openNote, parseNote, signNote, signatureLine } from './signed-note.js';
import { SHARED } from '../../test/repo-paths.js';

// Known answers: golang.org/x/mod sumdb/note tests and the C2SP spec, copied to ../shared/vectors/signed-note.json.
const VECTORS = join(SHARED, 'vectors/signed-note.json');
interface NoteVector { text: string; signature_lines: string[]; verifier_keys: string[]; signer_key?: string }
function load(): { notes: NoteVector[]; must_reject: string[] } {
  assert.ok(existsSync(VECTORS), `missing ${VECTORS} (see ../shared/vectors/README.md)`);
  return JSON.parse(readFileSync(VECTORS, 'utf8')) as { notes: NoteVector[]; must_reject: string[] };
}
const noteOf = (v: NoteVector): string => `${v.text}\n${v.signature_lines.map((l) => `${l}\n`).join('')}`;
const verifiersOf = (v: NoteVector): NoteVerifier[] => v.verifier_keys.map((k) => noteVerifierFromKey(k)!);

const [PETER_NOTE] = load().notes as [NoteVector];
const [PETER, ENOCH] = verifiersOf(PETER_NOTE) as [NoteVerifier, NoteVerifier];

describe('signed notes: known answers', () => {
  it('computes the key IDs in the verifier keys and the signature lines', () => {
    for (const v of load().notes) {
      v.verifier_keys.forEach((k, i) => {
        const parsed = parseVerifierKey(k);
        assert.ok(parsed, k);
        assert.equal(keyIdHex(parsed.keyId), k.split('+')[1]);
        const opened = parseNote(noteOf(v));
        assert.ok(opened.ok);
        assert.equal(opened.note.signatures[i]!.keyId, parsed.keyId);
      });
    }
  });

  it('verifies every signature of every note', () => {
    for (const v of load().notes) {
      const verifiers = verifiersOf(v);
      const opened = openNote(noteOf(v), verifiers);
      assert.ok(opened.ok, opened.ok ? '' : opened.detail);
      assert.equal(opened.text, v.text);
      assert.deepEqual(opened.verifiedBy, verifiers);
    }
  });

  it("re-signing with Peter Neumann's seed reproduces his signature line byte for byte", async () => {
    const v = load().notes.find((n) => n.signer_key !== undefined)!;
    const signer = noteSignerFromKey(v.signer_key!)!;
    const signed = await signNote(v.text, [signer]);
    assert.equal(signed, `${v.text}\n${v.signature_lines[0]}\n`);
  });

  it('rejects every must_reject case', () => {
    const { must_reject } = load();
    const note = noteOf(PETER_NOTE);
    const peterB64 = PETER_NOTE.signature_lines[0]!.split(' ')[2]!;
    for (const c of must_reject) {
      if (c.includes('wrong key length') || c.includes('unknown algorithm byte')) {
        const key = c.slice(0, c.indexOf(' ('));
        assert.equal(parseVerifierKey(key), null, c);
        assert.equal(noteVerifierFromKey(key), null, c);
      } else if (c.includes('name contains a space')) {
        const bad = `${PETER_NOTE.text}\n— Bad Name ${peterB64}\n`;
        const opened = openNote(bad, [PETER, ENOCH]);
        assert.ok(!opened.ok && opened.reason === 'malformed', c);
      } else if (c.includes('does not verify')) {
        const tampered = note.replace(peterB64, peterB64.slice(0, 10) + (peterB64[10] === 'A' ? 'B' : 'A') + peterB64.slice(11));
        const opened = openNote(tampered, [PETER, ENOCH]);
        assert.ok(!opened.ok && opened.reason === 'invalid-signature', c);
      } else {
        assert.fail(`must_reject case not handled by this test: ${c}`);
      }
    }
  });
});

describe('signed notes: what the spec rejects', () => {
  const text = PETER_NOTE.text;
  const peterLine = `${PETER_NOTE.signature_lines[0]}\n`;
  const enochLine = `${PETER_NOTE.signature_lines[1]}\n`;
  const reject = (note: string | Uint8Array, reason: string, verifiers: NoteVerifier[] = [PETER, ENOCH]): void => {
    const opened = openNote(note, verifiers);
    assert.ok(!opened.ok, `accepted ${JSON.stringify(note)}`);
    assert.equal(opened.reason, reason, JSON.stringify(note));
  };

  it('rejects malformed notes', () => {
    reject(`${text}\n${peterLine}`.slice(0, -1), 'malformed'); // no final newline
    reject(`${text}${peterLine}`, 'malformed'); // no blank line
    reject(`${text}\n`, 'malformed'); // no signatures
    reject(`${text}\n${peterLine}\n`, 'malformed'); // trailing blank line
    reject(`${text}\n${peterLine.replace('— ', '-- ')}`, 'malformed');
    reject(`${text}\n${peterLine.replace('— ', '—')}`, 'malformed');
    reject(`${text}\n${peterLine.replace('PeterNeumann', 'Peter+Neumann')}`, 'malformed');
    reject(`${text}\n${peterLine.replace('PeterNeumann ', '')}`, 'malformed'); // no name
    reject(`${text}\n${peterLine.replace('PeterNeumann ', ' ')}`, 'malformed'); // empty name
    reject(`${text}\n${peterLine.replace('=\n', '\n')}`, 'malformed'); // bad base64
    reject(`${text}\n— PeterNeumann ${toBase64(new Uint8Array([0xc7, 0x4f, 0x20, 0xa3]))}\n`, 'malformed'); // no signature bytes
    reject(`${text}\n${peterLine.replace('\n', '\r\n')}`, 'malformed');
    reject(`If you think\tcryptography...\n\n${peterLine}`, 'malformed'); // control character
    reject(new Uint8Array([...utf8(`${text}\n`), 0xff, ...utf8(peterLine)]), 'malformed'); // not UTF-8
    reject('x'.repeat((1 << 20) + 1), 'too-large');
  });

  it('bounds the number of signatures and rejects two by one known key', () => {
    const many = Array.from({ length: MAX_NOTE_SIGNATURES + 1 }, (_, i) => `— k${i} AAAAAAA=\n`).join('');
    reject(`${text}\n${many}`, 'too-many-signatures');
    const sixteen = Array.from({ length: 16 }, (_, i) => `— k${i} AAAAAAA=\n`).join('');
    assert.ok(openNote(`${text}\n${sixteen}${peterLine}`, [PETER]).ok, 'the spec minimum of 16 others is accepted');
    reject(`${text}\n${peterLine}${peterLine}`, 'duplicate-signature');
  });

  it('ignores unknown keys, but needs one known key to verify', () => {
    const stranger = ed25519NoteVerifier('Stranger', publicKeyFromSeed(new Uint8Array(32)));
    reject(`${text}\n${peterLine}${enochLine}`, 'unverified', [stranger]);
    const opened = openNote(`${text}\n${peterLine}${enochLine}`, [ENOCH]);
    assert.ok(opened.ok);
    assert.deepEqual(opened.verifiedBy, [ENOCH]);
    assert.equal(opened.signatures.length, 2);
    // Same name, other key ID (or the reverse): not the known key, so ignored even though it cannot verify.
    const otherId = `${text}\n— PeterNeumann ${toBase64(new Uint8Array(68))}\n${enochLine}`;
    assert.ok(openNote(otherId, [PETER, ENOCH]).ok);
    // A corrupted signature by an unknown key does not matter either.
    assert.ok(openNote(`${text}\n${peterLine.replace('x08go', 'x08gp')}${enochLine}`, [ENOCH]).ok);
  });

  it('refuses two known keys with the same name and key ID', () => {
    reject(`${text}\n${peterLine}`, 'ambiguous-key', [PETER, { ...PETER, verify: () => true }]);
  });

  it('signs with injected signers, and formats what it parses', async () => {
    const seed = new Uint8Array(32).fill(9);
    const pub = publicKeyFromSeed(seed);
    const signer = ed25519NoteSigner('truce/demo', pub, async (m) => signEd25519(seed, m));
    const note = await signNote('hello\n\nworld\n', [signer]);
    const opened = openNote(note, [ed25519NoteVerifier('truce/demo', pub)]);
    assert.ok(opened.ok);
    assert.equal(opened.text, 'hello\n\nworld\n'); // the text may hold blank lines
    const parsed = parseNote(note);
    assert.ok(parsed.ok);
    assert.equal(formatNote(parsed.note), note);
    assert.equal(signatureLine(parsed.note.signatures[0]!), note.slice(note.lastIndexOf('\n\n') + 2));
    await assert.rejects(signNote('no newline', [signer]), RangeError);
    await assert.rejects(signNote('tab\there\n', [signer]), RangeError);
    await assert.rejects(signNote('x\n', [{ ...signer, name: 'bad name' }]), RangeError);
  });
});
