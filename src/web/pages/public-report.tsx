import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PublicReport, Tally } from '../../domain/report/public-report.js';
import { useApi } from '../api/use-api.js';
import { href, replaceParams, useRoute } from '../router.js';
import { currentLocale, t, tEnum } from '../i18n/index.js';
import { formatDay, formatNumber } from '../ui/format.js';
import { Member } from '../ui/members.js';
import { LogLink } from '../ui/log-link.js';
import { Empty, Show } from '../ui/states.js';

interface ReportResponse {
  readonly report: PublicReport;
  readonly sha256: string;
  readonly checkpoint: string | null;
  readonly publications: readonly { readonly ref: { readonly index: number; readonly by: string } }[];
}

// Commands and hashes wrap on a phone rather than push the page sideways.
const WRAP = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;
/** The command that recomputes the report from a copy of the log: a command line, the same in every language. */
function recomputeCommand(period: { from: string; to: string }): string {
  const argv = ['truce', 'report', '--from', period.from, '--to', period.to, '--server', location.origin];
  return argv.join(' ');
}
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Without a period in the address: the last full week, ending yesterday (a report covers days already over). */
function defaultPeriod(): { from: string; to: string } {
  const yesterday = Date.now() - 86_400_000;
  return { from: day(yesterday - 6 * 86_400_000), to: day(yesterday) };
}

/** GET /v1/report rendered with the app's components; the printable page is /v1/report.html. */
export function PublicReportPage() {
  const route = useRoute();
  const fallback = defaultPeriod();
  const from = route.params.get('from') ?? fallback.from;
  const to = route.params.get('to') ?? fallback.to;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const report = useApi<ReportResponse>(valid ? `/v1/report?from=${from}&to=${to}` : null);
  const printable = `/v1/report.html?from=${from}&to=${to}&lang=${currentLocale()}`;
  return (
    <div class="stack" data-testid="public-report">
      <div class="page-head">
        <div>
          <h1>{t('pubReport.title')}</h1>
          <p>{t('pubReport.intro')}</p>
        </div>
        {valid && (
          <a class="btn" href={printable} target="_blank" rel="noopener" data-testid="printable">
            {t('pubReport.printable')}
          </a>
        )}
      </div>
      <PeriodForm from={from} to={to} />
      {!valid ? (
        <div class="alert alert-error" role="alert">{t('pubReport.badPeriod')}</div>
      ) : (
        <Show value={report} what={t('pubReport.loading')}>
          {(r) => <ReportBody data={r} />}
        </Show>
      )}
    </div>
  );
}

function PeriodForm({ from, to }: { from: string; to: string }) {
  const [draft, setDraft] = useState({ from, to });
  return (
    <form
      class="card filters"
      aria-label={t('pubReport.period')}
      onSubmit={(e) => {
        e.preventDefault();
        replaceParams(['public-report'], draft);
      }}
    >
      <label>
        {t('pubReport.from')} <input type="date" name="from" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      </label>
      <label>
        {t('pubReport.to')} <input type="date" name="to" value={draft.to} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      </label>
      <button class="btn" type="submit">{t('pubReport.show')}</button>
    </form>
  );
}

function Entries({ entries }: { entries: readonly number[] }) {
  return (
    <span class="small">
      {entries.map((i) => (
        <>
          {' '}
          <LogLink key={i} index={i} />
        </>
      ))}
    </span>
  );
}

function TallyList({ title, items, member = false }: { title: string; items: readonly Tally[]; member?: boolean }) {
  return (
    <section>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p class="muted">{t('pubReport.none')}</p>
      ) : (
        <ul data-testid="tally">
          {items.map((i) => (
            <li key={i.key}>
              <bdi>{member && i.key !== '(none named)' ? <Member id={i.key} /> : i.key === '(none named)' ? t('pubReport.noneNamed') : i.key}</bdi>: <b>{formatNumber(i.count)}</b>
              <Entries entries={i.entries} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card">
      <div class="card-head">
        <h2>{title}</h2>
      </div>
      {children}
    </section>
  );
}

function ReportBody({ data }: { data: ReportResponse }) {
  const { report } = data;
  const s = report.status;
  const c = report.commitments.counts;
  return (
    <>
      <Section title={t('pubReport.status')}>
        {s.basis ? (
          <p data-testid="status">
            {t('pubReport.stands', { asOf: formatDay(s.asOf), state: tEnum('ceasefireStatus', s.state) })} <Entries entries={s.basis.indexes} />
          </p>
        ) : (
          <p data-testid="status">{t('pubReport.noStatus', { asOf: formatDay(s.asOf) })}</p>
        )}
        {s.claims.length > 0 && (
          <ul>
            {s.claims.map((cl) => (
              <li key={cl.index}>
                {t('pubReport.claim', { state: tEnum('ceasefireStatus', cl.status), date: formatDay(cl.effective) })} <Member id={cl.side} /> <LogLink index={cl.index} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pubReport.terms')}>
        {report.terms.length === 0 ? (
          <Empty title={t('pubReport.none')} />
        ) : (
          <ul data-testid="report-terms">
            {report.terms.map((term) => (
              <li key={term.id}>
                <b dir="ltr">{term.id}</b> <bdi dir="auto">{term.text}</bdi>
                <ul>
                  {term.parties.map((p) => (
                    <li key={p.side}>
                      <Member id={p.side} />: {p.inForce ? t('pubReport.inForce') : t('pubReport.notInForce')} —{' '}
                      {p.bases.map((b) => (
                        <span key={b.index}>
                          {tEnum('termBasis', b.kind)}
                          {b.acknowledged === false ? ` (${t('pubReport.notAcknowledged')})` : ''} <LogLink index={b.index} />{' '}
                        </span>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pubReport.incidents')}>
        <p>
          <b data-testid="incident-total">{t('pubReport.total', { count: report.incidents.total })}</b> {t('pubReport.attributed')}
        </p>
        <div class="grid-3">
          <TallyList title={t('pubReport.byType')} items={report.incidents.byType} />
          <TallyList title={t('pubReport.byAccused')} items={report.incidents.byAccused} member />
          <TallyList title={t('pubReport.byPlace')} items={report.incidents.byPlace} />
        </div>
        {report.incidents.items.length > 0 && (
          <ul data-testid="report-incidents">
            {report.incidents.items.map((i) => (
              <li key={i.id}>
                <a href={href(['incidents', i.id])}>{formatDay(i.start)}</a> · <bdi dir="auto">{i.place}</bdi> · {tEnum('event', i.eventType)} · {t('pubReport.filedBy')} <Member id={i.filedBy} /> <LogLink index={i.index} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pubReport.findings')}>
        <p>{t('pubReport.investigations', { count: report.investigations.length })}</p>
        {report.findings.length === 0 ? (
          <p data-testid="no-findings">{t('pubReport.noFindings')}</p>
        ) : (
          <ul>
            {report.findings.map((f) => (
              <li key={f.id}>
                {tEnum('findingDet', f.determination)} {f.responsible && <Member id={f.responsible} />} · {formatDay(f.decidedAt)} <LogLink index={f.index} />
              </li>
            ))}
          </ul>
        )}
        <p>{t('pubReport.penalties', { count: report.penalties.length })}</p>
      </Section>
      <Section title={t('pubReport.commitments')}>
        <p>{t('pubReport.commitmentCounts', { due: c.due, reported: c.reported, verified: c.verified, overdue: c.overdue })}</p>
      </Section>
      <Section title={t('pubReport.meetings')}>
        {report.meetings.length === 0 ? (
          <p class="muted">{t('pubReport.none')}</p>
        ) : (
          <ul>
            {report.meetings.map((m) => (
              <li key={m.id}>
                <bdi dir="auto">{m.title}</bdi>, <bdi dir="auto">{m.place}</bdi>, {formatDay(m.start)} <LogLink index={m.index} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('pubReport.check')}>
        <p>{t('pubReport.notPublic', { count: report.notPublic })}</p>
        <p>{t('pubReport.recompute', { size: report.size })}</p>
        <pre dir="ltr" class="small" style={WRAP}>{recomputeCommand(report.period)}</pre>
        <p class="small">
          {t('pubReport.hash')} <code dir="ltr" style={WRAP}>{data.sha256}</code>
        </p>
      </Section>
    </>
  );
}
