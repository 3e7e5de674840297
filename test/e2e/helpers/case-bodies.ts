// Valid statement bodies for the end-to-end case, modelled on the demo (src/domain/demo) and the domain's test
// builders: an agreement with a penalty schedule, reports at real places, evidence metadata, findings, penalties.
import type { AgreementContent } from '../../../src/domain/records/agreement-schema.js';
import type { ReportBody } from '../../../src/domain/records/report-schema.js';
import { contentHash } from '../../../src/domain/records/fields.js';

type Body = Record<string, unknown>;

/** Bodies go into statements as plain JSON objects. */
export const asBody = (x: object): Body => x as Body;

/** A ceasefire between pk and af mediated by qa and tr (quorum 2): C1-C3 bind both sides, C4 binds only af. */
export function agreementBody(over: Partial<AgreementContent> = {}): AgreementContent {
  return {
    agreement: 'border-ceasefire',
    version: 1,
    title: 'Ceasefire along the border (end-to-end test)',
    preamble: 'The parties cease hostilities; the mediators verify compliance and find on reported breaches.',
    parties: ['pk', 'af'],
    mediators: ['qa', 'tr'],
    quorum: 2,
    replyDeadlineHours: 72,
    // The terms take effect before the incidents the tests report (the text says so; the signatures come later).
    effective: '2025-10-01T00:00:00Z',
    // The parties name the log's witnesses in the rules they sign; nobody else can.
    witnesses: { members: ['pk', 'af', 'qa', 'tr'], quorum: 3 },
    clauses: [
      { id: 'C1', text: 'The parties cease hostilities along the border, including fire across it.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No exchange of fire confirmed by a final finding.' },
      { id: 'C2', text: 'Neither party lets its territory be used for attacks on the other.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No attack launched from a party\'s territory established by a final finding.' },
      { id: 'C3', text: 'Neither party carries out strikes on the territory of the other.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No strike across the border established by a final finding.' },
      { id: 'C4', text: 'The Afghan side hands over the persons named in the annex.', bound: ['af'], kind: 'obligation', indicator: 'Hand-overs verified by the mediators.', deadline: '2026-12-31' },
    ],
    penalties: {
      minor: { penalty: 'Written notice from the mediators to the party, recorded in the log.' },
      serious: { penalty: 'Public censure by the mediators.', consequence: { measure: 'suspension of trade facilitation', amount: 30, unit: 'days' } },
      grave: { penalty: 'Suspension of the party\'s facilitation privileges at the talks.', consequence: { measure: 'suspension of facilitation', amount: 90, unit: 'days' } },
    },
    ...over,
  };
}

/** The hash an agreement.sign covers: SHA-256 hex of the JCS of the proposed body. */
export const agreementHash = (body: AgreementContent): string => contentHash(body);

/** A report: an exchange of fire at Chaman on 6 November 2025 alleged against af under C1, unless told otherwise. */
export function reportBody(over: Partial<ReportBody> = {}): ReportBody {
  return {
    when: { start: '2025-11-06T00:00:00+05:00', end: '2025-11-07T00:00:00+05:00', precision: 'day' },
    where: { lat: 30.92, lon: 66.45, place: 'Chaman', admin1: 'Balochistan', country: 'Pakistan', iso: 586, geo_precision: 1 },
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actors: [
      { name: 'Afghan Taliban forces', side: 'af', role: 'perpetrator', actor_type: 'State forces' },
      { name: 'Pakistani security forces', side: 'pk', role: 'target', actor_type: 'State forces' },
    ],
    casualties: { killed: { civilian: { min: 1, best: 2, max: 3 } }, injured: { combatant: { min: 4 } } },
    narrative: 'Exchange of fire at the crossing.',
    sources: [{ kind: 'witness', title: 'Field team account' }],
    clauses: ['C1'],
    accused: ['af'],
    ...over,
  };
}

/** Evidence metadata for evidence.register. */
export function evidenceBody(sha256: string, size: number, over: Body = {}): Body {
  return {
    sha256,
    media_type: 'image/jpeg',
    size,
    captured_at: '2025-11-06T14:20:00+05:00',
    captured_place: { place: 'Chaman crossing', lat: 30.92, lon: 66.45 },
    title: 'Photograph of the crossing after the exchange of fire',
    description: 'Taken by the field team from the Pakistani side.',
    confidentiality: 'mediators',
    ...over,
  };
}

/** A violation finding against af on C1, with the severity of the schedule. */
export function violationBody(investigation: string, over: Body = {}): Body {
  return {
    investigation,
    determination: 'violation',
    responsible: 'af',
    responsibility: 'own_forces',
    clauses: ['C1'],
    severity: 'serious',
    reasoning: 'The field team\'s photograph and two independent accounts agree that fire came from the Afghan side.',
    evidence: [],
    ...over,
  };
}

/** The penalty.apply body the schedule of agreementBody() sets for a severity. */
export function penaltyBody(finding: string, severity: 'minor' | 'serious' | 'grave' = 'serious', over: Body = {}): Body {
  const terms = agreementBody().penalties?.[severity];
  if (!terms) throw new Error(`no ${severity} penalty in the test schedule`);
  return { finding, severity, ...terms, ...over };
}

/** The first bytes of a JPEG (SOI + APP0 JFIF), so the server sniffs image/jpeg, then some payload. */
export function jpegBytes(payload: string): Uint8Array {
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  return Uint8Array.from([...head, ...new TextEncoder().encode(payload), 0xff, 0xd9]);
}
