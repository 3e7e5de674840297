import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDLERS } from '../domain/records/index.js';
import { Mechanism } from '../services/mechanism.js';
import { buildApp } from './app.js';

interface Envelope {
  title: string;
  properties: { type: { const: string }; body: { type?: string; properties?: Record<string, unknown>; additionalProperties?: boolean } };
}

it('the OpenAPI document carries the body schema of every statement type the server enforces, with the examples given', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'truce-openapi-'));
  const mechanism = await Mechanism.open({ dataDir });
  try {
    const example = { v: 1, type: 'report.reply', by: 'af', key: 'k', at: '2025-11-08T10:00:00Z', body: {}, sig: 's' };
    const app = await buildApp(mechanism, { statementExamples: { 'report.reply': example } });
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const content = document.paths['/v1/statements'].post.requestBody.content['application/json'];
    const envelopes = content.schema.oneOf as Envelope[];
    assert.deepEqual(envelopes.map((e) => e.title).sort(), HANDLERS.map((h) => h.type).sort());
    for (const envelope of envelopes) {
      assert.equal(envelope.properties.type.const, envelope.title);
      // Strict bodies: unknown keys are refused by the server, so the contract says so too.
      assert.equal(envelope.properties.body.type, 'object', envelope.title);
      assert.equal(envelope.properties.body.additionalProperties, false, envelope.title);
    }
    const report = envelopes.find((e) => e.title === 'report.file')!;
    assert.ok(report.properties.body.properties && 'narrative' in report.properties.body.properties, 'report.file documents its narrative');
    assert.deepEqual(content.examples['report.reply'].value, example);
    // The batch route: the same statement schemas, both body types, an example of each and of the answer.
    const batch = document.paths['/v1/statements/batch'].post;
    assert.equal(batch.requestBody.content['application/json'].schema.items.oneOf.length, envelopes.length);
    assert.deepEqual(batch.requestBody.content['application/json'].example, [example]);
    assert.equal(batch.requestBody.content['application/x-ndjson'].example, JSON.stringify(example) + '\n');
    assert.equal(batch.responses['200'].content['application/json'].example.results.length, 2);
    await app.close();
  } finally {
    await mechanism.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
