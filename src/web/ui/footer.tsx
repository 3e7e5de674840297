import { useApp } from '../api/context.js';
import { formatNumber } from './format.js';

export function Footer() {
  const { log } = useApp();
  return (
    <footer class="site-footer">
      <div class="site-footer-inner">
        <div>
          {log?.demo && <strong>Demo: an illustration built from public reporting. </strong>}
          {log ? (
            <>
              Log <code>{log.origin}</code> · {formatNumber(log.size)} statements · every record is a signed statement you can{' '}
              <a href="#/log">verify in this browser</a>.
            </>
          ) : (
            'Truce: a ceasefire monitoring and verification mechanism on a Merkle transparency log.'
          )}
        </div>
        <div class="row" style={{ gap: '16px' }}>
          <a href="/docs">API documentation</a>
          <a href="/openapi.json">OpenAPI</a>
          <a href="/checkpoint">Latest checkpoint</a>
        </div>
      </div>
    </footer>
  );
}
