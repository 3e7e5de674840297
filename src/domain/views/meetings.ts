import type { LogRef, MechanismState } from '../state.js';
import { listMeetings, type JointSignature, type MeetingContent, type MeetingRecord } from '../records/meetings.js';

export interface MeetingView extends Omit<MeetingContent, 'joint'> {
  readonly id: string;
  readonly ref: LogRef;
  /** Recorded by (ref.by): the meeting's record is that member's account of it. */
  readonly recordedBy: string;
  readonly joint: {
    readonly text: string;
    readonly hash: string;
    readonly signatures: readonly JointSignature[];
    /** The attendees bound by the joint statement: exactly those who signed its hash. */
    readonly inForceFor: readonly string[];
    readonly unsigned: readonly string[];
  } | null;
}

function meetingView(m: MeetingRecord): MeetingView {
  const { joint, ...content } = m.content;
  const signers = m.signatures.map((s) => s.member);
  return {
    ...content,
    id: m.id,
    ref: m.ref,
    recordedBy: m.ref.by,
    joint: joint
      ? { text: joint.text, hash: joint.hash, signatures: [...m.signatures], inForceFor: signers, unsigned: m.content.attendees.filter((a) => !signers.includes(a)) }
      : null,
  };
}

/**
 * Every round of talks and commission session, by start time, with each joint statement and who signed it.
 * @example meetingsView(state).items[0]?.joint?.inForceFor // ['pk', 'af', 'qa', 'tr']
 */
export function meetingsView(state: MechanismState): { readonly items: readonly MeetingView[] } {
  return { items: listMeetings(state).map(meetingView) };
}
