import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { memberIdSchema } from '../statement.js';
import { line, ms, recordId, sha256Hex, text, textHash, uniqueList, utcTime } from './fields.js';

export const MEETING_KINDS = ['talks', 'commission'] as const;
export const MEETING_OUTCOMES = ['agreed', 'adjourned', 'failed'] as const;

const placeSchema = z
  .object({ name: line(200), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), country: line(100).optional() })
  .strict();

/** meeting.record: a round of talks or a session of the mechanism's commission. */
export const meetingRecordBody = z
  .object({
    title: line(300),
    kind: z.enum(MEETING_KINDS),
    round: z.number().int().min(1).max(1000).optional(),
    start: utcTime,
    end: utcTime,
    place: placeSchema,
    /** The member delegations present (e.g. pk, af, qa, tr); only they may sign the joint statement. */
    attendees: uniqueList(memberIdSchema, 'attendees', 50).min(1),
    /** Named people present, optionally with the member they came with; their presence is as the recorder states it. */
    people: z.array(z.object({ name: line(200), member: memberIdSchema.optional(), role: line(200).optional() }).strict()).max(200).optional(),
    agenda: z.array(line(1000)).max(50),
    outcome: z.enum(MEETING_OUTCOMES),
    summary: text(10000).optional(),
    /** A joint statement: its text and the SHA-256 (hex) of its UTF-8 bytes, which joint.sign covers. */
    joint: z.object({ text: text(30000), hash: sha256Hex }).strict().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (ms(b.end) < ms(b.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'a meeting cannot end before it starts' });
    if (b.joint && textHash(b.joint.text) !== b.joint.hash) ctx.addIssue({ code: 'custom', path: ['joint', 'hash'], message: 'hash is not the SHA-256 of the joint statement text' });
  });
export type MeetingContent = z.infer<typeof meetingRecordBody>;

export const jointSignBody = z.object({ meeting: recordId, hash: sha256Hex }).strict();

export interface JointSignature {
  readonly member: string;
  readonly ref: LogRef;
}

export interface MeetingRecord {
  readonly id: string;
  readonly ref: LogRef;
  readonly content: MeetingContent;
  readonly signatures: JointSignature[];
}

export const MEETINGS = 'meetings';

export function getMeeting(state: MechanismState, id: string): MeetingRecord | undefined {
  return collection<MeetingRecord>(state, MEETINGS).get(id);
}

/** Every meeting, by start time (then log order). */
export function listMeetings(state: MechanismState): MeetingRecord[] {
  return [...collection<MeetingRecord>(state, MEETINGS).values()].sort((a, b) => ms(a.content.start) - ms(b.content.start) || a.ref.index - b.ref.index);
}

export const recordMeeting = defineHandler('meeting.record', meetingRecordBody, (state, body, ctx) => {
  for (const id of body.attendees) if (!state.members.has(id)) return refuse('not_found', `attendee ${id} is not an admitted member`);
  for (const p of body.people ?? []) {
    if (p.member !== undefined && !body.attendees.includes(p.member)) return refuse('invalid_state', `${p.name} is listed with ${p.member}, which is not among the attendees`);
  }
  collection<MeetingRecord>(state, MEETINGS).set(ctx.ref.id, { id: ctx.ref.id, ref: ctx.ref, content: body, signatures: [] });
  return ok([{ kind: 'meeting', id: ctx.ref.id }]);
});

export const signJoint = defineHandler('joint.sign', jointSignBody, (state, body, ctx) => {
  const meeting = getMeeting(state, body.meeting);
  if (!meeting) return refuse('not_found', `no meeting ${body.meeting} was recorded`);
  const joint = meeting.content.joint;
  if (!joint) return refuse('invalid_state', 'that meeting recorded no joint statement');
  if (body.hash !== joint.hash) return refuse('invalid_state', `the signed hash is not the joint statement's hash (${joint.hash})`);
  if (!meeting.content.attendees.includes(ctx.signer.id)) return refuse('forbidden', `${ctx.signer.id} did not attend that meeting; only attendees sign its joint statement`);
  if (meeting.signatures.some((s) => s.member === ctx.signer.id)) return refuse('invalid_state', `${ctx.signer.id} already signed that joint statement`);
  meeting.signatures.push({ member: ctx.signer.id, ref: ctx.ref });
  return ok([{ kind: 'meeting', id: meeting.id }]);
});
