import type { DemoStatement } from './case.js';
import { hashOf, idOf } from './refs.js';

// The mediators' investigations of the demo: ILLUSTRATIONS of the workflow (a finding final at the quorum). The public
// reporting establishes neither determination, and the reasoning says so. No penalty follows: no party is found in
// violation on invented grounds (penalties are shown by the end-to-end tests instead).

const ILLUSTRATION = 'ILLUSTRATION ONLY: this finding is invented to show how the mechanism works; it is not a determination about real events.';

export function findingStatements(chamanNotes: string): DemoStatement[] {
  // Neutral on real events: the reporting gives the toll at the crossing but not who opened fire, so the demo's
  // mediators find the exchange could not be attributed, rather than inventing a culprit.
  const unattributable = {
    investigation: idOf('I1'),
    determination: 'unattributable',
    clauses: ['C1'],
    reasoning:
      'Fire was exchanged at the Chaman-Spin Boldak crossing around 6-7 November 2025 while the ceasefire stood; two ' +
      'people were killed on the Pakistani side, one of them a woman. The field notes do not establish from which side ' +
      `fire was first opened, so the breach of C1 cannot be attributed to either party. ${ILLUSTRATION}`,
    evidence: [chamanNotes],
  };
  const inconclusive = {
    investigation: idOf('I2'),
    determination: 'inconclusive',
    clauses: [],
    reasoning:
      'The Afghan authorities allege Pakistani airstrikes inside Afghanistan shortly before 11 October 2025; Islamabad ' +
      'neither confirmed nor denied them, and no place, time or casualty figure was reported. The mediators cannot ' +
      `establish whether the strikes took place. ${ILLUSTRATION}`,
    evidence: [],
  };
  return [
    { name: 'I1', by: 'qa', type: 'investigation.open', at: '2025-11-10T14:00:00Z', body: { reports: [idOf('R5')], title: 'Exchange of fire at the Chaman-Spin Boldak crossing, 6-7 November 2025', mandate: 'Establish what happened at the crossing, who opened fire, and whether clause C1 was broken.' } },
    { name: 'I2', by: 'tr', type: 'investigation.open', at: '2025-11-10T15:00:00Z', body: { reports: [idOf('R2')], title: 'Alleged airstrikes inside Afghanistan before 11 October 2025', mandate: 'Establish whether the airstrikes alleged by the Afghan authorities took place, and where.' } },
    { name: 'F1', by: 'qa', type: 'finding.propose', at: '2025-11-12T09:00:00Z', body: unattributable },
    { name: 'F2', by: 'tr', type: 'finding.propose', at: '2025-11-12T10:00:00Z', body: inconclusive },
    { by: 'tr', type: 'finding.sign', at: '2025-11-13T09:00:00Z', body: { finding: idOf('F1'), hash: hashOf('F1'), position: 'concur' } },
    { by: 'qa', type: 'finding.sign', at: '2025-11-13T10:00:00Z', body: { finding: idOf('F2'), hash: hashOf('F2'), position: 'concur' } },
  ];
}
