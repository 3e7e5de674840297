// Case statuses in plain words, with one colour each (the map uses the same colours). Until a final finding, a status
// says where the case stands, never what happened.

export interface StatusInfo {
  readonly label: string;
  readonly colour: string;
  /** A sentence for the legend and tooltips. */
  readonly help: string;
}

export const STATUS: Readonly<Record<string, StatusInfo>> = {
  reported: { label: 'Alleged', colour: '#66727f', help: 'Reported by a member; no reply and no investigation yet.' },
  replied: { label: 'Alleged, replied', colour: '#7d6a52', help: 'The accused party has replied; its reply sits beside the report.' },
  under_investigation: { label: 'Under investigation', colour: '#b7791f', help: 'The mediators opened an investigation.' },
  violation: { label: 'Violation found', colour: '#9b2c2c', help: "A final finding of the mediators' quorum: a violation." },
  no_violation: { label: 'No violation found', colour: '#2f6f4f', help: "A final finding of the mediators' quorum: no violation." },
  inconclusive: { label: 'Inconclusive', colour: '#8c96a1', help: 'A final finding: the evidence did not allow a determination.' },
  unattributable: { label: 'Not attributable', colour: '#56606b', help: 'A final finding: the incident could not be attributed to a party.' },
};

export const STATUS_ORDER = ['reported', 'replied', 'under_investigation', 'violation', 'no_violation', 'inconclusive', 'unattributable'] as const;

export function statusInfo(status: string): StatusInfo {
  return STATUS[status] ?? { label: status.replace(/_/g, ' '), colour: '#66727f', help: '' };
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
    <ul class="legend list-plain" aria-label="Legend: case status">
      {statuses.map((s) => (
        <li key={s}>
          <StatusBadge status={s} />
        </li>
      ))}
    </ul>
  );
}
