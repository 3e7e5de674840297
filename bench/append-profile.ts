// Where an append's time goes (issue 14 part 2), run alone:
//   node --import tsx bench/append-profile.ts [pg]      (N=3000 statements; ONLY_SUBMIT=1 skips the HTTP half)
// CPU per statement of each check on its own (parse, signing bytes, leaf hash, verify), then the whole path
// in-process (Mechanism.submit, 64 in flight) and through Fastify (app.inject: routing, hooks, headers, no socket).
// The in-process half is sampled by the V8 profiler (node:inspector) into PROF_OUT, a .cpuprofile for Chrome
// DevTools or any flame graph viewer: unlike `node --cpu-prof`, it holds the appends only, not the setup.
import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Mechanism } from '../src/services/mechanism.js';
import { buildApp } from '../src/server/app.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import { leafHashNode } from '../src/services/node-hash.js';
import { parseStatement, signingBytes, statementId } from '../src/domain/statement.js';
import { fromBase64 } from '../src/domain/encoding.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { bootstrap, member, signed } from '../test/e2e/helpers/members.js';

const N = Number(process.env.N ?? 3000);
const cpu = (f: () => void | Promise<void>) => async () => { const c0 = process.cpuUsage(); const t0 = performance.now(); await f(); const c = process.cpuUsage(c0); return { cpuMs: (c.user + c.system) / 1000, wallMs: performance.now() - t0 }; };
const scratch = process.argv[2] === 'pg' ? await createScratchDatabase() : undefined;
const db = scratch?.url;
const dataDir = await mkdtemp(join(tmpdir(), 'micro-'));
const mechanism = await Mechanism.open({ dataDir, ...(db ? { db } : {}) });
const app = await buildApp(mechanism, { rateLimits: false });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const operator = member('secretariat'); const monitor = member('monitor');
await bootstrap(url, operator, 'bench', [{ m: monitor, role: 'monitor' }]);
const bodies = await Promise.all(Array.from({ length: N }, () => signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') })));
const parsed = bodies.map((b) => { const p = parseStatement(b); if (!p.ok) throw new Error('x'); return p.value; });
const r: Record<string, number> = {};
const per = (x: { cpuMs: number }) => +(x.cpuMs * 1000 / N).toFixed(1);
r['parseStatement µs'] = per(await cpu(() => { for (const b of bodies) parseStatement(b); })());
r['signingBytes µs'] = per(await cpu(() => { for (const s of parsed) signingBytes(s); })());
r['leaf hash, node:crypto (the sequencer) µs'] = per(await cpu(() => { for (const b of bodies) leafHashNode(b); })());
r['statementId, pure JS (log/hash.ts) µs'] = per(await cpu(() => { for (const b of bodies) statementId(b); })());
const sb = parsed.map((s) => signingBytes(s));
r['verify µs'] = per(await cpu(() => { parsed.forEach((s, i) => verifyEd25519Node(fromBase64(s.key)!, sb[i]!, fromBase64(s.sig)!)); })());
const half = process.env.ONLY_SUBMIT ? bodies : bodies.slice(0, N / 2); const rest = process.env.ONLY_SUBMIT ? [] : bodies.slice(N / 2);
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.start');
const c1 = await cpu(async () => { let next = 0; await Promise.all(Array.from({ length: 64 }, async () => { while (next < half.length) await mechanism.submit(half[next++]!); })); })();
{ const { profile } = await session.post('Profiler.stop'); writeFileSync(process.env.PROF_OUT ?? '/tmp/prof-append/submit.cpuprofile', JSON.stringify(profile)); }
r['submit in-process (no HTTP), cpu µs'] = +(c1.cpuMs * 1000 / half.length).toFixed(1);
r['submit in-process /s wall'] = Math.round(half.length / (c1.wallMs / 1000));
const stats0 = { ...mechanism.sequencer.stats };
const c2 = rest.length === 0 ? { cpuMs: 0, wallMs: 1 } : await cpu(async () => { let next = 0; await Promise.all(Array.from({ length: 64 }, async () => { while (next < rest.length) { const res = await app.inject({ method: 'POST', url: '/v1/statements', headers: { 'content-type': 'application/json' }, payload: Buffer.from(rest[next++]!) }); if (res.statusCode !== 201) throw new Error(res.body); } })); })();
r['submit via fastify inject, cpu µs'] = +(c2.cpuMs * 1000 / rest.length).toFixed(1);
r['inject /s wall'] = Math.round(rest.length / (c2.wallMs / 1000));
r['batch'] = +((mechanism.sequencer.stats.statements - stats0.statements) / (mechanism.sequencer.stats.commits - stats0.commits)).toFixed(1);
console.table(r);
await app.close(); await mechanism.close();
await scratch?.drop();
await rm(dataDir, { recursive: true, force: true });
process.exit(0);
