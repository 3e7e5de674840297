import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, RIGHTS, may, type Role } from './roles.js';
import { STATEMENT_TYPES, type StatementType } from './statement.js';
import { contentHash, textHash } from './records/fields.js';
import { buildPublicReport, publicReportHash } from './report/public-report.js';
import {
  JOINT_TEXT, agreed, agreementBody, agreementHash, evidenceBody, fakeSha, filed, finalViolation, keyAddBody, keyOf, mechanism, meetingBody, openCase,
  penaltyBody, recordedTerm, reportBody, snapshot, violationBody, type World,
} from './test-builders.js';
import { sealedReport } from './seal/test-builders.js';

// The whole rights table of design.md, cell by cell: every role signs every statement type, in a state where the
// statement would otherwise be valid. A cell the table allows must be accepted; a cell it does not must be refused
// as 'forbidden' by the rights check, with nothing changed.

type Body = Record<string, unknown>;
const SIGNER: Record<Role, string> = { operator: 'secretariat', party: 'pk', mediator: 'qa', monitor: 'field-team-1', observer: 'press' };

/** For each type: prepare the world (with other members where needed) and return the body `by` would sign. */
const SETUP: Record<StatementType, (w: World, by: string, role: Role) => Body> = {
  'member.admit': () => ({ member: 'newcomer', name: 'Newcomer', role: 'monitor', key: keyOf('newcomer') }),
  'key.add': (w, by) => keyAddBody(w.state, by, `${by}-second`),
  'key.revoke': (w, by) => {
    w.must(by, 'key.add', keyAddBody(w.state, by, `${by}-second`));
    return { member: by, key: keyOf(`${by}-second`), reason: 'Rotated.' };
  },
  'agreement.propose': () => agreementBody() as unknown as Body,
  'agreement.sign': (w) => {
    w.must('tr', 'agreement.propose', agreementBody() as unknown as Body);
    return { agreement: 'ceasefire', version: 1, hash: agreementHash(agreementBody()) };
  },
  'agreement.status': (w) => {
    w.must('tr', 'agreement.propose', agreementBody() as unknown as Body);
    return { agreement: 'ceasefire', status: 'in_force', effective: '2025-10-15T13:00:00Z', reason: 'Agreed.' };
  },
  'term.record': (_w, by, role) => (role === 'party' ? declaration(by) : VERBAL),
  'term.acknowledge': (w) => ({ record: recordedTerm(w, VERBAL, 'tr', 'qa'), hash: contentHash(VERBAL) }),
  'record.concur': (w) => ({ record: w.must('tr', 'term.record', VERBAL).id, hash: contentHash(VERBAL) }),
  'request.make': () => REQUEST,
  'request.answer': (w) => ({ request: w.must('af', 'request.make', { ...REQUEST, to: 'pk' }).id, answer: 'refused', text: 'No.' }),
  'report.file': () => reportBody() as unknown as Body,
  'report.amend': (w, by, role) => ({ report: filed(w, may(role, 'report.file') ? by : 'pk', { clauses: [] }), changes: { narrative: 'Amended account.' } }),
  'report.reply': (w) => ({ report: filed(w, 'field-team-1', { accused: ['pk'], clauses: [] }), stance: 'denies', text: 'No such exchange took place.' }),
  'evidence.register': () => evidenceBody({ sha256: fakeSha(77) }),
  'evidence.acknowledge': (w, by) => {
    w.must(by === 'field-team-1' ? 'osint-desk' : 'field-team-1', 'evidence.register', evidenceBody({ sha256: fakeSha(78) }));
    return { sha256: fakeSha(78) };
  },
  'evidence.access': (w) => {
    w.must('osint-desk', 'evidence.register', evidenceBody({ sha256: fakeSha(79) }));
    return { sha256: fakeSha(79) };
  },
  'investigation.open': (w) => ({ reports: [filed(w, 'pk', { clauses: [] })], mandate: 'Establish the facts.' }),
  'finding.propose': (w) => violationBody(openCase(w).investigation),
  'finding.sign': (w) => {
    const body = violationBody(openCase(w).investigation);
    return { finding: w.must('tr', 'finding.propose', body).id, hash: contentHash(body) };
  },
  'penalty.apply': (w) => penaltyBody(finalViolation(w).finding),
  'commitment.action': (w) => {
    agreed(w);
    return { clause: 'C1', action: 'Withdrew artillery from the crossing.', date: '2025-11-20', evidence: [] };
  },
  'commitment.verify': (w) => {
    agreed(w);
    const action = w.must('af', 'commitment.action', { clause: 'C4', action: 'Handed over 3 militants.', date: '2025-11-20', evidence: [] }).id;
    return { action, result: 'verified', reasoning: 'Witnessed by the mediators.' };
  },
  'candidate.promote': () => ({ candidate: 'cand-1', report: reportBody() }),
  'candidate.dismiss': () => ({ candidate: 'cand-2', reason: 'A duplicate of a report already filed.' }),
  'meeting.record': () => meetingBody(),
  'joint.sign': (w) => ({ meeting: w.must('secretariat', 'meeting.record', meetingBody()).id, hash: textHash(JOINT_TEXT) }),
  'enckey.add': (_w, by) => ({ key: keyOf(`${by}-enc`) }),
  'seal.release': (w) => ({ statement: sealedReport(w), field: '/witness' }),
  'report.publish': (w) => ({ ...SEPTEMBER, sha256: publicReportHash(buildPublicReport(w.state, SEPTEMBER)) }),
  'report.review': (w) => {
    agreed(w, { publication: { review: 'monitors', partiesAfterHours: 0 } });
    const report = filed(w, 'field-team-1', { clauses: [] });
    return { report, version: report, position: 'grid' };
  },
  'report.cosign': (w) => {
    const patrol = w.must('secretariat', 'patrol.plan', { name: 'Joint patrol', team: ['osint-desk', 'pk', 'qa', 'field-team-1'], area: 'Chaman crossing', from: '2026-01-01T06:00:00Z', until: '2026-01-01T12:00:00Z' }).id;
    const report = filed(w, 'osint-desk', { clauses: [], patrol });
    return { report, version: report };
  },
  'patrol.plan': () => ({ name: 'Joint patrol 1', team: ['pk', 'af', 'qa'], area: 'Chaman crossing', from: '2026-01-01T06:00:00Z', until: '2026-01-01T12:00:00Z' }),
  'access.denied': (_w, by) => ({ ...denialBody(), team: [by] }),
};

const denialBody = (): Body => {
  const r = reportBody();
  return { team: [], when: r.when, where: r.where, denied_by: { name: 'Guards at the crossing', side: 'af' }, narrative: 'Turned back at the gate.', clauses: [], accused: ['af'] };
};

const SEPTEMBER = { from: '2025-09-01', to: '2025-09-30' };
const VERBAL: Body = {
  term: { id: 'V1', text: 'Cessation of hostilities.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No exchange of fire.' },
  basis: { kind: 'verbal', sides: ['pk', 'af'], given_by: 'Both delegations', given_at: '2025-10-15T13:00:00Z', before: ['qa', 'tr'] },
  from: '2025-10-15T13:00:00Z',
};
const declaration = (side: string): Body => ({
  term: { id: 'D1', text: 'No strikes across the border.', bound: [side], kind: 'prohibition', indicator: 'No strike.' },
  basis: { kind: 'declaration', sides: [side], given_by: side, given_at: '2025-10-15T13:00:00Z', before: [] },
  from: '2025-10-15T13:00:00Z',
});
const REQUEST: Body = { to: 'af', subject: 'Hand over named persons', items: ['Person A', 'Person B'], deadline: '2026-01-01', text: 'Hand them to the mediators.' };

/**
 * Cells the rights table allows but a workflow rule refuses for every signer of that role: the mediator holds
 * "everything a party may" (design.md), but it is never the accused side and is bound by no clause.
 */
const WORKFLOW_REFUSALS: Partial<Record<`${Role}:${StatementType}`, RegExp>> = {
  'mediator:report.reply': /only a party accused by this report/,
  'mediator:commitment.action': /only a party reports actions/,
  'mediator:term.acknowledge': /only a party the record binds/,
  'mediator:request.make': /requests are made between parties/,
  'mediator:request.answer': /only pk, the party asked/,
};

test('every statement type has a rights-table scenario', () => {
  assert.deepEqual(Object.keys(SETUP).sort(), [...STATEMENT_TYPES].sort());
  for (const role of ROLES) for (const t of RIGHTS[role]) assert.ok(STATEMENT_TYPES.includes(t), `${role}: ${t}`);
});

for (const role of ROLES) {
  test(`rights table: ${role} × every statement type`, () => {
    const by = SIGNER[role];
    for (const type of STATEMENT_TYPES) {
      const w = mechanism();
      const body = SETUP[type](w, by, role);
      const before = snapshot(w.state);
      const r = w.apply(by, type, body);
      const cell = `${role} × ${type}`;
      const workflow = WORKFLOW_REFUSALS[`${role}:${type}`];
      if (!may(role, type)) {
        assert.equal(r.ok, false, `${cell}: accepted, but the table does not allow it`);
        assert.deepEqual(!r.ok && [r.code, r.detail], ['forbidden', `a ${role} may not sign ${type}`], cell);
        assert.equal(snapshot(w.state), before, `${cell}: refused but changed the state`);
      } else if (workflow) {
        assert.equal(r.ok, false, `${cell}: expected the workflow to refuse`);
        assert.equal(!r.ok && r.code, 'forbidden', cell);
        assert.match(!r.ok ? r.detail : '', workflow, cell);
      } else {
        assert.equal(r.ok, true, `${cell}: ${!r.ok ? `${r.code}: ${r.detail}` : ''}`);
      }
    }
  });
}
