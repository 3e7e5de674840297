import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { parseStrictJson } from '../domain/strict-json.js';
import { resolveTimes } from '../domain/relative-times.js';
import { signStatement, type Statement, type StatementType } from '../domain/statement.js';
import { generateKeyPair } from '../services/node-ed25519.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
/** When the documented examples are signed: relative times in examples/ ("@at:+7d") count from here. */
export const EXAMPLE_AT = '2026-03-20T09:00:00Z';

/** A stand-in 64-hex value for a name: the examples refer to statements of a server the document cannot know. */
const sample = (what: string, name: string) => createHash('sha256').update(`truce example ${what} ${name}`).digest('hex');

/**
 * One body as the server takes it: the CLI's placeholders, which only `truce submit` understands, put in as concrete
 * values ("$KEY" the signer's key, "@id:NAME" / "@hash:NAME" stand-in hashes, "@at:+7d" a time after EXAMPLE_AT).
 */
export function concreteBody(body: unknown, key: string): unknown {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value === '$KEY') return key;
      const named = /^@(id|hash):([A-Za-z0-9_-]{1,64})$/.exec(value);
      return named ? sample(named[1]!, named[2]!) : value;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return resolveTimes(walk(body), EXAMPLE_AT);
}

/**
 * The OpenAPI document's example for each statement type: the first file of examples/ (in order.json's order) of
 * that type, as a whole signed statement in canonical form, signed by a key made for the document (the signer named
 * as in order.json). None when the repository's examples/ is not there (an installed server without it).
 */
export async function readStatementExamples(dir = EXAMPLES): Promise<Record<string, Statement>> {
  let order: { file: string; type: StatementType; key: string }[];
  try {
    order = JSON.parse(await readFile(join(dir, 'order.json'), 'utf8')) as typeof order;
  } catch {
    return {};
  }
  const pair = generateKeyPair();
  const key = toBase64(pair.publicKey);
  const examples: Record<string, Statement> = {};
  for (const step of order) {
    if (examples[step.type]) continue;
    const parsed = parseStrictJson(await readFile(join(dir, step.file), 'utf8'));
    if (!parsed.ok) continue;
    const by = step.key.includes('/') ? step.key.replace(/^.*\/|\.json$/g, '') : step.key;
    const body = concreteBody(parsed.value, key) as Record<string, unknown>;
    const statement = await signStatement({ v: 1, type: step.type, by, key, at: EXAMPLE_AT, body }, pair.sign);
    // The canonical form is what the server takes byte for byte; parse it back so the document shows exactly that.
    examples[step.type] = JSON.parse(new TextDecoder().decode(canonicalBytes(statement))) as Statement;
  }
  return examples;
}
