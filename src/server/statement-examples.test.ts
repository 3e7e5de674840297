import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDLERS } from '../domain/records/index.js';
import { canonicalBytes } from '../domain/jcs.js';
import { fromBase64 } from '../domain/encoding.js';
import { STATEMENT_TYPES, parseStatement, signingBytes, type Statement } from '../domain/statement.js';
import { verifyEd25519Node } from '../services/node-ed25519.js';
import { Mechanism } from '../services/mechanism.js';
import { buildApp } from './app.js';
import { readStatementExamples } from './statement-examples.js';

/** Every string in a value, at any depth. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

it("the OpenAPI document's examples are statements as the server takes them: no CLI placeholder, canonical, signed, each body valid", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-openapi-examples-'));
  const mechanism = await Mechanism.open({ dataDir });
  try {
    const app = await buildApp(mechanism, { statementExamples: await readStatementExamples() });
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const examples = document.paths['/v1/statements'].post.requestBody.content['application/json'].examples as Record<string, { value: Statement }>;
    // report.publish signs the hash of a report of one server's log: examples/README.md shows it as a recipe instead.
    assert.deepEqual(Object.keys(examples).sort(), STATEMENT_TYPES.filter((t) => t !== 'report.publish').sort());
    for (const [type, { value }] of Object.entries(examples)) {
      const placeholders = strings(value).filter((s) => /^@(id|hash|at|date):/.test(s) || s === '$KEY');
      assert.deepEqual(placeholders, [], `${type}: "@id:", "@hash:", "@at:" and "$KEY" are for truce submit only`);
      const parsed = parseStatement(canonicalBytes(value));
      assert.ok(parsed.ok, `${type}: ${parsed.ok ? '' : parsed.detail}`);
      assert.equal(value.type, type);
      assert.ok(verifyEd25519Node(fromBase64(value.key)!, signingBytes(value), fromBase64(value.sig)!), `${type}: signed by its key`);
      const schema = HANDLERS.find((h) => h.type === type)!.schema;
      const body = schema.safeParse(value.body);
      assert.ok(body.success, `${type}: ${body.success ? '' : JSON.stringify(body.error.issues[0])}`);
    }
    await app.close();
  } finally {
    await mechanism.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
