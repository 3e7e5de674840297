import type { Role } from '../roles.js';
import type { StatementType } from '../statement.js';
import { PK_WRITTEN_TEXT } from './agreement.js';
import { demoEvidenceFiles, demoFile, type DemoEvidenceFile } from './evidence-files.js';
import { dohaRound, istanbulRound2, istanbulRound3, jointStatementSession } from './meetings.js';
import { hashOf, idOf } from './refs.js';
import { afAirstrikeReport, chamanReport, osintKabulReport, osintKandaharReport, pkAttackAmendment, pkAttackReport, pkClashesReport } from './reports.js';
import { ceasefireInForce, verbalTerms } from './terms.js';

export interface DemoMember {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly side?: string;
}

/** One demo statement, unsigned: the loader signs it with the member's demo key after resolving its body (refs.ts). */
export interface DemoStatement {
  /** A local name later statements refer to ("@id:R1", "@hash:A1"). */
  readonly name?: string;
  readonly by: string;
  readonly type: StatementType;
  readonly at: string;
  readonly body: Record<string, unknown>;
}

export interface DemoCase {
  readonly mechanism: string;
  readonly label: string;
  /** The time of the genesis and admissions (one second apart, in `members` order, the operator first). */
  readonly admittedAt: string;
  readonly members: readonly DemoMember[];
  readonly statements: readonly DemoStatement[];
  /** The evidence files whose hashes the statements register (the loader stores their bytes). */
  readonly files: readonly DemoEvidenceFile[];
}

export const DEMO_LABEL =
  'Illustration built from public reporting of the October-November 2025 Pakistan-Afghanistan ceasefire. ' +
  'The members\' keys and signatures are invented to show the mechanism; every statement of a party says only what the ' +
  'reporting attributes to it. There is no finding and no penalty: the reporting names none.';

const MEMBERS: readonly DemoMember[] = [
  { id: 'secretariat', name: 'Secretariat of the monitoring and verification mechanism (demo)', role: 'operator' },
  { id: 'pk', name: 'Government of Pakistan (Islamabad)', role: 'party', side: 'pk' },
  { id: 'af', name: 'Afghan Taliban authorities, de facto government in Kabul', role: 'party', side: 'af' },
  { id: 'qa', name: 'State of Qatar', role: 'mediator' },
  { id: 'tr', name: 'Republic of Türkiye', role: 'mediator' },
  { id: 'field-team-1', name: 'Joint field team 1 (Chaman-Spin Boldak)', role: 'monitor' },
  { id: 'osint-desk', name: 'Open-source analysis desk', role: 'monitor' },
  { id: 'press-pool', name: 'Press pool (public observer)', role: 'observer' },
];

const body = (x: object): Record<string, unknown> => x as Record<string, unknown>;
const s = (at: string, by: string, type: StatementType, b: object, name?: string): DemoStatement => ({ ...(name ? { name } : {}), by, type, at: `2025-${at}Z`, body: body(b) });

function evidence(name: string, over: object) {
  const f = demoFile(name);
  return { sha256: f.sha256, media_type: f.mediaType, size: f.bytes.length, ...over };
}

const PK_ARTICLES = [
  { id: 'demo-article-late-oct', title: 'News report of late October 2025 (as summarised for the demo)' },
  { id: 'demo-article-10-nov', title: 'News report of 10 November 2025 (as summarised for the demo)', published: '2025-11-10' },
];

/** A statement that needs the mediators' quorum: proposed by qa, concurred by tr a minute later. */
function byQuorum(at: string, type: StatementType, b: object, name: string): DemoStatement[] {
  const later = new Date(Date.parse(`2025-${at}Z`) + 60_000).toISOString().slice(5, 19);
  return [s(at, 'qa', type, b, name), s(later, 'tr', 'record.concur', { record: idOf(name), hash: hashOf(name) })];
}

function statements(): DemoStatement[] {
  const chamanNotes = demoFile('chaman-field-notes').sha256;
  return [
    // The fighting of 11-15 October came before any ceasefire: incidents, each a claim of its filer, citing no term.
    s('10-17T09:00:00', 'pk', 'report.file', pkAttackReport, 'R1'),
    s('10-17T11:00:00', 'af', 'report.file', afAirstrikeReport, 'R2'),
    s('10-17T15:00:00', 'pk', 'report.file', pkClashesReport, 'R4'),
    s('10-18T06:00:00', 'af', 'report.reply', { report: idOf('R1'), stance: 'denies', text: 'The Afghan Taliban authorities deny letting armed groups operate from Afghan soil.' }),
    s('10-18T07:00:00', 'pk', 'report.reply', { report: idOf('R2'), stance: 'other', text: 'Islamabad neither confirms nor denies the airstrikes alleged.' }),
    s('10-18T10:00:00', 'osint-desk', 'candidate.promote', { candidate: 'demo-candidate-kandahar-strikes', articles: PK_ARTICLES, report: osintKandaharReport }, 'R3'),
    s('10-18T11:00:00', 'osint-desk', 'report.file', osintKabulReport, 'R3b'),
    s('10-18T12:00:00', 'osint-desk', 'evidence.register', evidence('osint-kandahar-strikes', { title: 'Archived summary of public reporting on the strikes', description: 'The open-source desk\'s summary of what Pakistan and ISPR stated about the strikes after 12 October.', confidentiality: 'public', reports: [idOf('R3'), idOf('R3b')] })),
    // Doha: the round recorded; the verbal ceasefire as terms the mediators record; its status, by their quorum.
    s('10-19T16:00:00', 'secretariat', 'meeting.record', dohaRound, 'M1'),
    ...byQuorum('10-19T17:00:00', 'term.record', verbalTerms.V1a, 'V1a'),
    ...byQuorum('10-19T17:10:00', 'term.record', verbalTerms.V2a, 'V2a'),
    ...byQuorum('10-19T17:20:00', 'term.record', verbalTerms.V1b, 'V1b'),
    ...byQuorum('10-19T17:30:00', 'term.record', verbalTerms.V2b, 'V2b'),
    ...byQuorum('10-19T17:40:00', 'agreement.status', ceasefireInForce, 'S1'),
    s('10-21T09:00:00', 'pk', 'report.amend', { report: idOf('R1'), changes: pkAttackAmendment, reason: 'A second public report dates the attack to 12 October and names the TTP with Taliban forces as attackers.' }),
    // Istanbul, second round: Pakistan's material (its claim) and the written text it asks for, signed by Pakistan only.
    s('10-26T10:00:00', 'pk', 'evidence.register', evidence('pk-dossier-summary', { title: 'Summary of the evidence Pakistan says it presented to the mediators', description: 'Pakistan says it presented evidence on armed groups operating from Afghan soil and that the mediators acknowledged it (claim of Pakistan).', confidentiality: 'mediators', captured_place: { place: 'Istanbul', lat: 41.01, lon: 28.98 }, reports: [idOf('R1'), idOf('R4')] })),
    s('10-27T09:00:00', 'pk', 'agreement.propose', PK_WRITTEN_TEXT, 'A1'),
    s('10-27T09:05:00', 'pk', 'agreement.sign', { agreement: PK_WRITTEN_TEXT.agreement, version: 1, hash: hashOf('A1') }),
    s('10-29T18:00:00', 'secretariat', 'meeting.record', istanbulRound2, 'M2'),
    s('10-31T12:00:00', 'tr', 'meeting.record', jointStatementSession, 'M3'),
    s('10-31T13:00:00', 'tr', 'joint.sign', { meeting: idOf('M3'), hash: jointStatementSession.joint?.hash }),
    // The exchange of fire at Chaman-Spin Boldak while the ceasefire stood: an alleged breach of V1, open, no finding.
    s('11-07T10:00:00', 'field-team-1', 'evidence.register', evidence('chaman-field-notes', { title: 'Field team notes, Chaman-Spin Boldak crossing', description: 'Notes of the joint field team on the exchange of fire around 6-7 November 2025.', captured_at: '2025-11-07T09:00:00+05:00', captured_place: { place: 'Chaman', lat: 30.92, lon: 66.45 }, confidentiality: 'members' })),
    s('11-07T11:00:00', 'field-team-1', 'report.file', chamanReport(chamanNotes), 'R5'),
    s('11-10T12:00:00', 'secretariat', 'meeting.record', istanbulRound3, 'M4'),
  ];
}

/**
 * The demo mechanism: the case of ../shared/scenario.md as statements of each member, in log order, with historical
 * times (October-November 2025). The loader admits `members` (operator first, as genesis), then signs and appends
 * `statements`, resolving "@id:"/"@hash:" references (refs.ts), and stores demoEvidenceFiles() in the blob store.
 */
export function demoCase(): DemoCase {
  return { mechanism: 'pk-af-2025-demo', label: DEMO_LABEL, admittedAt: '2025-10-17T06:00:00Z', members: MEMBERS, statements: statements(), files: demoEvidenceFiles() };
}
