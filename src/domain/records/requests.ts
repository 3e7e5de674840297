import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { dateOrTime, line, ms, recordId, side, slug, text, uniqueList } from './fields.js';

/**
 * request.make: one party asks another for something verifiable by a deadline, e.g. to hand over named persons or to
 * act against named groups. Each party speaks for itself: the request is the asking party's claim of what it wants.
 */
export const requestMakeBody = z
  .object({
    to: side,
    /** The term the request rests on, if any (e.g. a commitment). */
    term: slug.optional(),
    subject: line(300),
    /** The named persons, groups or places the request is about. */
    items: uniqueList(line(300), 'items', 200).min(1),
    deadline: dateOrTime,
    text: text(10000),
  })
  .strict();

export const ANSWERS = ['accepted', 'partly_accepted', 'refused', 'other'] as const;

/** request.answer: the asked party's answer, kept beside the request, never over it. */
export const requestAnswerBody = z.object({ request: recordId, answer: z.enum(ANSWERS), text: text(10000) }).strict();

export interface PartyRequest {
  readonly id: string;
  readonly ref: LogRef;
  readonly from: string;
  readonly to: string;
  readonly term: string | null;
  readonly subject: string;
  readonly items: readonly string[];
  readonly deadline: string;
  readonly text: string;
  readonly answers: { readonly member: string; readonly answer: (typeof ANSWERS)[number]; readonly text: string; readonly ref: LogRef; readonly inTime: boolean }[];
}

export const REQUESTS = 'requests';

export function listRequests(state: MechanismState): PartyRequest[] {
  return [...collection<PartyRequest>(state, REQUESTS).values()].sort((a, b) => a.ref.index - b.ref.index);
}

/** open: no answer, deadline ahead; overdue: no answer, deadline passed as of `asOf`; answered (in time or late). */
export function requestStatus(r: PartyRequest, asOf: string): 'open' | 'overdue' | 'answered' | 'answered_late' {
  const first = r.answers[0];
  if (first) return first.inTime ? 'answered' : 'answered_late';
  return ms(asOf) >= ms(r.deadline) ? 'overdue' : 'open';
}

export const makeRequest = defineHandler('request.make', requestMakeBody, (state, body, ctx) => {
  const from = ctx.signer.side;
  if (ctx.signer.role !== 'party' || !from) return refuse('forbidden', 'requests are made between parties');
  if (body.to === from) return refuse('invalid_state', 'a party does not make a request of itself');
  if (![...state.members.values()].some((m) => m.role === 'party' && m.side === body.to)) return refuse('invalid_state', `${body.to} is not the side of any admitted party`);
  if (ms(body.deadline) <= ms(ctx.ref.at)) return refuse('invalid_state', `the deadline ${body.deadline} has already passed`);
  const request: PartyRequest = { id: ctx.ref.id, ref: ctx.ref, from, to: body.to, term: body.term ?? null, subject: body.subject, items: body.items, deadline: body.deadline, text: body.text, answers: [] };
  collection<PartyRequest>(state, REQUESTS).set(request.id, request);
  return ok([{ kind: 'commitment', id: request.id }]);
});

export const answerRequest = defineHandler('request.answer', requestAnswerBody, (state, body, ctx) => {
  const request = collection<PartyRequest>(state, REQUESTS).get(body.request);
  if (!request) return refuse('not_found', `no request ${body.request}`);
  if (ctx.signer.role !== 'party' || ctx.signer.side !== request.to) return refuse('forbidden', `only ${request.to}, the party asked, answers this request`);
  request.answers.push({ member: ctx.signer.id, answer: body.answer, text: body.text, ref: ctx.ref, inTime: ms(ctx.ref.at) <= ms(request.deadline) });
  return ok([{ kind: 'commitment', id: request.id }]);
});
