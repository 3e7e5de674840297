import { z } from 'zod';
import { HANDLERS } from '../domain/records/index.js';
import { MAX_STATEMENT_BYTES, STATEMENT_TYPES } from '../domain/statement.js';

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

/** Put the statement schemas into the generated document (the route itself takes raw bytes, so it declares none). */
export function withStatementSchemas<T extends object>(document: T, examples: Readonly<Record<string, unknown>>): T {
  const paths = (document as { paths?: Record<string, Record<string, Record<string, unknown>> | undefined> }).paths;
  const post = paths?.['/v1/statements']?.post;
  if (post) post.requestBody = statementRequestBody(examples);
  return document;
}
