import type { ReportBody } from '../records/report-schema.js';

// The demo's reports: each is a claim of its filer, written in our own words from the facts of the public reporting
// (../shared/scenario.md). Where the two news reports differ, the report says so rather than choosing.

const PK = { country: 'Pakistan', iso: 586 } as const;
const AF = { country: 'Afghanistan', iso: 4 } as const;
const REPORT_10_NOV = { kind: 'media', title: 'News report of 10 November 2025 (as summarised for the demo)', published: '2025-11-10' } as const;
const REPORT_LATE_OCT = { kind: 'media', title: 'News report of late October 2025 (as summarised for the demo)' } as const;
const pkForces = (role: 'perpetrator' | 'target' | 'other') => ({ name: 'Pakistani security forces', side: 'pk', role, actor_type: 'State forces' }) as const;
const afForces = (role: 'perpetrator' | 'target' | 'other') => ({ name: 'Afghan Taliban forces', side: 'af', role, actor_type: 'State forces' }) as const;

/** Pakistan's report of the attack launched from Afghanistan, dated the night of 11 October by one report. */
export const pkAttackReport: ReportBody = {
  when: { start: '2025-10-11T18:00:00+05:00', end: '2025-10-12T06:00:00+05:00', precision: 'night' },
  where: { place: 'Pakistan-Afghanistan border (points not given in the reporting)', ...PK, geo_precision: 3 },
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actors: [afForces('perpetrator'), pkForces('target')],
  narrative:
    'Pakistan states that an attack on Pakistan was launched from Afghanistan on the night of 11 October 2025. ' +
    'The Afghan Taliban authorities deny letting armed groups operate from Afghan soil.',
  sources: [REPORT_10_NOV, { kind: 'official', title: 'Statements of the Government of Pakistan, as reported', publisher: 'Government of Pakistan' }],
  clauses: [],
  accused: ['af'],
};

const NEWS_10_NOV = { name: 'News report of 10 November 2025', side: null };
const NEWS_LATE_OCT = { name: 'News report of late October 2025', side: null };

/** Pakistan's amendment: the second report's date and attackers, kept beside the first report's, each with its claimant. */
export const pkAttackAmendment: Partial<ReportBody> = {
  when: { start: '2025-10-11T18:00:00+05:00', end: '2025-10-13T00:00:00+05:00', precision: 'week' },
  contested: [
    { field: 'when', claimant: NEWS_10_NOV, when: { start: '2025-10-11T18:00:00+05:00', end: '2025-10-12T06:00:00+05:00', precision: 'night' } },
    { field: 'when', claimant: NEWS_LATE_OCT, when: { start: '2025-10-12T00:00:00+05:00', end: '2025-10-13T00:00:00+05:00', precision: 'day' } },
    { field: 'other', claimant: NEWS_LATE_OCT, text: 'Names Taliban forces together with the TTP as the attackers.' },
  ],
  actors: [afForces('perpetrator'), { name: 'Tehreek-e-Taliban Pakistan (TTP)', side: null, role: 'perpetrator', actor_type: 'Rebel group' }, pkForces('target')],
  narrative:
    'Pakistan states that an attack on Pakistan was launched from Afghanistan. The report of 10 November dates it to the ' +
    'night of 11 October 2025; the report of late October dates it to 12 October and names Taliban forces together with ' +
    'the TTP (which the Pakistani state calls Fitna al-Khawarij) as the attackers. Both dates are kept: the interval runs ' +
    'from the evening of 11 October to the end of 12 October. The Afghan Taliban authorities deny letting armed groups ' +
    'operate from Afghan soil.',
  sources: [REPORT_10_NOV, REPORT_LATE_OCT, { kind: 'official', title: 'Statements of the Government of Pakistan, as reported', publisher: 'Government of Pakistan' }],
};

/** The Afghan authorities' allegation of Pakistani airstrikes shortly before 11 October. */
export const afAirstrikeReport: ReportBody = {
  when: { start: '2025-10-04T00:00:00+04:30', end: '2025-10-11T00:00:00+04:30', precision: 'week' },
  where: { place: 'Afghanistan (places not given in the reporting)', ...AF, geo_precision: 3 },
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Air/drone strike',
  actors: [pkForces('perpetrator'), afForces('target')],
  narrative:
    'The Afghan Taliban authorities allege that Pakistan carried out airstrikes inside Afghanistan shortly before ' +
    '11 October 2025. Islamabad neither confirmed nor denied them.',
  sources: [REPORT_10_NOV, REPORT_LATE_OCT, { kind: 'official', title: 'Statements of the Afghan Taliban authorities, as reported', publisher: 'Afghan Taliban authorities' }],
  clauses: [],
  accused: ['pk'],
};

const strikesAfter12Oct = { start: '2025-10-12T00:00:00+04:30', end: '2025-10-15T18:00:00+04:30', precision: 'week' } as const;

/** Open-source desk: the strikes Pakistan states it carried out in Kandahar province (promoted from a news candidate). */
export const osintKandaharReport: ReportBody = {
  when: strikesAfter12Oct,
  where: { lat: 31.61, lon: 65.71, place: 'Kandahar province', admin1: 'Kandahar', ...AF, geo_precision: 3 },
  event_type: 'Explosions/Remote violence',
  sub_event_type: 'Air/drone strike',
  actors: [pkForces('perpetrator'), { name: 'Hafiz Gul Bahadur group', side: null, role: 'target', actor_type: 'Rebel group' }],
  narrative:
    'Pakistan states that after 12 October 2025 it struck targets inside Afghanistan, in Kandahar province among other ' +
    'places, including camps of the Gul Bahadur group. Exact sites, times and casualties are not given in the reporting.',
  sources: [{ kind: 'official', title: 'Statements of the Pakistani military (ISPR), as reported', publisher: 'ISPR' }],
  clauses: [],
  accused: ['pk'],
};

/** Open-source desk: the strike in Kabul in the same period, as Pakistan states it. */
export const osintKabulReport: ReportBody = {
  ...osintKandaharReport,
  where: { lat: 34.53, lon: 69.17, place: 'Kabul', admin1: 'Kabul', ...AF, geo_precision: 2 },
  actors: [pkForces('perpetrator')],
  narrative:
    'Pakistan states that after 12 October 2025 it struck targets in Kabul, among other places inside Afghanistan. ' +
    'Targets, times and casualties are not given in the reporting.',
  sources: [REPORT_10_NOV, REPORT_LATE_OCT],
};

/** Pakistan's report of the further clashes of 11-15 October, with ISPR's casualty claims. */
export const pkClashesReport: ReportBody = {
  when: { start: '2025-10-11T00:00:00+05:00', end: '2025-10-16T00:00:00+05:00', precision: 'week' },
  where: { place: 'Pakistan-Afghanistan border (several points)', ...PK, geo_precision: 3 },
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  actors: [afForces('perpetrator'), { name: 'Tehreek-e-Taliban Pakistan (TTP)', side: null, role: 'perpetrator', actor_type: 'Rebel group' }, pkForces('target')],
  casualties: { killed: { combatant: { min: 224 } } },
  contested: [
    { field: 'casualties', claimant: { name: 'ISPR', side: 'pk' }, of_side: 'af', casualties: { killed: { combatant: { min: 201 } } }, source: 'more than 200 Afghan Taliban and affiliated fighters' },
    { field: 'casualties', claimant: { name: 'ISPR', side: 'pk' }, of_side: 'pk', casualties: { killed: { combatant: { min: 23, best: 23, max: 23 } } }, source: '23 Pakistani soldiers' },
  ],
  narrative:
    'Pakistan reports several further clashes along the border between 11 and 15 October 2025. ISPR, the Pakistani ' +
    'military\'s media wing, claims that more than 200 Afghan Taliban and affiliated fighters and 23 Pakistani soldiers ' +
    'were killed in the period (hence at least 224 combatants in the casualty figures, as ISPR claims them).',
  sources: [REPORT_10_NOV, REPORT_LATE_OCT, { kind: 'official', title: 'ISPR statement on the border fighting, as reported', publisher: 'ISPR' }],
  clauses: [],
  accused: ['af'],
};

/** The joint field team's report of the exchange of fire at the Chaman-Spin Boldak crossing. */
export function chamanReport(evidence: string): ReportBody {
  return {
    when: { start: '2025-11-06T00:00:00+05:00', end: '2025-11-08T00:00:00+05:00', precision: 'week' },
    where: { lat: 30.92, lon: 66.45, place: 'Chaman-Spin Boldak crossing', admin1: 'Balochistan', ...PK, geo_precision: 1 },
    event_type: 'Ceasefire mechanism',
    sub_event_type: 'Cross-border fire',
    actors: [pkForces('other'), afForces('other'), { name: 'Civilians (Pakistan)', side: null, role: 'target', actor_type: 'Civilians' }],
    casualties: { killed: { unknown: { min: 2, best: 2, max: 2 } } },
    narrative:
      'A brief exchange of fire at the Chaman-Spin Boldak crossing around 6-7 November 2025, while delegations were in ' +
      'Istanbul for the third round. Two people were killed on the Pakistani side, one of them a woman. The reporting ' +
      'does not say who opened fire; the team attributes it to no side. It came while the ceasefire of 15 October stood.',
    sources: [REPORT_10_NOV, { kind: 'witness', title: 'Joint field team 1 notes (demo evidence)' }],
    clauses: ['V1'],
    accused: [],
    evidence: [evidence],
  };
}
