// Record a meeting (meeting.record): a round of talks or a commission session, for a member whose role may record it
// (the operator, a mediator). A joint statement's hash is computed here from its text, so the attendees later sign
// exactly what was recorded. The domain's schema checks the body first; the server checks the attendees are admitted.
import { useState } from 'preact/hooks';
import { meetingRecordBody, MEETING_KINDS, MEETING_OUTCOMES } from '../../domain/records/meetings.js';
import { textHash } from '../../domain/records/fields.js';
import { useApp } from '../api/context.js';
import { ErrorSummary, FieldError, invalid, SignActions, useSigning } from '../forms/form-bits.js';
import { checkBody, type FieldErrors } from '../forms/issues.js';
import type { Signer } from '../session/rights.js';
import { readerError } from '../api/error-text.js';
import { roleLabel } from '../ui/members.js';
import { t, tEnum, tRich, type MessageKey } from '../i18n/index.js';

const nowLocalUtc = (): string => new Date().toISOString().slice(0, 16);
const utc = (v: string): string => (v ? `${v.length === 16 ? `${v}:00` : v}Z` : '');
const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

const fieldId = (path: string): string => (path ? `mt-${path.replaceAll('.', '-')}` : 'mt-form');
/** The name of each field in the list of problems at the top of the form. */
const LABELS: Readonly<Record<string, MessageKey>> = {
  title: 'meetingForm.label.title',
  kind: 'meetingForm.label.kind',
  round: 'meetingForm.label.round',
  start: 'meetingForm.label.start',
  end: 'meetingForm.label.end',
  place: 'meetingForm.label.place',
  'place.name': 'meetingForm.label.place',
  'place.lat': 'rfField.where.lat',
  'place.lon': 'rfField.where.lon',
  attendees: 'meetingForm.label.attendees',
  agenda: 'meetingForm.label.agenda',
  outcome: 'meetingForm.label.outcome',
  summary: 'meetingForm.label.summary',
  joint: 'meetings.joint',
  'joint.text': 'meetings.joint',
};
function label(path: string): string {
  const key = LABELS[path] ?? (path.startsWith('agenda.') ? 'meetingForm.label.agenda' : undefined);
  return key ? t(key) : path || t('meetingForm.label.meeting');
}

export function RecordMeetingForm({ signer, onDone }: { signer: Signer; onDone(): void }) {
  const { members } = useApp();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<(typeof MEETING_KINDS)[number]>('talks');
  const [round, setRound] = useState('');
  const [start, setStart] = useState(nowLocalUtc);
  const [end, setEnd] = useState(nowLocalUtc);
  const [place, setPlace] = useState({ name: '', lat: '', lon: '' });
  const [attendees, setAttendees] = useState<string[]>([]);
  const [agenda, setAgenda] = useState('');
  const [outcome, setOutcome] = useState<(typeof MEETING_OUTCOMES)[number]>('agreed');
  const [summary, setSummary] = useState('');
  const [joint, setJoint] = useState('');
  const [attempted, setAttempted] = useState(false);
  const signing = useSigning();
  const candidates = [...members.values()].filter((m) => m.role === 'party' || m.role === 'mediator' || m.role === 'operator');

  if (!open) {
    return (
      <div class="card-foot row" data-testid="meeting-actions">
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            signing.setError(null);
            setStart(nowLocalUtc());
            setEnd(nowLocalUtc());
            setOpen(true);
          }}
          data-testid="meeting-open"
        >
          {t('meetingForm.open')}
        </button>
        <span class="small muted">{t('meetingForm.as', { name: signer.me.name })}</span>
      </div>
    );
  }

  const build = () => {
    const jointText = joint.trim();
    const summaryText = summary.trim();
    return {
      title: title.trim(),
      kind,
      ...(round.trim() ? { round: num(round) } : {}),
      start: utc(start),
      end: utc(end),
      place: { name: place.name.trim(), lat: num(place.lat), lon: num(place.lon) },
      attendees: candidates.map((m) => m.id).filter((id) => attendees.includes(id)),
      agenda: agenda
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      outcome,
      ...(summaryText ? { summary: summaryText } : {}),
      ...(jointText ? { joint: { text: jointText, hash: textHash(jointText) } } : {}),
    };
  };
  const errors: FieldErrors = attempted ? checkBody(meetingRecordBody, build()) : {};
  const input = (path: string) => ({ id: fieldId(path), ...invalid(errors, path, fieldId(path)) });
  const err = (path: string) => <FieldError errors={errors} path={path} id={fieldId(path)} />;
  const jointText = joint.trim();

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (await signing.signChecked(signer.session, 'meeting.record', meetingRecordBody, build())) {
      setOpen(false);
      setAttempted(false);
      setTitle('');
      setRound('');
      setPlace({ name: '', lat: '', lon: '' });
      setAttendees([]);
      setAgenda('');
      setSummary('');
      setJoint('');
      onDone();
    }
  };

  return (
    <div class="card-body">
      <form id="mt-form" class="action-form" onSubmit={submit} noValidate aria-label={t('meetingForm.title')} data-testid="meeting-form">
        <h4>{t('meetingForm.title')}</h4>
        <ErrorSummary errors={errors} label={label} fieldId={fieldId} />
        <div class="field">
          <label for={fieldId('title')}>{t('meetingForm.label.title')}</label>
          <input dir="auto" type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...input('title')} />
          {err('title')}
        </div>
        <div class="form-grid form-grid-2">
          <div class="field">
            <label for={fieldId('kind')}>{t('meetingForm.label.kind')}</label>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)} {...input('kind')}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tEnum('mtgKind', k)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={fieldId('round')}>{t('meetingForm.round')}</label>
            <input type="text" inputMode="numeric" value={round} onInput={(e) => setRound(e.currentTarget.value)} {...input('round')} />
            {err('round')}
          </div>
          <div class="field">
            <label for={fieldId('start')}>{t('meetingForm.start')}</label>
            <input type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} {...input('start')} />
            {err('start')}
          </div>
          <div class="field">
            <label for={fieldId('end')}>{t('meetingForm.end')}</label>
            <input type="datetime-local" value={end} onInput={(e) => setEnd(e.currentTarget.value)} {...input('end')} />
            {err('end')}
          </div>
        </div>
        <div class="form-grid form-grid-4">
          <div class="field span-2">
            <label for={fieldId('place.name')}>{t('meetingForm.label.place')}</label>
            <input dir="auto" type="text" maxLength={200} value={place.name} onInput={(e) => setPlace({ ...place, name: e.currentTarget.value })} {...input('place.name')} />
            {err('place.name')}
          </div>
          <div class="field">
            <label for={fieldId('place.lat')}>{t('rfField.where.lat')}</label>
            <input type="text" inputMode="decimal" value={place.lat} onInput={(e) => setPlace({ ...place, lat: e.currentTarget.value })} {...input('place.lat')} />
            {err('place.lat')}
          </div>
          <div class="field">
            <label for={fieldId('place.lon')}>{t('rfField.where.lon')}</label>
            <input type="text" inputMode="decimal" value={place.lon} onInput={(e) => setPlace({ ...place, lon: e.currentTarget.value })} {...input('place.lon')} />
            {err('place.lon')}
          </div>
        </div>
        <fieldset class="choice-list" id={fieldId('attendees')}>
          <legend>{t('meetingForm.attendees')}</legend>
          <div class="choice-grid">
            {candidates.map((m) => (
              <label key={m.id} class="choice">
                <input
                  type="checkbox"
                  name="mt-attendee"
                  value={m.id}
                  checked={attendees.includes(m.id)}
                  onChange={(e) => setAttendees(e.currentTarget.checked ? [...attendees, m.id] : attendees.filter((x) => x !== m.id))}
                />
                <span>
                  {m.name} <span class="small muted">{t('meetingForm.who', { id: m.id, role: roleLabel(m.role) })}</span>
                </span>
              </label>
            ))}
          </div>
          {err('attendees')}
        </fieldset>
        <div class="field">
          <label for={fieldId('agenda')}>{t('meetingForm.agenda')}</label>
          <textarea dir="auto" rows={3} value={agenda} onInput={(e) => setAgenda(e.currentTarget.value)} {...input('agenda')} />
          {err('agenda')}
        </div>
        <div class="field">
          <label for={fieldId('outcome')}>{t('meetingForm.label.outcome')}</label>
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as typeof outcome)} {...input('outcome')}>
            {MEETING_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tEnum('mtgOutcome', o)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={fieldId('summary')}>{t('meetingForm.summary')}</label>
          <textarea dir="auto" rows={3} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} {...input('summary')} />
          {err('summary')}
        </div>
        <div class="field">
          <label for={fieldId('joint.text')}>{t('meetingForm.joint')}</label>
          <textarea dir="auto" rows={4} value={joint} onInput={(e) => setJoint(e.currentTarget.value)} {...input('joint.text')} />
          {err('joint')}
          {jointText && (
            <p class="hint">
              {tRich('meetingForm.jointHash', {
                hash: () => (
                  <span class="hash" data-testid="meeting-joint-hash">
                    {textHash(jointText)}
                  </span>
                ),
              })}
            </p>
          )}
        </div>
        <p class="small muted" style={{ margin: 0 }}>
          {tRich('meetingForm.signing', { name: signer.me.name, b: (c) => <strong>{c}</strong> })}
        </p>
        <SignActions signing={{ busy: signing.busy, error: readerError(signing.error) }} label={t('meetingForm.submit')} testId="meeting-submit" onCancel={() => setOpen(false)} />
      </form>
    </div>
  );
}
