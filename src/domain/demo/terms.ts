import { idOf } from './refs.js';

// The verbal ceasefire of the case as terms recorded by the mediators: no party signed a text for it. Two records of
// each term keep the two reports' accounts: agreed on the evening of 15 October (report of 10 November), reached at
// the Doha round on 19 October (report of late October). Neither party's acknowledgement is recorded.

export const CEASEFIRE = 'pk-af-ceasefire';
const EVENING_15_OCT = '2025-10-15T13:00:00Z'; // 18:00 in Pakistan (UTC+5)

const V1 = { id: 'V1', text: 'Cessation of hostilities along the border.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No exchange of fire or attack across the border established by the mediators.' };
const V2 = { id: 'V2', text: 'No cross-border strikes.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No air, drone or artillery strike across the border established by the mediators.' };

function agreedOn15Oct(term: object) {
  return {
    term,
    basis: {
      kind: 'verbal',
      sides: ['pk', 'af'],
      given_by: 'Pakistan and the Afghan Taliban authorities',
      given_at: EVENING_15_OCT,
      before: [],
      note: 'A temporary ceasefire agreed on the evening of 15 October 2025 (report of 10 November). Before whom is not reported.',
    },
    from: EVENING_15_OCT,
    ceasefire: CEASEFIRE,
  };
}

function reachedAtDoha(term: object) {
  return {
    term,
    basis: {
      kind: 'verbal',
      sides: ['pk', 'af'],
      given_by: 'The delegations at the first round of talks',
      given_at: '2025-10-19T12:00:00Z',
      before: ['qa', 'tr'],
      meeting: idOf('M1'),
      note: 'A temporary ceasefire reached at the Doha round on 19 October 2025 (report of late October).',
    },
    from: '2025-10-19T12:00:00Z',
    ceasefire: CEASEFIRE,
  };
}

export const verbalTerms = { V1a: agreedOn15Oct(V1), V2a: agreedOn15Oct(V2), V1b: reachedAtDoha(V1), V2b: reachedAtDoha(V2) };

/** The ceasefire's status: in force from the evening of 15 October, as the mediators record it after the Doha round. */
export const ceasefireInForce = {
  agreement: CEASEFIRE,
  status: 'in_force',
  effective: EVENING_15_OCT,
  reason:
    'A temporary ceasefire was agreed on the evening of 15 October 2025 (report of 10 November); the report of late ' +
    'October places it at the Doha round on 19 October. No expiry was reported.',
  meeting: idOf('M1'),
};
