import { useEffect, useState } from 'preact/hooks';
import type { RecordProof } from '../verify/record-proof.js';
import { LogLink } from './log-link.js';

/**
 * A record's place in the log and its proof, checked in this browser: "log #12 · inclusion proof ✓".
 * The check runs here (signature and Merkle path against a signed checkpoint), not on the server's word.
 */
export function ProofBadge({ index, id }: { index: number; id: string }) {
  const [proof, setProof] = useState<RecordProof | null>(null);
  useEffect(() => {
    let live = true;
    setProof(null);
    import('../verify/record-proof.js')
      .then((m) => m.proveRecord(index, id))
      .then(
        (p) => live && setProof(p),
        (e: Error) => live && setProof({ ok: false, index, reason: e.message }),
      );
    return () => {
      live = false;
    };
  }, [index, id]);

  return (
    <span class="proof" data-testid="proof" data-proof={proof === null ? 'pending' : proof.ok ? 'ok' : 'fail'}>
      <LogLink index={index} />
      {proof === null && <span class="proof-wait">· checking inclusion proof…</span>}
      {proof?.ok && (
        <span class="proof-ok" title={`Signature of ${proof.by} verified, and the Merkle inclusion proof leads to the root of the signed checkpoint of size ${proof.size}. Checked in this browser.`}>
          · signature ✓ · inclusion proof ✓
        </span>
      )}
      {proof && !proof.ok && (
        <span class="proof-bad" role="alert">
          · proof failed: {proof.reason}
        </span>
      )}
    </span>
  );
}
