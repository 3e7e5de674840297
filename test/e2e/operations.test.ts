// Running for months: structured logs (a forced server error, an integrity alert at fatal shown by /v1/log),
// health and readiness probes, Prometheus metrics that move with appends and refusals, and a SIGTERM that loses
// nothing and signs a last checkpoint; the UI served pre-compressed and API JSON compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pino } from 'pino';
import { Mechanism } from '../../src/services/mechanism.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { bootstrap, keyAdd, member, post, signed } from './helpers/members.js';
import { getJson, type Json } from './helpers/http.js';
import { spawnServe } from './helpers/cli.js';
import { startServer } from './helpers/server.js';

const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A real server whose pino logs land in `lines`. */
async function serverWithLogs(checkpointIntervalMs = 60_000) {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-ops-'));
  const lines: Json[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Json) });
  const mechanism = await Mechanism.open({ dataDir, checkpointIntervalMs, logger });
  const app = await buildApp(mechanism);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, mechanism, lines, dataDir, app };
}

const metric = (text: string, name: string): number => {
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{') && !name.includes('{'));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
};
const metrics = async (url: string) => (await fetch(`${url}/metrics`)).text();

test('metrics move with appends and refusals; /healthz and /readyz answer; every answer carries its request id', async () => {
  const s = await serverWithLogs();
  try {
    const health = await fetch(`${s.url}/healthz`);
    assert.equal(health.status, 200);
    assert.match(health.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await getJson(s.url, '/readyz')).status, 200, 'an empty log is ready for its genesis');

    const before = await metrics(s.url);
    assert.equal(metric(before, 'truce_appends_total'), 0);
    const operator = member('secretariat');
    const qa = member('qa');
    await bootstrap(s.url, operator, 'ops', [{ m: qa, role: 'mediator' }]);
    const again = await signed(qa, 'key.add', await keyAdd('ops', 'qa', member('qa')));
    assert.equal((await post(s.url, again)).status, 201);
    assert.equal((await post(s.url, again)).status, 409, 'the same statement twice is a replay');
    const forged = await signed(member('qa'), 'key.add', { key: member('qa').key });
    assert.equal((await post(s.url, forged)).status, 401, 'a key never registered');
    await s.mechanism.publishCheckpoint();

    const after = await metrics(s.url);
    assert.equal(metric(after, 'truce_appends_total'), 3);
    assert.equal(metric(after, 'truce_refusals_total{reason="replay"}'), 1);
    assert.equal(metric(after, 'truce_refusals_total{reason="unknown_key"}'), 1);
    assert.equal(metric(after, 'truce_log_size'), 3);
    assert.equal(metric(after, 'truce_checkpoint_size'), 3);
    assert.ok(metric(after, 'truce_checkpoint_age_seconds') >= 0);
    assert.ok(metric(after, 'truce_data_disk_free_bytes') > 0);
    assert.match(after, /truce_process_resident_memory_bytes \d+/);

    const ready = await getJson(s.url, '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body.checks.checkpoint.size, 3);

    // The store goes away: readiness says so, and the 500 it causes is logged once with the request's id.
    await s.mechanism.store.close();
    const notReady = await getJson(s.url, '/readyz');
    assert.equal(notReady.status, 503);
    assert.match(notReady.body.checks.store.detail, /the store failed/);
    const failed = await fetch(`${s.url}/v1/incidents`);
    assert.equal(failed.status, 500);
    const id = failed.headers.get('x-request-id');
    const logged = s.lines.filter((l) => l.level === 50 && l.reqId === id);
    assert.equal(logged.length, 1, JSON.stringify(s.lines.filter((l) => l.level >= 50)));
    assert.equal(logged[0]!.msg, 'request failed with a server error');
    assert.equal(logged[0]!.url, '/v1/incidents');
    assert.ok(logged[0]!.err?.message, 'the error itself is in the line');
  } finally {
    await s.app.close();
    await s.mechanism.close().catch(() => undefined);
    await rm(s.dataDir, { recursive: true, force: true });
  }
});

test('a different tree already signed at a size is logged once at fatal and listed by /v1/log for the log page', async () => {
  const s = await serverWithLogs(50);
  try {
    const operator = member('secretariat');
    await bootstrap(s.url, operator, 'ops', []);
    await s.mechanism.publishCheckpoint();
    // Someone (a restored old backup, a second server on the same database) signed another tree of size 2.
    await s.mechanism.store.saveCheckpoint({ size: 2, rootHash: new Uint8Array(32), note: 'truce/ops\n2\nAAAA\n\n— other sig\n', createdAt: new Date().toISOString() });
    assert.equal((await post(s.url, await signed(operator, 'key.add', { key: member('secretariat').key }))).status, 201);
    let alerts: Json[] = [];
    for (let i = 0; i < 100 && alerts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      alerts = (await getJson(s.url, '/v1/log')).body.alerts as Json[];
    }
    await new Promise((r) => setTimeout(r, 300)); // several more timer ticks fail the same way
    alerts = (await getJson(s.url, '/v1/log')).body.alerts as Json[];
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.code, 'checkpoint_conflict');
    assert.match(alerts[0]!.message, /a different tree of size 2 was already signed/);
    assert.ok(alerts[0]!.count > 1, 'repeats are counted, not listed again');
    const fatal = s.lines.filter((l) => l.level === 60);
    assert.equal(fatal.length, 1, 'logged once at fatal');
    assert.equal(fatal[0]!.alert, 'checkpoint_conflict');
    assert.equal((await getJson(s.url, '/v1/log')).body.checkpointSize, 1, 'the conflicting tree is never signed');
  } finally {
    await s.app.close();
    await s.mechanism.close().catch(() => undefined);
    await rm(s.dataDir, { recursive: true, force: true });
  }
});

test('SIGTERM lets the appends in flight finish, signs a last checkpoint, and loses nothing acknowledged', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-sigterm-'));
  const operator = member('secretariat');
  try {
    // A long checkpoint interval: only the shutdown can sign the last entries.
    const server = await spawnServe(['--data', dataDir, '--checkpoint-interval', '600000', '--log-level', 'warn'], 180_000);
    const acked = new Map<number, string>();
    let stopping = false;
    let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
    try {
      await bootstrap(server.url, operator, 'sigterm', []);
      const bodies = Array.from({ length: 60 }, () => member('x').key);
      let next = 0;
      const worker = async () => {
        while (next < bodies.length) {
          const bytes = await signed(operator, 'key.add', { key: bodies[next++]! });
          try {
            const r = await post(server.url, bytes);
            if (r.status === 201) acked.set(r.body.index as number, r.body.id as string);
            else assert.ok(stopping && r.status === 503, `only a closing server may refuse: ${r.status} ${JSON.stringify(r.body)}`);
          } catch (e) {
            if (!stopping) throw e; // refused connections once the port is closed
          }
          if (acked.size >= 20 && !stopping) {
            stopping = true;
            exit = server.stop('SIGTERM');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const end = await (exit ?? server.stop('SIGTERM'));
      assert.equal(end.code, 0, server.stderr());
    } finally {
      await server.stop('SIGKILL');
    }
    assert.ok(acked.size >= 20);
    const store = await openStore({ dataDir });
    try {
      const size = await store.logSize();
      const entries = await store.entries(0, size);
      for (const [index, id] of acked) assert.equal(entries[index]?.id, id, `acknowledged entry ${index} is stored`);
      assert.equal((await store.latestCheckpoint())?.size, size, 'the last checkpoint covers every stored entry');
    } finally {
      await store.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** A GET whose body is left as sent (fetch would decompress it): status, headers and byte count. */
function rawGet(url: string, path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url + path, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
    }).on('error', reject);
  });
}

test('the UI is served pre-compressed (brotli, gzip) with hashed assets immutable; API JSON is compressed on the fly', async () => {
  const server = await startServer({ demo: 'training' });
  try {
    const assets = await readdir(join(WEB_ROOT, 'assets'));
    const engine = assets.find((f) => /^engine-.*\.js$/.test(f));
    assert.ok(engine, 'the map engine chunk is built');
    const size = async (f: string) => (await stat(join(WEB_ROOT, 'assets', f))).size;
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz'], ['identity', '']] as const) {
      const r = await rawGet(server.url, `/assets/${engine}`, encoding === 'identity' ? 'identity' : `${encoding}`);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], encoding === 'identity' ? undefined : encoding);
      assert.equal(r.bytes, await size(engine + suffix), `${encoding}: the file the build wrote, as it is`);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
    // The service worker and its Workbox runtime, written after the bundle, are compressed too.
    const workbox = (await readdir(WEB_ROOT)).find((f) => /^workbox-.*\.js$/.test(f));
    for (const file of ['sw.js', workbox]) {
      const r = await rawGet(server.url, `/${file}`, 'br, gzip');
      assert.equal(r.headers['content-encoding'], 'br', `${file} is sent compressed`);
      assert.equal(r.headers['cache-control'], 'no-cache', `${file} is revalidated`);
    }
    const index = await rawGet(server.url, '/', 'br, gzip');
    assert.equal(index.headers['cache-control'], 'no-cache', 'index.html names the current assets: always revalidated');
    const api = await rawGet(server.url, '/openapi.json', 'br, gzip');
    const plain = await rawGet(server.url, '/openapi.json', 'identity');
    assert.equal(api.headers['content-encoding'], 'br');
    assert.ok(api.bytes < plain.bytes / 3, `${api.bytes} compressed vs ${plain.bytes}`);
    // A page of incidents is a buffer the route builds (compressed in one call, not through a stream): the same bytes.
    for (const encoding of ['br', 'gzip'] as const) {
      const page = await rawGet(server.url, '/v1/incidents?limit=50', encoding);
      const identity = await rawGet(server.url, '/v1/incidents?limit=50', 'identity');
      assert.equal(page.headers['content-encoding'], encoding);
      assert.ok(identity.bytes > 1024 && identity.body.subarray(0, 10).toString() === '{"items":[', 'a page of the demo');
      assert.deepEqual(encoding === 'br' ? brotliDecompressSync(page.body) : gunzipSync(page.body), identity.body);
    }
  } finally {
    await server.close();
  }
});
