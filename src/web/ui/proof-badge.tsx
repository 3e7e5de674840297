import { useEffect, useState } from 'preact/hooks';
import type { RecordProof } from '../verify/record-proof.js';
import { LogLink } from './log-link.js';
import { t } from '../i18n/index.js';

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
      {proof === null && <span class="proof-wait">{t('proof.checking')}</span>}
      {proof?.ok && (
        <span class="proof-ok" title={t('proof.okHelp', { by: proof.by, size: proof.size })}>
          {t('proof.ok')}
        </span>
      )}
      {proof && !proof.ok && (
        <span class="proof-bad" role="alert">
          {t('proof.failed', { reason: proof.reason })}
        </span>
      )}
    </span>
  );
}
