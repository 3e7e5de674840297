import type { ComponentChildren } from 'preact';
import type { StatementType } from '../../domain/statement.js';
import { useApp } from '../api/context.js';
import { NeedsSigner } from './form-bits.js';
import { useSigner, type Signer } from '../session/rights.js';
import { roleLabel } from '../ui/members.js';
import { tRich, type MessageKey } from '../i18n/index.js';

interface Props {
  /** The statement type the form signs: a member whose role may not sign it is told so instead of shown the form. */
  readonly type: StatementType;
  readonly title: string;
  readonly intro: string;
  /** Above the heading (a breadcrumb). */
  readonly before?: ComponentChildren;
  readonly signInTitle: string;
  readonly signInText: string;
  /** Worded with the member's name, its role and <b>. */
  readonly mayNot: MessageKey;
  readonly form: (signer: Signer) => ComponentChildren;
}

/** A page whose form is signed in this browser: asks for a key first, and says when the member's role may not sign it. */
export function SignedFormPage({ type, title, intro, before, signInTitle, signInText, mayNot, form }: Props) {
  const signer = useSigner();
  const { session } = useApp();
  return (
    <div class="stack">
      <div>
        {before}
        <div class="page-head" style={{ marginBottom: 0 }}>
          <div>
            <h1>{title}</h1>
            <p>{intro}</p>
          </div>
        </div>
      </div>
      {!session || !signer ? (
        <NeedsSigner title={signInTitle}>
          <p>{signInText}</p>
        </NeedsSigner>
      ) : !signer.can(type) ? (
        <div class="alert alert-info" role="status">
          {tRich(mayNot, { name: signer.me.name, role: roleLabel(signer.me.role), b: (c) => <strong>{c}</strong> })}
        </div>
      ) : (
        form(signer)
      )}
    </div>
  );
}
