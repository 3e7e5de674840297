import { textHash } from '../records/fields.js';
import type { MeetingContent } from '../records/meetings.js';

// The rounds of talks of the case as meeting records: dates, places and outcomes from the public reporting; the
// summaries attribute every statement to its speaker.

const DOHA = { name: 'Doha', lat: 25.29, lon: 51.53, country: 'Qatar' };
const ISTANBUL = { name: 'Istanbul', lat: 41.01, lon: 28.98, country: 'Türkiye' };
const ALL = ['pk', 'af', 'qa', 'tr'];

export const dohaRound: MeetingContent = {
  title: 'First round of talks, Doha',
  kind: 'talks',
  round: 1,
  start: '2025-10-18T06:00:00Z',
  end: '2025-10-19T15:00:00Z',
  place: DOHA,
  attendees: ALL,
  agenda: ['A ceasefire along the border', 'Further talks under the mediators'],
  outcome: 'agreed',
  summary:
    'Hosted by Qatar. According to the report of late October 2025, a temporary ceasefire was reached here on ' +
    '19 October; the report of 10 November places the temporary ceasefire on the evening of 15 October. Both are kept.',
};

export const istanbulRound2: MeetingContent = {
  title: 'Second round of talks, Istanbul',
  kind: 'talks',
  round: 2,
  start: '2025-10-25T06:00:00Z',
  end: '2025-10-28T18:00:00Z',
  place: ISTANBUL,
  attendees: ALL,
  agenda: ['Verifiable action against armed groups', 'A written agreement', 'The monitoring and verification mechanism'],
  outcome: 'adjourned',
  people: [{ name: 'Attaullah Tarar', member: 'pk', role: 'Information Minister of Pakistan' }],
  summary:
    'Four days of talks beginning 25 October 2025. On 29 October Pakistan\'s Information Minister, Attaullah Tarar, said ' +
    'the talks had brought no workable solution. The mediators kept the process going.',
};

const JOINT_TEXT =
  'Worded for the demo from the public reporting: the ceasefire holds; the modalities of its implementation are to be ' +
  'settled at a principal-level meeting in Istanbul on 6 November 2025.';

/**
 * The 31 October joint statement, released by Türkiye. The reporting says Türkiye released it; it does not say who
 * signed it, so in the demo only Türkiye signs its text and the parties' signatures are absent.
 */
export const jointStatementSession: MeetingContent = {
  title: 'Joint statement on the ceasefire, Istanbul',
  kind: 'talks',
  round: 2,
  start: '2025-10-31T09:00:00Z',
  end: '2025-10-31T12:00:00Z',
  place: ISTANBUL,
  attendees: ALL,
  agenda: ['Joint statement on the ceasefire'],
  outcome: 'agreed',
  summary: 'Joint statement released by Türkiye on 31 October 2025 (report of 10 November). Who else signed it is not reported.',
  joint: { text: JOINT_TEXT, hash: textHash(JOINT_TEXT) },
};

export const istanbulRound3: MeetingContent = {
  title: 'Third round of talks, Istanbul',
  kind: 'talks',
  round: 3,
  start: '2025-11-05T06:00:00Z',
  end: '2025-11-07T18:00:00Z',
  place: ISTANBUL,
  attendees: ALL,
  agenda: ['Modalities of implementation of the ceasefire'],
  outcome: 'failed',
  people: [{ name: 'Khawaja Asif', member: 'pk', role: 'Defence Minister of Pakistan' }],
  summary:
    'Delegations arrived in Istanbul on Wednesday 5 November 2025. On Friday 7 November the talks broke down: ' +
    'Pakistan\'s Defence Minister, Khawaja Asif, said the negotiations were over and called it "an indefinite phase"; ' +
    'the temporary ceasefire still stands. On 10 November Pakistan\'s Foreign Office published a long statement on the talks.',
};
