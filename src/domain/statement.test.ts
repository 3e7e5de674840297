// signingBytesOf cuts the signed bytes out of the canonical entry instead of serializing again: it must give exactly
// what signingBytes gives, for any body, including bodies that hold a "sig" of their own (the same value too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalBytes } from './jcs.js';
import { toBase64 } from './encoding.js';
import { parseStatement, signStatement, signingBytes, signingBytesOf, type Statement } from './statement.js';
import { publicKeyFromSeed, signEd25519 } from '../log/ed25519.js';

const seed = new Uint8Array(32).fill(7);
const key = toBase64(publicKeyFromSeed(seed));

async function entry(body: Record<string, unknown>): Promise<{ bytes: Uint8Array; statement: Statement } | null> {
  const s = await signStatement({ v: 1, type: 'report.file', by: 'monitor-1', key, at: '2025-11-07T12:00:00Z', body }, (m) => signEd25519(seed, m));
  const bytes = canonicalBytes(s);
  const parsed = parseStatement(bytes);
  return parsed.ok ? { bytes, statement: parsed.value } : null;
}

test('signingBytesOf equals signingBytes for bodies holding "sig" keys, at any depth, even with the envelope\'s own value', async () => {
  const plain = await entry({ text: 'shelling near the crossing' });
  assert.ok(plain);
  const decoys = [{ sig: plain.statement.sig }, { a: { sig: plain.statement.sig, z: ',"sig":"' }, sig: 'x' }, { '': [{ sig: plain.statement.sig }], zz: '\u00e9\u{1f600}' }];
  for (const body of decoys) {
    const e = await entry(body);
    assert.ok(e, JSON.stringify(body));
    assert.deepEqual(signingBytesOf(e.bytes, e.statement), signingBytes(e.statement));
  }
});

test('signingBytesOf equals signingBytes for random bodies (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), async (body) => {
      const e = await entry(body as Record<string, unknown>);
      if (e) assert.deepEqual(signingBytesOf(e.bytes, e.statement), signingBytes(e.statement));
    }),
    { numRuns: 300 },
  );
});

test('given bytes that are not the statement\'s canonical form, signingBytesOf serializes as signingBytes does', async () => {
  const e = await entry({ text: 'a' });
  assert.ok(e);
  const other = new TextEncoder().encode('{"not":"it"}');
  assert.deepEqual(signingBytesOf(other, e.statement), signingBytes(e.statement));
});

test('parseStatement accepts exactly the canonical bytes: a BOM, whitespace, key order or escapes that differ are refused', async () => {
  const e = await entry({ text: 'é "q" /' });
  assert.ok(e);
  const text = new TextDecoder().decode(e.bytes);
  const variants = [
    Uint8Array.of(0xef, 0xbb, 0xbf, ...e.bytes), // the same text after a UTF-8 BOM, which a decoder drops
    new TextEncoder().encode(text.replace('{"at"', '{ "at"')),
    new TextEncoder().encode(text.replace('"v":1}', '"v":1}\n')),
    new TextEncoder().encode(text.replace('é', '\\u00e9')),
    new TextEncoder().encode(text.replace('"text":"é \\"q\\" /"', '"text":"é \\"q\\" \\/"')),
    new TextEncoder().encode(`{"v":1,${text.slice(1, -'"v":1}'.length - 1)}}`),
  ];
  for (const bytes of variants) {
    const parsed = parseStatement(bytes);
    assert.deepEqual(parsed.ok ? 'accepted' : parsed.code, 'not_canonical', new TextDecoder().decode(bytes));
  }
  assert.ok(parseStatement(e.bytes).ok);
});
