import type { LogInfo } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatNumber, formatTime } from './format.js';
import { t, tEnum, tRich } from '../i18n/index.js';


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
        {tRich('integrity.head', { b: (c) => <strong>{c}</strong>, code: (c) => <code dir="ltr">{c}</code> })}
      </p>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.code}:${a.message}`}>
            {tEnum('integrity', a.code)} <span class="small">{t('integrity.detail', { message: a.message, since: formatTime(a.firstAt), count: formatNumber(a.count) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
