import { z } from 'zod';
import { hashLeaf } from '../log/hash.js';
import { canonicalBytes, isCanonicalText } from './jcs.js';
import { fromBase64, toBase64, toHex } from './encoding.js';
import { type Result, ok, refuse } from './errors.js';
import { parseStrictJson } from './strict-json.js';
import { utcTime } from './records/fields.js';

/** A tile entry's length is a u16, so a statement's canonical bytes are at most 65535. */
export const MAX_STATEMENT_BYTES = 65535;

export const STATEMENT_TYPES = [
  'member.admit',
  'key.add',
  'key.revoke',
  'agreement.propose',
  'agreement.sign',
  'agreement.status',
  'term.record',
  'term.acknowledge',
  'record.concur',
  'request.make',
  'request.answer',
  'report.file',
  'report.amend',
  'report.reply',
  'evidence.register',
  'evidence.acknowledge',
  'evidence.access',
  'investigation.open',
  'finding.propose',
  'finding.sign',
  'penalty.apply',
  'commitment.action',
  'commitment.verify',
  'candidate.promote',
  'candidate.dismiss',
  'meeting.record',
  'joint.sign',
  'enckey.add',
  'seal.release',
  'report.publish',
  'report.review',
  'report.cosign',
  'patrol.plan',
  'access.denied',
] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];

const MEMBER_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const memberId = z.string().regex(MEMBER_ID, 'member ids are 1-64 of a-z 0-9 . _ -');

/** The envelope of design.md, exactly: { v, type, by, key, at, body, sig }. */
export const statementSchema = z
  .object({
    v: z.literal(1),
    type: z.enum(STATEMENT_TYPES),
    by: memberId,
    key: z.string().refine((k) => fromBase64(k)?.length === 32, 'key must be the base64 of a 32-byte Ed25519 public key'),
    // A real instant (zod's calendar-aware check, years 0001-9999), never Date.parse's lenient reading.
    at: utcTime,
    body: z.record(z.string(), z.unknown()),
    sig: z.string().refine((s) => fromBase64(s)?.length === 64, 'sig must be the base64 of a 64-byte Ed25519 signature'),
  })
  .strict();

export type Statement = Readonly<z.infer<typeof statementSchema>>;

const ENVELOPE_KEYS: ReadonlySet<string> = new Set(Object.keys(statementSchema.shape));
const TYPES: ReadonlySet<string> = new Set(STATEMENT_TYPES);
const isPlainRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Whether a parsed JSON value certainly fits statementSchema, checked field by field with the schema's own rules
 * (its regex, fromBase64, the `at` schema) and without the schema's copy of the object, which was most of an
 * envelope check's cost and garbage. Only a yes is trusted: on a no, the schema itself decides (and names the
 * problem), so this can make the check faster, never more lenient; a property test holds it to the schema.
 * @example envelopeFits(JSON.parse(text)) // true for every well-formed statement
 */
export function envelopeFits(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== ENVELOPE_KEYS.size || !keys.every((k) => ENVELOPE_KEYS.has(k))) return false;
  const { v, type, by, key, at, body, sig } = value;
  return v === 1 && typeof type === 'string' && TYPES.has(type) && typeof by === 'string' && MEMBER_ID.test(by)
    && typeof key === 'string' && fromBase64(key)?.length === 32 && typeof sig === 'string' && fromBase64(sig)?.length === 64
    && isPlainRecord(body) && utcTime.safeParse(at).success;
}
export type UnsignedStatement = Omit<Statement, 'sig'>;

export { memberId as memberIdSchema };

/** The bytes a signer signs: JCS of the statement without "sig". */
export function signingBytes(statement: UnsignedStatement | Statement): Uint8Array {
  const { sig: _sig, ...unsigned } = statement as Statement;
  return canonicalBytes(unsigned);
}

const textEncoder = new TextEncoder();

/**
 * signingBytes of a statement parsed from its canonical bytes (parseStatement), cut from those bytes instead of
 * serialized again. In RFC 8785 each member is written on its own, in key order, joined by commas, so the canonical
 * text without "sig" is the text with its member `,"sig":"…"` taken out ("at" sorts first, so "sig" always follows a
 * comma). Searched from the end: only "type" (one of STATEMENT_TYPES) and "v" (1) follow it, so the last match is the
 * envelope's own, never a "sig" inside the body.
 * @param allocate where the bytes go (the server passes Node's pooled Buffer.allocUnsafe)
 * @example signingBytesOf(bytes, parsed) // equals signingBytes(parsed) whenever parseStatement(bytes) accepted it
 */
export function signingBytesOf(bytes: Uint8Array, statement: Statement, allocate: (length: number) => Uint8Array = (n) => new Uint8Array(n)): Uint8Array {
  const member = `,"sig":${JSON.stringify(statement.sig)}`;
  // A base64 signature's member is ASCII, its UTF-8 bytes its char codes: compared as they are, not encoded first
  // (on the server that was a buffer a statement for the collector to sweep).
  const encoded = PRINTABLE_ASCII.test(member) ? null : textEncoder.encode(member);
  const length = encoded?.length ?? member.length;
  search: for (let at = bytes.length - length; at >= 0; at--) {
    for (let i = 0; i < length; i++) if (bytes[at + i] !== (encoded ? encoded[i] : member.charCodeAt(i))) continue search;
    const out = allocate(bytes.length - length);
    out.set(bytes.subarray(0, at));
    out.set(bytes.subarray(at + length), at);
    return out;
  }
  return signingBytes(statement); // not canonical bytes after all: serialize
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The log entry: JCS bytes of the whole statement. */
export function entryBytes(statement: Statement): Uint8Array {
  return canonicalBytes(statement);
}

/** A statement's id: hex of its RFC 9162 leaf hash, SHA-256(0x00 ‖ entry). */
export function statementId(entry: Uint8Array): string {
  return toHex(hashLeaf(entry));
}

/** Sign an unsigned statement with a signing function (node:crypto in the CLI, WebCrypto in the browser). */
export async function signStatement(
  unsigned: UnsignedStatement,
  sign: (message: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Promise<Statement> {
  const sig = await sign(signingBytes(unsigned));
  return { ...unsigned, sig: toBase64(sig) };
}

const decoder = new TextDecoder('utf-8', { fatal: true });
const startsWithBom = (bytes: Uint8Array): boolean => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Parse submitted bytes into a statement. The bytes are attacker-controlled: bound the size before parsing, insist on
 * valid UTF-8, strict JSON (strict-json.ts: no `__proto__`, no lone surrogate or NUL, bounded depth), the exact
 * envelope, and RFC 8785 canonical form (so one statement has one byte string and one id).
 * The statement returned IS the parsed value, never a schema's copy of it: a schema may drop or rewrite keys, and
 * the signature must be checked over exactly what is stored (signingBytes of it is the entry minus "sig").
 * The signature is checked elsewhere (entry-check.ts, the sequencer), with the shared Ed25519 rule.
 */
export function parseStatement(bytes: Uint8Array): Result<Statement> {
  if (bytes.length > MAX_STATEMENT_BYTES) return refuse('too_large', `a statement is at most ${MAX_STATEMENT_BYTES} bytes; this one is ${bytes.length}`);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return refuse('bad_request', 'the statement is not valid UTF-8');
  }
  const value = parseStrictJson(text);
  if (!value.ok) return refuse('bad_request', `the statement: ${value.detail}`);
  const parsed = envelopeFits(value.value) ? null : statementSchema.safeParse(value.value);
  if (parsed && !parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('bad_request', `the statement envelope is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  // Compared as text: the fatal decoder maps each valid UTF-8 byte string to its own text, except that it drops a
  // leading BOM, which canonical JSON never starts with; so this is the byte equality without encoding again.
  if (!isCanonicalText(value.value, text) || startsWithBom(bytes)) {
    return refuse('not_canonical', 'the statement is not RFC 8785 canonical JSON (JCS), e.g. it has whitespace, a repeated key, or keys out of order: send exactly the canonical bytes');
  }
  return ok(value.value as Statement);
}
