import { defineHandler } from '../handler.js';
import { ok, refuse } from '../errors.js';
import { collection } from '../state.js';
import { AGREEMENT_STATUS, concurStatus, type StatusChangeRecord } from './agreement-status.js';
import { recordConcurBody } from './term-schema.js';
import { concurTerm, getTermRecord } from './terms-store.js';

/**
 * record.concur: one mediator proposes, the others concur. It covers what needs the mediators' quorum besides a
 * finding (which has finding.sign): a status change of the ceasefire and a term recorded by the mediators.
 */
export const concurRecord = defineHandler('record.concur', recordConcurBody, (state, body, ctx) => {
  const term = getTermRecord(state, body.record);
  const status = collection<StatusChangeRecord>(state, AGREEMENT_STATUS).get(body.record);
  const target = term ?? status;
  if (!target) return refuse('not_found', `no pending term record or status change ${body.record}`);
  if (body.hash !== target.hash) return refuse('invalid_state', `the signed hash is not the proposal's hash (${target.hash}); a concurrence covers the exact proposal`);
  const bad = term ? concurTerm(state, term, ctx.signer.id, ctx.ref) : concurStatus(state, status as StatusChangeRecord, ctx.signer.id, ctx.ref);
  if (bad) return bad;
  return ok([{ kind: 'agreement', id: term ? term.content.term.id : (status as StatusChangeRecord).agreement }]);
});
