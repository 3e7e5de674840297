import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admit, agreed, agreementBody, mechanism, meetingBody, mustRefuse, statusChange as change, type World } from '../test-builders.js';

const statusChange = (w: World, by: string, body: Record<string, unknown>) => change(w, body, by, by === 'qa' ? 'tr' : 'qa');
import { contentHash } from './fields.js';
import { agreementVersions } from './agreement.js';
import { ceasefireOn, statusClaims, statusHistory } from './agreement-status.js';

type Body = Record<string, unknown>;
const status = (over: Body): Body => ({ agreement: 'ceasefire', reason: 'As agreed by the parties.', ...over });
const proposed = (): World => {
  const w = mechanism();
  w.must('qa', 'agreement.propose', agreementBody() as unknown as Body);
  return w;
};

test('the case\'s history: temporary ceasefire, extension, suspension, resumption, end; each date answered', () => {
  const w = proposed();
  const meeting = w.must('qa', 'meeting.record', meetingBody({ start: '2025-10-18T08:00:00Z', end: '2025-10-19T20:00:00Z' })).id;
  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-15T13:00:00Z', expires: '2025-10-17T13:00:00Z', reason: 'Temporary ceasefire of 48 hours.' }));
  statusChange(w, 'tr', status({ status: 'extended', effective: '2025-10-17T12:00:00Z', expires: '2025-10-19T13:00:00Z' }));
  statusChange(w, 'qa', status({ status: 'extended', effective: '2025-10-19T12:00:00Z', expires: null, meeting, reason: 'Doha: extended until further notice.' }));
  statusChange(w, 'qa', status({ status: 'suspended', effective: '2025-11-20T00:00:00Z', reason: 'Suspended after the exchange of fire.' }));
  statusChange(w, 'tr', status({ status: 'resumed', effective: '2025-11-25T00:00:00Z' }));
  statusChange(w, 'qa', status({ status: 'ended', effective: '2026-01-01T00:00:00Z' }));
  const on = (d: string) => ceasefireOn(w.state, d);
  assert.deepEqual([on('2025-10-14').stands, on('2025-10-14').state], [false, 'proposed']);
  assert.deepEqual([on('2025-10-16').stands, on('2025-10-16').state, on('2025-10-16').expires], [true, 'in_force', '2025-10-17T13:00:00Z']);
  assert.deepEqual([on('2025-11-07T12:00:00Z').stands, on('2025-11-07T12:00:00Z').state], [true, 'extended']);
  assert.equal(on('2025-11-07T12:00:00Z').change?.meeting, meeting);
  assert.deepEqual([on('2025-11-21').stands, on('2025-11-21').state], [false, 'suspended']);
  assert.deepEqual([on('2025-11-30').stands, on('2025-11-30').state, on('2025-11-30').expires], [true, 'resumed', null]);
  assert.deepEqual([on('2026-02-01').stands, on('2026-02-01').state], [false, 'ended']);
  assert.equal(statusHistory(w.state).length, 6);
  assert.ok(on('2025-10-16').change?.ref.index, 'the answer names the signed statement behind it');
});

test('a temporary ceasefire lapses at its expiry; a lapsed one is re-established, not extended', () => {
  const w = proposed();
  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-15T13:00:00Z', expires: '2025-10-17T13:00:00Z' }));
  assert.deepEqual([ceasefireOn(w.state, '2025-10-17T13:00:00Z').stands, ceasefireOn(w.state, '2025-10-17T13:00:00Z').state], [false, 'lapsed']);
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'extended', effective: '2025-10-18T00:00:00Z', expires: '2025-10-25T00:00:00Z' })], 'invalid_state', /lapsed on .* cannot become extended/);
  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-19T00:00:00Z' }));
  assert.equal(ceasefireOn(w.state, '2025-10-18').stands, false);
  assert.equal(ceasefireOn(w.state, '2025-12-01').stands, true);
});

test('a resumption keeps the expiry agreed before the suspension unless it names another', () => {
  const w = proposed();
  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', expires: '2025-12-01T00:00:00Z' }));
  statusChange(w, 'qa', status({ status: 'suspended', effective: '2025-10-20T00:00:00Z' }));
  statusChange(w, 'qa', status({ status: 'resumed', effective: '2025-10-22T00:00:00Z' }));
  assert.equal(ceasefireOn(w.state, '2025-11-01').expires, '2025-12-01T00:00:00Z');
  assert.equal(ceasefireOn(w.state, '2025-12-02').state, 'lapsed');
});

test('a resumption after the old expiry must name a new one', () => {
  const w = proposed();
  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', expires: '2025-10-25T00:00:00Z' }));
  statusChange(w, 'qa', status({ status: 'suspended', effective: '2025-10-20T00:00:00Z' }));
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'resumed', effective: '2025-10-26T00:00:00Z' })], 'invalid_state', /expiry 2025-10-25T00:00:00Z has passed/);
  statusChange(w, 'qa', status({ status: 'resumed', effective: '2025-10-26T00:00:00Z', expires: null }));
  assert.equal(ceasefireOn(w.state, '2026-01-01').stands, true);
});

test('status refusals: transitions that make no sense, back-dating, bad expiry, unknown agreement or meeting, non-mediators', () => {
  const w = mechanism();
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z' })], 'not_found', /no agreement or recorded term names the ceasefire ceasefire/);
  agreed(w);
  admit(w, 'un', 'mediator');
  const cases: [Body, string, RegExp][] = [
    [status({ status: 'extended', effective: '2025-10-15T00:00:00Z', expires: null }), 'invalid_state', /proposed on .* cannot become extended/],
    [status({ status: 'suspended', effective: '2025-10-15T00:00:00Z' }), 'invalid_state', /proposed on .* cannot become suspended/],
    [status({ status: 'resumed', effective: '2025-10-15T00:00:00Z' }), 'invalid_state', /cannot become resumed/],
    [status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', meeting: 'a'.repeat(64) }), 'not_found', /no meeting/],
    [status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', expires: '2025-10-14T00:00:00Z' }), 'bad_request', /expires must be after effective/],
    [status({ status: 'suspended', effective: '2025-10-15T00:00:00Z', expires: '2025-10-20T00:00:00Z' }), 'bad_request', /has no expiry/],
    [status({ status: 'in_force', effective: '2025-10-15' }), 'bad_request', /RFC 3339 UTC/],
  ];
  for (const [body, code, re] of cases) mustRefuse(w, ['qa', 'agreement.status', body], code, re);
  mustRefuse(w, ['un', 'agreement.status', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z' })], 'forbidden', /un is not a mediator under the rules in force \(qa, tr\)/);
  // A party's own declaration is kept as its claim; the ceasefire's recorded status does not move.
  w.must('pk', 'agreement.status', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', reason: 'Pakistan says the ceasefire is in force.' }));
  assert.deepEqual([statusClaims(w.state).map((c) => [c.side, c.status]), ceasefireOn(w.state, '2025-10-16').stands], [[['pk', 'in_force']], false]);

  statusChange(w, 'qa', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z' }));
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'in_force', effective: '2025-10-16T00:00:00Z' })], 'invalid_state', /in_force on .* cannot become in_force/);
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'extended', effective: '2025-10-16T00:00:00Z', expires: '2025-12-01T00:00:00Z' })], 'invalid_state', /open-ended: there is no expiry to extend/);
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'extended', effective: '2025-10-16T00:00:00Z' })], 'bad_request', /names the new expiry/);
  mustRefuse(w, ['qa', 'agreement.status', status({ status: 'suspended', effective: '2025-10-14T00:00:00Z' })], 'invalid_state', /recorded in order/);

  const w2 = proposed();
  statusChange(w2, 'qa', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z', expires: '2025-10-20T00:00:00Z' }));
  mustRefuse(w2, ['qa', 'agreement.status', status({ status: 'extended', effective: '2025-10-16T00:00:00Z', expires: '2025-10-19T00:00:00Z' })], 'invalid_state', /must end after the current expiry/);
  statusChange(w2, 'qa', status({ status: 'ended', effective: '2025-10-18T00:00:00Z' }));
  for (const s of ['in_force', 'extended', 'suspended', 'resumed', 'ended']) {
    const extra = s === 'extended' ? { expires: null } : {};
    mustRefuse(w2, ['qa', 'agreement.status', status({ status: s, effective: '2025-10-19T00:00:00Z', ...extra })], 'invalid_state', new RegExp(`ended on .* cannot become ${s}`));
  }
});

test('a status change needs the mediators\' quorum: one proposes, the other concurs over its hash; alone it is only pending', () => {
  const w = proposed();
  const body = status({ status: 'in_force', effective: '2025-10-15T13:00:00Z' });
  const id = w.must('qa', 'agreement.status', body).id;
  assert.equal(ceasefireOn(w.state, '2025-10-16').stands, false, 'one mediator alone changes nothing');
  mustRefuse(w, ['tr', 'agreement.status', status({ status: 'ended', effective: '2025-10-16T00:00:00Z' })], 'invalid_state', /awaits the mediators' concurrence/);
  mustRefuse(w, ['tr', 'record.concur', { record: id, hash: 'f'.repeat(64) }], 'invalid_state', /not the proposal's hash/);
  mustRefuse(w, ['qa', 'record.concur', { record: id, hash: contentHash(body) }], 'invalid_state', /qa already signed/);
  w.must('tr', 'record.concur', { record: id, hash: contentHash(body) });
  const on = ceasefireOn(w.state, '2025-10-16');
  assert.deepEqual([on.stands, on.change?.signatures.map((s) => s.member)], [true, ['qa', 'tr']]);
  mustRefuse(w, ['tr', 'record.concur', { record: id, hash: contentHash(body) }], 'invalid_state', /already decided/);
});

test('rights to record status follow the rules in force, not a later version one mediator proposed with quorum 1', () => {
  const w = mechanism();
  const v1 = agreed(w);
  // qa proposes version 2 naming itself alone with a quorum of 1; no party signs it.
  w.must('qa', 'agreement.propose', agreementBody({ version: 2, amends: v1.hash, mediators: ['qa'], quorum: 1 }) as unknown as Body);
  w.must('qa', 'agreement.sign', { agreement: 'ceasefire', version: 2, hash: agreementVersions(w.state).at(-1)?.hash });
  w.must('qa', 'agreement.status', status({ status: 'in_force', effective: '2025-10-15T00:00:00Z' }));
  assert.equal(ceasefireOn(w.state, '2025-10-16').stands, false, 'still needs tr under version 1, the version in force');
});
