import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bytesEqual, concatBytes, fromBase64, fromHex, fromUtf8, isWellFormedText, toBase64, toHex, utf8 } from './encoding.js';

describe('encoding', () => {
  it('base64 round-trips and matches Buffer for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64(bytes);
        assert.equal(text, Buffer.from(bytes).toString('base64'));
        assert.deepEqual(fromBase64(text), bytes);
      }),
    );
  });

  it('base64 decoding is strict: one spelling per byte string', () => {
    assert.deepEqual(fromBase64(''), new Uint8Array());
    assert.deepEqual(fromBase64('AQID'), new Uint8Array([1, 2, 3]));
    for (const bad of ['AQI', 'AQI==', 'AQ=D', 'A===', '====', 'AQ\nID', 'AQ ID', 'AQ-_', 'AR==', 'AQJ=', 'AQID=', '=AQI', 'AQ==AQ==', 'é===']) {
      assert.equal(fromBase64(bad), null, JSON.stringify(bad));
    }
  });

  it('base64 decoding accepts exactly the strings Buffer writes back unchanged (random text and endings)', () => {
    const char = fc.constantFrom(...'ABCDQRSTgwxyz0129+/AQgw=-_ \né'.split(''));
    const ending = fc.constantFrom('', '=', '==', '===', 'A=', 'Q==', 'AA==', 'AB==', 'AAA=', 'AAB=', '=A==');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 16 }), ending, (chars, end) => {
        const text = chars.join('') + end;
        const reference = Buffer.from(text, 'base64');
        const exact = reference.toString('base64') === text;
        assert.deepEqual(fromBase64(text), exact ? new Uint8Array(reference) : null, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('hex round-trips and rejects odd or non-hex input', () => {
    assert.equal(toHex(new Uint8Array([0, 0xab, 0xff])), '00abff');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => assert.equal(toHex(bytes), Buffer.from(bytes).toString('hex'))));
    assert.deepEqual(fromHex('00ABff'), new Uint8Array([0, 0xab, 0xff]));
    for (const bad of ['0', 'zz', '0x00', ' 00']) assert.equal(fromHex(bad), null);
  });

  it('UTF-8 decoding refuses invalid bytes; text with lone surrogates is detected', () => {
    assert.equal(fromUtf8(utf8('— é')), '— é');
    assert.equal(fromUtf8(new Uint8Array([0xff])), null);
    assert.equal(fromUtf8(new Uint8Array([0xed, 0xa0, 0x80])), null); // an encoded surrogate
    assert.equal(fromUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), '\ufeffA'); // a BOM is kept, not stripped
    assert.ok(isWellFormedText('a😀b'));
    assert.ok(!isWellFormedText('a\ud83d'));
    assert.ok(!isWellFormedText('\ude00b'));
  });

  it('compares and concatenates bytes', () => {
    assert.ok(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
    assert.ok(!bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
    assert.ok(!bytesEqual(new Uint8Array([1]), new Uint8Array([1, 0])));
    assert.deepEqual(concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3])), new Uint8Array([1, 2, 3]));
  });
});
