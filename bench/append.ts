// Statements appended per second over HTTP, with signature checks, on PGlite and PostgreSQL; beside the raw Ed25519
// verify rate measured in the same process, so figures read as ratios on a noisy 2-core machine.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Mechanism } from '../src/services/mechanism.js';
import { buildApp } from '../src/server/app.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import { createScratchDatabase } from '../src/store/postgres-test-db.js';
import { bootstrap, member, post, signed } from '../test/e2e/helpers/members.js';

const STATEMENTS = Number(process.env.BENCH_APPEND_N ?? 3000);
const IN_FLIGHT = 64;

/** node:crypto Ed25519 verifications per second on this core. */
export function ed25519VerifyRate(n = 20_000): number {
  const m = member('bench');
  const msg = randomBytes(200);
  const sig = m.sign(msg);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verifyEd25519Node(m.publicKey, msg, sig);
  return n / ((performance.now() - t0) / 1000);
}

async function appendRate(db?: string, verifyInWorkers = true): Promise<{ perSecond: number; n: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-bench-'));
  const mechanism = await Mechanism.open({ dataDir, verifyInWorkers, ...(db ? { db } : {}) });
  const app = await buildApp(mechanism);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const operator = member('secretariat');
    const monitor = member('monitor');
    await bootstrap(url, operator, 'bench', [{ m: monitor, role: 'monitor' }]);
    // Pre-sign: the benchmark measures the server, not the client's signing.
    const bodies = await Promise.all(Array.from({ length: STATEMENTS }, () => signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') })));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < bodies.length) {
          const r = await post(url, bodies[next++]!);
          if (r.status !== 201) throw new Error(`append refused: ${JSON.stringify(r.body)}`);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    return { perSecond: STATEMENTS / seconds, n: STATEMENTS };
  } finally {
    await app.close();
    await mechanism.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchAppend(): Promise<Record<string, number>> {
  const verify = ed25519VerifyRate();
  const pglite = await appendRate();
  const pgliteInline = await appendRate(undefined, false);
  const scratch = await createScratchDatabase();
  let postgres: { perSecond: number };
  let postgresInline: { perSecond: number };
  try {
    postgres = await appendRate(scratch.url);
    await scratch.drop();
    const second = await createScratchDatabase();
    try {
      postgresInline = await appendRate(second.url, false);
    } finally {
      await second.drop();
    }
  } finally {
    await scratch.drop().catch(() => undefined);
  }
  return {
    'ed25519 verify /s (node:crypto, 1 core)': Math.round(verify),
    'append over HTTP /s, PGlite': Math.round(pglite.perSecond),
    'append over HTTP /s, PostgreSQL': Math.round(postgres.perSecond),
    'append over HTTP /s, PGlite, verify on event loop': Math.round(pgliteInline.perSecond),
    'append over HTTP /s, PostgreSQL, verify on event loop': Math.round(postgresInline.perSecond),
    'PGlite append / verify rate': +(pglite.perSecond / verify).toFixed(3),
    'PostgreSQL append / verify rate': +(postgres.perSecond / verify).toFixed(3),
    'worker verify gain, PGlite (x)': +(pglite.perSecond / pgliteInline.perSecond).toFixed(2),
    'worker verify gain, PostgreSQL (x)': +(postgres.perSecond / postgresInline.perSecond).toFixed(2),
    'statements per run': STATEMENTS,
    'requests in flight': IN_FLIGHT,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchAppend());
}
