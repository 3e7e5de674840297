import type { StatementType } from './statement.js';

export const ROLES = ['operator', 'party', 'mediator', 'monitor', 'observer'] as const;
export type Role = (typeof ROLES)[number];

const PARTY: readonly StatementType[] = [
  'key.add',
  'key.revoke',
  'enckey.add',
  'agreement.propose',
  'agreement.sign',
  'agreement.status',
  'term.record',
  'term.acknowledge',
  'request.make',
  'request.answer',
  'report.file',
  'report.amend',
  'report.reply',
  'evidence.register',
  'evidence.acknowledge',
  'evidence.access',
  'commitment.action',
  'joint.sign',
  'report.cosign',
  'access.denied',
];

/**
 * Who may sign what: design.md's roles table, declared once. The server enforces it and `truce verify` re-checks it
 * from the log. Workflow rules (e.g. only the accused party replies) live with each record's handler.
 */
export const RIGHTS: Readonly<Record<Role, readonly StatementType[]>> = {
  // The secretariat runs the mechanism: admits members, records meetings; it cannot sign as anyone else
  // (every statement is checked against the signer's own registered key).
  operator: ['member.admit', 'key.add', 'key.revoke', 'enckey.add', 'meeting.record', 'evidence.access', 'patrol.plan'],
  party: PARTY,
  mediator: [
    ...PARTY,
    'record.concur',
    'investigation.open',
    'finding.propose',
    'finding.sign',
    'penalty.apply',
    'commitment.verify',
    'meeting.record',
    'candidate.promote',
    'candidate.dismiss',
    'seal.release',
    'report.publish',
    'report.review',
    'patrol.plan',
  ],
  monitor: ['key.add', 'key.revoke', 'enckey.add', 'report.file', 'report.amend', 'evidence.register', 'evidence.access', 'candidate.promote', 'candidate.dismiss', 'report.cosign', 'access.denied', 'patrol.plan'],
  observer: ['key.add', 'key.revoke', 'enckey.add'],
};

/** @example may('monitor', 'report.file') // true */
export function may(role: Role, type: StatementType): boolean {
  return RIGHTS[role].includes(type);
}
