import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, agreementBody, agreementHash, admit, mechanism, mustRefuse, type World } from '../test-builders.js';
import { agreementInForce, agreementVersions, getAgreementVersion } from './agreement.js';
import { contentHash } from './fields.js';

type Body = Record<string, unknown>;
const b = (x: object) => x as Body;
const sign = (w: World, by: string, version = 1, hash?: string) => w.apply(by, 'agreement.sign', { agreement: 'ceasefire', version, hash: hash ?? getAgreementVersion(w.state, 'ceasefire', version)?.hash });

test('a version\'s hash is the SHA-256 of the JCS of the agreement.propose body', () => {
  const w = mechanism();
  const body = agreementBody();
  w.must('qa', 'agreement.propose', b(body));
  const v = getAgreementVersion(w.state, 'ceasefire', 1);
  assert.equal(v?.hash, contentHash(body));
  assert.equal(v?.hash, contentHash(JSON.parse(JSON.stringify({ ...body, version: 1 }))), 'key order does not matter (JCS)');
});

test('in force once every party and the mediators\' quorum signed, not before', () => {
  const w = mechanism();
  w.must('qa', 'agreement.propose', b(agreementBody()));
  for (const m of ['pk', 'af', 'qa']) {
    assert.ok(sign(w, m).ok);
    assert.equal(agreementInForce(w.state), undefined, `in force after ${m} alone`);
  }
  assert.ok(sign(w, 'tr').ok);
  const inForce = agreementInForce(w.state);
  assert.equal(inForce?.version, 1);
  assert.equal(inForce?.replyDeadlineHours, 72);
  assert.deepEqual(inForce?.clauses.map((c) => c.id), ['C1', 'C2', 'C3', 'C4']);
  assert.equal(inForce?.since.by, 'tr');
});

test('a quorum of 1 of 2 mediators: in force without the second, who may still countersign', () => {
  const w = mechanism();
  const v = agreed(w, { quorum: 1 }, ['pk', 'af', 'qa']);
  assert.ok(v.inForce);
  assert.ok(sign(w, 'tr').ok, 'a countersignature beyond the quorum is kept');
  assert.equal(v.signatures.length, 4);
  assert.equal(v.inForce?.by, 'qa', 'in force from the signature that completed it');
});

test('an amendment is a new version that names the hash it amends; in force it supersedes the earlier', () => {
  const w = mechanism();
  const v1 = agreed(w);
  const body2 = agreementBody({ version: 2, amends: v1.hash, replyDeadlineHours: 48 });
  w.must('tr', 'agreement.propose', b(body2));
  assert.equal(agreementInForce(w.state)?.version, 1, 'version 1 stays in force until version 2 is signed');
  for (const m of ['pk', 'af', 'qa', 'tr']) assert.ok(sign(w, m, 2).ok);
  assert.equal(agreementInForce(w.state)?.version, 2);
  assert.equal(agreementInForce(w.state)?.replyDeadlineHours, 48);
  assert.equal(agreementVersions(w.state)[0]?.content.replyDeadlineHours, 72, 'version 1 is unchanged');
});

test('propose refusals: version numbers, amends, one agreement, parties and mediators that exist', () => {
  const w = mechanism();
  const v1 = agreed(w);
  const cases: [Body, string, RegExp][] = [
    [b(agreementBody({ version: 3, amends: v1.hash })), 'invalid_state', /next version of ceasefire is 2/],
    [b(agreementBody({ version: 1 })), 'invalid_state', /next version of ceasefire is 2, not 1/],
    [b(agreementBody({ version: 2 })), 'bad_request', /amendment names the hash/],
    [b(agreementBody({ version: 2, amends: '0'.repeat(64) })), 'invalid_state', /must amend version 1/],
    [b(agreementBody({ agreement: 'other', version: 2, amends: v1.hash })), 'invalid_state', /this mechanism's agreement is ceasefire/],
    [b(agreementBody({ version: 2, amends: v1.hash, parties: ['pk'] })), 'bad_request', /parties/],
    [b(agreementBody({ version: 2, amends: v1.hash, mediators: ['qa', 'pk'] })), 'invalid_state', /pk is not an admitted mediator/],
    [b(agreementBody({ version: 2, amends: v1.hash, quorum: 3 })), 'bad_request', /quorum of 3 is more than the 2/],
    [b(agreementBody({ version: 2, amends: v1.hash, clauses: [{ id: 'X', text: 't', bound: ['zz'], kind: 'prohibition', indicator: 'i' }] })), 'bad_request', /binds zz, which is not a party/],
    [b(agreementBody({ version: 2, amends: v1.hash, clauses: [...agreementBody().clauses, agreementBody().clauses[0]!] })), 'bad_request', /clause id C1 is repeated/],
    [b(agreementBody({ version: 2, amends: v1.hash, penalties: {} as never })), 'bad_request', /at least one severity/],
    [b({ ...agreementBody({ version: 2, amends: v1.hash }), title: '   ' }), 'bad_request', /must not be empty/],
  ];
  for (const [body, code, re] of cases) mustRefuse(w, ['qa', 'agreement.propose', body], code, re);
});

test('a party side with no admitted member cannot be a party', () => {
  const w = mechanism();
  const body = agreementBody({ parties: ['pk', 'af', 'zz'] });
  mustRefuse(w, ['qa', 'agreement.propose', b(body)], 'invalid_state', /no admitted party member speaks for side zz/);
});

test('sign refusals: unknown version, wrong hash, double signature, a side or mediator not named, a superseded version', () => {
  const w = mechanism();
  admit(w, 'in', 'party');
  admit(w, 'un', 'mediator');
  w.must('qa', 'agreement.propose', b(agreementBody()));
  mustRefuse(w, ['pk', 'agreement.sign', { agreement: 'ceasefire', version: 2, hash: '0'.repeat(64) }], 'not_found', /no version 2/);
  mustRefuse(w, ['pk', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: '0'.repeat(64) }], 'invalid_state', /not the hash of ceasefire version 1/);
  assert.ok(sign(w, 'pk').ok);
  mustRefuse(w, ['pk', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: agreementHash(agreementBody()) }], 'invalid_state', /pk already signed/);
  mustRefuse(w, ['in', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: agreementHash(agreementBody()) }], 'forbidden', /in, which is not a party/);
  mustRefuse(w, ['un', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: agreementHash(agreementBody()) }], 'forbidden', /un is not one of this version's mediators/);
  mustRefuse(w, ['field-team-1', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: agreementHash(agreementBody()) }], 'forbidden', /monitor may not sign/);
  // Version 2 proposed and put in force before version 1 completes: version 1 can no longer enter into force.
  const v1hash = agreementHash(agreementBody());
  const body2 = agreementBody({ version: 2, amends: v1hash });
  w.must('qa', 'agreement.propose', b(body2));
  for (const m of ['pk', 'af', 'qa', 'tr']) assert.ok(sign(w, m, 2).ok);
  mustRefuse(w, ['af', 'agreement.sign', { agreement: 'ceasefire', version: 1, hash: v1hash }], 'invalid_state', /version 2 is in force; version 1 can no longer/);
});
