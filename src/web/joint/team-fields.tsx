// The team of a joint patrol, chosen among the admitted members (observers are not sent out): shared by the patrol
// plan and the denial-of-access forms. Its id "rf-team" is where the error summary moves focus.
import type { MemberInfo } from '../api/types.js';
import { FieldError } from '../forms/form-bits.js';
import type { FieldErrors } from '../forms/issues.js';
import { roleLabel } from '../ui/members.js';
import { t } from '../i18n/index.js';

export function TeamFields({ team, set, members, errors }: { team: readonly string[]; set(team: string[]): void; members: ReadonlyMap<string, MemberInfo>; errors: FieldErrors }) {
  const candidates = [...members.values()].filter((m) => m.role !== 'observer' && m.role !== 'operator');
  return (
    <fieldset class="checks" id="rf-team" tabIndex={-1} data-testid="team">
      <legend>{t('jf.team')}</legend>
      {candidates.map((m) => (
        <label key={m.id} class="check">
          <input type="checkbox" data-member={m.id} checked={team.includes(m.id)} onChange={() => set(team.includes(m.id) ? team.filter((x) => x !== m.id) : [...team, m.id])} /> {m.name}{' '}
          <span class="muted small">{roleLabel(m.role)}</span>
        </label>
      ))}
      <p class="hint">{t('jf.teamHint')}</p>
      <FieldError errors={errors} path="team" id="rf-team" />
    </fieldset>
  );
}

/** Labels of the joint forms' own paths for the error summary; the report's paths keep the report form's labels. */
export const JOINT_LABELS: Readonly<Record<string, () => string>> = {
  team: () => t('jf.team'),
  name: () => t('jf.name'),
  area: () => t('jf.area'),
  from: () => t('jf.from'),
  until: () => t('jf.until'),
  route: () => t('jf.route'),
  'denied_by.name': () => t('jf.deniedBy'),
  patrol: () => t('jf.patrol'),
};
