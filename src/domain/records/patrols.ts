import { z } from 'zod';
import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection, type LogRef, type MechanismState } from '../state.js';
import { memberIdSchema } from '../statement.js';
import { line, text, uniqueList, utcTime } from './fields.js';

// A joint patrol is planned before it goes out (who, where, when), so a later report of what it saw, or of the access
// it was denied, refers to a plan the parties could read beforehand. The route may be sealed like any field.

export const patrolPlanBody = z
  .object({
    name: line(200),
    /** The members on the patrol, e.g. an officer of each party and a mediator's monitor. */
    team: uniqueList(memberIdSchema, 'team members', 20).min(1),
    area: line(300),
    from: utcTime,
    until: utcTime,
    route: text(5000).optional(),
  })
  .strict()
  .refine((b) => Date.parse(b.until) > Date.parse(b.from), { message: 'until must be after from', path: ['until'] });
export type PatrolPlanBody = z.infer<typeof patrolPlanBody>;

export interface PatrolPlan {
  readonly id: string;
  readonly ref: LogRef;
  readonly plan: PatrolPlanBody;
}

const patrols = (state: MechanismState) => collection<PatrolPlan>(state, 'patrols');

/** @example getPatrol(state, planId)?.plan.team // ['north', 'south', 'med-a'] */
export const getPatrol = (state: MechanismState, id: string): PatrolPlan | undefined => patrols(state).get(id);

/** Every plan, in log order. */
export const listPatrols = (state: MechanismState): PatrolPlan[] => [...patrols(state).values()].sort((a, b) => a.ref.index - b.ref.index);

/** patrol.plan: recorded in advance (it starts after it is signed), naming admitted members only. */
export const planPatrol = defineHandler('patrol.plan', patrolPlanBody, (state, body, ctx) => {
  if (Date.parse(body.from) <= Date.parse(ctx.ref.at)) return refuse('invalid_state', `a patrol plan is recorded in advance: it starts at ${body.from}, not after it was signed (${ctx.ref.at})`);
  for (const m of body.team) if (!state.members.has(m)) return refuse('invalid_state', `team member ${m} is not an admitted member`);
  patrols(state).set(ctx.ref.id, { id: ctx.ref.id, ref: ctx.ref, plan: body });
  return ok([]);
});
