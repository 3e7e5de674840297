import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/** A fresh id per request; never taken from the client, whose header could forge or collide with another's logs. */
export const newRequestId = (): string => randomUUID();

/** Every answer carries its request's id, so an operator finds the log lines of the request a user reports. */
export const requestIdPlugin: FastifyPluginAsync = fp(async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
});
