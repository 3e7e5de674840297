import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreed, filed, mechanism, mustRefuse, reportBody } from '../test-builders.js';
import { incidentView } from '../views/incident.js';
import { accessTo } from '../views/publication.js';

const PLAN = { name: 'Joint patrol 1', team: ['field-team-1', 'pk', 'af', 'qa'], area: 'Chaman crossing', from: '2025-10-02T06:00:00Z', until: '2025-10-02T12:00:00Z' };

describe('joint field teams', () => {
  it('records a patrol plan only in advance, naming admitted members', () => {
    const w = mechanism();
    mustRefuse(w, ['qa', 'patrol.plan', { ...PLAN, from: '2025-09-30T06:00:00Z' }], 'invalid_state', /recorded in advance/);
    mustRefuse(w, ['qa', 'patrol.plan', { ...PLAN, team: ['nobody'] }], 'invalid_state', /nobody is not an admitted member/);
    mustRefuse(w, ['pk', 'patrol.plan', PLAN], 'forbidden');
    w.must('qa', 'patrol.plan', PLAN);
  });

  it('a patrol\'s report is co-signed by the rest of its team, each once, over the current version; the view says jointly signed by whom', () => {
    const w = mechanism();
    const patrol = w.must('qa', 'patrol.plan', PLAN).id;
    const id = filed(w, 'field-team-1', { clauses: [], patrol });
    w.must('pk', 'report.cosign', { report: id, version: id });
    mustRefuse(w, ['pk', 'report.cosign', { report: id, version: id }], 'invalid_state', /already co-signed/);
    mustRefuse(w, ['field-team-1', 'report.cosign', { report: id, version: id }], 'invalid_state', /its signature is the report itself/);
    mustRefuse(w, ['tr', 'report.cosign', { report: id, version: id }], 'forbidden', /only the patrol's team/);
    const amended = w.must('field-team-1', 'report.amend', { report: id, changes: { narrative: 'Heard two bursts of fire.' } }).id;
    mustRefuse(w, ['af', 'report.cosign', { report: id, version: id }], 'invalid_state', /current version/);
    w.must('af', 'report.cosign', { report: id, version: amended });
    w.must('qa', 'report.cosign', { report: id, version: amended });
    assert.deepEqual(incidentView(w.state, id)?.cosigned.map((c) => [c.member, c.version === amended]), [['pk', false], ['af', true], ['qa', true]]);
    mustRefuse(w, ['field-team-1', 'report.file', { ...reportBody({ clauses: [] }), patrol: 'f'.repeat(64) }], 'not_found', /no patrol plan/);
  });

  it('denial of access is a report of its own: where, by whom, which team; only a member of the team files it', () => {
    const w = mechanism();
    const patrol = w.must('qa', 'patrol.plan', PLAN).id;
    const r = reportBody();
    const body = { team: ['field-team-1', 'pk'], patrol, when: r.when, where: r.where, denied_by: { name: 'Guards at the gate', side: 'af' }, narrative: 'Turned back at the gate.', clauses: [], accused: ['af'] };
    mustRefuse(w, ['af', 'access.denied', body], 'forbidden', /only a member of the team/);
    const id = w.must('field-team-1', 'access.denied', body).id;
    const view = incidentView(w.state, id)!;
    assert.equal(view.report.sub_event_type, 'Obstruction or denial of access to monitors');
    assert.deepEqual(view.denial?.team.map((m) => m.id), ['field-team-1', 'pk']);
    assert.equal(view.denial?.deniedBy.name, 'Guards at the gate');
    assert.equal(view.denial?.patrol, patrol);
    w.must('pk', 'report.cosign', { report: id, version: id });
    mustRefuse(w, ['qa', 'report.cosign', { report: id, version: id }], 'forbidden', /team/);
  });

  it('the makers of a staged report read it in full at once', () => {
    const w = mechanism();
    agreed(w, { publication: { review: 'monitors', partiesAfterHours: 48 } });
    const id = filed(w, 'field-team-1', { clauses: [], patrol: w.must('qa', 'patrol.plan', { ...PLAN, from: '2026-01-01T06:00:00Z', until: '2026-01-01T12:00:00Z' }).id });
    const plain = filed(w, 'field-team-1', { clauses: [] });
    mustRefuse(w, ['pk', 'report.cosign', { report: plain, version: plain }], 'invalid_state', /names no patrol plan/);
    w.must('pk', 'report.cosign', { report: id, version: id });
    assert.equal(accessTo(w.state, id, { member: 'pk', role: 'party', side: 'pk' }, 0, null), 'full');
    assert.equal(accessTo(w.state, id, { member: 'af', role: 'party', side: 'af' }, 0, null), 'summary');
  });
});
