// A field team's outbox on disk: a folder of signed statements (one per file, e.g. written by
// `truce submit ... --dry-run > outbox/r1.json` where there was no network), and beside them the state of each as
// the server last answered (.truce-outbox.json). The files are never changed: what was signed is what is sent.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TruceError } from '../../domain/errors.js';
import { fromBase64 } from '../../domain/encoding.js';
import { parseStatement, signingBytes, statementId, type Statement } from '../../domain/statement.js';
import { writeFileAtomic } from '../../services/atomic-file.js';
import { verifyEd25519Node } from '../../services/node-ed25519.js';

export const STATE_FILE = '.truce-outbox.json';

/** What the server answered for one statement, keyed by its id. */
export type Answer =
  | { readonly state: 'sent'; readonly index?: number; readonly sentAt: string; readonly server: string }
  | { readonly state: 'refused'; readonly code: string; readonly reason: string; readonly refusedAt: string; readonly server: string };

export interface OutboxItem {
  readonly file: string;
  /** Hex leaf hash of the file's bytes; absent when the file is not a statement at all. */
  readonly id?: string;
  readonly statement?: Statement;
  readonly bytes?: Uint8Array;
  readonly state: 'signed' | 'sent' | 'refused';
  readonly index?: number;
  readonly code?: string;
  readonly reason?: string;
}

/** One trailing newline (a shell redirect adds it) is not part of the statement. */
const withoutNewline = (b: Uint8Array): Uint8Array => {
  let end = b.length;
  if (b[end - 1] === 0x0a) end--;
  if (b[end - 1] === 0x0d) end--;
  return b.subarray(0, end);
};

/**
 * Check a file as the server would before sending it anywhere. The file is whatever lies in the folder, so it is
 * parsed as hostile input (size-bounded, strict, canonical) and its signature checked against the key it names.
 */
function readStatementFile(file: string, raw: Uint8Array): OutboxItem {
  const bytes = withoutNewline(raw);
  const parsed = parseStatement(bytes);
  if (!parsed.ok) return { file, state: 'refused', code: parsed.code, reason: `not sent: ${parsed.detail}` };
  const statement = parsed.value;
  const key = fromBase64(statement.key);
  const sig = fromBase64(statement.sig);
  if (!key || !sig || !verifyEd25519Node(key, signingBytes(statement), sig)) {
    return { file, id: statementId(bytes), statement, state: 'refused', code: 'bad_signature', reason: 'not sent: the signature does not verify with the key the statement names' };
  }
  return { file, id: statementId(bytes), statement, bytes, state: 'signed' };
}

export async function readAnswers(dir: string): Promise<Record<string, Answer>> {
  let text: string;
  try {
    text = await readFile(join(dir, STATE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new TruceError('unavailable', `cannot read ${join(dir, STATE_FILE)}: ${(e as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, Answer>;
  } catch (e) {
    throw new TruceError('bad_request', `${join(dir, STATE_FILE)} is not the outbox's state file (${(e as Error).message}); move it away to start afresh`);
  }
}

/** Written atomically and synced: a power cut while sending never leaves a half-written state. */
export async function writeAnswers(dir: string, answers: Readonly<Record<string, Answer>>): Promise<void> {
  await writeFileAtomic(join(dir, STATE_FILE), JSON.stringify(answers, null, 2) + '\n');
}

/** Every statement file in the folder with its state, oldest signature first (the order they must reach the log). */
export async function readOutbox(dir: string): Promise<OutboxItem[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.json') && e.name !== STATE_FILE).map((e) => e.name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new TruceError(code === 'ENOENT' ? 'not_found' : 'unavailable', `cannot read the outbox folder ${dir}: ${code === 'ENOENT' ? 'there is no such folder' : (e as Error).message}`);
  }
  const answers = await readAnswers(dir);
  const items: OutboxItem[] = [];
  for (const file of names) {
    const item = readStatementFile(file, new Uint8Array(await readFile(join(dir, file))));
    const answer = item.id !== undefined && item.state === 'signed' ? answers[item.id] : undefined;
    if (answer?.state === 'sent') items.push({ ...item, state: 'sent', ...(answer.index !== undefined ? { index: answer.index } : {}) });
    else if (answer?.state === 'refused') items.push({ ...item, state: 'refused', code: answer.code, reason: answer.reason });
    else items.push(item);
  }
  const at = (i: OutboxItem) => i.statement?.at ?? '';
  return items.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.file < b.file ? -1 : 1));
}
