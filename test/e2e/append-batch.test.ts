// POST /v1/statements/batch on both stores: each statement checked as if alone (bad ones mixed with good ones,
// duplicates, replays, one that depends on an earlier one of the same batch), answers in order, never a 5xx, over
// the limits 413/400 problem+json with nothing appended; what was acknowledged is there after a restart.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBytes } from '../../src/domain/jcs.js';
import { Mechanism } from '../../src/services/mechanism.js';
import { MAX_BATCH_STATEMENTS } from '../../src/server/batch-body.js';
import { createScratchDatabase, type ScratchDatabase } from '../../src/store/postgres-test-db.js';
import { startServer, type RunningServer } from './helpers/server.js';
import { admission, bootstrap, member, post, signed } from './helpers/members.js';

const NDJSON = 'application/x-ndjson';
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

interface Answer {
  readonly status: number;
  readonly type: string | null;
  readonly body: { appended: number; refused: number; results: ({ index: number; id: string } | { problem: { status: number; code: string; detail: string; title: string; type: string } })[] };
}

async function batch(url: string, body: string | Uint8Array, contentType = NDJSON): Promise<Answer> {
  const response = await fetch(`${url}/v1/statements/batch`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : Buffer.from(body) });
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Answer['body'] };
}

const logSize = async (url: string): Promise<number> => ((await (await fetch(`${url}/v1/log`)).json()) as { size: number }).size;

function codes(answer: Answer): string[] {
  return answer.body.results.map((r) => ('problem' in r ? r.problem.code : 'appended'));
}

function suite(name: string, open: () => Promise<{ db?: string; drop?: () => Promise<void> }>): void {
  describe(`POST /v1/statements/batch on ${name}`, () => {
    const operator = member('secretariat');
    const monitor = member('monitor-1');
    // A key may sign 600 writes a minute (the default rate limit), so a full batch comes from two.
    const bulk = [member('bulk-a'), member('bulk-b')];
    let server: RunningServer;
    let db: { db?: string; drop?: () => Promise<void> };
    let dataDir: string;
    const keyAdd = () => signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') });

    before(async () => {
      db = await open();
      dataDir = await mkdtemp(join(tmpdir(), 'truce-batch-'));
      server = await startServer({ dataDir, ...(db.db ? { db: db.db } : {}) });
      await bootstrap(server.url, operator, 'batch', [monitor, ...bulk].map((m) => ({ m, role: 'monitor' })));
    });
    after(async () => {
      await server.close();
      await db.drop?.();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('appends the good statements in order and refuses each bad one alone, with its problem', async () => {
      const already = await keyAdd();
      assert.equal((await post(server.url, already)).status, 201);
      const good1 = await keyAdd();
      const good2 = await keyAdd();
      const forged = JSON.parse(text(await keyAdd())) as { body: { key: string } };
      forged.body.key = randomBytes(32).toString('base64'); // the signature was over another body
      const stranger = await signed(member('stranger'), 'key.add', { key: randomBytes(32).toString('base64') });
      const notCanonical = text(await keyAdd()).replace('{"at"', '{ "at"');
      // A member admitted in this batch signs the statement after it: order is kept within a batch.
      const late = member('late-1');
      const admit = await signed(operator, 'member.admit', await admission('batch', late, { name: 'Late', role: 'monitor' }));
      const byLate = await signed(late, 'key.add', { key: randomBytes(32).toString('base64') });
      // Signed beyond the terms' late limit (72 h by default) or ahead of the server's clock: refused alone.
      const backDated = await signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') }, new Date(Date.now() - 73 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      const ahead = await signed(monitor, 'key.add', { key: randomBytes(32).toString('base64') }, new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
      const size = await logSize(server.url);
      const lines = [text(good1), text(canonicalBytes(forged)), text(stranger), notCanonical, text(good1), 'not json at all', text(already), text(admit), text(byLate), text(backDated), text(ahead), text(good2)];
      const answer = await batch(server.url, lines.join('\n') + '\n');
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual(codes(answer), ['appended', 'bad_signature', 'unknown_key', 'not_canonical', 'replay', 'bad_request', 'replay', 'appended', 'appended', 'clock_skew', 'clock_skew', 'appended']);
      const indexes = answer.body.results.flatMap((r) => ('index' in r ? [r.index] : []));
      assert.deepEqual(indexes, [size, size + 1, size + 2, size + 3]);
      assert.equal(answer.body.appended, 4);
      assert.equal(answer.body.refused, 8);
      for (const r of answer.body.results) {
        if ('problem' in r) {
          assert.ok(r.problem.status >= 400 && r.problem.status < 500, JSON.stringify(r.problem));
          assert.match(r.problem.type, /^urn:truce:problem:/);
          assert.equal(typeof r.problem.detail, 'string');
        }
      }
      assert.equal(await logSize(server.url), size + 4);
      const stored = (await (await fetch(`${server.url}/v1/statements?from=${size}&limit=10`)).json()) as { items: { id: string; statement: unknown }[] };
      assert.deepEqual(stored.items.map((i) => i.id), answer.body.results.flatMap((r) => ('id' in r ? [r.id] : [])));
    });

    it('takes a JSON array of the exact bytes too (whitespace between elements), and a refusal per statement', async () => {
      const a = await keyAdd();
      const b = await keyAdd();
      const size = await logSize(server.url);
      const answer = await batch(server.url, `[ ${text(a)},\n ${text(b)} , ${text(a)} ]`, 'application/json');
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual(codes(answer), ['appended', 'appended', 'replay']);
      assert.equal(await logSize(server.url), size + 2);
    });

    it('refuses a whole request it cannot cut into statements, or over the limits, as problem+json, appending nothing', async () => {
      const size = await logSize(server.url);
      const one = text(await keyAdd());
      const cases: [string, Promise<Answer>, number][] = [
        ['empty', batch(server.url, '\n\n'), 400],
        ['not an array', batch(server.url, one, 'application/json'), 400],
        ['unclosed array', batch(server.url, `[${one}`, 'application/json'), 400],
        ['missing element', batch(server.url, `[${one},,${one}]`, 'application/json'), 400],
        ['text/plain', batch(server.url, one, 'text/plain'), 400],
        ['too many', batch(server.url, Array.from({ length: MAX_BATCH_STATEMENTS + 1 }, () => one).join('\n')), 413],
        ['too large', batch(server.url, `${one}\n${'x'.repeat(5 * 1024 * 1024)}`), 413],
      ];
      for (const [what, pending, status] of cases) {
        const answer = await pending;
        assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        assert.match(answer.type ?? '', /application\/problem\+json/, what);
      }
      assert.equal(await logSize(server.url), size);
    });

    it('takes a batch of the full size in one request, all appended', async () => {
      const bodies = await Promise.all(Array.from({ length: MAX_BATCH_STATEMENTS }, (_, i) => signed(bulk[i % 2]!, 'key.add', { key: randomBytes(32).toString('base64') })));
      const size = await logSize(server.url);
      const answer = await batch(server.url, bodies.map(text).join('\n'));
      assert.equal(answer.status, 200);
      assert.equal(answer.body.appended, MAX_BATCH_STATEMENTS);
      assert.equal(await logSize(server.url), size + MAX_BATCH_STATEMENTS);
    });

    it('loses nothing it acknowledged across a restart', async () => {
      const bodies = await Promise.all(Array.from({ length: 20 }, keyAdd));
      const answer = await batch(server.url, bodies.map(text).join('\n'));
      const ids = answer.body.results.flatMap((r) => ('id' in r ? [r.id] : []));
      assert.equal(ids.length, 20);
      const size = await logSize(server.url);
      await server.close();
      // The same folder (and database) opened again: every acknowledged statement is there.
      const reopened = await Mechanism.open({ dataDir, ...(db.db ? { db: db.db } : {}) });
      try {
        assert.equal(reopened.size, size);
        for (const id of ids) assert.notEqual(await reopened.store.entryIndexById(id), null);
      } finally {
        await reopened.close();
      }
      server = await startServer({ dataDir, ...(db.db ? { db: db.db } : {}) });
    });

    it('counts each statement of a batch against its key\'s rate limit: over it, 429 and nothing appended', async () => {
      const bodies = await Promise.all(Array.from({ length: 601 }, () => signed(bulk[0]!, 'key.add', { key: randomBytes(32).toString('base64') })));
      const size = await logSize(server.url);
      const answer = await batch(server.url, bodies.map(text).join('\n'));
      assert.equal(answer.status, 429, JSON.stringify(answer.body).slice(0, 300));
      assert.match(answer.type ?? '', /application\/problem\+json/);
      assert.equal(await logSize(server.url), size);
    });
  });
}

suite('PGlite', async () => ({}));
suite('PostgreSQL', async () => {
  const scratch: ScratchDatabase = await createScratchDatabase();
  return { db: scratch.url, drop: scratch.drop };
});

describe('a batch with its signatures verified in the worker pool (the default on 4+ cores)', () => {
  it('keeps the order of the batch and refuses a forged statement alone', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'truce-batch-pool-'));
    const mechanism = await Mechanism.open({ dataDir, verifyBatchesInWorkers: true });
    try {
      const operator = member('secretariat');
      const genesis = await signed(operator, 'member.admit', { member: operator.id, name: 'Secretariat', role: 'operator', key: operator.key, mechanism: 'pool' });
      const late = member('late-2');
      const admit = await signed(operator, 'member.admit', await admission('pool', late, { name: 'Late', role: 'monitor' }));
      const keys = await Promise.all(Array.from({ length: 40 }, () => signed(late, 'key.add', { key: randomBytes(32).toString('base64') })));
      const forged = JSON.parse(text(keys[7]!)) as { body: { key: string } };
      forged.body.key = randomBytes(32).toString('base64');
      const items = [genesis, admit, ...keys.slice(0, 7), canonicalBytes(forged), ...keys.slice(8)];
      const outcomes = await mechanism.submitMany(items);
      const codes = outcomes.map((o) => (o.status === 'fulfilled' ? 'appended' : (o.reason as { code: string }).code));
      assert.deepEqual(codes, items.map((_, i) => (i === 9 ? 'bad_signature' : 'appended')));
      assert.deepEqual(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.index] : [])), Array.from({ length: items.length - 1 }, (_, i) => i));
    } finally {
      await mechanism.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
