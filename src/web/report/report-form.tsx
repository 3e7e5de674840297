import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useApp } from '../api/context.js';
import type { AgreementView, MemberInfo } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorSummary, NeedsSigner, Refusal, useSigning } from '../forms/form-bits.js';
import { hasErrors, type FieldErrors } from '../forms/issues.js';
import { offsetFor } from '../review/draft.js';
import { href } from '../router.js';
import { useSigner, type Signer } from '../session/rights.js';
import { roleLabel } from '../ui/members.js';
import { browserOffset, buildReport, emptyDraft, type ReportDraft } from './report-draft.js';
import { CasualtyFields, SourcesFields, WhatFields, WhenFields, WhereFields } from './report-fields.js';

/** #/report/new: file a report (report.file), signed in this browser by a party, monitor or mediator. */
export function ReportFormPage() {
  const signer = useSigner();
  const { session } = useApp();
  return (
    <div class="stack">
      <div>
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="#/incidents">Incidents</a> › <span aria-current="page">File a report</span>
        </nav>
        <div class="page-head" style={{ marginBottom: 0 }}>
          <div>
            <h1>File a report</h1>
            <p>
              A report is an allegation attributed to the member who files it: it reads “alleged by” you wherever it is shown. The accused party may
              reply beside it, and only a final finding of the mediators states what happened.
            </p>
          </div>
        </div>
      </div>
      {!session || !signer ? (
        <NeedsSigner title="Sign in to file a report">
          <p>Filing signs a report.file statement with your member key, in this browser. Parties, monitors and mediators may file reports.</p>
        </NeedsSigner>
      ) : !signer.can('report.file') ? (
        <div class="alert alert-info" role="status">
          You are signed in as <strong>{signer.me.name}</strong> ({roleLabel(signer.me.role)}). Only parties, monitors and mediators
          file reports.
        </div>
      ) : (
        <ReportForm signer={signer} />
      )}
    </div>
  );
}

const LABELS: Readonly<Record<string, string>> = {
  'when.start': 'From',
  'when.end': 'Until',
  when: 'When',
  'where.place': 'Place',
  'where.country': 'Country',
  'where.lat': 'Latitude',
  'where.lon': 'Longitude',
  'where.admin1': 'Province or region',
  where: 'Coordinates',
  event_type: 'Event type',
  sub_event_type: 'Sub-event type',
  narrative: 'Account',
  clauses: 'Clauses',
  accused: 'Parties alleged responsible',
};

function labelOf(path: string): string {
  if (LABELS[path]) return LABELS[path];
  const row = /^(actors|sources)\.(\d+)\.?(\w*)/.exec(path);
  if (row) return `${row[1] === 'actors' ? 'Actor' : 'Source'} ${Number(row[2]) + 1}${row[3] ? `: ${row[3].replace(/_/g, ' ')}` : ''}`;
  const c = /^casualties\.(killed|injured)/.exec(path);
  if (c) return c[1] === 'killed' ? 'Killed' : 'Injured';
  return path;
}

function fieldIdOf(path: string): string {
  if (path === 'when') return 'rf-when-start';
  if (path === 'where') return 'rf-where-lat';
  const c = /^casualties\.(killed|injured)(?:\.\w+)?(?:\.(min|best|max))?/.exec(path);
  if (c) return `rf-casualties-${c[1]}-${c[2] ?? 'min'}`;
  const row = /^(actors|sources)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (row) return `rf-${row[1]}-${row[2]}-${row[3] ?? (row[1] === 'actors' ? 'name' : 'title')}`;
  return `rf-${path.replace(/\./g, '-')}`;
}

function ReportForm({ signer }: { signer: Signer }) {
  const { members } = useApp();
  const agreement = useApi<AgreementView>('/v1/agreement');
  const inForce = agreement.state === 'ok' ? agreement.data.versions.find((v) => v.state === 'in_force') : undefined;
  const parties = useMemo(() => [...members.values()].filter((m): m is MemberInfo & { side: string } => m.role === 'party' && !!m.side), [members]);
  const [draft, setDraft] = useState<ReportDraft>(() => emptyDraft(new Date().toISOString().slice(0, 10), browserOffset()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const touched = useRef({ offset: false, autoCountry: '' });
  const signing = useSigning();
  const summary = useRef<HTMLDivElement>(null);

  const set = (patch: Partial<ReportDraft>) => {
    if (patch.offset !== undefined) touched.current.offset = true;
    setDraft((d) => ({ ...d, ...patch }));
  };
  // Once the member has tried to sign, the problems follow the edits.
  useEffect(() => {
    if (attempted) setErrors(buildReport(draft).errors);
  }, [draft, attempted]);

  const onPick = (lat: number, lon: number, country: string | null) => {
    setDraft((d) => {
      const fillCountry = country && (d.country.trim() === '' || d.country === touched.current.autoCountry);
      if (fillCountry) touched.current.autoCountry = country;
      const nextCountry = fillCountry ? country : d.country;
      return { ...d, lat: String(lat), lon: String(lon), country: nextCountry, ...(touched.current.offset ? {} : { offset: offsetFor(nextCountry || undefined, lon) }) };
    });
  };

  const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    const { body, errors: found } = buildReport(draft);
    setErrors(found);
    if (hasErrors(found)) {
      setTimeout(() => summary.current?.querySelector('a')?.focus(), 0);
      return;
    }
    const appended = await signing.run(async () => {
      const { submitStatement } = await import('../session/submit.js');
      return submitStatement(signer.session, 'report.file', body as unknown as Record<string, unknown>);
    });
    if (appended) location.hash = href(['incidents', appended.id]);
  };

  return (
    <form class="stack report-form" onSubmit={submit} noValidate aria-label="File a report" data-testid="report-form">
      <div ref={summary}>
        <ErrorSummary errors={errors} label={labelOf} fieldId={fieldIdOf} />
      </div>
      <Section title="When" note="an interval in the place's local time">
        <WhenFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section title="Where" note="the place as the sources name it">
        <WhereFields draft={draft} set={set} errors={errors} onPick={onPick} />
      </Section>
      <Section title="What happened, and who was involved" note="ACLED's event types, with the mechanism's own">
        <WhatFields draft={draft} set={set} errors={errors} parties={parties} />
      </Section>
      <Section title="Casualties" note="as reported; leave empty when no figure is given">
        <CasualtyFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section title="Account and sources" note="attribute every claim to its source">
        <div class="field">
          <label for="rf-narrative">Account, in your words</label>
          <textarea
            id="rf-narrative"
            rows={7}
            maxLength={20000}
            value={draft.narrative}
            onInput={(e) => set({ narrative: e.currentTarget.value })}
            placeholder="What the sources say happened, each claim attributed: “Local officials said …”, “The field team observed …”."
            {...(errors['narrative'] ? { 'aria-invalid': true, 'aria-describedby': 'rf-narrative-error' } : {})}
          />
          {errors['narrative'] && (
            <p class="field-error" id="rf-narrative-error" data-testid="field-error" data-path="narrative">
              {errors['narrative']}
            </p>
          )}
        </div>
        <SourcesFields draft={draft} set={set} errors={errors} />
      </Section>
      <Section title="Allegation" note="leave empty what the sources do not say">
        <div class="form-grid form-grid-2">
          <fieldset class="checks" id="rf-accused" tabIndex={-1}>
            <legend>Parties alleged responsible</legend>
            {parties.map((m) => (
              <label key={m.id} class="check">
                <input type="checkbox" checked={draft.accused.includes(m.side)} onChange={() => set({ accused: toggle(draft.accused, m.side) })} /> {m.name}
              </label>
            ))}
            <p class="hint">The accused party is invited to reply; its reply is shown beside the report.</p>
          </fieldset>
          <fieldset class="checks" id="rf-clauses" tabIndex={-1}>
            <legend>Clauses allegedly broken{inForce && <span class="muted"> ({inForce.agreement}, version {inForce.version}, in force)</span>}</legend>
            {agreement.state === 'loading' && <p class="hint">Loading the agreement…</p>}
            {agreement.state === 'error' && <Refusal error={agreement.error} what="The agreement could not be loaded" />}
            {agreement.state === 'ok' && !inForce && <p class="hint">No agreement is in force, so no clause can be cited.</p>}
            {inForce?.clauses.map((c) => (
              <label key={c.id} class="check" title={c.text}>
                <input type="checkbox" checked={draft.clauses.includes(c.id)} onChange={() => set({ clauses: toggle(draft.clauses, c.id) })} /> <strong>{c.id}</strong>{' '}
                <span class="clamp-1">{c.text}</span>
              </label>
            ))}
          </fieldset>
        </div>
      </Section>
      <div class="card sign-bar">
        <div class="card-body stack">
          <p class="small" style={{ margin: 0 }}>
            You are signing as <strong>{signer.me.name}</strong> ({roleLabel(signer.me.role)}). The browser signs the report with your
            key and the log keeps it for good: it can be amended later, never withdrawn.
          </p>
          <Refusal error={signing.error} />
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={signing.busy} data-testid="report-submit">
              {signing.busy ? 'Signing…' : 'Sign and file the report'}
            </button>
            <a class="btn" href="#/incidents">
              Cancel
            </a>
          </div>
        </div>
      </div>
    </form>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: ComponentChildren }) {
  const id = `rf-section-${title.split(/\W+/)[0]?.toLowerCase()}`;
  return (
    <section class="card" aria-labelledby={id}>
      <div class="card-head">
        <h2 id={id}>{title}</h2>
        {note && <span class="small muted">{note}</span>}
      </div>
      <div class="card-body stack form-section">{children}</div>
    </section>
  );
}
