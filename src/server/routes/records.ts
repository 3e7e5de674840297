import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Mechanism } from '../../services/mechanism.js';
import { getAgreement, getCompliance, getIncident, getMeetings, listCommitments, listIncidents, listMembers } from '../../services/queries.js';
import type { IncidentQuery } from '../../store/store.js';
import { sendProblem } from '../problem.js';
import { pageLimit } from '../params.js';
import { readerOf } from '../reader.js';
import { checkIncidentFilters } from '../incident-filters.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use an ISO date, YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date');
const bbox = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .refine((v) => v.length === 4 && v.every(Number.isFinite), 'bbox is west,south,east,north in degrees')
  .refine((v) => Math.abs(v[0]!) <= 180 && Math.abs(v[2]!) <= 180 && Math.abs(v[1]!) <= 90 && Math.abs(v[3]!) <= 90 && v[1]! <= v[3]!, 'bbox is out of range (longitudes within ±180, latitudes within ±90, south ≤ north)')
  .transform((v) => v as unknown as readonly [number, number, number, number]);

export const incidentQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  bbox: bbox.optional(),
  type: z.string().max(100).optional(),
  party: z.string().max(64).optional(),
  status: z.string().max(64).optional(),
  q: z.string().max(500).optional(),
  limit: pageLimit(500, 50),
  cursor: z.string().max(500).optional(),
});

/** Read-only views of the mechanism: projections of the log. */
export const recordRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staged =
    'Reports the terms stage (docs/FIELD.md) are answered by who asks: the public (no signature), or a member who signs the request (headers Truce-Key, Truce-At, Truce-Signature for purpose "read" over the request’s path and query; docs/api.md, "Signed requests").';

  r.get('/v1/incidents', { schema: { summary: 'Alleged incidents, filtered and paged, as the reader may read them; with the count of reports not yet public', description: staged, tags: ['records'], querystring: incidentQuery } }, async (request, reply) => {
    const reader = readerOf(mechanism.state, request.headers, request.url);
    if (!reader.ok) return sendProblem(reply, reader.code, reader.detail);
    const filters = checkIncidentFilters(mechanism.state, request.query as IncidentQuery);
    if (!filters.ok) return sendProblem(reply, filters.code, filters.detail);
    return reply.type('application/json; charset=utf-8').send(await listIncidents(mechanism, filters.value, reader.value));
  });

  r.get('/v1/incidents/:id', { schema: { summary: 'One alleged incident with its history, replies, evidence, findings and inclusion proofs (or its summary, as the reader may read it)', description: staged, tags: ['records'], params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'an incident id is the 64-hex id of its report.file statement') }) } }, async (request, reply) => {
    const reader = readerOf(mechanism.state, request.headers, request.url);
    if (!reader.ok) return sendProblem(reply, reader.code, reader.detail);
    const incident = await getIncident(mechanism, request.params.id, reader.value);
    if (incident && 'withheld' in incident) return sendProblem(reply, 'forbidden', `incident ${request.params.id} is not yet public: it waits for the mediators' review (the count of such reports is in GET /v1/incidents, "notPublic")`);
    return incident ?? sendProblem(reply, 'not_found', `no incident with id ${request.params.id}`);
  });

  r.get(
    '/v1/agreement',
    { schema: { summary: 'The agreement: versions, clauses, signatures, status history; ceasefire standing as of a time (default now)', tags: ['records'], querystring: z.object({ asOf: z.string().datetime().optional() }) } },
    async (request) => getAgreement(mechanism, request.query.asOf),
  );
  r.get('/v1/compliance', { schema: { summary: 'Compliance per party and clause', tags: ['records'] } }, async () => getCompliance(mechanism));
  r.get(
    '/v1/commitments',
    { schema: { summary: "Commitments with their benchmarks and status as of a time; actions reported with the mediators' verdicts; requests between parties", tags: ['records'], querystring: z.object({ party: z.string().max(64).optional(), asOf: z.string().datetime().optional() }) } },
    async (request) => listCommitments(mechanism, request.query.party, request.query.asOf),
  );
  r.get('/v1/meetings', { schema: { summary: 'Rounds of talks, commission sessions and joint statements', tags: ['records'] } }, async () => getMeetings(mechanism));
  r.get('/v1/members', { schema: { summary: 'Members, roles and keys', tags: ['records'] } }, async () => listMembers(mechanism));
};
