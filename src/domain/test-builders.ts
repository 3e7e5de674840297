// Small builders for the tests of the agreement, meetings, investigations, findings, penalties, commitments and their
// views. They build on the report builders (test-builders-reports.ts): the same members and the same World.
// This file sits in domain/ without the .test.ts suffix, so it keeps domain's purity rule: no node:assert here; the
// checks below throw plain errors.
import type { Result } from './errors.js';
import type { MechanismState } from './state.js';
import { agreementVersions, type AgreementVersion } from './records/agreement.js';
import type { AgreementContent } from './records/agreement-schema.js';
import { contentHash, textHash } from './records/fields.js';
import { evidenceBody, fakeSha, mechanism, reportBody, type World } from './test-builders-reports.js';

export { admissionBody, admit, evidenceBody, fakeSha, keyAddBody, keyOf, mechanism, reportBody, seedOf, statement, world, type World } from './test-builders-reports.js';

type Body = Record<string, unknown>;
const asBody = (x: object): Body => x as Body;

/** An illustrative agreement: both parties bound by C1 and C3, the Afghan side by C2 and C4; all three severities. */
export function agreementBody(over: Partial<AgreementContent> = {}): AgreementContent {
  return {
    agreement: 'ceasefire',
    version: 1,
    title: 'Ceasefire between pk and af (test)',
    preamble: 'The parties agree to cease hostilities, mediated by qa and tr.',
    parties: ['pk', 'af'],
    mediators: ['qa', 'tr'],
    quorum: 2,
    replyDeadlineHours: 72,
    clauses: [
      { id: 'C1', text: 'Cessation of hostilities along the border.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No attack verified by the mediators.' },
      { id: 'C2', text: 'No use of territory for attacks on the other party.', bound: ['af'], kind: 'prohibition', indicator: 'No attack launched from Afghan soil verified.' },
      { id: 'C3', text: 'No cross-border strikes.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No strike verified.' },
      { id: 'C4', text: 'Hand over named militants.', bound: ['af'], kind: 'obligation', indicator: 'Hand-overs verified by the mediators.', deadline: '2025-12-31' },
    ],
    penalties: {
      minor: { penalty: 'Written warning from the mediators.' },
      serious: { penalty: 'Public censure by the mediators.', consequence: { measure: 'suspension of trade facilitation', amount: 30, unit: 'days' } },
      grave: { penalty: 'Referral to the guarantors.', consequence: { measure: 'suspension of the talks', amount: 90, unit: 'days' } },
    },
    ...over,
  };
}

/** The hash a signer of the agreement.propose body computes. */
export const agreementHash = (body: AgreementContent): string => contentHash(body);

/** Propose (by qa) and have every party and mediator sign; returns the version. */
export function agreed(w: World, over: Partial<AgreementContent> = {}, signers = ['pk', 'af', 'qa', 'tr']): AgreementVersion {
  const body = agreementBody(over);
  const ref = w.must('qa', 'agreement.propose', asBody(body));
  for (const m of signers) w.must(m, 'agreement.sign', { agreement: body.agreement, version: body.version, hash: agreementHash(body) });
  const v = agreementVersions(w.state).find((x) => x.id === ref.id);
  if (!v) throw new Error('the proposed version is missing');
  return v;
}

export const JOINT_TEXT = 'The ceasefire holds. The modalities of implementation will be settled at a principal-level meeting.';

export function meetingBody(over: Body = {}): Body {
  return {
    title: 'Second round (Istanbul)',
    kind: 'talks',
    round: 2,
    start: '2025-10-25T07:00:00Z',
    end: '2025-10-30T15:00:00Z',
    place: { name: 'Istanbul', lat: 41.01, lon: 28.98, country: 'Türkiye' },
    attendees: ['pk', 'af', 'qa', 'tr'],
    agenda: ['Verification of the ceasefire', 'Action against armed groups'],
    outcome: 'agreed',
    joint: { text: JOINT_TEXT, hash: textHash(JOINT_TEXT) },
    ...over,
  };
}

/** File a report (by pk, against af, on C1 unless told otherwise); returns its id. */
export function filed(w: World, by = 'pk', over: Parameters<typeof reportBody>[0] = {}, at?: string): string {
  return w.must(by, 'report.file', asBody(reportBody({ clauses: ['C1'], ...over })), at).id;
}

/** Register evidence n (a fake hash) by the member; returns its sha256. */
export function evidence(w: World, n: number, by = 'field-team-1'): string {
  w.must(by, 'evidence.register', evidenceBody({ sha256: fakeSha(n) }));
  return fakeSha(n);
}

export function violationBody(investigation: string, over: Body = {}): Body {
  return { investigation, determination: 'violation', responsible: 'af', responsibility: 'own_forces', clauses: ['C1'], severity: 'serious', reasoning: 'Two independent accounts and the crossing log agree.', evidence: [], ...over };
}

/**
 * The mechanism with the agreement in force, a report by pk against af, af's reply (so a finding may be final at
 * once), and an investigation opened by qa. `reply: false` leaves af's reply period running.
 */
export function openCase(w: World = mechanism(), { reply = true } = {}) {
  agreed(w);
  const report = filed(w);
  if (reply) w.must('af', 'report.reply', { report, stance: 'denies', text: 'We deny it.' });
  const investigation = w.must('qa', 'investigation.open', { reports: [report], mandate: 'Establish who fired first at the crossing.' }).id;
  return { w, report, investigation };
}

/** openCase, af's reply (so the reply period is over), then a violation finding proposed by qa and signed by tr: final. */
export function finalViolation(w: World = mechanism(), over: Body = {}) {
  const c = openCase(w);
  const body = violationBody(c.investigation, over);
  const finding = w.must('qa', 'finding.propose', body).id;
  w.must('tr', 'finding.sign', { finding, hash: contentHash(body) });
  return { ...c, finding, findingBody: body };
}

/** The penalty.apply body matching the schedule of agreementBody() for a severity. */
export function penaltyBody(finding: string, severity: 'minor' | 'serious' | 'grave' = 'serious', over: Body = {}): Body {
  const terms = agreementBody().penalties?.[severity];
  if (!terms) throw new Error(`no ${severity} penalty in the test schedule`);
  return { finding, severity, ...terms, ...over };
}

/** A status change proposed by one mediator and concurred by the other (the quorum of two). */
export function statusChange(w: World, body: Body, by = 'qa', other = 'tr', at?: string): string {
  const id = w.must(by, 'agreement.status', body, at).id;
  w.must(other, 'record.concur', { record: id, hash: contentHash(body) }, at);
  return id;
}

/** A term recorded by one mediator and concurred by the other; returns the record id. */
export function recordedTerm(w: World, body: Body, by = 'qa', other = 'tr'): string {
  const id = w.must(by, 'term.record', body).id;
  w.must(other, 'record.concur', { record: id, hash: contentHash(body) });
  return id;
}

/** Assert a refusal with the code and a detail matching `re`; returns the detail. */
export function refused(r: Result<unknown>, code: string, re?: RegExp): string {
  if (r.ok) throw new Error(`expected a refusal (${code}), but it was accepted`);
  if (r.code !== code) throw new Error(`expected ${code}, got ${r.code}: ${r.detail}`);
  if (re && !re.test(r.detail)) throw new Error(`the refusal "${r.detail}" does not match ${re}`);
  return r.detail;
}

/**
 * A deep snapshot of the state (Maps as entries), to check that a refusal changed nothing. Empty collections are left
 * out: a getter creates its collection on first use, which is no change to any record.
 */
export function snapshot(state: MechanismState): string {
  const records = [...state.records].filter(([, c]) => c.size > 0);
  return JSON.stringify({ ...state, records }, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

/** Apply a statement expecting a refusal that leaves the state exactly as it was; returns the detail. */
export function mustRefuse(w: World, [by, type, body, at]: Parameters<World['apply']>, code: string, re?: RegExp): string {
  const before = snapshot(w.state);
  const detail = refused(w.apply(by, type, body, at), code, re);
  if (snapshot(w.state) !== before) throw new Error(`the refused ${type} changed the state`);
  return detail;
}
