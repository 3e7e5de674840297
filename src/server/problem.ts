import type { FastifyReply } from 'fastify';
import type { ErrorCode } from '../domain/errors.js';

/** The one table from error code to HTTP status (the CLI's exit codes live in cli/exit-codes.ts). */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  not_canonical: 400,
  too_large: 413,
  bad_signature: 401,
  unknown_key: 401,
  revoked_key: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  replay: 409,
  conflict: 409,
  clock_skew: 422,
  uri_too_long: 414,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const TITLES: Readonly<Record<ErrorCode, string>> = {
  bad_request: 'Bad request',
  not_canonical: 'Statement is not canonical JSON',
  too_large: 'Too large',
  bad_signature: 'Signature does not verify',
  unknown_key: 'Unknown key',
  revoked_key: 'Revoked key',
  forbidden: 'Not allowed for this role',
  not_found: 'Not found',
  invalid_state: 'Not allowed in the current state',
  replay: 'Already in the log',
  conflict: 'Conflict',
  clock_skew: 'Clock skew',
  uri_too_long: 'URL too long',
  rate_limited: 'Too many requests',
  unavailable: 'Unavailable',
  internal: 'Internal error',
};

/** An RFC 9457 problem details body; `code` is Truce's extension member naming the rule. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
}

export function problem(code: ErrorCode, detail: string, instance?: string): Problem {
  return { type: `urn:truce:problem:${code}`, title: TITLES[code], status: HTTP_STATUS[code], detail, code, ...(instance ? { instance } : {}) };
}

export function sendProblem(reply: FastifyReply, code: ErrorCode, detail: string): FastifyReply {
  const body = problem(code, detail, reply.request.url);
  return reply.code(body.status).type('application/problem+json').send(body);
}
