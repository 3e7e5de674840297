// What awaits the mediators' quorum: a proposed change of the ceasefire's status, a term a mediator recorded. Until
// enough mediators concur (record.concur), neither changes anything the mechanism states. A mediator under the rules
// the proposal was made under concurs here over the SHA-256 of the body as signed, recomputed in this browser from
// what it shows, so it signs what it reads; a mismatch with the server's hash is shown and nothing is signed.
import type { AgreementView } from '../api/types.js';
import { contentHash } from '../../domain/records/fields.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import type { Signer } from '../session/rights.js';
import { readerError } from '../api/error-text.js';
import { formatTime } from '../ui/format.js';
import { Member, MemberList } from '../ui/members.js';
import { ProofBadge } from '../ui/proof-badge.js';
import { t, tEnum, tRich } from '../i18n/index.js';

interface Proposal {
  readonly id: string;
  readonly hash: string;
  readonly body: unknown;
  readonly ref: AgreementView['pending'][number]['ref'];
  readonly rules: AgreementView['pending'][number]['rules'];
  readonly signatures: AgreementView['pending'][number]['signatures'];
}

/** The pending status changes and term records, each with its concurrences so far and, for a mediator, a concur button. */
export function PendingDecisions({ view, signer, onDone }: { view: AgreementView; signer: Signer | null; onDone(): void }) {
  if (view.pending.length === 0 && view.pendingTerms.length === 0) return null;
  return (
    <section class="card" aria-labelledby="pending-title" data-testid="pending-decisions">
      <div class="card-head">
        <h2 id="pending-title">{t('pending.title')}</h2>
        <span class="small muted">{t('pending.sub')}</span>
      </div>
      <ul class="list-plain divided">
        {view.pending.map((p) => (
          <li key={p.id} data-testid="pending-status">
            <p>
              <strong>{t('pending.status', { status: tEnum('statusChange', p.status), time: formatTime(p.effective) })}</strong>
            </p>
            <p class="small prose" dir="auto">
              {p.reason}
            </p>
            <Concurrence proposal={p} signer={signer} onDone={onDone} />
          </li>
        ))}
        {view.pendingTerms.map((r) => (
          <li key={r.id} data-testid="pending-term">
            <p>
              <strong>{t('pending.term', { id: r.content.term.id, basis: tEnum('termBasis', r.content.basis.kind) })}</strong>{' '}
              <span dir="auto">{r.content.term.text}</span>
            </p>
            <p class="small">
              {tRich('pending.binds', { sides: () => <MemberList ids={r.content.basis.sides} /> })}
            </p>
            <Concurrence proposal={{ ...r, body: r.content }} signer={signer} onDone={onDone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Concurrence({ proposal, signer, onDone }: { proposal: Proposal; signer: Signer | null; onDone(): void }) {
  const signing = useSigning();
  const signed = proposal.signatures.map((s) => s.member);
  const mayConcur = !!signer && proposal.rules.mediators.includes(signer.me.id) && !signed.includes(signer.me.id);
  const read = contentHash(proposal.body);
  const concur = async () => {
    if (!signer || read !== proposal.hash) return;
    if (await signing.sign(signer.session, 'record.concur', { record: proposal.id, hash: read })) onDone();
  };
  return (
    <>
      <div class="small muted">
        {tRich('pending.proposedBy', { by: () => <Member id={proposal.ref.by} />, time: formatTime(proposal.ref.at) })} ·{' '}
        {t('pending.count', { count: signed.length, quorum: proposal.rules.quorum })}
        {signed.length > 0 && (
          <>
            {' '}
            (<MemberList ids={signed} />)
          </>
        )}
      </div>
      <ProofBadge index={proposal.ref.index} id={proposal.ref.id} />
      {mayConcur && (
        <div class="row">
          {read !== proposal.hash ? (
            <div class="alert alert-error small" role="alert">
              {t('pending.mismatch', { hash: proposal.hash })}
            </div>
          ) : (
            <button type="button" class="btn btn-small btn-primary" disabled={signing.busy} onClick={() => void concur()} data-testid="concur">
              {signing.busy ? t('form.signing') : t('pending.concur')}
            </button>
          )}
          <span class="small muted hash">{read}</span>
        </div>
      )}
      <Refusal error={readerError(signing.error)} />
    </>
  );
}
