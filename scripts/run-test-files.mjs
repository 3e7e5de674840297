// Runs the given test files with node's own test runner, starting them in the order given (the `node --test` command
// line sorts them by path): scripts/run-tests.mjs puts the slowest first so that they do not end the run alone.
// Prints the spec reporter's lines and summary, then the slowest files; exits non-zero when any test failed.
// Started by scripts/run-tests.mjs with `--import tsx`, which node passes on to each file's own process.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { PassThrough, Readable } from 'node:stream';
import fileTimes from './file-times-reporter.mjs';

const [concurrencyArg, ...files] = process.argv.slice(2);
const events = run({ files, concurrency: Number(concurrencyArg) });
events.on('test:fail', () => {
  process.exitCode = 1;
});
const forSpec = new PassThrough({ objectMode: true });
const forTimes = new PassThrough({ objectMode: true });
events.pipe(forSpec);
events.pipe(forTimes);
forSpec.compose(new spec()).pipe(process.stdout);
Readable.from(fileTimes(forTimes)).pipe(process.stdout);
