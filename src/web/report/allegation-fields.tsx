// The "Allegation" group of the report form (who is accused, which clauses), shared by every form that files a report
// of a kind (report.file, access.denied). The clauses offered are those of the agreement in force.
import type { AgreementView, MemberInfo } from '../api/types.js';
import type { Loadable } from '../api/use-api.js';
import { Refusal } from '../forms/form-bits.js';
import { t } from '../i18n/index.js';

const toggle = (list: readonly string[], v: string): string[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

export function AllegationFields({ accused, clauses, set, parties, agreement }: {
  accused: readonly string[];
  clauses: readonly string[];
  set(patch: { accused?: string[]; clauses?: string[] }): void;
  parties: readonly (MemberInfo & { side: string })[];
  agreement: Loadable<AgreementView>;
}) {
  const inForce = agreement.state === 'ok' ? agreement.data.versions.find((v) => v.state === 'in_force') : undefined;
  return (
    <div class="form-grid form-grid-2">
      <fieldset class="checks" id="rf-accused" tabIndex={-1}>
        <legend>{t('rfField.accused')}</legend>
        {parties.map((m) => (
          <label key={m.id} class="check">
            <input type="checkbox" checked={accused.includes(m.side)} onChange={() => set({ accused: toggle(accused, m.side) })} /> {m.name}
          </label>
        ))}
        <p class="hint">{t('rf.accusedHint')}</p>
      </fieldset>
      <fieldset class="checks" id="rf-clauses" tabIndex={-1}>
        <legend>{t('rf.clauses')}{inForce && <span class="muted"> {t('rf.inForce', { agreement: inForce.agreement, version: inForce.version })}</span>}</legend>
        {agreement.state === 'loading' && <p class="hint">{t('state.loadingWhat', { what: t('overview.loadingStatus') })}</p>}
        {agreement.state === 'error' && <Refusal error={agreement.error} what={t('incident.agreementFailed')} />}
        {agreement.state === 'ok' && !inForce && <p class="hint">{t('rf.noAgreement')}</p>}
        {inForce?.clauses.map((c) => (
          <label key={c.id} class="check" title={c.text}>
            <input type="checkbox" checked={clauses.includes(c.id)} onChange={() => set({ clauses: toggle(clauses, c.id) })} /> <strong>{c.id}</strong>{' '}
            <span class="clamp-1">{c.text}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
