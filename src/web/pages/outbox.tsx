import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { OutboxItem } from '../outbox/outbox-db.js';
import { formatTime } from '../ui/format.js';
import { href } from '../router.js';

const STATE_LABEL: Readonly<Record<OutboxItem['state'], string>> = {
  signed: 'Signed, waiting to be sent',
  sent: 'Sent: in the log',
  refused: 'Refused by the server',
};

/** #/outbox: what this browser signed, and where each statement stands (drafts live in their forms). */
export function OutboxPage() {
  const { log } = useApp();
  const [items, setItems] = useState<OutboxItem[] | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    if (!log) return;
    let live = true;
    const load = () => import('../outbox/outbox-db.js').then((db) => db.listItems(log.origin)).then((i) => live && setItems(i));
    void load();
    let off = () => {};
    void import('../outbox/outbox.js').then((o) => (off = o.onOutboxChange(() => void load())));
    const net = () => setOnline(navigator.onLine);
    addEventListener('online', net);
    addEventListener('offline', net);
    return () => {
      live = false;
      off();
      removeEventListener('online', net);
      removeEventListener('offline', net);
    };
  }, [log?.origin]);
  const sendNow = () => log && void import('../outbox/outbox.js').then((o) => o.flushOutbox(log.origin));
  return (
    <div class="stack" data-testid="outbox">
      <div class="page-head">
        <div>
          <h1>Outbox</h1>
          <p>
            Statements signed in this browser. They are kept here, on this device, until the log has them, and sent as soon as there is a network. The log
            records when each arrived, beside when you signed it.
          </p>
        </div>
      </div>
      <p class="row" role="status" data-testid="network-state">
        <span class={`badge ${online ? '' : 'badge-warn'}`}>{online ? 'Online' : 'Offline: statements wait here'}</span>
        <button type="button" class="btn btn-small" onClick={sendNow} disabled={!online}>
          Send now
        </button>
      </p>
      {items?.length === 0 && <p class="muted">Nothing signed in this browser yet.</p>}
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
        {items?.map((i) => (
          <li key={i.id} class="card" data-testid="outbox-item" data-state={i.state}>
            <div class="card-body stack">
              <div class="row" style={{ justifyContent: 'space-between' }}>
                <strong>{i.type}</strong>
                <span class={`badge ${i.state === 'refused' ? 'badge-bad' : i.state === 'signed' ? 'badge-warn' : ''}`}>{STATE_LABEL[i.state]}</span>
              </div>
              <span class="small muted">
                signed {formatTime(i.signedAt)}
                {i.sentAt && ` · sent ${formatTime(i.sentAt)}`}
                {i.index !== undefined && ` · log #${i.index}`}
              </span>
              {i.state === 'refused' && (
                <p class="field-error" role="alert">
                  {i.reason}
                </p>
              )}
              {i.state === 'sent' && i.type === 'report.file' && <a href={href(['incidents', i.id])}>Open the report</a>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
