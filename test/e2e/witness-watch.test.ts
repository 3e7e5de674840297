// A witness that keeps watching (issue 15, item 4) and treats a split view as fatal (issue 8, item 7): through a TCP
// proxy that can drop connections and be pointed at another server, the witness waits out dropped connections and a
// server restart with backoff, says how long it has gone without a checkpoint, and cosigns again once the log is
// back; pointed at a fork (another log signed with the same log key), it stops, keeps both signed notes as files,
// and the CLI says so loudly with a non-zero exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from './helpers/server.js';
import { bootstrap, keyAdd, member, signed, type TestMember } from './helpers/members.js';
import { confirmedCheckpoint, httpAudit, httpWitness, mustAppend } from './helpers/http.js';
import { auditMechanism } from '../../src/services/audit.js';
import { runCli } from './helpers/cli.js';
import { agreeRules } from './helpers/rules.js';
import { watchWitness, type WatchEvent } from '../../src/services/witness-watch.js';
import { WitnessHalt } from '../../src/services/witness.js';
import { writeKeyFile } from '../../src/services/key-file.js';

/** A TCP proxy to whatever `target` names; `drop` refuses new connections and cuts the open ones. */
class Proxy {
  target = '';
  dropping = false;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server = createServer((client) => {
    if (this.dropping) {
      client.destroy();
      return;
    }
    const url = new URL(this.target);
    const upstream = connect(Number(url.port), url.hostname);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s)).on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** Point new connections elsewhere and cut the open ones (a keep-alive connection would still reach the old server). */
  retarget(url: string): void {
    this.target = url;
    for (const s of this.sockets) s.destroy();
  }
  drop(on: boolean): void {
    this.dropping = on;
    if (on) for (const s of this.sockets) s.destroy();
  }
  close(): Promise<void> {
    this.drop(true);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

test('the witness survives dropped connections and a server restart, and stops at a fork with both notes kept', async () => {
  const dirs = [await mkdtemp(join(tmpdir(), 'truce-watch-a-')), await mkdtemp(join(tmpdir(), 'truce-watch-b-')), await mkdtemp(join(tmpdir(), 'truce-watch-w-'))] as const;
  const [dataA, dataB, home] = dirs;
  const proxy = new Proxy();
  const proxyUrl = await proxy.listen();
  const [operator, pk, af, qa] = ['secretariat', 'pk', 'af', 'qa'].map(member) as [TestMember, TestMember, TestMember, TestMember];
  let server: RunningServer | null = await startServer({ dataDir: dataA, checkpointIntervalMs: 100 });
  let fork: RunningServer | null = null;
  const stop = new AbortController();
  const events: WatchEvent[] = [];
  const statePath = join(home, 'witness-pk.json');
  let watching: Promise<void> | null = null;
  try {
    await bootstrap(server.url, operator, 'watch', [{ m: pk, role: 'party' }, { m: af, role: 'party' }, { m: qa, role: 'mediator' }]);
    // Only a witness the parties named in rules they all signed may cosign.
    await agreeRules(server.url, qa, [pk, af, qa], { mediators: ['qa'], quorum: 1, witnesses: { members: ['pk', 'af'], quorum: 1 } });
    await server.mechanism.publishCheckpoint();
    proxy.target = server.url;
    const cosignedSizes = () => events.flatMap((e) => (e.kind === 'step' && e.step.outcome === 'cosigned' ? [e.step.size] : []));
    const count = (kind: WatchEvent['kind']) => events.filter((e) => e.kind === kind).length;
    watching = watchWitness(httpWitness(proxyUrl), { ...pk, member: 'pk' }, statePath, {
      ...(await confirmedCheckpoint(server.url)),
      intervalMs: 100,
      minBackoffMs: 50,
      maxBackoffMs: 400,
      signal: stop.signal,
      onEvent: (e) => events.push(e),
    });
    await until('a first cosignature', () => cosignedSizes().length === 1);

    // Dropped connections: every connection is cut for a while; the witness retries and reports its silence.
    proxy.drop(true);
    await until('two failed attempts', () => count('outage') >= 2);
    await mustAppend(server.url, await signed(pk, 'key.add', await keyAdd('watch', 'pk', member('pk-2'))));
    proxy.drop(false);
    await until('recovery after the drop', () => count('recovered') === 1);
    await until('a cosignature of the grown log', () => cosignedSizes().length === 2);
    const outage = events.find((e) => e.kind === 'outage');
    assert.ok(outage?.kind === 'outage' && outage.silentMs >= 0 && outage.error.length > 0, 'an outage says what failed and for how long no checkpoint was seen');

    // A server restart on the same data: the witness waits, then carries on from its state.
    const outagesBefore = count('outage');
    await server.close();
    server = null;
    await until('outages while the server is down', () => count('outage') >= outagesBefore + 2);
    server = await startServer({ dataDir: dataA, checkpointIntervalMs: 100 });
    proxy.retarget(server.url);
    await mustAppend(server.url, await signed(af, 'key.add', await keyAdd('watch', 'af', member('af-2'))));
    await until('recovery after the restart', () => count('recovered') === 2);
    await until('a cosignature after the restart', () => cosignedSizes().length === 3);
    const sizes = cosignedSizes();
    assert.ok(sizes[0]! < sizes[1]! && sizes[1]! < sizes[2]!, `each cosigned checkpoint is larger: ${sizes.join(', ')}`);

    // A split view: the proxy now shows another log under the same origin and log key, longer than the one cosigned.
    await copyFile(join(dataA, 'log.key'), join(dataB, 'log.key'));
    fork = await startServer({ dataDir: dataB, checkpointIntervalMs: 100 });
    await bootstrap(fork.url, operator, 'watch', [{ m: member('pk'), role: 'party' }, { m: member('af'), role: 'party' }]);
    const small = await fork.mechanism.publishCheckpoint();
    for (let i = 0; i < 10; i++) await mustAppend(fork.url, await signed(operator, 'key.add', await keyAdd('watch', 'secretariat', member('spare'))));
    await fork.mechanism.publishCheckpoint();
    const forkNote = await (await fetch(`${fork.url}/checkpoint`)).text();
    const earlierNote = JSON.parse(await readFile(statePath, 'utf8')).note as string;

    // The CLI, run on a copy of the witness's state, stops loudly with exit 1.
    const keyFile = join(home, 'pk.key.json');
    await writeKeyFile(keyFile, 'pk', pk);
    const cliState = join(home, 'cli-witness.json');
    await copyFile(statePath, cliState);
    const cli = await runCli(['witness', fork.url, '--key', keyFile, '--state', cliState, '--interval', '0.1']);
    assert.equal(cli.code, 1, cli.stdout + cli.stderr);
    assert.match(cli.stderr, /!!! WITNESS STOPPED: SPLIT VIEW: checkpoint \d+ is not consistent with checkpoint \d+/);

    // truce verify --state: having verified one view, the other fails (exit 1); and an auditor shown a checkpoint of
    // the other view beside the ones it verifies fails too.
    const verifyState = join(home, 'verify-state.json');
    const seenA = await runCli(['verify', server.url, '--state', verifyState]);
    assert.equal(seenA.code, 0, seenA.stdout + seenA.stderr);
    const seenB = await runCli(['verify', fork.url, '--state', verifyState]);
    assert.equal(seenB.code, 1, seenB.stdout + seenB.stderr);
    assert.match(seenB.stdout, /FAIL {2}consistency with last verified: checkpoint \d+ is not an extension of checkpoint \d+/);
    assert.ok(small);
    const mixed = await auditMechanism({ ...httpAudit(server.url), checkpoints: async () => [small.note] });
    assert.equal(mixed.ok, false);
    assert.match(mixed.checks.find((c) => c.name === 'listed checkpoints')?.detail ?? '', /different tree of size 3 .* the log forked/);

    proxy.retarget(fork.url);
    const halted = await Promise.race([watching.then(() => null, (e: unknown) => e), sleep(30_000, 'still watching')]);
    assert.ok(halted instanceof WitnessHalt && halted.code === 'conflict' && /SPLIT VIEW/.test(halted.message), String(halted));
    watching = null;
    const kept = (await readdir(home)).filter((f) => f.startsWith('witness-pk.json.fork-')).sort();
    assert.equal(kept.length, 2, `both notes kept: ${kept.join(', ')}`);
    const [earlier, served] = [kept.find((f) => f.endsWith('.earlier.note'))!, kept.find((f) => f.endsWith('.served.note'))!];
    assert.equal(await readFile(join(home, earlier), 'utf8'), earlierNote, 'the checkpoint it cosigned, signed by the log');
    assert.equal(await readFile(join(home, served), 'utf8'), forkNote, 'the inconsistent checkpoint, signed by the same key');
    assert.equal(JSON.parse(await readFile(statePath, 'utf8')).note, earlierNote, 'the witness state still holds what it cosigned');
  } finally {
    stop.abort();
    await watching?.catch(() => undefined);
    await proxy.close();
    await server?.close();
    await fork?.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
});
