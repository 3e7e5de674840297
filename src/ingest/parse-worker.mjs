// Worker thread of the ingest pool (parse-pool.ts): runs the news pipeline, HTML and feed parsing included, off the
// server's event loop. Plain JavaScript: Node 20 gives worker threads none of the main thread's module hooks (neither
// `--import tsx` nor tsx's register()), so in src/ the pipeline is loaded through tsx's require, once, when the worker
// starts; in build/ (scripts/build-node.mjs) the compiled pipeline.js beside this file is imported as it is.
import { existsSync } from 'node:fs';

const compiled = new URL('./pipeline.js', import.meta.url);
/** @type {typeof import('./pipeline.ts')} */
const { ingest } = existsSync(compiled) ? await import(compiled.href) : (await import('tsx/cjs/api')).require('./pipeline.ts', import.meta.url);
// The pipeline builds its tables (gazetteer, aliases) on first use: do it now, so no request's time limit pays for it.
ingest([{ id: 'warm-up', text: 'KABUL, Jan 5: Two people were killed in a blast in Kabul on Sunday, officials said.' }], {});

/**
 * Says on `started` when the job begins (the pool's time limit counts from there, not from the queue), then reads.
 * @param {{ inputs: import('./types.ts').ArticleInput[], options: import('./pipeline.ts').IngestOptions, started?: import('node:worker_threads').MessagePort }} job
 */
export default function ingestJob({ inputs, options, started }) {
  started?.postMessage('started');
  started?.close();
  return ingest(inputs, options);
}
