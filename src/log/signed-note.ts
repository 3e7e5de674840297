// C2SP signed notes (c2sp.org/signed-note): text, a blank line, then signature lines
// "— <key name> base64(key ID ‖ signature)". Checkpoints and cosignatures travel in this envelope. Notes come
// from the log server, mirrors and witnesses, so parsing is strict and bounded, and expected failures are
// returned as `{ ok: false, reason }`.
import { bytesEqual, fromBase64, fromUtf8, isWellFormedText, toBase64, utf8 } from './encoding.js';
import { isValidKeyName } from './note-keys.js';

/** One signature line of a note. `signature` is what follows the 4-byte key ID. */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  readonly signature: Uint8Array;
}

/** Checks signatures of one key (name + key ID) over a note's text (the UTF-8 bytes, final newline included). */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  verify(text: Uint8Array, signature: Uint8Array): boolean;
}

/** Signs a note's text for one key: node:crypto on the server, WebCrypto or a seed elsewhere. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(text: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

export interface ParsedNote {
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export type NoteFailureReason =
  | 'too-large'
  | 'malformed'
  | 'too-many-signatures'
  | 'duplicate-signature'
  | 'ambiguous-key'
  | 'invalid-signature'
  | 'unverified';

export interface NoteFailure {
  readonly ok: false;
  readonly reason: NoteFailureReason;
  readonly detail: string;
}

export type OpenedNote = {
  readonly ok: true;
  readonly text: string;
  /** The verifiers whose signatures verified, in signature-line order. */
  readonly verifiedBy: readonly NoteVerifier[];
  /** Every signature line, known key or not (unknown ones are unverified: carry them, never trust them). */
  readonly signatures: readonly NoteSignature[];
};

/** Upper bound on a note's size in bytes: hostile input is rejected before any parsing work. */
export const MAX_NOTE_BYTES = 1 << 20;
/** Upper bound on signature lines (the spec asks verifiers to accept at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

const SIG_PREFIX = '— ';

function fail(reason: NoteFailureReason, detail: string): NoteFailure {
  return { ok: false, reason, detail };
}

/** Notes must be UTF-8 with no ASCII control character other than newline. */
function isValidNoteText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return false;
  }
  return isWellFormedText(text);
}

/**
 * Splits a note into text and signature lines without verifying anything (to merge or forward cosignatures).
 * @example parseNote(checkpointNote) // { ok: true, note: { text, signatures } }
 */
export function parseNote(note: string | Uint8Array): { ok: true; note: ParsedNote } | NoteFailure {
  let str: string | null;
  if (typeof note === 'string') {
    if (note.length > MAX_NOTE_BYTES) return fail('too-large', `note exceeds ${MAX_NOTE_BYTES} bytes`);
    str = note;
  } else {
    if (note.length > MAX_NOTE_BYTES) return fail('too-large', `note exceeds ${MAX_NOTE_BYTES} bytes`);
    str = fromUtf8(note);
    if (str === null) return fail('malformed', 'note is not valid UTF-8');
  }
  if (!isValidNoteText(str)) return fail('malformed', 'note has a control character or invalid text');
  const split = str.lastIndexOf('\n\n');
  if (split < 0) return fail('malformed', 'note has no blank line before its signatures');
  const text = str.slice(0, split + 1);
  const block = str.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) return fail('malformed', 'signature block missing or unterminated');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) return fail('too-many-signatures', `more than ${MAX_NOTE_SIGNATURES} signatures`);
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    if (sig === null) return fail('malformed', `malformed signature line ${JSON.stringify(line.slice(0, 80))}`);
    signatures.push(sig);
  }
  return { ok: true, note: { text, signatures } };
}

function parseSignatureLine(line: string): NoteSignature | null {
  if (!line.startsWith(SIG_PREFIX)) return null;
  const rest = line.slice(SIG_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return null;
  const name = rest.slice(0, space);
  const bytes = fromBase64(rest.slice(space + 1));
  if (!isValidKeyName(name) || bytes === null || bytes.length < 5) return null;
  const keyId = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  return { name, keyId, signature: bytes.slice(4) };
}

/**
 * One signature line, newline included.
 * @example signatureLine({ name: "truce/demo", keyId, signature }) // "— truce/demo AbCd...\n"
 */
export function signatureLine(sig: NoteSignature): string {
  const bytes = new Uint8Array(4 + sig.signature.length);
  new DataView(bytes.buffer).setUint32(0, sig.keyId);
  bytes.set(sig.signature, 4);
  return `${SIG_PREFIX}${sig.name} ${toBase64(bytes)}\n`;
}

/**
 * Reassembles a note: text, blank line, signature lines (e.g. after merging cosignatures).
 * @example formatNote({ text: "hello\n", signatures: [sig] }) // "hello\n\n— name ...\n"
 */
export function formatNote(note: ParsedNote): string {
  return `${note.text}\n${note.signatures.map(signatureLine).join('')}`;
}

/**
 * Signs a text (which must end in a newline) with each signer and returns the signed note.
 * @example await signNote("truce/demo\n5\nq5+...=\n", [logSigner]) // "truce/demo\n5\nq5+...=\n\n— truce/demo ...\n"
 */
export async function signNote(text: string, signers: readonly NoteSigner[]): Promise<string> {
  if (!text.endsWith('\n') || !isValidNoteText(text)) {
    throw new RangeError('signNote: the text must end in a newline and contain no control characters');
  }
  const bytes = utf8(text);
  const signatures: NoteSignature[] = [];
  for (const s of signers) {
    if (!isValidKeyName(s.name)) throw new RangeError(`signNote: invalid key name ${JSON.stringify(s.name)}`);
    signatures.push({ name: s.name, keyId: s.keyId, signature: await s.sign(bytes) });
  }
  return formatNote({ text, signatures });
}

/**
 * Parses a note and verifies it against the known keys. Unknown keys are ignored; a known key's signature that
 * fails rejects the whole note, as do two signatures by one known key; at least one known key must verify.
 * @example const opened = openNote(body, [logVerifier]); if (opened.ok) parseCheckpoint(opened.text)
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote | NoteFailure {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const { text, signatures } = parsed.note;
  const textBytes = utf8(text);
  const verifiedBy: NoteVerifier[] = [];
  for (const sig of signatures) {
    const matches = verifiers.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (matches.length === 0) continue;
    if (matches.length > 1) return fail('ambiguous-key', `several known keys are ${sig.name}/${sig.keyId}`);
    const verifier = matches[0]!;
    if (verifiedBy.includes(verifier)) return fail('duplicate-signature', `two signatures by ${sig.name}`);
    if (!verifier.verify(textBytes, sig.signature)) return fail('invalid-signature', `bad signature by ${sig.name}`);
    verifiedBy.push(verifier);
  }
  if (verifiedBy.length === 0) return fail('unverified', 'no signature by a known key');
  return { ok: true, text, verifiedBy, signatures };
}

/**
 * True when two signature lines are the same bytes (to drop repeats when merging cosignatures).
 * @example merged.filter((s, i) => merged.findIndex((t) => sameSignature(s, t)) === i)
 */
export function sameSignature(a: NoteSignature, b: NoteSignature): boolean {
  return a.name === b.name && a.keyId === b.keyId && bytesEqual(a.signature, b.signature);
}
