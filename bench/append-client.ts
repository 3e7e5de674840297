// The load generator of bench/append.ts, in its own process (as real clients are): pre-signs N key.add statements by
// the member whose seed it is given and posts them over keep-alive connections (node:http: fetch costs this shared
// 2-core machine several times the CPU per request, which the server under test would lose). Two modes:
// - closed loop (rate 0): a fixed number in flight, as fast as the server answers (the throughput);
// - open loop (rate > 0): one statement every 1/rate s whatever the answers, with at most `inFlight` waiting (the
//   acknowledgement latency at a given load, measured from when each was due, so a stall is counted, not hidden).
// With a batch size above 1 each request carries up to that many statements (POST /v1/statements/batch, NDJSON). In
// the closed loop every request is full and the latencies are per request. In the open loop the client batches as
// a real one does (an outbox, a gateway): a free slot sends every statement already due, up to the batch size, and
// each statement's acknowledgement latency runs from when it was due to the answer of the request that carried it
// (the time it waited in the client counts).
// Prints {perSecond, p50Ms, p99Ms, maxMs, perRequest, cpuUsPerStatement} as JSON (perSecond in statements); the open
// loop with batches adds each request's round trip (p50, p99) and the p99 of its oldest statement's wait for a slot.
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { toBase64 } from '../src/domain/encoding.js';
import { keyPairFromSeed } from '../src/services/node-ed25519.js';
import { signed } from '../test/e2e/helpers/members.js';

const [url, memberId, seedBase64, count, inFlight, rateArg, batchArg] = process.argv.slice(2);
const pair = keyPairFromSeed(Buffer.from(seedBase64!, 'base64'));
const member = { ...pair, id: memberId!, key: toBase64(pair.publicKey) };
const n = Number(count);
const slots = Number(inFlight);
const batch = Math.max(1, Number(batchArg ?? 1));
// The rate in requests per second: statements per second over the statements a request carries.
const rate = Number(rateArg ?? 0) / batch;
const target = new URL(batch > 1 ? '/v1/statements/batch' : '/v1/statements', url);
const agent = new Agent({ keepAlive: true, maxSockets: slots });
const statements = await Promise.all(Array.from({ length: n }, () => signed(member, 'key.add', { key: randomBytes(32).toString('base64') })));
const bodies: Uint8Array[] = [];
if (batch === 1) bodies.push(...statements);
else for (let i = 0; i < n; i += batch) bodies.push(ndjson(i, i + batch));

/** Statements [from, to) as one NDJSON body. */
function ndjson(from: number, to: number): Buffer {
  return Buffer.from(statements.slice(from, to).map((s) => Buffer.from(s).toString()).join('\n'));
}

function post(body: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const type = batch > 1 ? 'application/x-ndjson' : 'application/json';
    const req = request(target, { method: 'POST', agent, headers: { 'content-type': type, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const ok = res.statusCode === (batch > 1 ? 200 : 201) && (batch === 1 || (JSON.parse(text) as { refused: number }).refused === 0);
        if (ok) resolve();
        else reject(new Error(`append refused: ${text.slice(0, 500)}`));
      });
    });
    req.on('error', reject).end(body);
  });
}

const latencies: number[] = [];
/** Open loop with batches: each request's round trip, and how long its oldest statement waited for a slot. */
const roundTrips: number[] = [];
const waitsForSlot: number[] = [];
let next = 0;
const t0 = performance.now();
// The client's own CPU while posting (pre-signing apart): the load generator shares the machine with the server.
const cpu0 = process.cpuUsage();
// For bench/append-cpu.ts, which reads the machine's CPU from this moment on.
if (process.env.BENCH_CLIENT_SAY_POSTING === '1') process.stderr.write('posting\n');
const requestSizes: number[] = [];
if (rate > 0 && batch > 1) {
  // Statement i is due at t0 + i/(statements per second); a free slot sends all those due, up to `batch`.
  const perMs = (rate * batch) / 1000;
  const dueAt = (i: number) => t0 + i / perMs;
  await Promise.all(
    Array.from({ length: slots }, async () => {
      while (next < n) {
        const wait = dueAt(next) - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        // Another slot may have sent the rest while this one slept.
        if (next >= n) break;
        const from = next;
        const due = Math.min(n, from + batch, Math.floor((performance.now() - t0) * perMs) + 1);
        next = Math.max(due, from + 1);
        requestSizes.push(next - from);
        const sent = performance.now();
        await post(ndjson(from, next));
        const answered = performance.now();
        roundTrips.push(answered - sent);
        // How long the first statement of the request waited here for a free slot, beyond its due time.
        waitsForSlot.push(sent - dueAt(from));
        for (let i = from; i < next; i++) latencies.push(answered - dueAt(i));
      }
    }),
  );
} else if (rate > 0) {
  // Statement i is due at t0 + i/rate; a slot sleeps until the next one is due, and its latency counts from then.
  await Promise.all(
    Array.from({ length: slots }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const due = t0 + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await post(bodies[i]!);
        latencies.push(performance.now() - due);
      }
    }),
  );
} else {
  await Promise.all(
    Array.from({ length: slots }, async () => {
      while (next < bodies.length) {
        const started = performance.now();
        await post(bodies[next++]!);
        latencies.push(performance.now() - started);
      }
    }),
  );
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
agent.destroy();
latencies.sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => +(xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0).toFixed(1);
const at = (q: number) => quantile(latencies, q);
roundTrips.sort((a, b) => a - b);
waitsForSlot.sort((a, b) => a - b);
const perRequest = requestSizes.length ? +(requestSizes.reduce((a, b) => a + b, 0) / requestSizes.length).toFixed(1) : batch;
process.stdout.write(JSON.stringify({ perSecond: n / seconds, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), perRequest, cpuUsPerStatement: +((cpu.user + cpu.system) / n).toFixed(1), roundTripP50Ms: quantile(roundTrips, 0.5), roundTripP99Ms: quantile(roundTrips, 0.99), slotWaitP99Ms: quantile(waitsForSlot, 0.99) }) + '\n');
