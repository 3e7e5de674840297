import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { TruceError } from '../domain/errors.js';
import type { IngestOptions } from './pipeline.js';
import type { IngestResult } from './result.js';
import type { ArticleInput } from './types.js';

/** Bounds on one ingest request's parsing (sizes are bounded before: each article ≤ 5 MB, nesting ≤ 256). */
export interface ParseLimits {
  /** How long one request's articles may take to read, from when a worker takes them; then the worker is stopped. */
  readonly timeMs: number;
  /** Worker threads (default 1: the machine's other cores verify signatures and serve HTTP). */
  readonly threads?: number;
  /** Requests waiting for a thread beyond which new ones are refused (429). */
  readonly maxQueue?: number;
  /** Heap of one worker, in MB: a page that needs more stops its worker, not the server. */
  readonly memoryMb?: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { timeMs: 20_000, threads: 1, maxQueue: 8, memoryMb: 512 };

/** The news pipeline run in worker threads with a time and memory limit per request. */
export interface IngestPool {
  run(inputs: readonly ArticleInput[], options: Omit<IngestOptions, 'onProgress'>): Promise<IngestResult>;
  close(): Promise<void>;
}

/**
 * A piscina pool running ingest() (parse-worker.mjs). Article HTML and feeds are attacker-controlled: parsing them on
 * the event loop let one page stall every request for minutes. Here a request past its time limit has its worker
 * terminated and answers 413 problem+json, and a full queue answers 429; /healthz and the log keep answering meanwhile.
 * @example const pool = createIngestPool(); const result = await pool.run([{ id: 'a', text: '…' }], {}); await pool.close();
 */
export function createIngestPool(limits: ParseLimits = DEFAULT_PARSE_LIMITS): IngestPool {
  const threads = limits.threads ?? 1;
  const piscina = new Piscina({
    filename: new URL('./parse-worker.mjs', import.meta.url).href,
    // Loading the pipeline takes a worker ~2 s (not counted in the time limit): no thread until the first request,
    // so a server that ingests nothing pays nothing; then it stays for a while.
    minThreads: 0,
    maxThreads: threads,
    maxQueue: limits.maxQueue ?? 8,
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb ?? 512 },
  });
  return {
    async run(inputs, options) {
      // The clock starts when a worker takes the job: waiting in the (bounded) queue is not reading.
      const abort = new AbortController();
      const { port1, port2 } = new MessageChannel();
      let timer: NodeJS.Timeout | undefined;
      port1.once('message', () => (timer = setTimeout(() => abort.abort(), limits.timeMs)));
      try {
        return (await piscina.run({ inputs, options, started: port2 }, { signal: abort.signal, transferList: [port2] })) as IngestResult;
      } catch (error) {
        throw refusal(error as Error, limits);
      } finally {
        clearTimeout(timer);
        port1.close();
      }
    },
    close: () => piscina.destroy(),
  };
}

function refusal(error: Error, limits: ParseLimits): Error {
  if (error.name === 'AbortError') return new TruceError('too_large', `the articles took longer than ${limits.timeMs / 1000} s to read: refused (send fewer or smaller pages)`);
  if (/queue is at limit/i.test(error.message)) return new TruceError('rate_limited', 'the server is reading other articles; retry in a few seconds');
  if (/memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) return new TruceError('too_large', `the articles needed more than ${limits.memoryMb ?? 512} MB to read: refused`);
  return error;
}
