// Builders for the tests of sealed fields. Domain tests do not decrypt (the handlers never do), so ciphertexts here
// are random bytes of the right lengths; src/domain/seal/hpke.test.ts seals and opens for real.
import { toBase64 } from '../encoding.js';
import { keyOf, reportBody, type World } from '../test-builders.js';
import { SEAL_SUITE, type SealedField, sealCommitment } from './sealed.js';

export const SALT = toBase64(new Uint8Array(16).fill(9));

/** A sealed field as a client would make it, for recipients whose encryption keys are keyOf(`${member}-enc`). */
export function sealedBlock(field: string, value: unknown, recipients: readonly string[]): SealedField {
  const bytes = (n: number, fill: number) => toBase64(new Uint8Array(n).fill(fill));
  return { field, commit: sealCommitment(field, SALT, value), suite: SEAL_SUITE, to: recipients.map((member) => ({ member, key: keyOf(`${member}-enc`), enc: bytes(32, 1), ct: bytes(40, 2) })) };
}

/** Register the mediators' encryption keys and file a report whose "/witness" is sealed to them; returns its id. */
export function sealedReport(w: World, value: unknown = 'A. Witness, teacher at the crossing'): string {
  for (const m of ['qa', 'tr']) if (!w.state.records.get('enckeys')?.has(m)) w.must(m, 'enckey.add', { key: keyOf(`${m}-enc`) });
  return w.must('field-team-1', 'report.file', { ...reportBody(), sealed: [sealedBlock('/witness', value, ['qa', 'tr'])] }).id;
}
