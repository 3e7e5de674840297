// signingBytesOf cuts the signed bytes out of the canonical entry instead of serializing again: it must give exactly
// what signingBytes gives, for any body, including bodies that hold a "sig" of their own (the same value too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalBytes } from './jcs.js';
import { toBase64 } from './encoding.js';
import { envelopeFits, parseStatement, signStatement, signingBytes, signingBytesOf, statementSchema, type Statement } from './statement.js';
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

test('signingBytesOf finds a "sig" member that is not ASCII (compared as UTF-8) and writes where it is told', async () => {
  for (const sig of ['\u00e9t\u00e9', 'a\u{1f600}b', 'tab\there', '\u007f']) {
    const unsigned = { v: 1, type: 'report.file', by: 'monitor-1', key, at: '2025-11-07T12:00:00Z', body: { text: 'a' } } as const;
    const statement = { ...unsigned, sig } as unknown as Statement;
    const bytes = canonicalBytes(statement);
    const expected = signingBytes(statement);
    // A wrong reading would not find the member and serialize instead: make that visible.
    let allocated = 0;
    const got = signingBytesOf(bytes, statement, (n) => {
      allocated += 1;
      return new Uint8Array(n);
    });
    assert.deepEqual(got, expected, JSON.stringify(sig));
    assert.equal(allocated, 1, `the member of ${JSON.stringify(sig)} was found in the bytes`);
  }
  const e = await entry({ text: 'pooled' });
  assert.ok(e);
  assert.deepEqual(new Uint8Array(signingBytesOf(e.bytes, e.statement, Buffer.allocUnsafe)), signingBytes(e.statement));
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
    // the forms the native serializer would also reject, tried against the fast path (jcs.ts isCanonicalText):
    new TextEncoder().encode(text.replace('"v":1}', '"v":1.0}')), // a number spelled otherwise
    new TextEncoder().encode(text.replace('"v":1}', '"v":1,"v":1}')), // a key repeated (JSON.parse keeps one)
    new TextEncoder().encode(text.replace('"body":{"text"', '"body":{"b":0,"text"').replace('/"}', '/","1":0}')), // an integer-like key out of place
  ];
  for (const bytes of variants) {
    const parsed = parseStatement(bytes);
    assert.deepEqual(parsed.ok ? 'accepted' : parsed.code, 'not_canonical', new TextDecoder().decode(bytes));
  }
  assert.ok(parseStatement(e.bytes).ok);
});

test('envelopeFits says yes only to what the envelope schema accepts (property: every field, key set and shape varied)', () => {
  const key32 = toBase64(new Uint8Array(32).fill(1));
  const sig64 = toBase64(new Uint8Array(64).fill(2));
  // Per field: values the schema takes, then values it refuses (or that only look right).
  const pools: Record<string, [unknown[], unknown[]]> = {
    v: [[1], [2, '1', 1.5, null, true]],
    type: [['key.add', 'report.file', 'access.denied'], ['key.Add', 'nope', '', 3, null]],
    by: [['monitor-1', 'a', 'a'.repeat(64)], ['a'.repeat(65), 'Monitor', '-a', 'a b', '', 7, null]],
    key: [[key32], [sig64, toBase64(new Uint8Array(31)), key32.slice(0, -2) + 'B=', key32.replace(/=$/, ''), `${key32} `, 32, null]],
    at: [['2025-11-07T12:00:00Z', '2025-11-07T12:00:00.123Z', '2024-02-29T00:00:00Z', '9999-12-31T23:59:59Z'],
      ['2025-02-29T00:00:00Z', '2025-11-07T12:00:00+01:00', '2025-11-07t12:00:00z', '2025-11-07 12:00:00Z', '2025-11-07T24:00:00Z', '0000-01-01T00:00:00Z', '2025-11-07', 0, null]],
    body: [[{}, { text: 'x' }, { sealed: { a: 1 } }], [[], null, 'body', Object.create(null)]],
    sig: [[sig64], [key32, toBase64(new Uint8Array(63)), sig64.replace(/==$/, 'A='), 64, null]],
  };
  const field = (name: string) => fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...pools[name]![0]) },
    { weight: 2, arbitrary: fc.constantFrom(...pools[name]![1]) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const envelope = fc.record({
    fields: fc.record(Object.fromEntries(Object.keys(pools).map((k) => [k, field(k)]))),
    extra: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('extra', 'Sig', '__lookupGetter__') }),
    shape: fc.constantFrom('object', 'object', 'object', 'object', 'array', 'null'),
  }).map(({ fields, extra, shape }) => {
    if (shape !== 'object') return shape === 'array' ? [fields] : null;
    const value: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) value[k] = v;
    if (extra) value[extra] = 1;
    return value;
  });
  let yes = 0;
  fc.assert(
    fc.property(envelope, (value) => {
      const fits = envelopeFits(value);
      if (fits) yes++;
      if (fits) assert.ok(statementSchema.safeParse(value).success, JSON.stringify(value));
    }),
    { numRuns: 20_000 },
  );
  assert.ok(yes > 1000, `well-formed envelopes were generated and taken by the fast check (${yes})`);
  const valid = { v: 1, type: 'key.add', by: 'monitor-1', key: key32, at: '2025-11-07T12:00:00Z', body: { key: key32 }, sig: sig64 };
  assert.ok(envelopeFits(valid) && statementSchema.safeParse(valid).success);
});
