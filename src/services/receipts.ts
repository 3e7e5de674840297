import { TruceError } from '../domain/errors.js';
import { formatReceipt, parseReceipt, verifyReceipt } from '../log/receipt.js';
import { noteVerifierFromKey } from '../log/note-ed25519.js';
import { parseVerifierKey } from '../log/note-keys.js';
import type { Mechanism } from './mechanism.js';
import { noteWithCosignatures } from './log-info.js';
import { verifyEd25519Node } from './node-ed25519.js';

/**
 * GET /v1/receipts/:index: a C2SP tlog-proof receipt for one statement against the latest checkpoint (with its
 * cosignatures). The statement's bytes ride in the receipt's `extra` line, so the file alone lets a party prove
 * offline, years later, that this exact statement was in the log everyone audited.
 */
export async function receiptFor(m: Mechanism, index: number): Promise<string> {
  const checkpoint = m.published;
  if (!checkpoint || index >= checkpoint.size) {
    throw new TruceError('not_found', `entry ${index} is not under a published checkpoint yet (checkpoints follow within a second)`);
  }
  const [entry] = await m.store.entries(index, index + 1);
  if (!entry) throw new TruceError('not_found', `no entry ${index}`);
  const note = noteWithCosignatures(checkpoint, await m.store.cosignatures(checkpoint.size));
  return formatReceipt({ index, proof: await m.tree.inclusionProof(index, checkpoint.size), checkpoint: note, extra: entry.bytes });
}

/** Check a receipt file offline against the log's verifier key; answers the statement it proves. */
export function checkReceipt(text: string, vkey: string): { index: number; size: number; statement: unknown } {
  const receipt = parseReceipt(text);
  if (!receipt) throw new TruceError('bad_request', 'not a c2sp.org/tlog-proof@v1 receipt');
  if (!receipt.extra) throw new TruceError('bad_request', 'the receipt carries no statement (its extra line is empty)');
  const key = parseVerifierKey(vkey);
  const log = noteVerifierFromKey(vkey, verifyEd25519Node);
  if (!key || !log) throw new TruceError('bad_request', `not an Ed25519 verifier key: ${vkey}`);
  const verified = verifyReceipt(receipt, receipt.extra, { origin: key.name, log });
  if (!verified.ok) throw new TruceError('bad_signature', `the receipt does not verify: ${verified.detail}`);
  return { index: receipt.index, size: verified.checkpoint.size, statement: JSON.parse(new TextDecoder().decode(receipt.extra)) };
}
