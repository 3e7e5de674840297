// Receipts: C2SP tlog-proof (c2sp.org/tlog-proof@v1) files a party keeps and checks offline, with no server:
//   c2sp.org/tlog-proof@v1
//   [extra <base64>]          optional, unauthenticated application data
//   index <decimal>
//   <base64 hash>...          the inclusion proof, leaf's sibling first
//   <blank line>
//   <the signed checkpoint note, verbatim>
// A receipt is a file from anywhere, so the parser is strict and bounded and verification returns a value.
import { type Checkpoint } from './checkpoint.js';
import { type CheckpointFailureReason, type CheckpointPolicy, openCheckpoint } from './checkpoint-note.js';
import { fromBase64, toBase64 } from './encoding.js';
import { HASH_SIZE, hashLeaf } from './hash.js';
import { verifyInclusion } from './proof-verify.js';
import type { NoteVerifier } from './signed-note.js';
import { isIndex } from './tree-math.js';

export const RECEIPT_HEADER = 'c2sp.org/tlog-proof@v1';
/** Bounds for hostile files: 64 proof hashes covers any tree up to 2^64 entries. */
export const MAX_RECEIPT_BYTES = 1 << 20;
const MAX_PROOF_HASHES = 64;
const MAX_EXTRA_BYTES = 64 * 1024;

export interface Receipt {
  readonly index: number;
  readonly proof: readonly Uint8Array[];
  /** The signed checkpoint note (log signature and any cosignatures), verbatim. */
  readonly checkpoint: string;
  /** Optional opaque data; NOT authenticated by anything in the receipt. Omitted when empty. */
  readonly extra?: Uint8Array;
}

export type ReceiptFailureReason = 'malformed-receipt' | CheckpointFailureReason | 'not-included';

export type VerifiedReceipt =
  | { readonly ok: true; readonly index: number; readonly checkpoint: Checkpoint; readonly witnessedBy: readonly NoteVerifier[] }
  | { readonly ok: false; readonly reason: ReceiptFailureReason; readonly detail: string };

/**
 * Formats a receipt file.
 * @example formatReceipt({ index: 3, proof: tree.inclusionProof(3, cp.size), checkpoint: signedNote })
 */
export function formatReceipt(receipt: Receipt): string {
  if (!isIndex(receipt.index)) throw new RangeError('formatReceipt: index must be a non-negative safe integer');
  if (!receipt.proof.every((h) => h.length === HASH_SIZE)) throw new RangeError('formatReceipt: proof hashes are 32 bytes');
  const lines = [RECEIPT_HEADER];
  if (receipt.extra !== undefined && receipt.extra.length > 0) lines.push(`extra ${toBase64(receipt.extra)}`);
  lines.push(`index ${receipt.index}`, ...receipt.proof.map(toBase64), '');
  return `${lines.join('\n')}\n${receipt.checkpoint}`;
}

/**
 * Parses a receipt file; null unless well formed (the checkpoint is checked by verifyReceipt).
 * @example parseReceipt(await readFile("entry-42.tlog-proof", "utf8"))?.index // 42
 */
export function parseReceipt(text: string): Receipt | null {
  if (text.length > MAX_RECEIPT_BYTES) return null;
  const blank = text.indexOf('\n\n');
  if (blank < 0) return null;
  const head = text.slice(0, blank).split('\n');
  const checkpoint = text.slice(blank + 2);
  if (head.shift() !== RECEIPT_HEADER || checkpoint.length === 0) return null;
  let extra: Uint8Array | undefined;
  if (head[0]?.startsWith('extra ')) {
    const bytes = fromBase64(head.shift()!.slice('extra '.length));
    if (bytes === null || bytes.length === 0 || bytes.length > MAX_EXTRA_BYTES) return null;
    extra = bytes;
  }
  const indexLine = /^index (0|[1-9][0-9]{0,15})$/.exec(head.shift() ?? '');
  const index = indexLine === null ? NaN : Number(indexLine[1]);
  if (!isIndex(index) || head.length > MAX_PROOF_HASHES) return null;
  const proof: Uint8Array[] = [];
  for (const line of head) {
    const hash = fromBase64(line);
    if (hash === null || hash.length !== HASH_SIZE) return null;
    proof.push(hash);
  }
  return extra === undefined ? { index, proof, checkpoint } : { index, proof, checkpoint, extra };
}

/**
 * Verifies offline that `entry` is in the log: the checkpoint is signed by the log (and cosigned by the policy's
 * quorum of witnesses), and the inclusion proof leads from the entry's leaf hash at `index` to its root.
 * @example verifyReceipt(fileText, statementBytes, { origin: "truce/demo", log: noteVerifierFromKey(vkey)! })
 */
export function verifyReceipt(receipt: Receipt | string, entry: Uint8Array, policy: CheckpointPolicy): VerifiedReceipt {
  const parsed = typeof receipt === 'string' ? parseReceipt(receipt) : receipt;
  if (parsed === null) return { ok: false, reason: 'malformed-receipt', detail: 'not a c2sp.org/tlog-proof@v1 file' };
  const opened = openCheckpoint(parsed.checkpoint, policy);
  if (!opened.ok) return opened;
  const { checkpoint } = opened;
  if (!verifyInclusion(hashLeaf(entry), parsed.index, checkpoint.size, parsed.proof, checkpoint.rootHash)) {
    return { ok: false, reason: 'not-included', detail: `the proof does not place this entry at ${parsed.index} of ${checkpoint.size}` };
  }
  return { ok: true, index: parsed.index, checkpoint, witnessedBy: opened.witnessedBy };
}
