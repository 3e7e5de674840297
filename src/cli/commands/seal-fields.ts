// Sealing from the CLI (`truce submit --seal /protected --to mediators`): the same HPKE scheme and `sealed` blocks
// the browser makes (domain/seal/hpke.ts), so a recipient opens them in either. The value leaves the body before it
// is signed; the server only ever sees the ciphertexts and the commitment.
import { readFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { sealField } from '../../domain/seal/hpke.js';
import { fieldPointer, type SealedField } from '../../domain/seal/sealed.js';
import { getJson } from '../http.js';
import { readStrictJson } from '../read-json.js';

/** A member as GET /v1/members lists it: what sealing needs of it. */
interface ListedMember {
  readonly id: string;
  readonly role: string;
  readonly side: string | null;
  readonly encryptionKey?: string | null;
}

/** Where the recipients' encryption keys come from: the server, or a saved `GET /v1/members` answer (no network). */
export type MemberSource = { readonly server: string } | { readonly file: string };

export async function readMembers(source: MemberSource): Promise<ListedMember[]> {
  const answer = 'server' in source ? await getJson<unknown>(`${source.server}/v1/members`) : readStrictJson(await readMembersFile(source.file), source.file);
  const items = (answer as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new TruceError('bad_request', `${'file' in source ? source.file : 'the server'}: not a list of members (save GET /v1/members)`);
  return items as ListedMember[];
}

async function readMembersFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new TruceError('not_found', `cannot read the members file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (e as Error).message}`);
  }
}

/**
 * The recipients named by `--to`, comma-separated: member ids, "mediators" (every mediator) and "side:<side>" (the
 * members of a party's side), with their encryption keys. Anyone without a registered key is named in one line.
 * @example recipients('mediators,side:pk', members) // { qa: '…', tr: '…', pk: '…' }
 */
export function recipients(to: string, members: readonly ListedMember[]): Record<string, string> {
  const chosen = new Map<string, ListedMember>();
  for (const name of to.split(',').map((s) => s.trim()).filter(Boolean)) {
    const matched =
      name === 'mediators' ? members.filter((m) => m.role === 'mediator') : name.startsWith('side:') ? members.filter((m) => m.role === 'party' && m.side === name.slice(5)) : members.filter((m) => m.id === name);
    if (matched.length === 0) throw new TruceError('bad_request', `--to: no member ${name === 'mediators' ? 'is a mediator' : name.startsWith('side:') ? `speaks for side ${name.slice(5)}` : `with id ${name}`}`);
    for (const m of matched) chosen.set(m.id, m);
  }
  if (chosen.size === 0) throw new TruceError('bad_request', '--to names nobody: give member ids, "mediators" or "side:<side>"');
  const missing = [...chosen.values()].filter((m) => !m.encryptionKey).map((m) => m.id);
  if (missing.length) throw new TruceError('invalid_state', `cannot seal to ${missing.join(', ')}: no encryption key registered (they run: truce submit enckey.add '{"key": "$ENCKEY"}' --key <their key file>)`);
  return Object.fromEntries([...chosen.values()].map((m) => [m.id, m.encryptionKey as string]));
}

/** RFC 6901 reference tokens of a pointer the log accepts (its tokens are plain names: ~0 and ~1 are the only escapes). */
const tokens = (pointer: string): string[] => pointer.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));

/** Take the value at `pointer` out of `body` (a copy): it is what gets sealed, and must not stay in the public body. */
function takeOut(body: Record<string, unknown>, pointer: string): { body: Record<string, unknown>; value: unknown } {
  const copy = structuredClone(body);
  const path = tokens(pointer);
  let parent: unknown = copy;
  for (const token of path.slice(0, -1)) parent = parent && typeof parent === 'object' && !Array.isArray(parent) ? (parent as Record<string, unknown>)[token] : undefined;
  const last = path.at(-1)!;
  if (!parent || typeof parent !== 'object' || Array.isArray(parent) || !(last in parent)) throw new TruceError('bad_request', `--seal ${pointer}: the body has no field there to seal`);
  const value = (parent as Record<string, unknown>)[last];
  delete (parent as Record<string, unknown>)[last];
  return { body: copy, value };
}

/**
 * The body with each named field taken out and sealed to the recipients, added to its `sealed` list (beside any the
 * body already carried).
 * @example await sealBody(body, ['/protected'], { qa: qaKey, tr: trKey })
 */
export async function sealBody(body: Record<string, unknown>, pointers: readonly string[], to: Readonly<Record<string, string>>): Promise<Record<string, unknown>> {
  let out = body;
  const sealed: SealedField[] = Array.isArray(body.sealed) ? [...(body.sealed as SealedField[])] : [];
  for (const pointer of pointers) {
    const checked = fieldPointer.safeParse(pointer);
    if (!checked.success) throw new TruceError('bad_request', `--seal ${pointer}: ${checked.error.issues[0]?.message}`);
    if (sealed.some((s) => s.field === pointer)) throw new TruceError('bad_request', `--seal ${pointer}: that field is sealed already`);
    const taken = takeOut(out, pointer);
    out = taken.body;
    sealed.push(await sealField(pointer, taken.value, to));
  }
  return { ...out, sealed };
}
