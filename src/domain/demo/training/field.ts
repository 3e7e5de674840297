import type { StatementType } from '../../statement.js';
import type { DemoMember, DemoStatement } from '../case.js';
import type { ReportBody } from '../../records/report-schema.js';
import { idOf } from '../refs.js';
import { NORTH, SOUTH } from './bodies.js';

// In the field (docs/FIELD.md), on the fictional training mechanism only: a joint patrol planned in advance, its report
// co-signed by an officer of each party and a mediator and published after the mediators' review (position on the
// grid), and a denial of access to a second patrol that still waits for review, so the public sees it only counted.

export const JOINT_PATROL: DemoMember = { id: 'joint-patrol-1', name: 'Joint patrol 1 (fictional): officers of both parties with a monitor of Mediator A', role: 'monitor' };

const s = (at: string, by: string, type: StatementType, body: object, name?: string): DemoStatement => ({ ...(name ? { name } : {}), by, type, at: `2026-${at}Z`, body: body as Record<string, unknown> });

const roadReport = (patrol: string): ReportBody => ({
  when: { start: '2026-04-02T09:00:00+01:00', end: '2026-04-02T11:00:00+01:00', precision: 'exact' },
  where: { lat: 1.26, lon: 1.14, place: 'Boundary road south of Northgate (fictional)', ...NORTH, geo_precision: 1 },
  event_type: 'Ceasefire mechanism',
  sub_event_type: 'Other ceasefire violation',
  actors: [],
  narrative: 'TRAINING: The joint patrol found three fresh craters on the boundary road, about 400 m north of the boundary. It did not establish where the fire came from.',
  sources: [{ kind: 'witness', title: 'Joint patrol 1, observation (fictional)' }],
  clauses: [],
  accused: [],
  patrol,
});

const denial = (patrol: string) => ({
  team: [JOINT_PATROL.id, 'north', 'med-b'],
  patrol,
  when: { start: '2026-04-08T09:00:00+01:00', end: '2026-04-08T10:00:00+01:00', precision: 'exact' },
  where: { lat: 0.82, lon: 1.31, place: 'Southgate checkpoint (fictional)', ...SOUTH, geo_precision: 1 },
  denied_by: { name: 'Southern Federation border unit at Southgate (fictional)', side: 'south' },
  narrative: 'TRAINING: The patrol, following its recorded plan, was stopped at the Southgate checkpoint and told to turn back; the unit gave no reason.',
  clauses: [],
  accused: ['south'],
});

/** The patrols' statements, dated after the rest of the training log. */
export function fieldStatements(): DemoStatement[] {
  const plan = { name: 'Joint patrol on the Northgate boundary road (training)', team: [JOINT_PATROL.id, 'north', 'south', 'med-a'], area: 'Boundary road south of Northgate (fictional)', from: '2026-04-02T06:00:00Z', until: '2026-04-02T14:00:00Z' };
  const plan2 = { name: 'Joint patrol to Southgate (training)', team: [JOINT_PATROL.id, 'north', 'med-b'], area: 'Southgate checkpoint (fictional)', from: '2026-04-08T06:00:00Z', until: '2026-04-08T14:00:00Z' };
  return [
    s('03-30T08:00:00', 'med-a', 'patrol.plan', plan, 'P1'),
    s('04-02T15:00:00', JOINT_PATROL.id, 'report.file', roadReport(idOf('P1')), 'R4'),
    ...['north', 'south', 'med-a'].map((m, i) => s(`04-02T16:0${i}:00`, m, 'report.cosign', { report: idOf('R4'), version: idOf('R4') })),
    s('04-03T10:00:00', 'med-a', 'report.review', { report: idOf('R4'), version: idOf('R4'), position: 'grid' }),
    s('04-03T11:00:00', 'med-b', 'report.review', { report: idOf('R4'), version: idOf('R4'), position: 'grid' }),
    s('04-06T05:00:00', 'med-b', 'patrol.plan', plan2, 'P2'),
    s('04-08T09:30:00', JOINT_PATROL.id, 'access.denied', denial(idOf('P2')), 'D1'),
    ...['north', 'med-b'].map((m, i) => s(`04-08T10:0${i}:00`, m, 'report.cosign', { report: idOf('D1'), version: idOf('D1') })),
  ];
}
