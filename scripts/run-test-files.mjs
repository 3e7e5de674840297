// Runs the given test files with node's own test runner, starting them in the order given (the `node --test` command
// line sorts them by path): scripts/run-tests.mjs puts the slowest first so that they do not end the run alone.
// Prints the spec reporter's lines and summary, then the slowest files; exits non-zero when any test failed.
// Started by scripts/run-tests.mjs, with `--import tsx` only when the files are the .ts sources (TEST_FROM_SOURCE=1):
// node passes its flags on to each file's own process.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { PassThrough, Readable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fileTimes from './file-times-reporter.mjs';

const fromSource = process.env.TEST_FROM_SOURCE === '1';
const storeModule = (name) => new URL(fromSource ? `../src/store/${name}.ts` : `../build/src/store/${name}.js`, import.meta.url).href;
const { openPgliteDatabase } = await import(storeModule('pglite-store'));
const { markTemplate } = await import(storeModule('pglite-template'));

const [concurrencyArg, ...files] = process.argv.slice(2);
// One initdb for the whole run: every fresh embedded store in the tests (and the servers they spawn) starts as a copy
// of this cluster (src/store/pglite-template.ts), which saves ~3.5 s of CPU per store.
const templateRoot = await mkdtemp(join(tmpdir(), 'truce-pglite-template-'));
const template = join(templateRoot, 'cluster');
await (await openPgliteDatabase(template)).store.close();
markTemplate(template);
process.env.TRUCE_PGLITE_TEMPLATE = template;
// Each test file's CPU seconds, printed by the file-times reporter at the end.
const cpuFile = join(templateRoot, 'cpu.jsonl');
process.env.TRUCE_TEST_CPU_FILE = cpuFile;
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${JSON.stringify(fileURLToPath(new URL('./test-cpu-probe.mjs', import.meta.url)))}`.trim();
const events = run({ files, concurrency: Number(concurrencyArg) });
events.on('test:fail', () => {
  process.exitCode = 1;
});
const forSpec = new PassThrough({ objectMode: true });
const forTimes = new PassThrough({ objectMode: true });
events.pipe(forSpec);
events.pipe(forTimes);
forSpec.compose(new spec()).pipe(process.stdout);
const times = Readable.from(fileTimes(forTimes, cpuFile));
times.pipe(process.stdout);
times.on('end', () => void rm(templateRoot, { recursive: true, force: true }));
