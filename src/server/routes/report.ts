import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TruceError } from '../../domain/errors.js';
import type { Mechanism } from '../../services/mechanism.js';
import { computeReport, reportHtml } from '../../services/public-report.js';
import { REPORT_LOCALES } from '../../report/messages.js';

const day = z.iso.date({ message: 'use a real ISO date, YYYY-MM-DD' });
const period = z.object({ from: day, to: day, lang: z.enum(REPORT_LOCALES).default('en') }).refine((p) => p.from <= p.to, { message: 'from is after to', path: ['to'] });
const MAX_DAYS = 366;

function checked(p: { from: string; to: string }): void {
  if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 >= MAX_DAYS) throw new TruceError('bad_request', `a report covers at most ${MAX_DAYS} days`);
}

/** The periodic public report: JSON (with the hash mediators sign) and a self-contained, printable HTML page. */
export const reportRoutes = (mechanism: Mechanism): FastifyPluginAsync => async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/v1/report', { schema: { summary: 'The public report of a period (JSON), with its hash and the mediators’ publications of it', tags: ['records'], querystring: period } }, async (request) => {
    checked(request.query);
    const published = mechanism.published;
    const computed = computeReport(mechanism.state, { from: request.query.from, to: request.query.to });
    return { ...computed, checkpoint: published && published.size >= computed.report.size ? published.note : null };
  });
  r.get('/v1/report.html', { schema: { summary: 'The public report of a period as one printable HTML page', tags: ['records'], querystring: period } }, async (request, reply) => {
    checked(request.query);
    const published = mechanism.published;
    const computed = computeReport(mechanism.state, { from: request.query.from, to: request.query.to });
    const html = await reportHtml(mechanism.state, computed, {
      locale: request.query.lang,
      origin: mechanism.origin ?? '',
      checkpoint: published && published.size >= computed.report.size ? published.note : null,
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });
};
