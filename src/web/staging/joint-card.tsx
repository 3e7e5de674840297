import type { IncidentView } from '../api/types.js';
import { useApp } from '../api/context.js';
import { Refusal, useSigning } from '../forms/form-bits.js';
import { useSigner } from '../session/rights.js';
import { t } from '../i18n/index.js';

/**
 * A joint team's report: who signed it (the filer and each co-signature, every one a statement of the log), who of
 * the team has not yet, and for a member of the team the co-signature over the current version; for denied access,
 * the team, who denied it and the patrol plan it followed.
 */
export function JointCard({ view, reload }: { view: IncidentView; reload(): void }) {
  const { members } = useApp();
  const signer = useSigner();
  const signing = useSigning();
  if (!view.team && view.cosigned.length === 0 && !view.denial) return null;
  const name = (id: string) => members.get(id)?.name ?? id;
  const signed = [view.filedBy.id, ...view.cosigned.map((c) => c.member)];
  const waiting = (view.team ?? []).filter((m) => !signed.includes(m));
  const version = view.history.at(-1)?.ref.id ?? view.id;
  const mayCosign = !!signer && signer.can('report.cosign') && waiting.includes(signer.me.id);
  const cosign = async () => {
    if (await signing.sign(signer!.session, 'report.cosign', { report: view.id, version })) reload();
  };
  const d = view.denial;
  return (
    <section class="card" aria-labelledby="joint-title" data-testid="joint">
      <div class="card-head">
        <h2 id="joint-title">{d ? t('denial.title') : t('joint.title')}</h2>
      </div>
      <div class="card-body stack">
        {d && (
          <>
            <p data-testid="denial">{d.deniedBy.side ? t('denial.bySide', { name: d.deniedBy.name, side: d.deniedBy.side }) : t('denial.by', { name: d.deniedBy.name })}</p>
            <p class="small">{t('denial.team', { names: d.team.map((m) => m.name).join(t('list.separator')) })}</p>
            {d.patrol && <p class="small muted">{t('denial.patrol', { id: d.patrol.slice(0, 12) })}</p>}
          </>
        )}
        <p data-testid="joint-signers">{t('joint.signedBy', { count: signed.length, names: signed.map(name).join(t('list.separator')) })}</p>
        {waiting.length > 0 && <p class="small muted">{t('joint.waiting', { names: waiting.map(name).join(t('list.separator')) })}</p>}
        <Refusal error={signing.error} />
        {mayCosign && (
          <div class="row">
            <button type="button" class="btn btn-small" onClick={() => void cosign()} disabled={signing.busy} data-testid="cosign">
              {t('joint.cosign')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
