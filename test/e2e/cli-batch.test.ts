// `truce import` and `truce outbox send` send their statements many to a request (POST /v1/statements/batch) against
// a real server, seen through a counting HTTP relay: per-row and per-file results and exit codes as with one request
// each; a statement that depends on an earlier one of the same batch finds it; the network down keeps all waiting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { runCli, type CliResult } from './helpers/cli.js';
import { reportBody } from './helpers/case-bodies.js';
import { statementId } from '../../src/domain/statement.js';

let server: RunningServer;
let dir: string;
const keyOf = (member: string) => join(server.dataDir, 'demo-keys', `${member}.json`);
const show = (r: CliResult) => `exit ${r.code}\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`;
const logSize = async () => ((await (await fetch(`${server.url}/v1/log`)).json()) as { size: number }).size;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An HTTP relay to the server that counts the requests it passes on, by method and path. */
async function countingRelay(target: string): Promise<{ url: string; counts: Map<string, number>; close(): Promise<void> }> {
  const counts = new Map<string, number>();
  const relay: Server = createServer((req, res) => {
    void (async () => {
      const what = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
      counts.set(what, (counts.get(what) ?? 0) + 1);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const upstream = await fetch(target + (req.url ?? '/'), {
        method: req.method,
        headers: req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {},
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, counts, close: () => new Promise<void>((resolve) => relay.close(() => resolve())) };
}

before(async () => {
  server = await startServer({ demo: true });
  dir = await mkdtemp(join(tmpdir(), 'truce-cli-batch-'));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('import: 550 rows go in two batch requests, the bad rows reported by line, the good ones appended in file order, exit 1', { timeout: 600_000 }, async () => {
  const header = 'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,iso,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities';
  const bad = new Set([9, 539]);
  const rows = Array.from({ length: 550 }, (_, i) => `PAK${5000 + i},${bad.has(i) ? '2025-02-30' : '2025-10-20'},1,Battles,Armed clash,Military Forces of Pakistan,State forces,Taliban,Rebel group,586,Pakistan,Balochistan,Chaman,30.92,66.45,1,Dawn,"Batch import row ${i}.",0`);
  const file = join(dir, 'acled.csv');
  await writeFile(file, [header, ...rows].join('\n') + '\n');
  const relay = await countingRelay(server.url);
  try {
    const size = await logSize();
    const r = await runCli(['import', 'acled', file, '--key', keyOf('field-team-1'), '--server', relay.url, '--json'], { timeoutMs: 300_000 });
    assert.equal(r.code, 1, show(r));
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; ok: boolean; detail: string });
    assert.deepEqual(lines.map((l) => l.line), rows.map((_, i) => i + 2), 'one result per row, in file order');
    assert.deepEqual(lines.filter((l) => !l.ok).map((l) => [l.line, /is not a date/.test(l.detail)]), [[11, true], [541, true]]);
    const indexes = lines.filter((l) => l.ok).map((l) => Number(/^appended at index (\d+)$/.exec(l.detail)?.[1]));
    assert.deepEqual(indexes, Array.from({ length: 548 }, (_, i) => size + i), 'appended in file order, each with its index');
    assert.equal(await logSize(), size + 548);
    assert.equal(relay.counts.get('POST /v1/statements/batch'), 2, 'two requests of at most 500');
    assert.equal(relay.counts.get('POST /v1/statements') ?? 0, 0, 'none one by one');
  } finally {
    await relay.close();
  }
});

test('outbox send: one batch request; an amendment finds its report sent in the same batch; a refusal stands alone (exit 1); network down keeps all waiting (exit 3)', { timeout: 600_000 }, async () => {
  const outbox = join(dir, 'outbox');
  await mkdir(outbox);
  const sign = async (file: string, member: string, type: string, body: object, at: string): Promise<string> => {
    const r = await runCli(['submit', type, JSON.stringify(body), '--key', keyOf(member), '--at', at, '--dry-run']);
    assert.equal(r.code, 0, show(r));
    await writeFile(join(outbox, file), r.stdout);
    return statementId(new TextEncoder().encode(r.stdout.trimEnd()));
  };
  const report = await sign('a-report.json', 'field-team-1', 'report.file', reportBody({ narrative: 'TEST: filed from the outbox in a batch.', clauses: [], accused: [] }), hoursAgo(2));
  await sign('b-amend.json', 'field-team-1', 'report.amend', { report, changes: { narrative: 'TEST: amended in the same batch.' }, reason: 'TEST: a later look.' }, hoursAgo(1));
  await sign('c-orphan.json', 'field-team-1', 'report.amend', { report: '0'.repeat(64), changes: { narrative: 'TEST: no such report.' }, reason: 'TEST' }, hoursAgo(0.5));

  const down = await runCli(['outbox', 'send', outbox, '--server', 'http://127.0.0.1:9']);
  assert.equal(down.code, 3, show(down));
  assert.match(down.stderr, /; 3 statement\(s\) still waiting in /);

  const relay = await countingRelay(server.url);
  try {
    const size = await logSize();
    const sent = await runCli(['outbox', 'send', outbox, '--server', relay.url, '--json']);
    assert.equal(sent.code, 1, show(sent));
    const out = JSON.parse(sent.stdout) as { sent: number; refused: number; waiting: number; results: { file: string; answer: { state: string; index?: number; code?: string } }[] };
    assert.deepEqual(out.results.map((x) => [x.file, x.answer.state, x.answer.index ?? x.answer.code]), [
      ['a-report.json', 'sent', size], ['b-amend.json', 'sent', size + 1], ['c-orphan.json', 'refused', 'not_found'],
    ]);
    assert.deepEqual([out.sent, out.refused, out.waiting], [2, 1, 0]);
    assert.equal(await logSize(), size + 2);
    assert.equal(relay.counts.get('POST /v1/statements/batch'), 1);
    assert.equal(relay.counts.get('POST /v1/statements') ?? 0, 0);
    const again = await runCli(['outbox', 'send', outbox, '--server', relay.url]);
    assert.equal(again.code, 0, show(again));
    assert.match(again.stdout, /nothing to send/);
    // The state file lost: the same batch again; the two in the log come back as replays, marked sent, nothing appended twice.
    await rm(join(outbox, '.truce-outbox.json'));
    const lost = await runCli(['outbox', 'send', outbox, '--server', relay.url]);
    assert.equal(lost.code, 1, show(lost));
    assert.match(lost.stdout, /^sent +a-report\.json +\(the log already had it\)$/m);
    assert.match(lost.stdout, /^sent +b-amend\.json +\(the log already had it\)$/m);
    assert.match(lost.stdout, /^refused +c-orphan\.json /m);
    assert.equal(await logSize(), size + 2);
    assert.ok((await readFile(join(outbox, '.truce-outbox.json'), 'utf8')).includes('"sent"'));
  } finally {
    await relay.close();
  }
});
