// Checks one record in the browser: its statement is the one the view names (same leaf hash), it is signed by the
// key it names, and it is included in the tree of a checkpoint the log signed. Loaded lazily (it brings the
// statement schema and the Ed25519 verifier).
import { verifyEd25519 } from '../../log/ed25519.js';
import { fromBase64, fromHex, toHex } from '../../log/encoding.js';
import { hashLeaf } from '../../log/hash.js';
import { verifyInclusion } from '../../log/proof-verify.js';
import { canonicalBytes } from '../../domain/jcs.js';
import { signingBytes, type Statement } from '../../domain/statement.js';
import { getJson, query } from '../api/http.js';
import type { InclusionProofJson, Page, StatementItem } from '../api/types.js';
import { checkpointCovering } from './checkpoint.js';

export type RecordProof =
  | { readonly ok: true; readonly index: number; readonly size: number; readonly by: string; readonly type: string }
  | { readonly ok: false; readonly index: number; readonly reason: string };

const results = new Map<string, Promise<RecordProof>>();

async function prove(index: number, id: string): Promise<RecordProof> {
  const fail = (reason: string): RecordProof => ({ ok: false, index, reason });
  const leaf = fromHex(id);
  if (!leaf || leaf.length !== 32) return fail('the record names no valid statement id');
  const page = await getJson<Page<StatementItem>>(`/v1/statements${query({ from: index, limit: 1 })}`);
  const item = page.items[0];
  if (!item || item.index !== index) return fail(`the server did not return log entry ${index}`);
  const statement = item.statement as unknown as Statement;
  // The server's JSON is re-canonicalised here: the leaf hash of those bytes must be the record's id.
  const entry = canonicalBytes(statement);
  if (toHex(hashLeaf(entry)) !== id) return fail(`log entry ${index} is not the statement this record names`);
  const key = fromBase64(statement.key);
  const sig = fromBase64(statement.sig);
  if (!key || !sig || !verifyEd25519(key, signingBytes(statement), sig)) return fail(`the signature of ${statement.by} does not verify`);
  const cp = await checkpointCovering(index + 1);
  const proofJson = await getJson<InclusionProofJson>(`/v1/proof/inclusion${query({ index, size: cp.size })}`);
  const proof = proofJson.proof.map((h) => fromBase64(h));
  if (proof.some((h) => h === null)) return fail('the inclusion proof is malformed');
  if (!verifyInclusion(leaf, index, cp.size, proof as Uint8Array[], cp.root)) return fail(`the inclusion proof does not lead to the signed root of size ${cp.size}`);
  return { ok: true, index, size: cp.size, by: statement.by, type: statement.type };
}

/** Prove a record once per page load (results are cached by index and id). */
export function proveRecord(index: number, id: string): Promise<RecordProof> {
  const key = `${index}:${id}`;
  let p = results.get(key);
  if (!p) {
    p = prove(index, id).catch((e: Error): RecordProof => ({ ok: false, index, reason: e.message }));
    results.set(key, p);
    // A network failure should not be remembered as a verdict.
    p.then((r) => {
      if (!r.ok && /reach|fetch|HTTP/.test(r.reason)) results.delete(key);
    });
  }
  return p;
}
