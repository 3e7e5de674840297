import type { AgreementContent } from '../records/agreement-schema.js';

/**
 * Pakistan's written text, as the demo holds it: an ILLUSTRATION of the written agreement Pakistan asks for according
 * to the public reporting (verifiable action against the TTP and BLA on Afghan soil, militants handed over, every
 * commitment in writing). Not the text of any real document. Pakistan signs it; the Afghan side has not signed: as
 * reported by Pakistan, it would respect only a verbal agreement. No penalty schedule: the reporting names none.
 */
export const PK_WRITTEN_TEXT: AgreementContent = {
  agreement: 'pk-written-text',
  version: 1,
  title: 'Written agreement asked for by Pakistan (illustration)',
  preamble:
    'ILLUSTRATION built from public reporting of October-November 2025; not the text of any real document. ' +
    'Pakistan asks for a written agreement with concrete, verifiable action against the TTP and BLA on Afghan soil. ' +
    'As reported by Pakistan, the Afghan side would respect only a verbal agreement; it has not signed this text.',
  parties: ['pk', 'af'],
  mediators: ['qa', 'tr'],
  quorum: 2,
  replyDeadlineHours: 72,
  clauses: [
    {
      id: 'W1',
      text: 'Concrete, verifiable action against the TTP and the BLA on Afghan soil.',
      bound: ['af'],
      kind: 'commitment',
      indicator: 'Action against the named groups on Afghan soil, reported by the Afghan side and verified by the mediators.',
    },
    {
      id: 'W2',
      text: 'Militants are handed over.',
      bound: ['af'],
      kind: 'obligation',
      indicator: 'Hand-overs reported and verified by the mediators.',
    },
    {
      id: 'W3',
      text: 'The agreement and every commitment under it are made in writing.',
      bound: ['pk', 'af'],
      kind: 'obligation',
      indicator: 'Commitments signed in the log by the party making them.',
    },
  ],
};
