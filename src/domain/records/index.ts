import type { Handler } from '../handler.js';
import { publishReport } from './report-publish.js';
import { addKey, admitMember, revokeKey } from './members.js';
import { amendReport, fileReport, replyToReport } from './reports.js';
import { accessEvidence, acknowledgeEvidence, registerEvidence } from './evidence.js';
import { promoteCandidate, dismissCandidate } from './candidates.js';
import { proposeAgreement, signAgreement } from './agreement.js';
import { recordStatus } from './agreement-status.js';
import { acknowledgeTerm, recordTerm } from './terms-store.js';
import { concurRecord } from './concur.js';
import { answerRequest, makeRequest } from './requests.js';
import { recordMeeting, signJoint } from './meetings.js';
import { openInvestigation } from './investigations.js';
import { proposeFinding, signFinding } from './findings.js';
import { applyPenalty } from './penalties.js';
import { reportAction, verifyAction } from './commitments.js';
import { addEncryptionKey, releaseSeal } from './seals.js';
import { reviewReport } from './staging.js';
import { planPatrol } from './patrols.js';
import { cosignReport, denyAccess } from './joint.js';

/** Every statement type's handler; a type without one is refused. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const HANDLERS: readonly Handler<any>[] = [admitMember, addKey, revokeKey, fileReport, amendReport, replyToReport, registerEvidence, acknowledgeEvidence, accessEvidence, promoteCandidate, dismissCandidate,
  proposeAgreement, signAgreement, recordStatus, recordTerm, acknowledgeTerm, concurRecord, makeRequest, answerRequest, recordMeeting, signJoint, openInvestigation, proposeFinding, signFinding, applyPenalty, reportAction, verifyAction,
  addEncryptionKey, releaseSeal, publishReport, reviewReport, planPatrol, cosignReport, denyAccess];
