import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import { ApiError } from '../api/http.js';
import type { z } from 'zod';
import { checkBody, errorAt, hasErrors, type FieldErrors } from './issues.js';
import type { StoredKey } from '../session/keystore.js';
import type { StatementType } from '../../domain/statement.js';
import { currentLocale, t, tRich } from '../i18n/index.js';
import { errorText } from '../api/error-text.js';

/** The id of a field's error message, for aria-describedby. */
export const errorId = (id: string): string => `${id}-error`;

/** A field's problem, under the field, linked to it by id. */
export function FieldError({ errors, path, id }: { errors: FieldErrors; path: string; id: string }) {
  const message = errorAt(errors, path);
  if (!message) return null;
  return (
    <p class="field-error" id={errorId(id)} data-testid="field-error" data-path={path}>
      {message}
    </p>
  );
}

/** aria attributes of an input whose path has a problem. */
export function invalid(errors: FieldErrors, path: string, id: string) {
  return errorAt(errors, path) ? { 'aria-invalid': true as const, 'aria-describedby': errorId(id) } : {};
}

/**
 * The list of problems at the top of a form, each a link that moves focus to its field. `fieldId` maps a path to the
 * id of its input; `label` names the field in words.
 */
export function ErrorSummary({ errors, label, fieldId }: { errors: FieldErrors; label(path: string): string; fieldId(path: string): string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" data-testid="form-errors">
      <p>
        {tRich('form.errors', { count: entries.length, b: (c) => <strong>{c}</strong> })}
      </p>
      <ul class="error-list">
        {entries.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${fieldId(path)}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(fieldId(path))?.focus();
              }}
            >
              {label(path)}
            </a>
            : {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The server's refusal in the reader's language (errorText: English readers keep the server's problem+json `detail`,
 * others the sentence of its code); the status line names the server's English title only to English readers.
 */
export function Refusal({ error, what }: { error: Error | null; what?: string }) {
  if (!error) return null;
  const status = error instanceof ApiError && error.status > 0 ? (currentLocale() === 'en' ? `${error.status} ${error.title}` : String(error.status)) : null;
  return (
    <div class="alert alert-error" role="alert" data-testid="refusal">
      <strong>{what ?? t('form.notAppended')}</strong> {errorText(error)}
      {status && <span class="muted small"> {t('form.serverAnswered', { status })}</span>}
    </div>
  );
}

/** Run one signing action at a time, keeping its refusal to show. */
export function useSigning() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  /** Sign a statement with the member's key in this browser and append it; undefined (and `error` set) on refusal. */
  const sign = (session: StoredKey, type: StatementType, body: Record<string, unknown>) =>
    run(async () => (await import('../session/submit.js')).submitStatement(session, type, body));
  /** Sign only if the body fits its domain schema (the form shows the problems); undefined otherwise. */
  const signChecked = (session: StoredKey, type: StatementType, schema: z.ZodType, body: Record<string, unknown>) =>
    hasErrors(checkBody(schema, body)) ? Promise.resolve(undefined) : sign(session, type, body);
  return { busy, error, setError, run, sign, signChecked };
}

/** The inline prompt of an action that needs the member's key: load it, or cancel. */
export function SignInRow({ what, onCancel }: { what: string; onCancel(): void }) {
  const { openKeyDialog } = useApp();
  return (
    <div class="row">
      <span>{t('form.signsWithKey', { what })}</span>
      <button type="button" class="btn btn-primary" onClick={openKeyDialog}>
        {t('form.loadKey')}
      </button>
      <button type="button" class="btn" onClick={onCancel}>
        {t('form.cancel')}
      </button>
    </div>
  );
}

/** For a page that needs a member's key: the sign-in prompt, or why this member's role may not do it. */
export function NeedsSigner({ title, children }: { title: string; children: ComponentChildren }) {
  const { openKeyDialog } = useApp();
  return (
    <div class="card">
      <div class="card-body stack" style={{ alignItems: 'flex-start' }}>
        <h2>{title}</h2>
        {children}
        <button type="button" class="btn btn-primary" onClick={openKeyDialog}>
          {t('session.signIn')}
        </button>
      </div>
    </div>
  );
}

/** The end of a signing form: the server's refusal if any, then "sign" and "cancel". */
export function SignActions({ signing, label, testId, onCancel }: { signing: { busy: boolean; error: Error | null }; label: string; testId: string; onCancel(): void }) {
  return (
    <>
      <Refusal error={signing.error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid={testId}>
          {signing.busy ? t('form.signing') : label}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={signing.busy}>
          {t('form.cancel')}
        </button>
      </div>
    </>
  );
}
