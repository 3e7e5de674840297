import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreed, filed, mechanism, mustRefuse, reportBody, type World } from '../test-builders.js';
import { lateLimitMs } from '../clock.js';
import { incidentView } from '../views/incident.js';
import { accessTo, gridCell, notPublic, partiesFrom, presentIncident, summarizeIncident, type Reader } from '../views/publication.js';
import { buildPublicReport } from '../report/public-report.js';
import { getStaging, reportsAwaitingReview } from './staging.js';
import { listReports } from './reports.js';
import { complianceView } from '../views/compliance.js';

const PK: Reader = { member: 'pk', role: 'party', side: 'pk' };
const QA: Reader = { member: 'qa', role: 'mediator', side: null };
const TEAM: Reader = { member: 'field-team-1', role: 'monitor', side: null };
const PRESS: Reader = { member: 'press', role: 'observer', side: null };

/** Terms that review every monitor's report and show reports to the parties 24 h after signing. */
function staged(): { w: World; id: string; at: number } {
  const w = mechanism();
  agreed(w, { publication: { review: 'monitors', partiesAfterHours: 24 }, lateLimitHours: 120 });
  const id = filed(w, 'field-team-1', { clauses: [] });
  return { w, id, at: Date.parse(incidentView(w.state, id)!.filed.at) };
}

describe('staged publication', () => {
  it('gives each reader what the terms say: mediators and the filer at once, parties after the delay (a summary before), the public after review', () => {
    const { w, id, at } = staged();
    assert.equal(accessTo(w.state, id, QA, at, null), 'full');
    assert.equal(accessTo(w.state, id, TEAM, at, null), 'full');
    assert.equal(accessTo(w.state, id, PK, at, null), 'summary');
    assert.equal(accessTo(w.state, id, PK, at + 24 * 3_600_000, null), 'full');
    assert.equal(accessTo(w.state, id, null, at + 1e12, null), 'none', 'time alone never makes it public');
    assert.equal(accessTo(w.state, id, PRESS, at, null), 'none');
    assert.deepEqual(notPublic(w.state), { count: 1, cells: [{ ...gridCell(30.92, 66.45), country: 'Pakistan', count: 1 }] });
    assert.equal(notPublic(w.state, [60, 20, 62, 22]).count, 0, 'outside the bbox');
  });

  it('counts the parties\' delay from when the report arrived, not from when it was signed: a late report waits its full delay', () => {
    const { w, id, at } = staged();
    const staging = getStaging(w.state, id)!;
    const arrived = new Date(at + 30 * 3_600_000).toISOString(); // signed offline, sent 30 h later
    const afterArrival = Date.parse(arrived) + 24 * 3_600_000;
    assert.equal(partiesFrom(staging, { at: new Date(at).toISOString(), arrived }), new Date(afterArrival).toISOString().replace('.000Z', 'Z'));
    assert.equal(accessTo(w.state, id, PK, at + 25 * 3_600_000, arrived), 'summary', 'past the delay after signing, not yet after arrival');
    assert.equal(accessTo(w.state, id, PK, afterArrival - 1000, arrived), 'summary');
    assert.equal(accessTo(w.state, id, PK, afterArrival, arrived), 'full');
    assert.equal(accessTo(w.state, id, QA, Date.parse(arrived), arrived), 'full', 'the mediators at once, whenever it arrived');
    const early = new Date(at - 60_000).toISOString(); // an arrival recorded before the signing time (clock skew) never shortens it
    assert.equal(partiesFrom(staging, { at: new Date(at).toISOString(), arrived: early }), new Date(at + 24 * 3_600_000).toISOString().replace('.000Z', 'Z'));
    const summary = summarizeIncident(w.state, incidentView(w.state, id)!, arrived);
    assert.equal(Date.parse(summary.partiesFrom), afterArrival, 'the summary says when, from the arrival');
    assert.equal(incidentView(w.state, id)!.publication?.partiesFrom, undefined, 'the log\'s own view holds the delay, not a time');
    assert.equal(incidentView(w.state, id)!.publication?.partiesAfterHours, 24);
  });

  it('becomes public at the mediators\' quorum, on the grid unless every review released the exact position', () => {
    const { w, id } = staged();
    w.must('qa', 'report.review', { report: id, version: id, position: 'exact' });
    assert.equal(accessTo(w.state, id, null, 0, null), 'none', 'one of two mediators is not the quorum');
    w.must('tr', 'report.review', { report: id, version: id, position: 'grid' });
    assert.equal(accessTo(w.state, id, null, 0, null), 'full');
    assert.equal(notPublic(w.state).count, 0);
    const shown = presentIncident(w.state, incidentView(w.state, id)!, null);
    assert.deepEqual([shown.report.where.lat, shown.report.where.lon, shown.report.where.geo_precision, shown.positionOnGrid], [30.75, 66.25, 2, 0.5]);
    assert.equal(presentIncident(w.state, incidentView(w.state, id)!, QA).report.where.lat, 30.92, 'the mediators read the logged position');
    assert.equal(getStaging(w.state, id)?.published?.by, 'tr');
    assert.equal(accessTo(w.state, id, PK, 0, new Date().toISOString()), 'full', 'a party reads what the public reads, its delay notwithstanding');
  });

  it('refuses a review by a party, a second review by one mediator, of a stale version, or of a report public at once', () => {
    const { w, id } = staged();
    mustRefuse(w, ['pk', 'report.review', { report: id, version: id, position: 'grid' }], 'forbidden');
    w.must('qa', 'report.review', { report: id, version: id, position: 'grid' });
    mustRefuse(w, ['qa', 'report.review', { report: id, version: id, position: 'grid' }], 'invalid_state', /already reviewed/);
    const amended = w.must('field-team-1', 'report.amend', { report: id, changes: { narrative: 'Corrected account.' } }).id;
    mustRefuse(w, ['tr', 'report.review', { report: id, version: id, position: 'grid' }], 'invalid_state', /current version is/);
    w.must('tr', 'report.review', { report: id, version: amended, position: 'grid' });
    const party = filed(w, 'pk', { clauses: [] });
    mustRefuse(w, ['qa', 'report.review', { report: party, version: party, position: 'grid' }], 'invalid_state', /does not wait for review/);
  });

  it('keeps the public report to what is public, counting what waits', () => {
    const { w, id } = staged();
    const report = buildPublicReport(w.state, { from: '2025-11-01', to: '2025-11-30' });
    assert.equal(report.incidents.items.some((i) => i.id === id), false);
    assert.equal(report.reportsNotPublic, 1);
  });

  it('stages nothing and keeps 72 h while the terms set neither', () => {
    const w = mechanism();
    const id = filed(w, 'field-team-1', { clauses: [] });
    assert.equal(getStaging(w.state, id), undefined);
    assert.equal(accessTo(w.state, id, null, 0, null), 'full');
    assert.equal(lateLimitMs(w.state), 72 * 3_600_000);
    assert.equal(lateLimitMs(staged().w.state), 120 * 3_600_000, 'the terms set the late limit');
  });

  it('reviews only the filers the terms name', () => {
    const w = mechanism();
    agreed(w, { publication: { review: ['osint-desk'], partiesAfterHours: 0 } });
    assert.equal(getStaging(w.state, filed(w, 'field-team-1', { clauses: [] })), undefined);
    assert.equal(getStaging(w.state, filed(w, 'osint-desk', reportBody({ clauses: [] })))?.review, true);
  });

  it('keeps the reports awaiting review as a scan of every report would find them, so a page of incidents reads only those', () => {
    const w = mechanism();
    agreed(w, { publication: { review: ['field-team-1'], partiesAfterHours: 0 } });
    const places = [[30.92, 66.45], [31.6, 65.7], [33.9, 70.1], [30.92, 66.46]] as const;
    const ids = places.map(([lat, lon], i) => filed(w, i === 2 ? 'pk' : 'field-team-1', { clauses: [], where: { ...reportBody().where, lat, lon } }));
    const scan = () => listReports(w.state).filter((r) => getStaging(w.state, r.id)?.review && !getStaging(w.state, r.id)?.published).map((r) => r.id);
    assert.deepEqual(reportsAwaitingReview(w.state), scan());
    assert.deepEqual(reportsAwaitingReview(w.state), [ids[0], ids[1], ids[3]], 'in filing order; a party\'s report was public at once');
    w.must('qa', 'report.review', { report: ids[1]!, version: ids[1]!, position: 'grid' });
    assert.deepEqual(reportsAwaitingReview(w.state), scan(), 'one review of two is no quorum');
    w.must('tr', 'report.review', { report: ids[1]!, version: ids[1]!, position: 'grid' });
    assert.deepEqual(reportsAwaitingReview(w.state), [ids[0], ids[3]]);
    assert.deepEqual(reportsAwaitingReview(w.state), scan());
    assert.deepEqual(notPublic(w.state), { count: 2, cells: [{ ...gridCell(30.92, 66.45), country: 'Pakistan', count: 2 }] });
  });
});

describe('compliance counts what is public', () => {
  it('leaves a staged report out of the alleged breaches and incidents until the review makes it public', () => {
    const { w, id } = staged();
    const afIncidents = () => complianceView(w.state).parties.find((p) => p.side === 'af')?.incidents ?? 0;
    assert.equal(afIncidents(), 0);
    w.must('qa', 'report.review', { report: id, version: id, position: 'grid' });
    w.must('tr', 'report.review', { report: id, version: id, position: 'grid' });
    assert.equal(afIncidents(), 1);
  });
});
