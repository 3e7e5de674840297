import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { StepDetail, StepId, StepState, Verdict } from '../verify/full-verify.js';
import { t, tEnum, tRich } from '../i18n/index.js';

const STEPS: readonly StepId[] = ['checkpoint', 'tiles', 'statements', 'witnesses'];

const ICON: Readonly<Record<StepState['status'], string>> = { waiting: '○', running: '◌', ok: '✓', warn: '!', fail: '✗' };

/** A step's finding in the reader's language: lists joined as the language joins them, technical text as code. */
function worded(detail: StepDetail): ComponentChildren {
  const values: Record<string, string | number | boolean | ((chunks: ComponentChildren[]) => ComponentChildren)> = {
    code: (chunks) => <code dir="ltr">{chunks}</code>,
  };
  for (const [name, value] of Object.entries(detail.values ?? {})) {
    values[name] = Array.isArray(value) ? value.join(t('list.separator')) : typeof value === 'object' ? plain(value as StepDetail) : (value as string | number | boolean);
  }
  return tRich(detail.key, values);
}

const plain = (detail: StepDetail): string => t(detail.key, detail.values as Record<string, string | number | boolean>);

/** Runs the whole audit here, in this browser, and says plainly what it found. */
export function VerifyPanel() {
  const [steps, setSteps] = useState<Readonly<Record<string, StepState>>>({});
  const [running, setRunning] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<StepDetail | null>(null);

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
      // A check that failed says what it found; anything else (the network, a tile the server would not give) is
      // shown as it came, inside a sentence in the reader's language.
      const found = (e as { detail?: unknown }).detail;
      setFailure(typeof found === 'object' && found !== null && 'key' in found ? (found as StepDetail) : { key: 'verifyDetail.stopped', values: { detail: (e as Error).message } });
    } finally {
      setRunning(false);
    }
  };

  return (
    <section class="card verify" aria-labelledby="verify-title" data-testid="verify-panel">
      <div class="card-head">
        <h2 id="verify-title">{t('verify.title')}</h2>
      </div>
      <div class="card-body">
        <p class="small">
          {t('verify.intro')}
        </p>
        <button type="button" class="btn btn-primary" onClick={run} disabled={running} data-testid="verify-run">
          {running ? t('verify.running') : verdict || failure ? t('verify.again') : t('verify.run')}
        </button>
        <ol class="list-plain verify-steps" aria-live="polite">
          {STEPS.map((id) => {
            const s = { id, title: tEnum('verifyStep', id) };
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
                    <span class="visually-hidden">: {tEnum('verifyState', status)}</span>
                  </div>
                  {st?.detail && <div class="small step-detail">{worded(st.detail)}</div>}
                  {status === 'running' && st?.progress !== undefined && (
                    <progress max={1} value={st.progress} aria-label={t('verify.progress', { step: s.title })} />
                  )}
                </div>
              </li>
            );
          })}
        </ol>
        {verdict && (
          <div class="alert alert-ok verdict" role="status" data-testid="verify-verdict" data-verdict="ok">
            <p>
              {tRich('verify.ok', { origin: verdict.origin, count: verdict.statements, b: (c) => <strong>{c}</strong>, code: (c) => <code dir="ltr">{c}</code> })}{' '}
              {verdict.witnessedSize === verdict.size
                ? t('verify.witnessedBy', { witnesses: verdict.witnesses.join(t('list.separator')) })
                : verdict.witnessedSize !== null
                  ? t('verify.witnessedFirst', { count: verdict.witnessedSize })
                  : t('verify.notWitnessed')}
            </p>
            <p class="small hash">
              {t('verify.root', { root: verdict.root, seconds: verdict.seconds })}
            </p>
          </div>
        )}
        {failure && (
          <div class="alert alert-error verdict" role="alert" data-testid="verify-verdict" data-verdict="fail">
            <p>
              <strong>{t('verify.failed')}</strong> {worded(failure)}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
