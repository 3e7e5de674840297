import { useApp } from '../api/context.js';
import type { MemberInfo } from '../api/types.js';
import { t, tEnum } from '../i18n/index.js';

// Sides are drawn in two colours that belong to neither flag, assigned by admission order (the first party admitted
// gets the first colour), so no side is singled out by the palette.
const PARTY_COLOURS = ['var(--party-a)', 'var(--party-b)', '#7a6a2f', '#2f6a7a'];

export function partyColour(members: ReadonlyMap<string, MemberInfo>, sideOrId: string): string {
  let i = 0;
  for (const m of members.values()) {
    if (m.role !== 'party') continue;
    if (m.side === sideOrId || m.id === sideOrId) return PARTY_COLOURS[i % PARTY_COLOURS.length]!;
    i++;
  }
  const m = members.get(sideOrId);
  if (m?.role === 'mediator') return 'var(--mediator)';
  return 'var(--other)';
}

/** The member who speaks for a side (a party), or the member with that id. */
export function memberForSide(members: ReadonlyMap<string, MemberInfo>, sideOrId: string): MemberInfo | undefined {
  for (const m of members.values()) if (m.role === 'party' && m.side === sideOrId) return m;
  return members.get(sideOrId);
}

export function nameOf(members: ReadonlyMap<string, MemberInfo>, sideOrId: string): string {
  return memberForSide(members, sideOrId)?.name ?? sideOrId;
}

/** "mediator", "secretariat" (the operator)... in the reader's language. */
export const roleLabel = (role: string): string => tEnum('role', role);

/** "Afghan Taliban authorities, de facto government in Kabul" → "Afghan Taliban authorities" for compact places. */
export function shortName(name: string): string {
  const s = name.split(/\s*[,(]/)[0]?.trim();
  return s && s.length >= 3 ? s : name;
}

/** A member or side, by name, with its colour mark; `role` adds "mediator" etc.; `full` shows the whole name. */
export function Member({ id, role = false, full = false }: { id: string; role?: boolean; full?: boolean }) {
  const { members } = useApp();
  const m = memberForSide(members, id);
  return (
    <span class="party" dir="auto" style={{ '--party-colour': partyColour(members, id) }} title={m ? `${m.name} (${m.id})` : id}>
      {m ? (full ? m.name : shortName(m.name)) : id}
      {role && m && <span class="muted small" style={{ fontWeight: 400 }}>{roleLabel(m.role)}</span>}
    </span>
  );
}

/** "Government of Pakistan and the Afghan authorities" from a list of ids or sides. */
export function MemberList({ ids, empty }: { ids: readonly string[]; empty?: string }) {
  if (ids.length === 0) return <span class="muted">{empty ?? t('common.none')}</span>;
  return (
    <span class="row" style={{ gap: '4px 12px', display: 'inline-flex' }}>
      {ids.map((id) => (
        <Member key={id} id={id} />
      ))}
    </span>
  );
}
