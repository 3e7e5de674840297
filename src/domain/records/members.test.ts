import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signEd25519 } from '../../log/ed25519.js';
import { toBase64 } from '../encoding.js';
import { admissionMessage, keyFingerprint } from './admission.js';
import { admissionBody, admit, keyAddBody, keyOf, mechanism, mustRefuse, reportBody, seedOf } from '../test-builders.js';

// design.md, "Nobody speaks for another": what the operator's key alone can no longer do, and what each side can.

type Body = Record<string, unknown>;
const party2 = (over: Body = {}): Body => ({ member: 'pk-2', name: 'PK liaison 2', role: 'party', side: 'pk', ...over });

test('a party\'s or mediator\'s first key needs its own signature over the admission (proof of possession)', () => {
  const w = mechanism();
  const bare = { member: 'in', name: 'IN', role: 'party', key: keyOf('in') };
  mustRefuse(w, ['secretariat', 'member.admit', bare], 'forbidden', /body\.pop, proof of possession/);
  // A pop by another key (the operator's own), or for another mechanism, proves nothing.
  const message = admissionMessage('test', 'member.admit', bare);
  mustRefuse(w, ['secretariat', 'member.admit', { ...bare, pop: toBase64(signEd25519(seedOf('secretariat'), message)) }], 'bad_signature', /not a signature of the new key/);
  const elsewhere = toBase64(signEd25519(seedOf('in'), admissionMessage('another-mechanism', 'member.admit', bare)));
  mustRefuse(w, ['secretariat', 'member.admit', { ...bare, pop: elsewhere }], 'bad_signature');
  // A pop over a different body (the role changed after signing) is refused too.
  const signed = admissionBody(w.state, { member: 'in', name: 'IN', role: 'observer' });
  mustRefuse(w, ['secretariat', 'member.admit', { ...signed, role: 'party' }], 'bad_signature');
  admit(w, 'in', 'party');
  assert.equal(w.state.members.get('in')?.side, 'in');
});

test('the operator still admits monitors and observers alone, without a proof of possession', () => {
  const w = mechanism();
  w.must('secretariat', 'member.admit', { member: 'desk-2', name: 'Desk 2', role: 'monitor', key: keyOf('desk-2') });
  w.must('secretariat', 'member.admit', { member: 'press-2', name: 'Press 2', role: 'observer', key: keyOf('press-2') });
  assert.equal(w.state.members.get('desk-2')?.role, 'monitor');
});

test('attack: the operator admits a new member to pk\'s side and files as pk — refused without pk\'s consent', () => {
  const w = mechanism();
  // The operator holds the new key (it made it), so the proof of possession alone is easy: consent is what it lacks.
  mustRefuse(w, ['secretariat', 'member.admit', admissionBody(w.state, party2())], 'forbidden', /later member of side pk needs that side's consent/);
  mustRefuse(w, ['secretariat', 'member.admit', admissionBody(w.state, party2(), ['af'])], 'forbidden', /side's consent/);
  mustRefuse(w, ['secretariat', 'member.admit', admissionBody(w.state, party2(), ['qa', 'tr'])], 'forbidden', /side's consent/);
  // A consent signed by the operator's key but labelled as pk's is not pk's.
  const forged = admissionBody(w.state, party2());
  const consents = [{ member: 'pk', key: keyOf('secretariat'), sig: toBase64(signEd25519(seedOf('secretariat'), admissionMessage('test', 'member.admit', forged))) }];
  mustRefuse(w, ['secretariat', 'member.admit', { ...forged, consents }], 'unknown_key', /not registered to pk/);
  // A genuine consent by pk over another body does not verify.
  const other = admissionBody(w.state, party2({ name: 'Someone else' }), ['pk']);
  mustRefuse(w, ['secretariat', 'member.admit', { ...forged, consents: other.consents }], 'bad_signature', /consent by pk does not verify/);
  assert.equal(w.apply('pk-2', 'report.file', reportBody() as unknown as Body).ok, false, 'no pk-2 to file as');
  // With pk's consent, the side grows.
  admit(w, 'pk-2', 'party', { side: 'pk' }, ['pk']);
  w.must('pk-2', 'report.file', reportBody() as unknown as Body);
});

test('attack: the operator admits extra mediators to reach the findings quorum — refused without both parties', () => {
  const w = mechanism();
  for (const consenters of [[], ['pk'], ['af'], ['qa', 'tr']]) {
    mustRefuse(w, ['secretariat', 'member.admit', admissionBody(w.state, { member: 'm3', name: 'M3', role: 'mediator' }, consenters)], 'forbidden', /a new mediator needs the consent of every party/);
  }
  admit(w, 'm3', 'mediator', {}, ['pk', 'af']);
  assert.equal(w.state.members.get('m3')?.role, 'mediator');
});

test('attack: the operator revokes a party\'s only key for good — refused; a side revokes its own keys', () => {
  const w = mechanism();
  mustRefuse(w, ['secretariat', 'key.revoke', { member: 'pk', key: keyOf('pk'), reason: 'Lost.' }], 'forbidden', /revoked only with a signature of its own side, never by the operator/);
  mustRefuse(w, ['secretariat', 'key.revoke', { member: 'qa', key: keyOf('qa') }], 'forbidden', /mediator's key/);
  mustRefuse(w, ['af', 'key.revoke', { member: 'pk', key: keyOf('pk') }], 'forbidden');
  mustRefuse(w, ['qa', 'key.revoke', { member: 'tr', key: keyOf('tr') }], 'forbidden');
  // The operator still revokes a monitor's key; a party revokes a key of its own side.
  w.must('secretariat', 'key.revoke', { member: 'field-team-1', key: keyOf('field-team-1') });
  admit(w, 'pk-2', 'party', { side: 'pk' }, ['pk']);
  w.must('pk-2', 'key.revoke', { member: 'pk', key: keyOf('pk'), reason: 'Rotated by the side.' });
  assert.ok(w.state.keys.get(keyOf('pk'))?.revoked);
});

test('key.add: proof of possession for a party\'s or mediator\'s key; only the member or its own side adds one', () => {
  const w = mechanism();
  mustRefuse(w, ['pk', 'key.add', { key: keyOf('pk-second') }], 'forbidden', /proof of possession/);
  mustRefuse(w, ['pk', 'key.add', { ...keyAddBody(w.state, 'pk', 'pk-second'), key: keyOf('pk-third') }], 'bad_signature');
  mustRefuse(w, ['secretariat', 'key.add', keyAddBody(w.state, 'pk', 'pk-second', { member: 'pk' })], 'forbidden', /does not speak for pk/);
  mustRefuse(w, ['af', 'key.add', keyAddBody(w.state, 'pk', 'pk-second', { member: 'pk' })], 'forbidden', /does not speak for pk/);
  // A pop made for the signer's own key.add cannot be moved onto another member.
  admit(w, 'pk-2', 'party', { side: 'pk' }, ['pk']);
  mustRefuse(w, ['pk-2', 'key.add', { ...keyAddBody(w.state, 'pk-2', 'pk-second'), member: 'pk' }], 'bad_signature');
  w.must('pk', 'key.add', keyAddBody(w.state, 'pk', 'pk-second'));
  // A monitor's key needs no proof (the operator admits monitors alone), but a wrong one is still refused.
  w.must('field-team-1', 'key.add', { key: keyOf('ft-second') });
  mustRefuse(w, ['field-team-1', 'key.add', { ...keyAddBody(w.state, 'field-team-1', 'ft-third'), key: keyOf('ft-fourth') }], 'bad_signature');
  assert.equal(w.state.keys.get(keyOf('pk-second'))?.member, 'pk');
});

test('recovery of a lost key: the side\'s other member revokes it and registers a new one; the operator cannot', () => {
  const w = mechanism();
  admit(w, 'pk-2', 'party', { side: 'pk' }, ['pk']);
  // pk lost its only key. The operator can neither revoke it nor add a replacement.
  mustRefuse(w, ['secretariat', 'key.revoke', { member: 'pk', key: keyOf('pk'), reason: 'Lost.' }], 'forbidden');
  mustRefuse(w, ['secretariat', 'key.add', keyAddBody(w.state, 'pk', 'pk-new', { member: 'pk' })], 'forbidden');
  // The side's other member does both.
  w.must('pk-2', 'key.revoke', { member: 'pk', key: keyOf('pk'), reason: 'Lost at the border crossing.' });
  w.must('pk-2', 'key.add', keyAddBody(w.state, 'pk', 'pk-new', { member: 'pk' }));
  const replaced = w.state.keys.get(keyOf('pk-new'));
  assert.deepEqual([replaced?.member, replaced?.revoked], ['pk', null]);
  const old = w.apply('pk', 'report.file', reportBody() as unknown as Body);
  assert.ok(!old.ok && old.code === 'revoked_key', 'the lost key signs no more');
});

test('keyFingerprint: 40 hex digits in groups of four, the same for the same key', () => {
  assert.match(keyFingerprint(keyOf('pk')), /^([0-9a-f]{4} ){9}[0-9a-f]{4}$/);
  assert.equal(keyFingerprint(keyOf('pk')), keyFingerprint(keyOf('pk')));
  assert.notEqual(keyFingerprint(keyOf('pk')), keyFingerprint(keyOf('af')));
  assert.equal(keyFingerprint('not a key'), 'invalid key');
});
