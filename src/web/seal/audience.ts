// Who a sealed field is for, as the member chooses it in a form: the mediators; the mediators and one party; or a
// single member. Each recipient needs a registered encryption key (enckey.add); the ones missing are named.
import type { MemberInfo } from '../api/types.js';
import { t } from '../i18n/index.js';

export type Audience = { readonly kind: 'mediators' } | { readonly kind: 'mediators-and'; readonly side: string } | { readonly kind: 'member'; readonly id: string };

/** The recipients of an audience and their keys, or the members who have no encryption key yet. */
export function recipientsOf(audience: Audience, members: ReadonlyMap<string, MemberInfo>): { keys: Record<string, string> } | { missing: string[] } {
  const all = [...members.values()];
  const chosen =
    audience.kind === 'member'
      ? all.filter((m) => m.id === audience.id)
      : all.filter((m) => m.role === 'mediator' || (audience.kind === 'mediators-and' && m.role === 'party' && m.side === audience.side));
  const missing = chosen.filter((m) => !m.encryptionKey).map((m) => m.name);
  if (missing.length > 0 || chosen.length === 0) return { missing: missing.length ? missing : [t('field.seal.nobody')] };
  return { keys: Object.fromEntries(chosen.map((m) => [m.id, m.encryptionKey as string])) };
}

/** "the mediators", "the mediators and Pakistan", "Qatar": for labels. */
export function audienceLabel(audience: Audience, members: ReadonlyMap<string, MemberInfo>): string {
  if (audience.kind === 'mediators') return t('field.seal.audienceMediators');
  if (audience.kind === 'mediators-and') return t('field.seal.audienceMediatorsAnd', { name: [...members.values()].find((m) => m.side === audience.side)?.name ?? audience.side });
  return members.get(audience.id)?.name ?? audience.id;
}
