import type { StatementType } from '../../statement.js';
import type { DemoCase, DemoMember, DemoStatement } from '../case.js';
import { hashOf, idOf } from '../refs.js';
import { JOINT_PATROL, fieldStatements } from './field.js';
import { TRAINING_AGREEMENT, VERBAL_TERM, eastgateReport, firstSession, flightReport, presenceReport, trainingEvidenceFiles, trainingFile } from './bodies.js';

export const TRAINING_LABEL =
  'TRAINING MECHANISM: fictional parties (the Northern Republic, the Southern Federation), fictional mediators and places. ' +
  'Nothing here is a real record; it shows the whole workflow, findings and penalties included.';

const MEMBERS: readonly DemoMember[] = [
  { id: 'secretariat', name: 'Training secretariat (fictional)', role: 'operator' },
  { id: 'north', name: 'Northern Republic (fictional party)', role: 'party', side: 'north' },
  { id: 'south', name: 'Southern Federation (fictional party)', role: 'party', side: 'south' },
  { id: 'med-a', name: 'Mediator A (fictional)', role: 'mediator' },
  { id: 'med-b', name: 'Mediator B (fictional)', role: 'mediator' },
  { id: 'field-team-1', name: 'Training field team 1 (fictional)', role: 'monitor' },
  { id: 'osint-desk', name: 'Training open-source desk (fictional)', role: 'monitor' },
  { id: 'press-pool', name: 'Press pool (public observer, fictional)', role: 'observer' },
  JOINT_PATROL,
];

const s = (at: string, by: string, type: StatementType, body: object, name?: string): DemoStatement => ({ ...(name ? { name } : {}), by, type, at: `2026-${at}Z`, body: body as Record<string, unknown> });
const evidence = (name: string, over: object) => {
  const f = trainingFile(name);
  return { sha256: f.sha256, media_type: f.mediaType, size: f.bytes.length, ...over };
};

function statements(): DemoStatement[] {
  const crater = trainingFile('eastgate-crater-photo-notes').sha256;
  const camps = trainingFile('camp-list').sha256;
  const violation = {
    investigation: idOf('I1'),
    determination: 'violation',
    responsible: 'south',
    responsibility: 'failure_to_prevent',
    group: 'River Front (fictional armed group)',
    clauses: ['C2'],
    severity: 'serious',
    reasoning: 'TRAINING: the crater and the field team\'s account show fire from the south bank by the River Front; the Southern Federation did not prevent the group acting from its territory. Who fired first is disputed and not decided here.',
    evidence: [crater],
  };
  const noViolation = { investigation: idOf('I2'), determination: 'no_violation', responsible: 'north', clauses: ['V1'], reasoning: 'TRAINING: flight logs shared with the mediators show no flight within 10 km of the boundary that day.', evidence: [] };
  return [
    // Written terms signed by both parties and both mediators; the rules and witnesses come from them.
    s('03-01T08:00:00', 'med-a', 'agreement.propose', TRAINING_AGREEMENT, 'A1'),
    ...['north', 'south', 'med-a', 'med-b'].map((m, i) => s(`03-01T09:0${i}:00`, m, 'agreement.sign', { agreement: TRAINING_AGREEMENT.agreement, version: 1, hash: hashOf('A1') })),
    s('03-01T10:00:00', 'med-a', 'agreement.status', { agreement: 'training-ceasefire', status: 'in_force', effective: '2026-03-01T12:00:00Z', reason: 'TRAINING: the ceasefire takes effect at noon on 1 March, open-ended.' }, 'S1'),
    s('03-01T10:05:00', 'med-b', 'record.concur', { record: idOf('S1'), hash: hashOf('S1') }),
    // The first session: a joint statement, and a verbal undertaking recorded by the mediators, acknowledged by north.
    s('03-02T17:00:00', 'secretariat', 'meeting.record', firstSession, 'M1'),
    ...['north', 'south', 'med-a', 'med-b'].map((m, i) => s(`03-02T17:1${i}:00`, m, 'joint.sign', { meeting: idOf('M1'), hash: firstSession.joint?.hash })),
    s('03-02T18:00:00', 'med-b', 'term.record', { ...VERBAL_TERM, basis: { ...VERBAL_TERM.basis, meeting: idOf('M1') } }, 'T1'),
    s('03-02T18:05:00', 'med-a', 'record.concur', { record: idOf('T1'), hash: hashOf('T1') }),
    s('03-03T09:00:00', 'north', 'term.acknowledge', { record: idOf('T1'), hash: hashOf('T1') }),
    // Eastgate: report, evidence, reply, investigation, finding (final after the reply), penalty.
    s('03-09T08:00:00', 'north', 'report.file', eastgateReport, 'R1'),
    s('03-09T10:00:00', 'field-team-1', 'evidence.register', evidence('eastgate-crater-photo-notes', { title: 'Crater notes, Eastgate (fictional)', description: 'The training field team\'s notes on the crater.', confidentiality: 'members', captured_at: '2026-03-09T09:00:00+01:00', captured_place: { place: 'Eastgate crossing (fictional)', lat: 1.2, lon: 1.1 }, reports: [idOf('R1')] })),
    s('03-10T09:00:00', 'south', 'report.reply', { report: idOf('R1'), stance: 'disputes_attribution', text: 'TRAINING: the Southern Federation says northern forces fired first and that the River Front does not act on its orders.' }),
    s('03-10T12:00:00', 'med-a', 'investigation.open', { reports: [idOf('R1')], title: 'Fire at Eastgate, 8 March 2026 (training)', mandate: 'Establish where the fire came from, who fired, and whether C1 or C2 was broken.' }, 'I1'),
    s('03-12T08:00:00', 'med-a', 'finding.propose', violation, 'F1'),
    s('03-13T08:00:00', 'med-b', 'finding.sign', { finding: idOf('F1'), hash: hashOf('F1'), position: 'concur' }),
    s('03-13T09:00:00', 'med-a', 'penalty.apply', { finding: idOf('F1'), severity: 'serious', ...TRAINING_AGREEMENT.penalties?.serious }),
    // A report against the north, found to be no violation after its reply period ran out.
    s('03-13T12:00:00', 'south', 'report.file', flightReport, 'R2'),
    s('03-14T09:00:00', 'med-b', 'investigation.open', { reports: [idOf('R2')], title: 'Alleged flight near Westford (training)', mandate: 'Establish whether a northern aircraft flew within 10 km of the boundary.' }, 'I2'),
    s('03-17T09:00:00', 'med-b', 'finding.propose', noViolation, 'F2'),
    s('03-17T10:00:00', 'med-a', 'finding.sign', { finding: idOf('F2'), hash: hashOf('F2'), position: 'concur' }),
    // Commitments: a request between the parties, benchmarks, an action verified, another still unverified.
    s('03-14T12:00:00', 'north', 'request.make', { to: 'south', term: 'C3', subject: 'Hand over named River Front commanders', items: ['Commander "Heron" (fictional)', 'Commander "Kestrel" (fictional)'], deadline: '2026-04-15', text: 'TRAINING: the Northern Republic asks that the two commanders be handed to the mediators.' }, 'Q1'),
    s('03-16T12:00:00', 'south', 'request.answer', { request: idOf('Q1'), answer: 'partly_accepted', text: 'TRAINING: one commander will be handed over; the other is not on our territory.' }),
    s('03-18T09:00:00', 'south', 'evidence.register', evidence('camp-list', { title: 'List of River Front camps (fictional)', description: 'Handed to the mediators for benchmark B1.', confidentiality: 'mediators' })),
    s('03-18T10:00:00', 'south', 'commitment.action', { clause: 'C3', benchmark: 'B1', action: 'TRAINING: handed the list of six River Front camps to both mediators.', date: '2026-03-18', quantity: { amount: 6, unit: 'camps listed' }, evidence: [camps] }, 'K1'),
    s('03-19T09:00:00', 'med-a', 'commitment.verify', { action: idOf('K1'), result: 'verified', reasoning: 'TRAINING: both mediators received the list.' }),
    s('03-19T09:30:00', 'med-b', 'commitment.verify', { action: idOf('K1'), result: 'verified', reasoning: 'TRAINING: received.' }),
    s('03-24T10:00:00', 'south', 'commitment.action', { clause: 'C3', benchmark: 'B2', action: 'TRAINING: closed two of the six camps.', date: '2026-03-24', quantity: { amount: 2, unit: 'camps closed' }, evidence: [] }),
    // A continuing situation, still ongoing when last reviewed.
    s('03-25T12:00:00', 'north', 'report.file', presenceReport, 'R3'),
    // A joint patrol's co-signed report, reviewed and public; a denied patrol, still waiting for review.
    ...fieldStatements(),
  ];
}

/** The training mechanism: the whole workflow on invented parties, for training, tests and screenshots. */
export function trainingCase(): DemoCase {
  // In time order (each statement refers only to earlier ones, so the order of references is kept).
  const ordered = statements().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { mechanism: 'training-demo', label: TRAINING_LABEL, admittedAt: '2026-02-28T08:00:00Z', members: MEMBERS, statements: ordered, files: trainingEvidenceFiles() };
}
