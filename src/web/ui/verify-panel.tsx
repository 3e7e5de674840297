import { useState } from 'preact/hooks';
import type { StepId, StepState, Verdict } from '../verify/full-verify.js';
import { formatNumber } from './format.js';

const STEPS: readonly { id: StepId; title: string }[] = [
  { id: 'checkpoint', title: 'Checkpoint signed by the log' },
  { id: 'tiles', title: 'Tree rebuilt from every tile' },
  { id: 'statements', title: 'Every statement re-checked' },
  { id: 'witnesses', title: 'Witness cosignatures' },
];

const ICON: Readonly<Record<StepState['status'], string>> = { waiting: '○', running: '◌', ok: '✓', warn: '!', fail: '✗' };

/** Runs the whole audit here, in this browser, and says plainly what it found. */
export function VerifyPanel() {
  const [steps, setSteps] = useState<Readonly<Record<string, StepState>>>({});
  const [running, setRunning] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setVerdict(null);
    setFailure(null);
    setSteps({});
    try {
      const { verifyLog } = await import('../verify/full-verify.js');
      const v = await verifyLog((s) => setSteps((prev) => ({ ...prev, [s.id]: s })));
      setVerdict(v);
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section class="card verify" aria-labelledby="verify-title" data-testid="verify-panel">
      <div class="card-head">
        <h2 id="verify-title">Verify in this browser</h2>
      </div>
      <div class="card-body">
        <p class="small">
          Download the whole log as tiles and check it here, trusting nothing the server says: the checkpoint's signature, the Merkle root recomputed
          from every entry, each statement's signature and rights replayed from the first, and the witnesses' cosignatures.
        </p>
        <button type="button" class="btn btn-primary" onClick={run} disabled={running} data-testid="verify-run">
          {running ? 'Verifying…' : verdict || failure ? 'Verify again' : 'Verify the log'}
        </button>
        <ol class="list-plain verify-steps" aria-live="polite">
          {STEPS.map((s) => {
            const st = steps[s.id];
            const status = st?.status ?? 'waiting';
            return (
              <li key={s.id} class={`verify-step step-${status}`}>
                <span class="step-icon" aria-hidden="true">
                  {ICON[status]}
                </span>
                <div class="step-text">
                  <div class="step-title">
                    {s.title}
                    <span class="visually-hidden">: {status}</span>
                  </div>
                  {st?.detail && <div class="small step-detail">{st.detail}</div>}
                  {status === 'running' && st?.progress !== undefined && (
                    <progress max={1} value={st.progress} aria-label={`${s.title} progress`} />
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {verdict && (
          <div class="alert alert-ok verdict" role="status" data-testid="verify-verdict" data-verdict="ok">
            <p>
              <strong>Verified in this browser.</strong> The log <code>{verdict.origin}</code> of {formatNumber(verdict.statements)} statements is intact:
              its root matches the signed checkpoint, and every statement is validly signed and allowed, in order.
              {verdict.witnessedSize === verdict.size
                ? ` Witnessed by ${verdict.witnesses.join(', ')}.`
                : verdict.witnessedSize !== null
                  ? ` Its first ${formatNumber(verdict.witnessedSize)} statements are in a checkpoint the witnesses cosigned; the newest await them.`
                  : ' No recent checkpoint is cosigned by a quorum of witnesses yet.'}
            </p>
            <p class="small hash">
              Root {verdict.root} · {verdict.seconds.toFixed(1)} s
            </p>
          </div>
        )}
        {failure && (
          <div class="alert alert-error verdict" role="alert" data-testid="verify-verdict" data-verdict="fail">
            <p>
              <strong>Verification failed.</strong> {failure}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
