import type { ComponentChildren, ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorBox } from './states.js';
import { t } from '../i18n/index.js';

/**
 * A component loaded on first use, for screens only signed-in members reach (the report form, the mediators'
 * actions): their schemas and signing code stay out of the bundle every reader downloads.
 * @example const ReportFormPage = lazy(() => import('../report/report-form.js').then((m) => m.ReportFormPage), () => t('lazy.reportForm'));
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>, what: () => string, fallback: () => ComponentChildren = () => null): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<{ C: ComponentType<P> } | null>(() => (loaded ? { C: loaded } : null));
    const [error, setError] = useState<Error | null>(null);
    useEffect(() => {
      if (component) return undefined;
      let live = true;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
        (C) => live && setComponent({ C }),
        (e: Error) => {
          loading = null;
          if (live) setError(e);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (error) return <ErrorBox error={error} title={t('state.lazyFailed', { what: what() })} />;
    if (!component) return <>{fallback()}</>;
    const { C } = component;
    return <C {...props} />;
  };
}
