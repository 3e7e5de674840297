import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { publicKeyFromSeed } from './ed25519.js';
import { toHex } from './encoding.js';
import {
  KEY_TYPE_COSIGNATURE,
  KEY_TYPE_ED25519,
  formatSignerKey,
  formatVerifierKey,
  isValidKeyName,
  keyId,
  keyIdHex,
  parseSignerKey,
  parseVerifierKey,
} from './note-keys.js';

// Known answers from golang.org/x/mod sumdb/note tests, as in ../shared/vectors/signed-note.json.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';

describe('note keys', () => {
  it('parses and re-formats verifier and signer keys byte for byte', () => {
    const v = parseVerifierKey(PETER_VKEY);
    assert.ok(v);
    assert.equal(v.name, 'PeterNeumann');
    assert.equal(keyIdHex(v.keyId), 'c74f20a3');
    assert.equal(v.type, KEY_TYPE_ED25519);
    assert.equal(formatVerifierKey(v.name, v.type, v.publicKey), PETER_VKEY);
    const s = parseSignerKey(PETER_SKEY);
    assert.ok(s);
    assert.equal(toHex(s.publicKey), toHex(v.publicKey));
    assert.equal(formatSignerKey(s.name, s.type, s.seed), PETER_SKEY);
  });

  it('rejects keys that are malformed, of unknown type, the wrong length, or whose key ID does not match', () => {
    const bad = [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==', // wrong key length
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // unknown algorithm byte
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // key ID off by one
      'PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // upper-case key ID
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T', // bad base64
      'PeterNeumann+c74f20a3', // missing key
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // space in the name
      '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', // empty name
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+extra',
      '',
    ];
    for (const k of bad) assert.equal(parseVerifierKey(k), null, k);
    assert.equal(parseSignerKey(PETER_SKEY.replace('c74f20a3', 'c74f20a4')), null);
    assert.equal(parseSignerKey(PETER_SKEY.replace('PRIVATE+KEY+', '')), null);
    assert.equal(parseSignerKey(PETER_VKEY), null);
    assert.equal(parseSignerKey(PETER_SKEY.replace('AYEK', 'ZYEK')), null);
  });

  it('computes key IDs per type: SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]', () => {
    const pub = parseVerifierKey(PETER_VKEY)!.publicKey;
    assert.equal(keyId('PeterNeumann', KEY_TYPE_ED25519, pub), 0xc74f20a3);
    assert.notEqual(keyId('PeterNeumann', KEY_TYPE_COSIGNATURE, pub), 0xc74f20a3);
  });

  it('round-trips generated keys of both types', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.constantFrom(KEY_TYPE_ED25519, KEY_TYPE_COSIGNATURE), (seed, type) => {
        const skey = formatSignerKey('witness.example/w1', type, seed);
        const s = parseSignerKey(skey)!;
        const vkey = formatVerifierKey('witness.example/w1', type, publicKeyFromSeed(seed));
        const v = parseVerifierKey(vkey)!;
        assert.equal(s.keyId, v.keyId);
        assert.equal(s.type, type);
        assert.deepEqual(s.seed, seed);
      }),
      { numRuns: 30 },
    );
  });

  it('accepts the key names the spec allows and no others', () => {
    for (const ok of ['a', 'truce/pk-af', 'example.com/foo', 'ünïcode', 'a=b']) assert.ok(isValidKeyName(ok), ok);
    for (const bad of ['', 'a b', 'a+b', 'a\tb', 'a\u00a0b', 'a\u2003b', 'a\u3000b', 'a\u0085b', 'a\nb', 'a\u0001b', '\ud800']) {
      assert.ok(!isValidKeyName(bad), JSON.stringify(bad));
    }
    assert.throws(() => formatVerifierKey('a b', KEY_TYPE_ED25519, new Uint8Array(32)), RangeError);
    assert.throws(() => formatVerifierKey('ab', KEY_TYPE_ED25519, new Uint8Array(31)), RangeError);
  });
});
