import type { MechanismState } from '../state.js';
import type { PenaltySchedule, PublicationRules, WitnessRules } from './agreement-schema.js';
import { versionInForce } from './agreement.js';

/** Hours the accused party has to reply while no rules accepted by every party set another figure. */
export const DEFAULT_REPLY_HOURS = 168;

/** Until the terms set a late limit: a statement may reach the log up to three days after it was signed. */
export const DEFAULT_LATE_LIMIT_HOURS = 72;

/**
 * Until the terms set staged publication, every report is public at once: a log written before the terms said
 * otherwise replays to the same public record, and nobody withholds reports from the public without the parties' word.
 */
export const DEFAULT_PUBLICATION: PublicationRules = { review: [], partiesAfterHours: 0 };

/**
 * The mechanism's rules: which mediators count, how many make a quorum (findings, status changes, terms recorded by
 * the mediators), the reply period, the penalty schedule, the witnesses. They come only from a written version that
 * every party signed (with its mediators' quorum): a version proposed by one mediator, or one the parties did not
 * sign, changes nothing here, so nobody can lower a quorum or name witnesses over the parties' heads.
 */
export interface MechanismRules {
  /** The version the rules come from; null while no version was accepted by every party. */
  readonly version: { readonly id: string; readonly agreement: string; readonly version: number; readonly hash: string } | null;
  readonly mediators: readonly string[];
  readonly quorum: number;
  readonly replyDeadlineHours: number;
  readonly penalties: PenaltySchedule | null;
  /** null: the parties have named no witnesses, so no checkpoint counts as witnessed. */
  readonly witnesses: WitnessRules | null;
  readonly publication: PublicationRules;
  readonly lateLimitHours: number;
}

/**
 * The rules in force. Before any version is accepted by every party, the strictest reading holds: every admitted
 * mediator (admitted with both parties' consent) must concur, the reply period is DEFAULT_REPLY_HOURS, there is no
 * penalty schedule and no witness set.
 * @example mechanismRules(state).quorum // 2
 */
export function mechanismRules(state: MechanismState): MechanismRules {
  const v = versionInForce(state);
  if (v) {
    const c = v.content;
    return {
      version: { id: v.id, agreement: c.agreement, version: c.version, hash: v.hash },
      mediators: c.mediators,
      quorum: c.quorum,
      replyDeadlineHours: c.replyDeadlineHours,
      penalties: c.penalties ?? null,
      witnesses: c.witnesses ?? null,
      publication: c.publication ?? DEFAULT_PUBLICATION,
      lateLimitHours: c.lateLimitHours ?? DEFAULT_LATE_LIMIT_HOURS,
    };
  }
  const mediators = [...state.members.values()].filter((m) => m.role === 'mediator').map((m) => m.id);
  return { version: null, mediators, quorum: Math.max(1, mediators.length), replyDeadlineHours: DEFAULT_REPLY_HOURS, penalties: null, witnesses: null, publication: DEFAULT_PUBLICATION, lateLimitHours: DEFAULT_LATE_LIMIT_HOURS };
}

/** The rules as a record keeps them: what a finding or a status change was decided under. */
export type RulesSnapshot = Pick<MechanismRules, 'version' | 'mediators' | 'quorum'>;

export const rulesSnapshot = (r: MechanismRules): RulesSnapshot => ({ version: r.version, mediators: r.mediators, quorum: r.quorum });
