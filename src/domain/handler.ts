import type { z } from 'zod';
import type { Result } from './errors.js';
import type { MechanismState, LogRef, Member } from './state.js';
import type { Statement, StatementType } from './statement.js';

/** What a statement changed, so the store can refresh the matching query rows in the same transaction. */
export interface Touched {
  readonly kind: 'member' | 'agreement' | 'incident' | 'evidence' | 'investigation' | 'finding' | 'meeting' | 'commitment' | 'candidate';
  readonly id: string;
}

export interface StatementContext {
  readonly statement: Statement;
  readonly ref: LogRef;
  /** The signer, already checked to be a member holding the statement's key, with the right to this type. */
  readonly signer: Member;
}

/**
 * One statement type's rules. `apply` checks the workflow first and mutates the state only when it accepts:
 * a refusal must leave the state exactly as it was.
 */
export interface Handler<B = unknown> {
  readonly type: StatementType;
  readonly schema: z.ZodType<B, unknown>;
  apply(state: MechanismState, body: B, ctx: StatementContext): Result<readonly Touched[]>;
}

/** Helper so each record module can declare handlers with the body type inferred from its schema. */
export function defineHandler<S extends z.ZodType>(
  type: StatementType,
  schema: S,
  apply: (state: MechanismState, body: z.infer<S>, ctx: StatementContext) => Result<readonly Touched[]>,
): Handler<z.infer<S>> {
  return { type, schema: schema as unknown as z.ZodType<z.infer<S>, unknown>, apply };
}
