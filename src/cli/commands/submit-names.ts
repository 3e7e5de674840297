import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { TruceError } from '../../domain/errors.js';
import { parseStrictJson } from '../../domain/strict-json.js';

// Names for earlier statements (docs/decisions.md "Referring to earlier statements"): an id is a hash of the signed bytes,
// keys and time included, so a body file cannot carry the id of a statement not yet sent. `truce submit --name R1`
// writes the appended statement's id and content hash into a names file; a later body says "@id:R1" or "@hash:R1"
// and `truce submit` puts the values in before signing. The placeholders are the demo loader's (domain/demo/refs.ts).

/** What a names file keeps for each name: enough to refer to the statement and to find it again. */
export interface NamedStatement {
  readonly type: string;
  /** The statement id (hex leaf hash), what "@id:NAME" stands for. */
  readonly id: string;
  /** SHA-256 (hex) of the JCS of the statement's body, what "@hash:NAME" stands for (agreement.sign, finding.sign...). */
  readonly hash: string;
  readonly index: number;
  /** The server it was appended to: a name means nothing on another log. */
  readonly server: string;
}

export type Names = Record<string, NamedStatement>;

/** The names file: --names, else $TRUCE_NAMES, else truce-names.json in the current directory. */
export function namesPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.TRUCE_NAMES ?? 'truce-names.json';
}

export const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const PLACEHOLDER = /^@(id|hash):([A-Za-z0-9_-]{1,64})$/;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const namesSchema = z.record(
  z.string().regex(NAME),
  z.object({ type: z.string(), id: hex64, hash: hex64, index: z.int().min(0), server: z.string() }).strict(),
);

/** The names recorded so far; none when the file does not exist yet. */
export async function readNames(path: string): Promise<Names> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new TruceError('bad_request', `cannot read the names file ${path}: ${(e as Error).message}`);
  }
  // Strict: a hand-edited file with a stray field or a malformed id is refused, never half read.
  const parsed = parseStrictJson(text);
  const names = parsed.ok ? namesSchema.safeParse(parsed.value) : null;
  if (!names?.success) throw new TruceError('bad_request', `${path} is not a names file (a JSON object of name: {type, id, hash, index, server})`);
  return names.data;
}

/** Record a name for an appended statement (a name used again now means the newer statement), written atomically. */
export async function recordName(path: string, name: string, named: NamedStatement): Promise<void> {
  const names = { ...(await readNames(path)), [name]: named };
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(names, null, 2) + '\n');
  await rename(tmp, path);
}

/** Whether a body uses any "@id:NAME" / "@hash:NAME" placeholder (so a names file is needed at all). */
export function usesNames(value: unknown): boolean {
  if (typeof value === 'string') return PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(usesNames);
  if (value !== null && typeof value === 'object') return Object.values(value).some(usesNames);
  return false;
}

/**
 * The body with every string that is exactly "@id:NAME" or "@hash:NAME" replaced by that named statement's id or
 * body hash. Refused: a name not in the file, or one recorded for another server than the one we send to.
 * @example resolveNames({ report: '@id:R1' }, names, 'names.json') // { report: '3f9a…' }
 */
export function resolveNames(value: unknown, names: Names, path: string, server?: string): unknown {
  if (typeof value === 'string') {
    const m = PLACEHOLDER.exec(value);
    if (!m) return value;
    const [, what, name] = m as unknown as [string, 'id' | 'hash', string];
    const named = Object.hasOwn(names, name) ? names[name] : undefined;
    if (!named) {
      const known = Object.keys(names);
      throw new TruceError('not_found', `"${value}": no statement is named ${name} in ${path} (${known.length ? `names there: ${known.join(', ')}` : 'it names none yet'}); submit it with --name ${name} first`);
    }
    if (server !== undefined && named.server !== server) {
      throw new TruceError('bad_request', `"${value}": ${name} was appended to ${named.server}, not ${server}; use a names file per server (--names)`);
    }
    return named[what];
  }
  if (Array.isArray(value)) return value.map((v) => resolveNames(v, names, path, server));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNames(v, names, path, server)]));
  return value;
}
