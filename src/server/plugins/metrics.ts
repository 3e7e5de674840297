import { statfs } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Mechanism } from '../../services/mechanism.js';

/**
 * Prometheus metrics at /metrics (prom-client, its own registry per app). Counters follow the mechanism's events;
 * gauges are read when scraped. Every figure here is already public in the log, so the endpoint is open.
 */
export const metricsPlugin = (m: Mechanism): FastifyPluginAsync => async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'truce_' });
  const counter = (name: string, help: string, labelNames: string[] = []) => new Counter({ name, help, labelNames, registers: [registry] });
  const appends = counter('truce_appends_total', 'statements appended to the log');
  const refusals = counter('truce_refusals_total', 'submissions refused, by the rule they broke', ['reason']);
  const cosignatures = counter('truce_cosignatures_total', 'witness cosignatures accepted, per witness', ['witness']);
  const articles = counter('truce_ingest_articles_total', 'news articles read by POST /v1/ingest');
  const candidates = counter('truce_ingest_candidates_total', 'news candidates produced for review');
  const evidence = counter('truce_evidence_bytes_total', 'evidence bytes received');
  const checkpoints = counter('truce_checkpoints_total', 'checkpoints signed and stored');
  const lastCosigned = new Gauge({ name: 'truce_witness_last_cosigned_size', help: 'largest checkpoint size each witness cosigned', labelNames: ['witness'], registers: [registry] });
  const gauge = (name: string, help: string, read: () => number | Promise<number | null> | null) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const value = await read();
        if (value === null) this.reset();
        else this.set(value);
      },
    });
  gauge('truce_log_size', 'entries in the log', () => m.size);
  gauge('truce_checkpoint_size', 'size of the latest published checkpoint', () => m.published?.size ?? 0);
  gauge('truce_checkpoint_age_seconds', 'seconds since the latest checkpoint was signed', () => (m.published ? (Date.now() - Date.parse(m.published.createdAt)) / 1000 : null));
  gauge('truce_checkpoint_lag_seconds', 'how long the oldest entry not under a checkpoint has waited (0 when all are signed)', () => (m.unsignedSince === null ? 0 : (Date.now() - m.unsignedSince) / 1000));
  gauge('truce_sequencer_failed', '1 when a commit failed and appends are refused until a restart', () => (m.sequencer.failed ? 1 : 0));
  gauge('truce_alerts', 'integrity alerts raised since the server started', () => m.alerts.list().length);
  gauge('truce_data_disk_free_bytes', 'free bytes on the data folder\'s disk', async () => {
    const s = await statfs(m.options.dataDir).catch(() => null);
    return s ? s.bavail * s.bsize : null;
  });

  const largest = new Map<string, number>();
  const on = {
    committed: (n: number) => appends.inc(n),
    refused: (code: string) => refusals.inc({ reason: code }),
    cosigned: (witness: string, size: number) => {
      cosignatures.inc({ witness });
      // A witness may send an older cosignature late: the gauge keeps the largest size, so it never goes back.
      largest.set(witness, Math.max(size, largest.get(witness) ?? 0));
      lastCosigned.set({ witness }, largest.get(witness)!);
    },
    ingested: (a: number, c: number) => {
      articles.inc(a);
      candidates.inc(c);
    },
    evidence: (bytes: number) => evidence.inc(bytes),
    checkpoint: () => checkpoints.inc(),
  };
  for (const [event, listener] of Object.entries(on)) m.events.on(event as keyof typeof on, listener as never);
  app.addHook('onClose', async () => {
    for (const [event, listener] of Object.entries(on)) m.events.off(event as keyof typeof on, listener as never);
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) =>
    reply.type(registry.contentType).header('cache-control', 'no-store').send(await registry.metrics()),
  );
};
