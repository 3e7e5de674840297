import type { MechanismRules } from '../../domain/records/agreement-rules.js';
import { useApp } from '../api/context.js';
import { t } from '../i18n/index.js';

/** What the terms in force say about publication and late statements (docs/FIELD.md): who waits for review, the parties' delay, the late limit. */
export function PublicationRules({ rules }: { rules: MechanismRules }) {
  const { members } = useApp();
  const { review, partiesAfterHours } = rules.publication;
  const names = review === 'monitors' ? [] : review.map((id) => members.get(id)?.name ?? id);
  return (
    <section class="card" aria-labelledby="publication-rules-title" data-testid="publication-rules">
      <div class="card-head">
        <h2 id="publication-rules-title">{t('staging.rulesTitle')}</h2>
      </div>
      <ul class="card-body stack small">
        <li>{review === 'monitors' ? t('staging.rulesReviewAll') : names.length ? t('staging.rulesReviewSome', { names: names.join(t('list.separator')) }) : t('staging.rulesReviewNone')}</li>
        <li>{partiesAfterHours === 0 ? t('staging.rulesPartiesNow') : t('staging.rulesPartiesAfter', { hours: t('format.hours', { n: partiesAfterHours }) })}</li>
        <li>{t('staging.rulesLate', { hours: t('format.hours', { n: rules.lateLimitHours }) })}</li>
      </ul>
    </section>
  );
}
