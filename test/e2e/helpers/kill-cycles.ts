import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bootstrap, keyAdd, member, post, signed, type TestMember } from './members.js';
import { getJson, type Json } from './http.js';
import { ROOT } from './cli.js';

const CHILD = fileURLToPath(new URL('./warm-serve.mjs', import.meta.url));

interface WarmServer {
  readonly child: ChildProcess;
  readonly lines: Interface;
  readonly exited: Promise<NodeJS.Signals | null>;
}

function nextLine(lines: Interface, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${what}" from the server within 120 s`)), 120_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
}

async function warm(): Promise<WarmServer> {
  const child = spawn(process.execPath, [CHILD], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const lines = createInterface({ input: child.stdout! });
  // A child that dies while loading (see its stderr above) fails the test at once, not after the timeout.
  const died = exited.then((signal) => Promise.reject(new Error(`the server exited (${signal ?? 'code'}) before it was warm`)));
  died.catch(() => undefined);
  assert.equal(await Promise.race([nextLine(lines, 'warm'), died]), 'warm');
  return { child, lines, exited };
}

async function go(server: WarmServer, dataDir: string, db?: string): Promise<string> {
  const url = nextLine(server.lines, 'url');
  server.child.stdin!.write(`go ${dataDir}${db ? ` ${db}` : ''}\n`);
  return (await url).replace(/^url /, '');
}

/** Every acknowledged entry is stored, unchanged, and the log has no gap. */
async function assertAcked(url: string, acked: ReadonlyMap<number, string>, when: string): Promise<number> {
  const size = (await getJson(url, '/v1/log')).body.size as number;
  const stored = (await getJson(url, `/v1/statements?limit=1000`)).body.items as Json[];
  assert.deepEqual(stored.map((s) => s.index), Array.from({ length: size }, (_, i) => i), `${when}: no gap`);
  for (const [index, id] of acked) assert.equal(stored[index]?.id, id, `${when}: acknowledged entry ${index} is there, unchanged`);
  return size;
}

export interface KillFigures {
  readonly kills: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly msPerCycle: number;
  /** Of which: opening the store and listening (Mechanism.open, buildApp), per cycle. */
  readonly msOpening: number;
}

/**
 * `cycles` times: start the server on the same store (right after the previous one was killed), check that every
 * statement acknowledged so far is there, append with 6 requests in flight, and SIGKILL it after a few
 * acknowledgements, at a different moment each cycle. The next server is warmed while the current one runs.
 */
export async function killCycles(dataDir: string, cycles: number, db?: string): Promise<KillFigures> {
  const operator = member('secretariat');
  const qa = member('qa');
  const acked = new Map<number, string>();
  // The next server loads its modules while the current one is opened, appended to and killed.
  let next = warm();
  const started = performance.now();
  let opening = 0;
  try {
    for (let cycle = 0; cycle <= cycles; cycle++) {
      const server = await next;
      const asked = performance.now();
      const url = await go(server, dataDir, db);
      opening += performance.now() - asked;
      next = warm();
      next.catch(() => undefined); // awaited at the next cycle, which reports its failure
      await assertAcked(url, acked, `after kill ${cycle}`);
      if (cycle === cycles) {
        server.child.kill('SIGTERM');
        await server.exited;
        break;
      }
      if (cycle === 0) await bootstrap(url, operator, 'kill-cycles', [{ m: qa, role: 'mediator' }]);
      await appendUntilKilled(url, server, [operator, qa], 3 + (cycle % 5), acked);
      assert.equal(await server.exited, 'SIGKILL', 'the server was killed, not stopped');
    }
  } finally {
    (await next.catch(() => null))?.child.kill('SIGKILL');
  }
  return { kills: cycles, acknowledged: acked.size, lost: 0, msPerCycle: Math.round((performance.now() - started) / cycles), msOpening: Math.round(opening / (cycles + 1)) };
}

async function appendUntilKilled(url: string, server: WarmServer, signers: readonly TestMember[], killAfter: number, acked: Map<number, string>): Promise<void> {
  let killed = false;
  let sent = 0;
  const ackedBefore = acked.size;
  const worker = async (): Promise<void> => {
    while (!killed) {
      const by = signers[sent++ % signers.length]!;
      const bytes = await signed(by, 'key.add', await keyAdd('kill-cycles', by.id, member(by.id)));
      try {
        const r = await post(url, bytes);
        if (r.status === 201) acked.set(r.body.index as number, r.body.id as string);
        else if (!killed) assert.fail(`append refused: ${JSON.stringify(r.body)}`);
      } catch (e) {
        if (!killed) throw e; // a connection cut by the kill is expected; anything else is not
      }
      if (!killed && acked.size >= ackedBefore + killAfter) {
        killed = true;
        // A few milliseconds after an acknowledgement, with the other requests in flight: mid-commit or between two.
        setTimeout(() => server.child.kill('SIGKILL'), sent % 7);
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}
