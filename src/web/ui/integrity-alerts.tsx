import type { IntegrityAlert, LogInfo } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatNumber, formatTime } from './format.js';

const WHAT: Readonly<Record<IntegrityAlert['code'], string>> = {
  checkpoint_conflict: 'The log found a different tree already signed at a size it was about to sign. It signs nothing over it.',
  log_write_failed: 'A write to the log failed; the server refuses new statements until it is restarted.',
};

/**
 * The server's integrity alerts (logged at fatal too), read fresh from /v1/log: anyone watching the log page sees
 * them, not only the operator who reads the logs.
 */
export function IntegrityAlerts() {
  const log = useApi<LogInfo>('/v1/log');
  const alerts = log.state === 'ok' ? (log.data.alerts ?? []) : [];
  if (alerts.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" data-testid="integrity-alerts">
      <p>
        <strong>The server reports a risk to the log's integrity.</strong> Check the log from your own copy (<code>truce verify</code>) and tell the
        secretariat.
      </p>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.code}:${a.message}`}>
            {WHAT[a.code] ?? a.code} <span class="small">({a.message}; since {formatTime(a.firstAt)}, {formatNumber(a.count)}×)</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
