import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreed, agreementBody, agreementHash, filed, mechanism, mustRefuse, recordedTerm, statusChange, type World } from '../test-builders.js';
import { contentHash, textHash as textHashOf } from './fields.js';
import { findTerm, inForceDuring } from './terms.js';
import { mechanismRules } from './agreement-rules.js';

type Body = Record<string, unknown>;

// The case's shape: a verbal ceasefire from the evening of 15 Oct, recorded by the mediators after the fact, following
// the ceasefire's status; a written text one party signed.
const VERBAL = {
  term: { id: 'V1', text: 'Cessation of hostilities along the border.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No exchange of fire confirmed by the mediators.' },
  basis: { kind: 'verbal', sides: ['pk', 'af'], given_by: 'The delegations of both parties', given_at: '2025-10-15T13:00:00Z', before: ['qa', 'tr'] },
  from: '2025-10-15T13:00:00Z',
  ceasefire: 'ceasefire',
};
const day = (d: string) => ({ start: `${d}T00:00:00+05:00`, end: `${d}T23:00:00+05:00`, precision: 'day' as const });

function verbalCeasefire(w: World = mechanism()) {
  const record = recordedTerm(w, VERBAL);
  statusChange(w, { agreement: 'ceasefire', status: 'in_force', effective: '2025-10-15T13:00:00Z', reason: 'Agreed verbally.' });
  return { w, record };
}

test('a verbal undertaking recorded by the mediators\' quorum binds both parties from its date; one mediator alone records nothing', () => {
  const w = mechanism();
  const id = w.must('qa', 'term.record', VERBAL).id;
  assert.equal(findTerm(w.state, 'V1'), undefined, 'pending until the quorum');
  w.must('tr', 'record.concur', { record: id, hash: contentHash(VERBAL) });
  statusChange(w, { agreement: 'ceasefire', status: 'in_force', effective: '2025-10-15T13:00:00Z', reason: 'Agreed verbally.' });
  const t = findTerm(w.state, 'V1');
  const af = t?.parties.find((p) => p.side === 'af');
  assert.deepEqual([af?.bases[0]?.kind, af?.bases[0]?.record?.givenBy, af?.bases[0]?.record?.before, af?.bases[0]?.record?.acknowledged], ['verbal', 'The delegations of both parties', ['qa', 'tr'], null]);
  assert.deepEqual(af?.inForce, [{ from: '2025-10-15T13:00:00Z', until: null }]);
});

test('a party acknowledges the undertaking recorded about it, over the record\'s hash', () => {
  const { w, record } = verbalCeasefire();
  mustRefuse(w, ['af', 'term.acknowledge', { record, hash: 'e'.repeat(64) }], 'invalid_state', /not the record's hash/);
  w.must('af', 'term.acknowledge', { record, hash: contentHash(VERBAL) });
  const t = findTerm(w.state, 'V1');
  assert.ok(t?.parties.find((p) => p.side === 'af')?.bases[0]?.record?.acknowledged);
  assert.equal(t?.parties.find((p) => p.side === 'pk')?.bases[0]?.record?.acknowledged, null);
});

test('a written text signed by one party binds that party only; the other has no basis', () => {
  const w = mechanism();
  const body = agreementBody();
  w.must('pk', 'agreement.propose', body as unknown as Body);
  w.must('pk', 'agreement.sign', { agreement: body.agreement, version: 1, hash: agreementHash(body) });
  const c1 = findTerm(w.state, 'C1');
  assert.deepEqual(c1?.parties.map((p) => [p.side, p.bases.map((b) => b.kind)]), [['pk', ['signed_text']], ['af', []]]);
  assert.equal(c1?.parties[0]?.bases[0]?.version?.hash, agreementHash(body), 'the signature covers that version\'s hash');
  assert.equal(mechanismRules(w.state).version, null, 'rules come only from a version every party signed');
  const r = mustRefuse(w, ['pk', 'report.file', { ...reportOn('C1'), accused: ['af'] }], 'invalid_state', /term C1 was not in force for af/);
  assert.match(r, /af has no basis for it \(binding on pk only\)/);
  assert.ok(w.apply('af', 'report.file', { ...reportOn('C1'), accused: ['pk'], actors: [] }).ok, 'pk is bound by what it signed');
});

function reportOn(term: string, when = day('2025-11-06')): Body {
  return {
    when,
    where: { lat: 30.92, lon: 66.45, place: 'Chaman', country: 'Pakistan', geo_precision: 1 },
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actors: [{ name: 'Afghan Taliban forces', side: 'af', role: 'perpetrator' }],
    narrative: 'Exchange of fire.',
    sources: [],
    clauses: [term],
    accused: ['af'],
  };
}

test('time: a report may cite only a term in force at the incident\'s time; the refusal names the term and its period', () => {
  const { w } = verbalCeasefire();
  const detail = mustRefuse(w, ['pk', 'report.file', reportOn('V1', day('2025-10-12'))], 'invalid_state', /term V1 was not in force for af at the incident's time/);
  assert.match(detail, /in force for af from 2025-10-15T13:00:00Z \(verbal\)/);
  mustRefuse(w, ['pk', 'report.file', reportOn('V9')], 'invalid_state', /term V9 does not exist; the terms are: V1/);
  assert.ok(w.apply('pk', 'report.file', reportOn('V1')).ok);
});

test('time: a suspension of the ceasefire takes its terms out of force; the period shows as suspended', () => {
  const { w } = verbalCeasefire();
  statusChange(w, { agreement: 'ceasefire', status: 'suspended', effective: '2025-11-01T00:00:00Z', reason: 'Suspended.' });
  statusChange(w, { agreement: 'ceasefire', status: 'resumed', effective: '2025-11-10T00:00:00Z', reason: 'Resumed.' });
  const t = findTerm(w.state, 'V1');
  const af = t?.parties.find((p) => p.side === 'af');
  assert.deepEqual(af?.suspended, [{ from: '2025-11-01T00:00:00Z', until: '2025-11-10T00:00:00Z' }]);
  assert.equal(inForceDuring(t!, 'af', '2025-11-05T00:00:00Z', '2025-11-05T00:00:00Z'), false);
  mustRefuse(w, ['pk', 'report.file', reportOn('V1')], 'invalid_state', /until 2025-11-01T00:00:00Z; from 2025-11-10T00:00:00Z/);
});

test('a party records its own unilateral declaration, binding itself alone, with no quorum', () => {
  const w = mechanism();
  const decl = { ...VERBAL, term: { ...VERBAL.term, id: 'D1', bound: ['af'] }, basis: { ...VERBAL.basis, kind: 'declaration', sides: ['af'], given_by: 'The Afghan authorities' } };
  mustRefuse(w, ['af', 'term.record', { ...decl, term: { ...decl.term, bound: ['pk', 'af'] } }], 'forbidden', /binds af alone/);
  mustRefuse(w, ['pk', 'term.record', VERBAL], 'forbidden', /records only its own unilateral declaration/);
  w.must('af', 'term.record', decl);
  assert.deepEqual(findTerm(w.state, 'D1')?.parties.map((p) => p.bases.map((b) => b.kind)), [['declaration']]);
});

test('a joint statement binds only the sides whose delegation signed it', () => {
  const w = mechanism();
  const text = 'The ceasefire holds.';
  const meeting = w.must('tr', 'meeting.record', { title: 'Session', kind: 'talks', start: '2025-10-31T09:00:00Z', end: '2025-10-31T12:00:00Z', place: { name: 'Istanbul', lat: 41, lon: 29 }, attendees: ['pk', 'af', 'qa', 'tr'], agenda: [], outcome: 'agreed', joint: { text, hash: textHashOf(text) } }).id;
  recordedTerm(w, { ...VERBAL, term: { ...VERBAL.term, id: 'J1' }, basis: { ...VERBAL.basis, kind: 'joint_statement', meeting }, from: '2025-10-31T12:00:00Z', ceasefire: undefined });
  assert.deepEqual(findTerm(w.state, 'J1')?.parties.map((p) => p.bases.length), [0, 0], 'nobody signed yet');
  w.must('pk', 'joint.sign', { meeting, hash: textHashOf(text) });
  assert.deepEqual(findTerm(w.state, 'J1')?.parties.map((p) => p.bases.length), [1, 0]);
});

test('a term keeps its wording: another record of the same id with other words is refused', () => {
  const { w } = verbalCeasefire();
  mustRefuse(w, ['qa', 'term.record', { ...VERBAL, term: { ...VERBAL.term, text: 'Something else.' } }], 'invalid_state', /term V1 was recorded .* with other wording/);
});

test('issue 8: the rules (quorum, witnesses) change only through a version every party signed', () => {
  const w = mechanism();
  const v1 = agreed(w, { witnesses: { members: ['pk', 'af', 'qa', 'tr'], quorum: 3 } });
  assert.deepEqual([mechanismRules(w.state).quorum, mechanismRules(w.state).witnesses?.quorum], [2, 3]);
  // One mediator pushes version 2 with a quorum of 1 and itself as the only witness: nothing changes.
  agreed(w, { version: 2, amends: v1.hash, mediators: ['qa'], quorum: 1, witnesses: { members: ['qa'], quorum: 1 } }, ['qa']);
  assert.deepEqual([mechanismRules(w.state).version?.version, mechanismRules(w.state).quorum, mechanismRules(w.state).witnesses?.members], [1, 2, ['pk', 'af', 'qa', 'tr']]);
  mustRefuse(w, ['secretariat', 'agreement.propose', agreementBody({ version: 3 }) as unknown as Body], 'forbidden', /operator may not sign agreement.propose/);
});

test('without rules every party accepted, every admitted mediator must concur', () => {
  const w = mechanism();
  assert.deepEqual([mechanismRules(w.state).mediators, mechanismRules(w.state).quorum, mechanismRules(w.state).witnesses], [['qa', 'tr'], 2, null]);
  const id = filed(w, 'pk', { clauses: [] });
  assert.ok(id);
});
