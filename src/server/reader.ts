import type { IncomingHttpHeaders } from 'node:http';
import { type Result, ok } from '../domain/errors.js';
import type { MechanismState } from '../domain/state.js';
import type { Reader } from '../domain/views/publication.js';
import { checkSignedRequest } from './signed-request.js';

/** The purpose a member signs to read what the terms stage for it (GET requests have an empty body). */
export const READ_PURPOSE = 'read';

/**
 * Who asks a read: the public when the request carries no signature; a member when it signed "read" over the
 * request's path and query (so a signature opens one URL for a minute; any role may sign). A bad signature is
 * refused, never answered as the public, so a member is never silently shown less.
 * @example readerOf(state, request.headers, request.url)
 */
export function readerOf(state: MechanismState, headers: IncomingHttpHeaders, url: string): Result<Reader> {
  if (headers['truce-key'] === undefined && headers['truce-signature'] === undefined) return ok(null);
  const body = new TextEncoder().encode(url);
  const signer = checkSignedRequest(state, { headers, body }, { purpose: READ_PURPOSE, allowed: () => true }, null);
  if (!signer.ok) return signer;
  const member = state.members.get(signer.value.member);
  return ok({ member: signer.value.member, role: signer.value.role, side: member?.side ?? null });
}
