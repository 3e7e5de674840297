import { agreementBody, agreementHash, asBody } from './case-bodies.js';
import { mustAppend } from './http.js';
import { signed, type TestMember } from './members.js';
import type { AgreementContent } from '../../../src/domain/records/agreement-schema.js';

/**
 * The rules every party signs (mediators, quorum, witnesses): proposed by `proposer`, signed by each of `signers`.
 * Witnesses count only once the parties named them this way, never from the member list.
 */
export async function agreeRules(url: string, proposer: TestMember, signers: readonly TestMember[], over: Partial<AgreementContent> = {}): Promise<AgreementContent> {
  const body = agreementBody({ witnesses: { members: ['pk', 'af', 'qa', 'tr'], quorum: 3 }, ...over });
  await mustAppend(url, await signed(proposer, 'agreement.propose', asBody(body)));
  for (const m of signers) await mustAppend(url, await signed(m, 'agreement.sign', { agreement: body.agreement, version: body.version, hash: agreementHash(body) }));
  return body;
}
