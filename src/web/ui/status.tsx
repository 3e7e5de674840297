import { t, tEnum } from '../i18n/index.js';

// Case statuses in plain words, with one colour each (the map uses the same colours). Until a final finding, a status
// says where the case stands, never what happened.

export interface StatusInfo {
  readonly label: string;
  readonly colour: string;
  /** A sentence for the legend and tooltips. */
  readonly help: string;
}

const COLOUR: Readonly<Record<string, string>> = {
  reported: '#66727f',
  replied: '#7d6a52',
  under_investigation: '#b7791f',
  violation: '#9b2c2c',
  no_violation: '#2f6f4f',
  inconclusive: '#8c96a1',
  unattributable: '#56606b',
};

export const STATUS_ORDER = ['reported', 'replied', 'under_investigation', 'violation', 'no_violation', 'inconclusive', 'unattributable'] as const;

export function statusInfo(status: string): StatusInfo {
  const colour = COLOUR[status];
  if (!colour) return { label: status.replace(/_/g, ' '), colour: '#66727f', help: '' };
  return { label: tEnum('status', status), colour, help: tEnum('statusHelp', status) };
}

export function StatusBadge({ status }: { status: string }) {
  const s = statusInfo(status);
  return (
    <span class="status" style={{ '--status-colour': s.colour }} title={s.help} data-status={status}>
      {s.label}
    </span>
  );
}

export function StatusLegend({ statuses = STATUS_ORDER }: { statuses?: readonly string[] }) {
  return (
    <ul class="legend list-plain" aria-label={t('status.legend')}>
      {statuses.map((s) => (
        <li key={s}>
          <StatusBadge status={s} />
        </li>
      ))}
    </ul>
  );
}
