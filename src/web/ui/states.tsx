import type { ComponentChildren } from 'preact';
import type { Loadable } from '../api/use-api.js';
import { t } from '../i18n/index.js';
import { errorText } from '../api/error-text.js';

/** A quiet placeholder while a document loads (screen readers hear "Loading …"). */
export function Loading({ what }: { what?: string }) {
  return (
    <div class="state" role="status" aria-live="polite">
      <span class="visually-hidden">{what ? t('state.loadingWhat', { what }) : t('state.loading')}</span>
      <span class="skeleton" aria-hidden="true" />
      <span class="skeleton" aria-hidden="true" />
      <span class="skeleton" aria-hidden="true" />
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state">
      <div class="state-title">{title}</div>
      {children && <div class="small">{children}</div>}
    </div>
  );
}

/** An error in the reader's language (errorText: the server's `detail` in English, else its code's sentence), with a retry where one makes sense. */
export function ErrorBox({ error, retry, title }: { error: Error; retry?: () => void; title?: string }) {
  return (
    <div class="alert alert-error" role="alert">
      <p>
        <strong>{title ?? t('state.loadFailed')}</strong> {errorText(error)}
      </p>
      {retry && (
        <p>
          <button type="button" class="btn btn-small" onClick={retry}>
            {t('state.retry')}
          </button>
        </p>
      )}
    </div>
  );
}

/** Render a loadable: loading skeleton, error box, or the children with the data. */
export function Show<T>({ value, what, children }: { value: Loadable<T> & { reload?: () => void }; what?: string; children: (data: T) => ComponentChildren }) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorBox error={value.error} retry={value.reload} />;
  return <>{children(value.data)}</>;
}
