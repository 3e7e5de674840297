// What the member signed in here may sign, by the same rights table the server enforces (domain/roles.ts). The UI
// uses it only to decide what to show: the server checks every statement again and its refusal is shown as worded.
import { may, type Role } from '../../domain/roles.js';
import type { StatementType } from '../../domain/statement.js';
import { useApp } from '../api/context.js';
import type { MemberInfo } from '../api/types.js';
import type { StoredKey } from './keystore.js';

export interface Signer {
  readonly session: StoredKey;
  readonly me: MemberInfo;
  /** Whether the member's role may sign statements of this type. */
  can(type: StatementType): boolean;
}

/** The signed-in member with its role, or null when no key is loaded (or the member is unknown to this log). */
export function useSigner(): Signer | null {
  const { session, members } = useApp();
  const me = session ? members.get(session.member) : undefined;
  if (!session || !me) return null;
  return { session, me, can: (type) => may(me.role as Role, type) };
}
