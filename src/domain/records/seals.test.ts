import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyOf, mechanism, reportBody } from '../test-builders.js';
import { SALT, sealedBlock, sealedReport } from '../seal/test-builders.js';
import { sealsOf } from './seals.js';

const WITNESS = 'A. Witness, teacher at the crossing';

describe('sealed fields', () => {
  it('keeps the ciphertext and commitment of an accepted statement, and the type\'s schema sees only the rest', () => {
    const w = mechanism();
    const id = sealedReport(w);
    const [seal] = sealsOf(w.state, id);
    assert.equal(seal?.sealed.field, '/witness');
    assert.deepEqual(seal?.sealed.to.map((t) => t.member), ['qa', 'tr']);
    assert.equal(seal?.released, null);
  });

  it('refuses a field sealed to a member with no encryption key, or to a key that is not theirs', () => {
    const w = mechanism();
    const none = w.apply('field-team-1', 'report.file', { ...reportBody(), sealed: [sealedBlock('/witness', WITNESS, ['qa'])] });
    assert.match(!none.ok ? none.detail : '', /qa, who has registered no encryption key/);
    w.must('qa', 'enckey.add', { key: keyOf('qa-other') });
    const wrong = w.apply('field-team-1', 'report.file', { ...reportBody(), sealed: [sealedBlock('/witness', WITNESS, ['qa'])] });
    assert.match(!wrong.ok ? wrong.detail : '', /not qa's current encryption key/);
  });

  it('refuses a malformed sealed block: a pointer into "sealed", a field sealed twice', () => {
    const w = mechanism();
    w.must('qa', 'enckey.add', { key: keyOf('qa-enc') });
    const into = w.apply('field-team-1', 'report.file', { ...reportBody(), sealed: [sealedBlock('/sealed/0', 'x', ['qa'])] });
    assert.equal(!into.ok && into.code, 'bad_request');
    const twice = w.apply('field-team-1', 'report.file', { ...reportBody(), sealed: [sealedBlock('/w', 'x', ['qa']), sealedBlock('/w', 'y', ['qa'])] });
    assert.match(!twice.ok ? twice.detail : '', /each field is sealed once/);
  });
});

describe('seal.release', () => {
  it('needs the mediators\' quorum; only the completing release carries the value, checked against the commitment', () => {
    const w = mechanism();
    const statement = sealedReport(w, WITNESS);
    const early = w.apply('qa', 'seal.release', { statement, field: '/witness', salt: SALT, value: WITNESS });
    assert.match(!early.ok ? early.detail : '', /only the release that completes the quorum \(2 mediators\)/);
    w.must('qa', 'seal.release', { statement, field: '/witness' });
    const again = w.apply('qa', 'seal.release', { statement, field: '/witness' });
    assert.match(!again.ok ? again.detail : '', /already agreed/);
    const bare = w.apply('tr', 'seal.release', { statement, field: '/witness' });
    assert.match(!bare.ok ? bare.detail : '', /must carry the value and salt/);
    const forged = w.apply('tr', 'seal.release', { statement, field: '/witness', salt: SALT, value: 'Someone else' });
    assert.match(!forged.ok ? forged.detail : '', /does not match the commitment/);
    w.must('tr', 'seal.release', { statement, field: '/witness', salt: SALT, value: WITNESS });
    assert.equal(sealsOf(w.state, statement)[0]?.released?.value, WITNESS);
  });

  it('refuses a release of a field that was never sealed', () => {
    const w = mechanism();
    const statement = sealedReport(w);
    const r = w.apply('qa', 'seal.release', { statement, field: '/where' });
    assert.equal(!r.ok && r.code, 'not_found');
  });
});
