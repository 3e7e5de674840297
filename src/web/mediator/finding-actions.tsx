// A mediator's actions on one finding: concur or dissent while it is pending (finding.sign over its hash), and, once a
// violation finding is final, apply the penalty its severity carries in the schedule (penalty.apply).
import { useEffect, useState } from 'preact/hooks';
import { findingSignBody } from '../../domain/records/findings.js';
import { penaltyApplyBody } from '../../domain/records/penalties.js';
import type { AgreementView, FindingView, IncidentView } from '../api/types.js';
import { FieldError, invalid, Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { useSigner, type Signer } from '../session/rights.js';
import { humanize } from '../ui/format.js';
import { Member } from '../ui/members.js';
import { findingHashFromLog } from './finding-hash.js';
import { t, tEnum, tRich } from '../i18n/index.js';

interface Props {
  readonly f: FindingView;
  readonly view: IncidentView;
  readonly agreement: AgreementView | undefined;
  onDone(): void;
}

export function FindingActions({ f, view, onDone }: Props) {
  const signer = useSigner();
  if (!signer) return null;
  if (f.state === 'pending' && signer.can('finding.sign') && !f.signatures.some((s) => s.member === signer.me.id)) {
    return <SignFinding f={f} signer={signer} onDone={onDone} />;
  }
  if (f.state === 'final' && f.determination === 'violation' && signer.can('penalty.apply') && !view.penalties.some((p) => p.finding === f.id)) {
    return <ApplyPenalty f={f} signer={signer} onDone={onDone} />;
  }
  return null;
}

function SignFinding({ f, signer, onDone }: { f: FindingView; signer: Signer; onDone(): void }) {
  const [hash, setHash] = useState<string | null>(null);
  const [hashError, setHashError] = useState<Error | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const signing = useSigning();
  const noteId = `fs-note-${f.id.slice(0, 8)}`;
  // A concurrence that completes the quorum makes the finding final: a fact on the record, for good. So it takes a
  // second, deliberate step.
  const makesFinal = f.signatures.filter((s) => s.position === 'concur').length + 1 >= f.quorum;

  useEffect(() => {
    const ctl = new AbortController();
    setHash(null);
    setHashError(null);
    findingHashFromLog(f, ctl.signal).then(setHash, (e: Error) => !ctl.signal.aborted && setHashError(e));
    return () => ctl.abort();
  }, [f.id, f.ref.index]);

  const sign = async (position: 'concur' | 'dissent', confirmed = false) => {
    if (position === 'concur' && makesFinal && !confirmed) {
      setConfirming(true);
      return;
    }
    const body = { finding: f.id, hash: hash ?? '', position, ...(note.trim() ? { note: note.trim() } : {}) };
    const found = checkBody(findingSignBody, body);
    setErrors(found);
    if (hasErrors(found) || !hash) return;
    const ok = await signing.run(async () => {
      // Recomputed at the moment of signing, in case the page was left open.
      const fresh = await findingHashFromLog(f);
      const { submitStatement } = await import('../session/submit.js');
      return submitStatement(signer.session, 'finding.sign', { ...body, hash: fresh });
    });
    if (ok) onDone();
  };

  return (
    <div class="finding-actions" data-testid="finding-sign">
      <p class="small" style={{ margin: 0 }}>
        {tRich('findingAct.yourSignature', { b: (x) => <strong>{x}</strong>, index: f.ref.index })}
      </p>
      {hash && <p class="signed-hash" data-testid="finding-hash">{t('findingAct.hash', { hash })}</p>}
      {!hash && !hashError && <p class="small muted">{t('findingAct.hashing')}</p>}
      <Refusal error={hashError} what={t('findingAct.hashFailed')} />
      <div class="field">
        <label for={noteId}>{t('findingAct.signNote')}</label>
        <textarea id={noteId} rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} {...invalid(errors, 'note', noteId)} />
        <FieldError errors={errors} path="note" id={noteId} />
      </div>
      <Refusal error={signing.error} />
      {confirming && (
        <div class="confirm-final" role="alertdialog" aria-labelledby={`${noteId}-final`} data-testid="finding-final-confirm">
          <p id={`${noteId}-final`} class="small">
            {tRich('findingAct.completes', { b: (x) => <strong>{x}</strong>, quorum: f.quorum })}
          </p>
          <div class="row">
            <button type="button" class="btn btn-primary" disabled={signing.busy} onClick={() => sign('concur', true)} data-testid="finding-confirm-final">
              {signing.busy ? t('form.signing') : t('findingAct.signFinal')}
            </button>
            <button type="button" class="btn" disabled={signing.busy} onClick={() => setConfirming(false)}>
              {t('findingAct.goBack')}
            </button>
          </div>
        </div>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={signing.busy || !hash || confirming} onClick={() => sign('concur')} data-testid="finding-concur">
          {signing.busy ? t('form.signing') : t('findingAct.concur')}
        </button>
        <button type="button" class="btn" disabled={signing.busy || !hash} onClick={() => sign('dissent')} data-testid="finding-dissent">
          {t('findingAct.dissent')}
        </button>
      </div>
    </div>
  );
}

function ApplyPenalty({ f, signer, onDone }: { f: FindingView; signer: Signer; onDone(): void }) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const signing = useSigning();
  const noteId = `pa-note-${f.id.slice(0, 8)}`;
  // The schedule of the version the finding judged under (not necessarily the one in force now): the server compares
  // the penalty and consequence signed with exactly these terms.
  const terms = f.schedulePenalty;
  if (!terms || !f.severity) {
    return <p class="finding-actions small muted">{f.severity ? t('findingAct.noSchedule', { severity: tEnum('caseSeverity', f.severity) }) : t('findingAct.noScheduleAny')}</p>;
  }

  const apply = async () => {
    const body = { finding: f.id, severity: f.severity, penalty: terms.penalty, ...(terms.consequence ? { consequence: terms.consequence } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    const found = checkBody(penaltyApplyBody, body);
    setErrors(found);
    if (hasErrors(found)) return;
    const ok = await signing.run(async () => {
      const { submitStatement } = await import('../session/submit.js');
      return submitStatement(signer.session, 'penalty.apply', body);
    });
    if (ok) onDone();
  };

  return (
    <div class="finding-actions" data-testid="penalty-apply">
      <p class="small" style={{ margin: 0 }}>
        {tRich('findingAct.schedule', { b: (x) => <strong>{x}</strong>, severity: tEnum('caseSeverity', f.severity), party: () => (f.responsible ? <Member id={f.responsible} /> : t('findingAct.theParty')) })}
      </p>
      <blockquote class="schedule small">
        {terms.penalty}
        {terms.consequence && (
          <div class="muted">
            {humanize(terms.consequence.measure)}: {terms.consequence.amount} {terms.consequence.unit}
          </div>
        )}
      </blockquote>
      <div class="field">
        <label for={noteId}>{t('findingAct.note')}</label>
        <textarea id={noteId} rows={2} maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} {...invalid(errors, 'note', noteId)} />
        <FieldError errors={errors} path="note" id={noteId} />
      </div>
      <Refusal error={signing.error} />
      <div>
        <button type="button" class="btn btn-primary" disabled={signing.busy} onClick={apply} data-testid="penalty-submit">
          {signing.busy ? t('form.signing') : t('findingAct.apply')}
        </button>
      </div>
    </div>
  );
}
