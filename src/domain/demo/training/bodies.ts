import { sha256 } from '@noble/hashes/sha2.js';
import { toHex } from '../../encoding.js';
import type { AgreementContent } from '../../records/agreement-schema.js';
import { textHash } from '../../records/fields.js';
import type { MeetingContent } from '../../records/meetings.js';
import type { ReportBody } from '../../records/report-schema.js';
import type { DemoEvidenceFile } from '../evidence-files.js';

// The bodies of the TRAINING mechanism: invented parties (the Northern Republic, the Southern Federation), invented
// mediators and invented places, so the whole workflow can be shown without putting words in any real party's mouth.

export const NORTH = { country: 'Northern Republic (fictional)' } as const;
export const SOUTH = { country: 'Southern Federation (fictional)' } as const;
const northForces = (role: 'perpetrator' | 'target' | 'other') => ({ name: 'Northern Republic armed forces', side: 'north', role, actor_type: 'State forces' }) as const;
const southForces = (role: 'perpetrator' | 'target' | 'other') => ({ name: 'Southern Federation armed forces', side: 'south', role, actor_type: 'State forces' }) as const;
const RIVER_FRONT = { name: 'River Front (fictional armed group)', side: null, role: 'perpetrator', actor_type: 'Rebel group' } as const;
const BULLETIN = { kind: 'media', title: 'Training bulletin no. 4 (fictional)', published: '2026-03-10' } as const;

export const TRAINING_AGREEMENT: AgreementContent = {
  agreement: 'training-ceasefire',
  version: 1,
  title: 'Ceasefire between the Northern Republic and the Southern Federation (TRAINING, fictional)',
  preamble: 'TRAINING MECHANISM: invented parties, mediators and places. The parties, with Mediator A and Mediator B, agree the terms below.',
  parties: ['north', 'south'],
  mediators: ['med-a', 'med-b'],
  quorum: 2,
  replyDeadlineHours: 72,
  witnesses: { members: ['north', 'south', 'med-a', 'med-b'], quorum: 3 },
  // Staged publication of the joint patrol's reports and the late limit (demo/training/field.ts, docs/FIELD.md).
  publication: { review: ['joint-patrol-1'], partiesAfterHours: 24 },
  lateLimitHours: 96,
  clauses: [
    { id: 'C1', text: 'The parties cease hostilities along the boundary, including fire across it.', bound: ['north', 'south'], kind: 'prohibition', indicator: 'No exchange of fire across the boundary established by a final finding.' },
    { id: 'C2', text: 'Neither party lets its territory be used by any armed group for attacks on the other.', bound: ['north', 'south'], kind: 'prohibition', indicator: 'No attack launched from a party\'s territory established by a final finding.' },
    {
      id: 'C3',
      text: 'The Southern Federation acts against the River Front on its territory.',
      bound: ['south'],
      kind: 'commitment',
      indicator: 'Each benchmark reported by the Southern Federation and verified by the mediators.',
      benchmarks: [
        { id: 'B1', text: 'List of River Front camps handed to the mediators.', deadline: '2026-03-20', indicator: 'The list received by both mediators.' },
        { id: 'B2', text: 'Camps on the list closed.', deadline: '2026-04-30', indicator: 'Closures confirmed by the field team.' },
      ],
    },
  ],
  penalties: {
    minor: { penalty: 'Written notice from the mediators, recorded in the log.' },
    serious: { penalty: 'Public censure by the mediators.', consequence: { measure: 'public censure', amount: 1, unit: 'statement' } },
    grave: { penalty: 'Suspension of the party\'s facilitation privileges.', consequence: { measure: 'suspension of facilitation', amount: 30, unit: 'days' } },
  },
};

/** A verbal undertaking given at the first session, recorded by the mediators and acknowledged by the Northern Republic. */
export const VERBAL_TERM = {
  term: { id: 'V1', text: 'No military flights within 10 km of the boundary.', bound: ['north', 'south'], kind: 'prohibition', indicator: 'No flight reported by the field team and confirmed by the mediators.' },
  basis: { kind: 'verbal', sides: ['north', 'south'], given_by: 'Both delegations at the first session', given_at: '2026-03-02T15:00:00Z', before: ['med-a', 'med-b'] },
  from: '2026-03-02T15:00:00Z',
  ceasefire: 'training-ceasefire',
};

const place = (name: string, lat: number, lon: number) => ({ name, lat, lon, country: 'Neutral State (fictional)' });

export const firstSession: MeetingContent = {
  title: 'First session of the joint commission (training)',
  kind: 'commission',
  round: 1,
  start: '2026-03-02T08:00:00Z',
  end: '2026-03-02T16:00:00Z',
  place: place('Midway Hall (fictional)', 1.5, 1.5),
  attendees: ['north', 'south', 'med-a', 'med-b'],
  agenda: ['The ceasefire terms', 'Action against the River Front'],
  outcome: 'agreed',
  summary: 'TRAINING: the parties agreed the written terms and, verbally, no military flights near the boundary.',
  joint: { text: JOINT_TEXT(), hash: textHash(JOINT_TEXT()) },
};

function JOINT_TEXT(): string {
  return 'TRAINING: The parties and the mediators state that the ceasefire took effect on 1 March 2026 and that the commission meets monthly.';
}

const eastgate = { lat: 1.2, lon: 1.1, place: 'Eastgate crossing (fictional)', admin1: 'Border district', ...NORTH, geo_precision: 1 } as const;

/** The Northern Republic's report: fire from the south across the boundary at Eastgate, with origin and impact. */
export const eastgateReport: ReportBody = {
  when: { start: '2026-03-08T21:00:00+01:00', end: '2026-03-08T23:00:00+01:00', precision: 'exact' },
  where: eastgate,
  origin: { lat: 1.1, lon: 1.1, place: 'South bank opposite Eastgate (fictional)', ...SOUTH, geo_precision: 2 },
  event_type: 'Ceasefire mechanism',
  sub_event_type: 'Cross-border fire',
  actors: [RIVER_FRONT, northForces('target'), { name: 'Civilians (Northern Republic)', side: null, role: 'target', actor_type: 'Civilians' }],
  casualties: { killed: { civilian: { min: 1, best: 1, max: 1 } }, injured: { civilian: { min: 2, max: 4 } } },
  contested: [
    { field: 'first_fire', claimant: { name: 'Northern Republic', side: 'north' }, side: 'south' },
    { field: 'first_fire', claimant: { name: 'Southern Federation', side: 'south' }, side: 'north' },
    { field: 'civilian_status', claimant: { name: 'Southern Federation', side: 'south' }, text: 'Says the person killed was a River Front fighter.' },
  ],
  narrative: 'TRAINING: The Northern Republic states that mortar fire from the south bank hit Eastgate village, killing one civilian. It says the River Front fired from Southern Federation territory.',
  sources: [BULLETIN, { kind: 'witness', title: 'Training field team account (fictional)' }],
  clauses: ['C1', 'C2'],
  accused: ['south'],
};

/** A continuing situation: the River Front's presence on southern territory since before the ceasefire, ongoing. */
export const presenceReport: ReportBody = {
  when: { start: '2026-03-01T00:00:00+01:00', end: '2026-03-25T00:00:00+01:00', precision: 'day' },
  continuing: { ongoing: true, reviewed: '2026-03-25T00:00:00+01:00' },
  where: { place: 'Southern border district (fictional)', ...SOUTH, geo_precision: 3 },
  event_type: 'Ceasefire mechanism',
  sub_event_type: 'Use of territory by armed groups',
  actors: [RIVER_FRONT],
  narrative: 'TRAINING: The Northern Republic states that the River Front has operated from camps in the southern border district since the ceasefire began, and still does.',
  sources: [BULLETIN],
  clauses: ['C2'],
  accused: ['south'],
};

/** A report by the Southern Federation against the north, the mediators later find no violation. */
export const flightReport: ReportBody = {
  when: { start: '2026-03-12T00:00:00+01:00', end: '2026-03-13T00:00:00+01:00', precision: 'day' },
  where: { lat: 1.0, lon: 1.3, place: 'Westford (fictional)', ...SOUTH, geo_precision: 2 },
  event_type: 'Ceasefire mechanism',
  sub_event_type: 'Movement or build-up of forces',
  actors: [northForces('perpetrator'), southForces('target')],
  narrative: 'TRAINING: The Southern Federation states that a northern military aircraft flew within 10 km of the boundary.',
  sources: [{ kind: 'official', title: 'Southern Federation statement (fictional)' }],
  clauses: ['V1'],
  accused: ['north'],
};

const TEXTS: Readonly<Record<string, string>> = {
  'eastgate-crater-photo-notes': 'Training field team - notes on the crater at Eastgate (fictional). Fragments point to a mortar fired from the south-south-east.',
  'camp-list': 'Southern Federation - list of River Front camps handed to the mediators (fictional).',
};

/** The training mechanism's evidence files (plain text, deterministic). */
export function trainingEvidenceFiles(): DemoEvidenceFile[] {
  return Object.entries(TEXTS).map(([name, text]) => {
    const bytes = new TextEncoder().encode(`TRAINING - fictional evidence for Truce's training mechanism.\n${text}\n`);
    return { name, sha256: toHex(sha256(bytes)), mediaType: 'text/plain; charset=utf-8', bytes };
  });
}

export function trainingFile(name: string): DemoEvidenceFile {
  const f = trainingEvidenceFiles().find((x) => x.name === name);
  if (!f) throw new Error(`no training evidence file ${name}`);
  return f;
}
