// The report form's field groups. Each input's id is "rf-" and its body path with dashes (rf-where-place,
// rf-actors-0-name), so the error summary can move focus to it (fieldIdOf).
import type { JSX } from 'preact';
import { TAXONOMY, TIME_PRECISIONS, type TimePrecision } from '../../domain/taxonomy.js';
import type { MemberInfo } from '../api/types.js';
import { FieldError, invalid } from '../forms/form-bits.js';
import type { FieldErrors } from '../forms/issues.js';
import { PickMap } from '../map/pick-map.js';
import { whenText } from '../ui/incident-bits.js';
import {
  ACTOR_ROLES,
  ACTOR_TYPES,
  CASUALTY_STATUSES,
  EMPTY_ACTOR,
  EMPTY_SOURCE,
  OFFSETS,
  SOURCE_KINDS,
  offsetLabel,
  standardInterval,
  type ActorRow,
  type CasualtyRow,
  type ReportDraft,
  type SourceRow,
} from './report-draft.js';
import { t, tEnum, tRich } from '../i18n/index.js';

export interface FieldsProps {
  readonly draft: ReportDraft;
  set(patch: Partial<ReportDraft>): void;
  readonly errors: FieldErrors;
}

const value = (e: { readonly currentTarget: { readonly value: string } }): string => e.currentTarget.value;


/** A labelled input, select or textarea with its error; `path` is its place in the body. */
function Field({ path, label, errors, hint, children, class: cls }: { path: string; label: string; errors: FieldErrors; hint?: string; class?: string; children: (id: string) => JSX.Element }) {
  const id = `rf-${path.replace(/\./g, '-')}`;
  return (
    <div class={`field${cls ? ` ${cls}` : ''}`}>
      <label for={id}>{label}</label>
      {children(id)}
      {hint && <p class="hint">{hint}</p>}
      <FieldError errors={errors} path={path} id={id} />
    </div>
  );
}

export function WhenFields({ draft, set, errors }: FieldsProps) {
  const onStart = (start: string) => {
    const sameDate = start.slice(0, 10) === draft.start.slice(0, 10);
    if (draft.precision !== 'exact' && !sameDate) set(standardInterval(draft.precision, start, draft.offset));
    else set({ start, ...(draft.precision === 'exact' && (!draft.end || draft.end < start) ? { end: start } : {}) });
  };
  const reads = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(draft.start) ? whenText({ start: `${draft.start}:00${draft.offset}`, end: `${draft.end}:00${draft.offset}`, precision: draft.precision }) : null;
  return (
    <>
      <div class="form-grid form-grid-4">
        <Field path="when.precision" label={t('rff.precision')} errors={errors}>
          {(id) => (
            <select id={id} value={draft.precision} onChange={(e) => { const p = value(e) as TimePrecision; set({ precision: p, ...standardInterval(p, draft.start, draft.offset) }); }}>
              {TIME_PRECISIONS.map((p) => <option key={p} value={p}>{tEnum('rffPrecision', p)}</option>)}
            </select>
          )}
        </Field>
        <Field path="when.start" label={t('rff.from')} errors={errors}>
          {(id) => <input id={id} type="datetime-local" required value={draft.start} onInput={(e) => onStart(value(e))} {...invalid(errors, 'when.start', id)} />}
        </Field>
        <Field path="when.end" label={t('rff.until')} errors={errors}>
          {(id) => <input id={id} type="datetime-local" required value={draft.end} onInput={(e) => set({ end: value(e) })} {...invalid(errors, 'when.end', id)} />}
        </Field>
        <Field path="when.offset" label={t('rff.offset')} errors={errors}>
          {(id) => (
            <select id={id} value={draft.offset} onChange={(e) => set({ offset: value(e) })}>
              {OFFSETS.map((o) => <option key={o} value={o}>{offsetLabel(o)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <p class="hint">
        {t('rff.timesHint')}{reads && <> {tRich('rff.reads', { reads, b: (c) => <strong data-testid="when-reads">{c}</strong> })}</>}
      </p>
    </>
  );
}

const GEO_PRECISIONS = ['1', '2', '3'] as const;

export function WhereFields({ draft, set, errors, onPick }: FieldsProps & { onPick(lat: number, lon: number, country: string | null): void }) {
  const lat = Number(draft.lat);
  const lon = Number(draft.lon);
  const point = draft.lat.trim() !== '' && draft.lon.trim() !== '' && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
  return (
    <div class="where-grid">
      <div class="form-grid form-grid-2">
        <Field path="where.place" label={t('rfField.where.place')} errors={errors} class="span-2">
          {(id) => <input id={id} type="text" required maxLength={200} value={draft.place} onInput={(e) => set({ place: value(e) })} placeholder={t('rff.placeHint')} {...invalid(errors, 'where.place', id)} />}
        </Field>
        <Field path="where.admin1" label={t('rff.admin1')} errors={errors}>
          {(id) => <input id={id} type="text" maxLength={200} value={draft.admin1} onInput={(e) => set({ admin1: value(e) })} />}
        </Field>
        <Field path="where.country" label={t('rfField.where.country')} errors={errors}>
          {(id) => <input id={id} type="text" required maxLength={100} value={draft.country} onInput={(e) => set({ country: value(e) })} {...invalid(errors, 'where.country', id)} />}
        </Field>
        <Field path="where.lat" label={t('rff.lat')} errors={errors}>
          {(id) => <input id={id} type="text" inputMode="decimal" value={draft.lat} onInput={(e) => set({ lat: value(e) })} placeholder={t('rff.example', { value: '34.10' })} {...invalid(errors, 'where.lat', id)} />}
        </Field>
        <Field path="where.lon" label={t('rff.lon')} errors={errors}>
          {(id) => <input id={id} type="text" inputMode="decimal" value={draft.lon} onInput={(e) => set({ lon: value(e) })} placeholder={t('rff.example', { value: '71.09' })} {...invalid(errors, 'where.lon', id)} />}
        </Field>
        <FieldError errors={{ where: errors['where'] ?? '' }} path="where" id="rf-where-lat" />
        <Field path="where.geo_precision" label={t('rff.geoPrecision')} errors={errors} class="span-2">
          {(id) => (
            <select id={id} value={draft.geoPrecision} onChange={(e) => set({ geoPrecision: value(e) as ReportDraft['geoPrecision'] })}>
              {GEO_PRECISIONS.map((k) => <option key={k} value={k}>{tEnum('rffGeo', k)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="pick">
        <PickMap point={point} place={draft.place} onPick={onPick} />
        <p class="hint row" style={{ justifyContent: 'space-between' }}>
          <span>{t('rff.mapHint')}</span>
          {point && (
            <button type="button" class="link-button" onClick={() => set({ lat: '', lon: '' })}>
              {t('rff.removePoint')}
            </button>
          )}
        </p>
      </div>
    </div>
  );
}

function replaceAt<T>(rows: readonly T[], i: number, row: T): T[] {
  return rows.map((r, j) => (j === i ? row : r));
}

export function WhatFields({ draft, set, errors, parties }: FieldsProps & { parties: readonly MemberInfo[] }) {
  const actor = (i: number, patch: Partial<ActorRow>) => set({ actors: replaceAt(draft.actors, i, { ...draft.actors[i]!, ...patch }) });
  return (
    <>
      <div class="form-grid form-grid-2">
        <Field path="event_type" label={t('rff.eventType')} errors={errors}>
          {(id) => (
            <select id={id} value={draft.eventType} onChange={(e) => { const type = value(e); set({ eventType: type, subType: TAXONOMY[type]?.[0] ?? '' }); }}>
              {Object.keys(TAXONOMY).map((type) => <option key={type} value={type}>{tEnum('event', type)}</option>)}
            </select>
          )}
        </Field>
        <Field path="sub_event_type" label={t('rfField.sub_event_type')} errors={errors}>
          {(id) => (
            <select id={id} value={draft.subType} onChange={(e) => set({ subType: value(e) })} {...invalid(errors, 'sub_event_type', id)}>
              {(TAXONOMY[draft.eventType] ?? []).map((type) => <option key={type} value={type}>{tEnum('event', type)}</option>)}
            </select>
          )}
        </Field>
      </div>
      <fieldset class="rows">
        <legend>{t('rff.actors')}</legend>
        <div class="actor-row rows-head" aria-hidden="true">
          <span>{t('rff.name')}</span>
          <span>{t('rff.side')}</span>
          <span>{t('rff.role')}</span>
          <span>{t('rff.actorType')}</span>
          <span />
        </div>
        {draft.actors.map((a, i) => (
          <div key={i} class="actor-row" data-testid="actor-row">
            <input id={`rf-actors-${i}-name`} type="text" aria-label={`${t('rf.row', { kind: 'actors', n: i + 1 })}: ${t('rff.name')}`} placeholder={t('rff.actorHint')} maxLength={200} value={a.name} onInput={(e) => actor(i, { name: value(e) })} {...invalid(errors, `actors.${i}.name`, `rf-actors-${i}-name`)} />
            <select id={`rf-actors-${i}-side`} aria-label={`${t('rf.row', { kind: 'actors', n: i + 1 })}: ${t('rff.side')}`} value={a.side} onChange={(e) => actor(i, { side: value(e) })}>
              <option value="">{t('rff.noSide')}</option>
              {parties.map((m) => <option key={m.id} value={m.side!}>{m.name}</option>)}
            </select>
            <select id={`rf-actors-${i}-role`} aria-label={`${t('rf.row', { kind: 'actors', n: i + 1 })}: ${t('rff.role')}`} value={a.role} onChange={(e) => actor(i, { role: value(e) as ActorRow['role'] })}>
              {ACTOR_ROLES.map((r) => <option key={r} value={r}>{tEnum('actorRole', r)}</option>)}
            </select>
            <select id={`rf-actors-${i}-actor_type`} aria-label={`${t('rf.row', { kind: 'actors', n: i + 1 })}: ${t('rff.actorType')}`} value={a.actorType} onChange={(e) => actor(i, { actorType: value(e) })}>
              <option value="">{t('rff.typeNotGiven')}</option>
              {ACTOR_TYPES.map((type) => <option key={type} value={type}>{tEnum('actorType', type)}</option>)}
            </select>
            <button type="button" class="btn btn-small" aria-label={t('rff.removeActor', { n: i + 1 })} onClick={() => set({ actors: draft.actors.filter((_, j) => j !== i) })}>
              {t('rff.remove')}
            </button>
            <FieldError errors={errors} path={`actors.${i}`} id={`rf-actors-${i}-name`} />
          </div>
        ))}
        <div>
          <button type="button" class="btn btn-small" onClick={() => set({ actors: [...draft.actors, EMPTY_ACTOR] })} disabled={draft.actors.length >= 50}>
            {t('rff.addActor')}
          </button>
        </div>
      </fieldset>
    </>
  );
}

export function CasualtyFields({ draft, set, errors }: FieldsProps) {
  const row = (kind: 'killed' | 'injured', label: string) => {
    const r = draft[kind];
    const patch = (p: Partial<CasualtyRow>) => set({ [kind]: { ...r, ...p } } as Partial<ReportDraft>);
    const input = (k: 'min' | 'best' | 'max', what: string) => {
      const id = `rf-casualties-${kind}-${k}`;
      return <input id={id} type="number" min={0} step={1} inputMode="numeric" aria-label={`${label}: ${what}`} placeholder={what} value={r[k]} onInput={(e) => patch({ [k]: value(e) })} {...invalid(errors, `casualties.${kind}`, id)} />;
    };
    return (
      <div class="casualty-row" role="group" aria-label={label}>
        <span class="casualty-kind">{label}</span>
        <select id={`rf-casualties-${kind}-status`} aria-label={`${label}: ${t('rff.peopleStatus')}`} value={r.status} onChange={(e) => patch({ status: value(e) as CasualtyRow['status'] })}>
          {CASUALTY_STATUSES.map((s) => <option key={s} value={s}>{tEnum('rffPeople', s)}</option>)}
        </select>
        {input('min', t('rff.min'))}
        {input('best', t('rff.best'))}
        {input('max', t('rff.max'))}
        <FieldError errors={errors} path={`casualties.${kind}`} id={`rf-casualties-${kind}-min`} />
      </div>
    );
  };
  return (
    <>
      <div class="casualty-grid">
        <div class="casualty-row rows-head" aria-hidden="true">
          <span />
          <span>{t('rff.people')}</span>
          <span>{t('rff.min')}</span>
          <span>{t('rff.best')}</span>
          <span>{t('rff.max')}</span>
        </div>
        {row('killed', t('rf.killed'))}
        {row('injured', t('rf.injured'))}
      </div>
      <p class="hint">
        {t('rff.casualtyHint')}
      </p>
    </>
  );
}


export function SourcesFields({ draft, set, errors }: FieldsProps) {
  const source = (i: number, patch: Partial<SourceRow>) => set({ sources: replaceAt(draft.sources, i, { ...draft.sources[i]!, ...patch }) });
  return (
    <fieldset class="rows">
      <legend>{t('facts.sources')}</legend>
      {draft.sources.map((s, i) => (
        <div key={i} class="source-box" data-testid="source-row">
          <div class="form-grid source-grid">
            <Field path={`sources.${i}.kind`} label={t('rff.kind')} errors={errors}>
              {(id) => (
                <select id={id} value={s.kind} onChange={(e) => source(i, { kind: value(e) as SourceRow['kind'] })}>
                  {SOURCE_KINDS.map((k) => <option key={k} value={k}>{tEnum('sourceKind', k)}</option>)}
                </select>
              )}
            </Field>
            <Field path={`sources.${i}.title`} label={t('rff.title')} errors={errors}>
              {(id) => <input id={id} type="text" maxLength={500} value={s.title} onInput={(e) => source(i, { title: value(e) })} {...invalid(errors, `sources.${i}.title`, id)} />}
            </Field>
            <Field path={`sources.${i}.publisher`} label={t('rff.publisher')} errors={errors}>
              {(id) => <input id={id} type="text" maxLength={200} value={s.publisher} onInput={(e) => source(i, { publisher: value(e) })} />}
            </Field>
            <Field path={`sources.${i}.url`} label={t('rff.url')} errors={errors}>
              {(id) => <input id={id} type="text" inputMode="url" maxLength={2000} value={s.url} onInput={(e) => source(i, { url: value(e) })} placeholder="https://" {...invalid(errors, `sources.${i}.url`, id)} />}
            </Field>
            <Field path={`sources.${i}.published`} label={t('rff.published')} errors={errors}>
              {(id) => <input id={id} type="date" value={s.published} onInput={(e) => source(i, { published: value(e) })} />}
            </Field>
            <div class="field source-remove">
              <button type="button" class="btn btn-small" aria-label={t('rff.removeSource', { n: i + 1 })} onClick={() => set({ sources: draft.sources.filter((_, j) => j !== i) })}>
                {t('rff.remove')}
              </button>
            </div>
          </div>
        </div>
      ))}
      <div>
        <button type="button" class="btn btn-small" onClick={() => set({ sources: [...draft.sources, EMPTY_SOURCE] })} disabled={draft.sources.length >= 100}>
          {t('rff.addSource')}
        </button>
      </div>
    </fieldset>
  );
}
