import { z } from 'zod';
import { HANDLERS } from '../domain/records/index.js';
import { MAX_STATEMENT_BYTES, STATEMENT_TYPES } from '../domain/statement.js';
import { MAX_BATCH_BYTES, MAX_BATCH_STATEMENTS } from './batch-body.js';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of one statement type's envelope, its body taken from the very zod schema the server applies, so
 * the published contract cannot drift from what is enforced.
 */
function envelopeSchema(type: string, body: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...bodySchema } = z.toJSONSchema(body, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return {
    title: type,
    type: 'object',
    additionalProperties: false,
    required: ['v', 'type', 'by', 'key', 'at', 'body', 'sig'],
    properties: {
      v: { const: 1 },
      type: { const: type },
      by: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$', description: 'the signing member' },
      key: { type: 'string', description: "base64 of the signer's 32-byte Ed25519 public key" },
      at: { type: 'string', format: 'date-time', description: 'RFC 3339 UTC time of signing' },
      body: bodySchema,
      sig: { type: 'string', description: 'base64 Ed25519 signature over the JCS bytes of the statement without "sig"' },
    },
  };
}

/** One schema per statement type, in the order of design.md's list. */
export function statementSchemas(): JsonSchema[] {
  return STATEMENT_TYPES.flatMap((type) => {
    const handler = HANDLERS.find((h) => h.type === type);
    return handler ? [envelopeSchema(type, handler.schema as z.ZodType)] : [];
  });
}

/** The request body of POST /v1/statements for the OpenAPI document: exact canonical bytes, one of the types. */
export function statementRequestBody(examples: Readonly<Record<string, unknown>>): JsonSchema {
  return {
    required: true,
    description: `A signed statement as RFC 8785 canonical JSON, at most ${MAX_STATEMENT_BYTES} bytes. Each type's body is listed below.`,
    content: {
      'application/json': {
        schema: { oneOf: statementSchemas(), discriminator: { propertyName: 'type' } },
        examples: Object.fromEntries(Object.entries(examples).map(([type, value]) => [type, { summary: type, value }])),
      },
    },
  };
}

/**
 * The request body of POST /v1/statements/batch: NDJSON (one statement's canonical bytes a line) or a JSON array of
 * them, with an example of each made of the example statements; and an example answer.
 */
export function batchRequestBody(examples: Readonly<Record<string, unknown>>): JsonSchema {
  const some = Object.values(examples).slice(0, 2);
  const statement = { oneOf: statementSchemas(), discriminator: { propertyName: 'type' } };
  return {
    required: true,
    description: `Up to ${MAX_BATCH_STATEMENTS} signed statements and ${MAX_BATCH_BYTES} bytes, each exactly as POST /v1/statements takes it.`,
    content: {
      'application/x-ndjson': {
        schema: { type: 'string', description: 'one statement (RFC 8785 canonical JSON) a line' },
        ...(some.length ? { example: some.map((e) => JSON.stringify(e)).join('\n') + '\n' } : {}),
      },
      'application/json': { schema: { type: 'array', maxItems: MAX_BATCH_STATEMENTS, items: statement }, ...(some.length ? { example: some } : {}) },
    },
  };
}

/** An answer of POST /v1/statements/batch: the first statement appended, the second already in the log. */
export const BATCH_ANSWER_EXAMPLE = {
  appended: 1,
  refused: 1,
  results: [
    { index: 41, id: '5d0c3f6a9b1e4f7c2a8d6e0b3c9f1a4d7e2b5c8f0a3d6e9b1c4f7a0d3e6b9c2f' },
    { problem: { type: 'urn:truce:problem:replay', title: 'Already in the log', status: 409, detail: 'statement 7a1e… is already in the log', code: 'replay' } },
  ],
};

/** Put the statement schemas into the generated document (the routes take raw bytes, so they declare none). */
export function withStatementSchemas<T extends object>(document: T, examples: Readonly<Record<string, unknown>>): T {
  const paths = (document as { paths?: Record<string, Record<string, Record<string, unknown>> | undefined> }).paths;
  const post = paths?.['/v1/statements']?.post;
  if (post) post.requestBody = statementRequestBody(examples);
  const batch = paths?.['/v1/statements/batch']?.post;
  if (batch) {
    batch.requestBody = batchRequestBody(examples);
    const ok = (batch.responses as Record<string, { content?: Record<string, Record<string, unknown>> }> | undefined)?.['200'];
    const json = ok?.content?.['application/json'];
    if (json) json.example = BATCH_ANSWER_EXAMPLE;
  }
  return document;
}
