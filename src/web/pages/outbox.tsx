import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { OutboxItem } from '../outbox/outbox-db.js';
import { formatTime } from '../ui/format.js';
import { href } from '../router.js';
import { type MessageKey, t } from '../i18n/index.js';
import { refusalText } from '../outbox/refusal-text.js';

const STATE_LABEL: Readonly<Record<OutboxItem['state'], MessageKey>> = {
  signed: 'field.outbox.state.signed',
  sent: 'field.outbox.state.sent',
  refused: 'field.outbox.state.refused',
};

/** "signed … · sent … · log #n": when this browser signed it, and when and where the log took it. */
const times = (i: OutboxItem): string =>
  [t('field.outbox.signedAt', { time: formatTime(i.signedAt) }), i.sentAt && t('field.outbox.sentAt', { time: formatTime(i.sentAt) }), i.index !== undefined && t('log.link', { index: i.index })]
    .filter(Boolean)
    .join(' · ');

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
          <h1>{t('field.outbox.title')}</h1>
          <p>{t('field.outbox.intro')}</p>
        </div>
      </div>
      <p class="row" role="status" data-testid="network-state">
        <span class={`badge ${online ? '' : 'badge-warn'}`}>{online ? t('field.outbox.online') : t('field.outbox.offline')}</span>
        <button type="button" class="btn btn-small" onClick={sendNow} disabled={!online}>
          {t('field.outbox.sendNow')}
        </button>
      </p>
      {items?.length === 0 && <p class="muted">{t('field.outbox.empty')}</p>}
      <ul class="stack" style={{ listStyle: 'none', padding: 0 }}>
        {items?.map((i) => (
          <li key={i.id} class="card" data-testid="outbox-item" data-state={i.state}>
            <div class="card-body stack">
              <div class="row" style={{ justifyContent: 'space-between' }}>
                <strong>{i.type}</strong>
                <span class={`badge ${i.state === 'refused' ? 'badge-bad' : i.state === 'signed' ? 'badge-warn' : ''}`}>{t(STATE_LABEL[i.state])}</span>
              </div>
              <span class="small muted">{times(i)}</span>
              {i.state === 'refused' && (
                <p class="field-error" role="alert">
                  {refusalText(i)}
                </p>
              )}
              {i.state === 'sent' && i.type === 'report.file' && <a href={href(['incidents', i.id])}>{t('field.outbox.open')}</a>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
