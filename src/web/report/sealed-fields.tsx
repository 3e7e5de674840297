import type { MemberInfo } from '../api/types.js';
import type { Audience } from '../seal/audience.js';
import { t } from '../i18n/index.js';

export interface SealedDraft {
  /** Details not for the public (a witness's name, a source): encrypted to the audience in this browser. */
  readonly text: string;
  /** Publish the position rounded to 0.1° and seal the exact one to the audience. */
  readonly sealPosition: boolean;
  readonly audience: Audience;
}

export const emptySealed: SealedDraft = { text: '', sealPosition: false, audience: { kind: 'mediators' } };

const encode = (a: Audience): string => (a.kind === 'mediators' ? 'mediators' : a.kind === 'mediators-and' ? `and:${a.side}` : `member:${a.id}`);
const decode = (v: string): Audience => (v.startsWith('and:') ? { kind: 'mediators-and', side: v.slice(4) } : v.startsWith('member:') ? { kind: 'member', id: v.slice(7) } : { kind: 'mediators' });

/** The form's "Protected details" section: what is sealed, and to whom. */
export function SealedFields({ value, set, members }: { value: SealedDraft; set(v: SealedDraft): void; members: ReadonlyMap<string, MemberInfo> }) {
  const parties = [...members.values()].filter((m) => m.role === 'party' && m.side);
  const others = [...members.values()].filter((m) => m.role !== 'observer');
  return (
    <div class="stack">
      <div class="field">
        <label for="rf-sealed-text">{t('field.seal.text')}</label>
        <textarea id="rf-sealed-text" rows={3} maxLength={4000} value={value.text} onInput={(e) => set({ ...value, text: e.currentTarget.value })} data-testid="sealed-text" />
        <p class="hint">{t('field.seal.textHint')}</p>
      </div>
      <label class="check">
        <input type="checkbox" checked={value.sealPosition} onChange={(e) => set({ ...value, sealPosition: e.currentTarget.checked })} data-testid="sealed-position" /> {t('field.seal.position')}
      </label>
      <div class="field">
        <label for="rf-sealed-to">{t('field.seal.readers')}</label>
        <select id="rf-sealed-to" value={encode(value.audience)} onChange={(e) => set({ ...value, audience: decode(e.currentTarget.value) })} data-testid="sealed-audience">
          <option value="mediators">{t('field.seal.toMediators')}</option>
          {parties.map((p) => (
            <option key={p.id} value={`and:${p.side}`}>
              {t('field.seal.toMediatorsAnd', { name: p.name })}
            </option>
          ))}
          {others.map((m) => (
            <option key={m.id} value={`member:${m.id}`}>
              {t('field.seal.toOnly', { name: m.name })}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
