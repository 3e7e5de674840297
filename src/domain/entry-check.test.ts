// The exact-bytes rule: the signature covers exactly the stored entry minus "sig", and nothing a schema would drop
// or reinterpret (a `__proto__` key, an unknown key) gets in. Real Ed25519 keys (the log module's pure signer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEntry } from './entry-check.js';
import { canonicalBytes } from './jcs.js';
import { toBase64 } from './encoding.js';
import { createState } from './state.js';
import { signStatement, signingBytes, statementSchema, type StatementType } from './statement.js';
import { publicKeyFromSeed, signEd25519, verifyEd25519 } from '../log/ed25519.js';

const seed = (n: number) => new Uint8Array(32).fill(n);
const operator = { id: 'secretariat', seed: seed(1), key: toBase64(publicKeyFromSeed(seed(1))) };
const second = toBase64(publicKeyFromSeed(seed(2)));
const third = toBase64(publicKeyFromSeed(seed(3)));

async function signed(type: StatementType, body: Record<string, unknown>): Promise<string> {
  const s = await signStatement({ v: 1, type, by: operator.id, key: operator.key, at: '2025-11-07T12:00:00Z', body }, (m) => signEd25519(operator.seed, m));
  return new TextDecoder().decode(canonicalBytes(s));
}

const genesisBody = { key: operator.key, mechanism: 'test', member: operator.id, name: 'Secretariat', role: 'operator' };
const bytes = (s: string) => new TextEncoder().encode(s);

async function logWithGenesis() {
  const state = createState();
  const genesis = checkEntry(state, bytes(await signed('member.admit', genesisBody)), 0, verifyEd25519);
  assert.ok(genesis.ok, JSON.stringify(genesis));
  return state;
}

test('a correctly signed canonical entry is accepted and applied', async () => {
  const state = await logWithGenesis();
  const r = checkEntry(state, bytes(await signed('key.add', { key: second })), 1, verifyEd25519);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(state.keys.get(second)?.member, operator.id);
});

test('the old attack: a __proto__ key added to a signed body is refused (it passed when the signature covered the zod copy)', async () => {
  const state = await logWithGenesis();
  const original = await signed('key.add', { key: second });
  // Insert the key at its canonical place ("__proto__" sorts before "key"), keeping the signature.
  const tampered = original.replace('"body":{"key"', '"body":{"__proto__":{"key":"' + third + '"},"key"');
  // What the server checked before: the envelope schema's copy drops __proto__, so the old signature still verified.
  const zodCopy = statementSchema.parse(JSON.parse(tampered));
  assert.ok(verifyEd25519(publicKeyFromSeed(operator.seed), signingBytes(zodCopy), Buffer.from(zodCopy.sig, 'base64')), 'the old check passed');
  const r = checkEntry(state, bytes(tampered), 1, verifyEd25519);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, 'bad_request');
  assert.match(!r.ok ? r.detail : '', /^entry 1: .*prototype/);
  assert.equal(state.size, 1, 'nothing applied');
});

test('__proto__ and constructor.prototype are refused at any depth, escaped or not', async () => {
  const state = await logWithGenesis();
  const original = await signed('key.add', { key: second });
  for (const inject of ['{"a":[{"__proto__":{}}]}', '{"\\u005f_proto__":1}', '{"constructor":{"prototype":{}}}']) {
    const r = checkEntry(state, bytes(original.replace('"body":{"key"', `"body":{"a":${inject},"key"`)), 1, verifyEd25519);
    assert.equal(r.ok, false, inject);
  }
});

test('duplicate keys, unknown keys and altered bytes are refused, each naming the entry', async () => {
  const state = await logWithGenesis();
  const original = await signed('key.add', { key: second });
  const dup = checkEntry(state, bytes(original.replace('"body":{"key"', `"body":{"key":"${third}","key"`)), 7, verifyEd25519);
  assert.deepEqual(!dup.ok && [dup.code, dup.detail.startsWith('entry 7: ')], ['not_canonical', true]);
  const altered = checkEntry(state, bytes(original.replace(second, third)), 8, verifyEd25519);
  assert.deepEqual(!altered.ok && [altered.code, altered.detail.startsWith('entry 8: ')], ['bad_signature', true]);
  const unknown = checkEntry(state, bytes(await signed('key.add', { key: second, note: 'x' })), 9, verifyEd25519);
  assert.deepEqual(!unknown.ok && [unknown.code, unknown.detail.startsWith('entry 9 (key.add by secretariat): ')], ['bad_request', true]);
  assert.equal(state.size, 1, 'nothing applied');
});

test('a NUL, a lone surrogate or an out-of-range number in a signed statement is refused before any schema', async () => {
  const state = await logWithGenesis();
  const withX = await signed('key.add', { key: second, x: 'X' });
  for (const [x, why] of [['a\\u0000b', /U\+0000/], ['a\\ud800', /surrogate/]] as const) {
    const r = checkEntry(state, bytes(withX.replace('"x":"X"', `"x":"${x}"`)), 1, verifyEd25519);
    assert.match(!r.ok ? r.detail : 'accepted', why);
  }
  const big = (await signed('key.add', { key: second })).replace('"body":{', '"body":{"n":1e400,');
  assert.match(JSON.stringify(checkEntry(state, bytes(big), 1, verifyEd25519)), /out of range/);
});
