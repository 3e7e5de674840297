import type { Socket } from 'node:net';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { problem, sendProblem } from '../problem.js';

/** The longest URL the server reads (path and query); longer ones answer 414 before any route runs. */
export const MAX_URL_LENGTH = 4096;

/**
 * Fastify's own refusals (a malformed URL escape, an unparsable body...) answer problem+json like every other
 * error. Pass as the `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, 'bad_request', `the request could not be read: ${error.message}`);
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (headers or request line over 16 KiB, a garbled
 * request line): answered with problem+json on the raw socket, then closed. Pass as the `clientErrorHandler` option.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const tooLong = error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'HPE_URI_TOO_LONG';
  const body = JSON.stringify(tooLong ? problem('uri_too_long', 'the request line or headers are longer than the server reads (16 KiB)') : problem('bad_request', 'the request is not valid HTTP'));
  const status = tooLong ? '414 URI Too Long' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** URLs longer than MAX_URL_LENGTH answer 414 problem+json before routing (no route needs more). */
export const urlLimit: FastifyPluginAsync = fp(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) return sendProblem(reply, 'uri_too_long', `the URL is ${request.url.length} characters; at most ${MAX_URL_LENGTH} are read`);
  });
});
