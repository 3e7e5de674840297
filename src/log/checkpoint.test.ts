import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type Checkpoint, MAX_CHECKPOINT_BYTES, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { toBase64 } from './encoding.js';

// The example checkpoint of c2sp.org/tlog-checkpoint.
const SPEC_EXAMPLE = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const ROOT = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';

describe('checkpoint text', () => {
  it('parses and re-formats the spec example', () => {
    const cp = parseCheckpoint(SPEC_EXAMPLE);
    assert.ok(cp);
    assert.equal(cp.origin, 'example.com/behind-the-sofa');
    assert.equal(cp.size, 20852163);
    assert.equal(toBase64(cp.rootHash), ROOT);
    assert.deepEqual(cp.extensions, []);
    assert.equal(formatCheckpoint(cp), SPEC_EXAMPLE);
  });

  it('round-trips any checkpoint, extension lines included', () => {
    const printable = (s: string) => [...s].every((c) => c.charCodeAt(0) >= 0x20 && !(c.length === 1 && c >= '\ud800' && c <= '\udfff'));
    const line = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter(printable);
    fc.assert(
      fc.property(line, fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(line, { maxLength: 3 }), (origin, size, rootHash, extensions) => {
        const cp: Checkpoint = { origin, size, rootHash, extensions };
        assert.deepEqual(parseCheckpoint(formatCheckpoint(cp)), cp);
      }),
    );
  });

  it('rejects anything not canonical', () => {
    const bad = [
      SPEC_EXAMPLE.slice(0, -1), // no final newline
      'example.com/behind-the-sofa\n20852163\n', // no root
      '\n20852163\n' + ROOT + '\n', // empty origin
      'o\n020852163\n' + ROOT + '\n', // leading zero
      'o\n+1\n' + ROOT + '\n',
      'o\n-1\n' + ROOT + '\n',
      'o\n1.0\n' + ROOT + '\n',
      'o\n1e3\n' + ROOT + '\n',
      'o\n 1\n' + ROOT + '\n',
      'o\n9007199254740992\n' + ROOT + '\n', // 2^53: beyond a safe integer
      'o\n18446744073709551615\n' + ROOT + '\n',
      'o\n1\n' + ROOT.slice(0, -1) + '\n', // bad base64
      'o\n1\n' + ROOT.slice(0, -4) + '\n', // 30 bytes
      'o\n1\n' + toBase64(new Uint8Array(33)) + '\n', // 33 bytes
      'o\n1\n' + ROOT + '\n\n', // empty extension line
      'o\n1\n' + ROOT + '\next\n\n',
      'o\r\n1\n' + ROOT + '\n',
      'o\t\n1\n' + ROOT + '\n',
      'o\n1\n' + ROOT + '\n' + 'e\n'.repeat(17), // too many extension lines
      'o'.repeat(MAX_CHECKPOINT_BYTES) + '\n1\n' + ROOT + '\n',
      '',
    ];
    for (const text of bad) assert.equal(parseCheckpoint(text), null, JSON.stringify(text.slice(0, 80)));
    assert.ok(parseCheckpoint('o\n0\n' + ROOT + '\n'), 'size 0 is written "0"');
    assert.ok(parseCheckpoint('o\n9007199254740991\n' + ROOT + '\next\n'));
  });

  it('refuses to format what it could not parse', () => {
    const ok: Checkpoint = { origin: 'o', size: 1, rootHash: new Uint8Array(32), extensions: [] };
    assert.throws(() => formatCheckpoint({ ...ok, origin: '' }), RangeError);
    assert.throws(() => formatCheckpoint({ ...ok, origin: 'a\nb' }), RangeError);
    assert.throws(() => formatCheckpoint({ ...ok, size: -1 }), RangeError);
    assert.throws(() => formatCheckpoint({ ...ok, size: 2 ** 53 }), RangeError);
    assert.throws(() => formatCheckpoint({ ...ok, rootHash: new Uint8Array(31) }), RangeError);
    assert.throws(() => formatCheckpoint({ ...ok, extensions: [''] }), RangeError);
  });
});
