import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { deriveEncryptionKey, openField, sealField } from './hpke.js';
import { sealCommitment, sealedFieldSchema } from './sealed.js';

describe('HPKE sealed fields (RFC 9180, X25519 / HKDF-SHA256 / AES-256-GCM)', async () => {
  const qa = await deriveEncryptionKey(new Uint8Array(randomBytes(32)));
  const tr = await deriveEncryptionKey(new Uint8Array(randomBytes(32)));
  const pk = await deriveEncryptionKey(new Uint8Array(randomBytes(32)));
  const exact = { lat: 30.9123, lon: 66.4471 };

  it('derives the same encryption key from the same seed, a different one from another seed', async () => {
    const seed = new Uint8Array(32).fill(7);
    assert.equal((await deriveEncryptionKey(seed)).publicKey, (await deriveEncryptionKey(seed)).publicKey);
    assert.notEqual(qa.publicKey, tr.publicKey);
  });

  it('each recipient opens the value; its commitment matches; the block fits the log\'s schema', async () => {
    const sealed = await sealField('/where/exact', exact, { tr: tr.publicKey, qa: qa.publicKey });
    assert.equal(sealedFieldSchema.safeParse(sealed).success, true);
    assert.deepEqual(sealed.to.map((t) => t.member), ['qa', 'tr']);
    for (const [member, key] of [['qa', qa], ['tr', tr]] as const) {
      const opened = await openField(sealed, member, key);
      assert.ok(opened.ok, member);
      assert.deepEqual(opened.value, exact);
      assert.equal(sealCommitment('/where/exact', opened.salt, opened.value), sealed.commit);
    }
    assert.ok(!JSON.stringify(sealed).includes('30.9123'), 'no plaintext in the block');
  });

  it('a non-recipient cannot open it, nor a recipient with the wrong key; a moved or altered ciphertext fails', async () => {
    const sealed = await sealField('/witness', 'A. Khan', { qa: qa.publicKey });
    assert.match((await openField(sealed, 'pk', pk)).ok ? '' : 'refused', /refused/);
    assert.equal((await openField(sealed, 'qa', pk)).ok, false);
    const moved = { ...sealed, field: '/narrative' };
    assert.equal((await openField(moved, 'qa', qa)).ok, false, 'the field is bound as AAD');
  });

  it('two seals of one short value carry different commitments (salted)', async () => {
    const a = await sealField('/witness', 'Ali', { qa: qa.publicKey });
    const b = await sealField('/witness', 'Ali', { qa: qa.publicKey });
    assert.notEqual(a.commit, b.commit);
  });
});
