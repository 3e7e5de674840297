import type { AgreementContent } from '../records/agreement-schema.js';

/**
 * The demo's agreement: an ILLUSTRATION, not the text of any real agreement. Its points follow what the public
 * reporting says the parties and mediators discussed: a cessation of hostilities, no territory used for attacks, no
 * cross-border strikes, a monitoring and verification mechanism with the mediators, a penalty for the party found in
 * violation, and all commitments in writing.
 */
export const DEMO_AGREEMENT: AgreementContent = {
  agreement: 'pk-af-ceasefire',
  version: 1,
  title: 'Illustrative ceasefire arrangement between Pakistan and the Afghan de facto authorities (demo)',
  preamble:
    'ILLUSTRATION built from public reporting of October-November 2025; not the text of any real agreement. ' +
    'The parties, with the State of Qatar and the Republic of Türkiye as mediators, record the terms below so that ' +
    'every report, finding and penalty can be checked against a signed text.',
  parties: ['pk', 'af'],
  mediators: ['qa', 'tr'],
  quorum: 2,
  replyDeadlineHours: 72,
  clauses: [
    {
      id: 'C1',
      text: 'The parties cease hostilities along the border, including fire across it.',
      bound: ['pk', 'af'],
      kind: 'prohibition',
      indicator: 'No exchange of fire or attack across the border confirmed by a monitor report and a final finding.',
    },
    {
      id: 'C2',
      text: 'Neither party lets its territory be used by any group for attacks on the other.',
      bound: ['pk', 'af'],
      kind: 'prohibition',
      indicator: 'No attack launched from a party\'s territory established by a final finding.',
    },
    {
      id: 'C3',
      text: 'Neither party carries out strikes on the territory of the other.',
      bound: ['pk', 'af'],
      kind: 'prohibition',
      indicator: 'No air, drone or artillery strike across the border established by a final finding.',
    },
    {
      id: 'C4',
      text: 'The parties take part in the monitoring and verification mechanism: each names a liaison cell, gives the monitors access to the border crossings, and replies to reports about it within the reply deadline.',
      bound: ['pk', 'af'],
      kind: 'obligation',
      indicator: 'Liaison cells named; monitors\' access recorded; replies within the deadline.',
    },
    {
      id: 'C5',
      text: 'A party found in violation by a final finding of the mediators incurs the penalty of the schedule for the severity found.',
      bound: ['pk', 'af'],
      kind: 'obligation',
      indicator: 'Every penalty applied in the log follows a final violation finding.',
    },
    {
      id: 'C6',
      text: 'All commitments are made in writing, signed by both parties and countersigned by the mediators.',
      bound: ['pk', 'af'],
      kind: 'obligation',
      indicator: 'Every commitment is an agreement version or a joint statement signed in the log.',
    },
  ],
  penalties: {
    minor: { penalty: 'Written notice from the mediators to the party, recorded in the log.' },
    serious: {
      penalty: 'Public censure by the mediators and the matter placed first on the agenda of the next session.',
      consequence: { measure: 'public censure', amount: 1, unit: 'statement' },
    },
    grave: {
      penalty: 'Suspension of the party\'s facilitation privileges at the talks until the mediators lift it.',
      consequence: { measure: 'suspension of facilitation', amount: 30, unit: 'days' },
    },
  },
};
