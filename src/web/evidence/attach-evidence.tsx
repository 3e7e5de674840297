// Attach evidence to an incident (evidence.register), for a member whose role may register evidence: the file's bytes
// are uploaded first (POST /v1/evidence, with progress), hashed in this browser as well, and the two SHA-256 values
// must agree before the member describes the file and signs its registration. The log keeps the hash and metadata;
// the server keeps the bytes apart and serves them as the confidentiality allows.
import { useState } from 'preact/hooks';
import { toHex } from '../../domain/encoding.js';
import { CONFIDENTIALITY, evidenceRegisterBody } from '../../domain/records/evidence.js';
import { uploadBytes } from '../api/http.js';
import { readerError } from '../api/error-text.js';
import type { IncidentView } from '../api/types.js';
import { FieldError, invalid, Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { browserOffset, OFFSETS, offsetLabel } from '../report/report-draft.js';
import type { Signer } from '../session/rights.js';
import { bytes as size } from '../ui/evidence-list.js';
import { t, tEnum, tRich, type MessageKey } from '../i18n/index.js';

interface Uploaded {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly declaredType: string | null;
  readonly registered: boolean;
}

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly name: string; readonly sent: number; readonly total: number }
  | { readonly kind: 'ready'; readonly name: string; readonly local: string; readonly server: Uploaded };

const LEVEL_HELP: Readonly<Record<(typeof CONFIDENTIALITY)[number], MessageKey>> = {
  public: 'attach.level.public',
  members: 'attach.level.members',
  mediators: 'attach.level.mediators',
};

/** The hex SHA-256 of a file, computed in this browser. */
async function sha256Of(file: Blob): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())));
}

export function AttachEvidence({ view, signer, onDone }: { view: IncidentView; signer: Signer; onDone(): void }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div class="card-body row" data-testid="evidence-actions">
        <button type="button" class="btn" onClick={() => setOpen(true)} data-testid="attach-evidence">
          {t('attach.open')}
        </button>
        <span class="small muted">{t('attach.openHelp')}</span>
      </div>
    );
  }
  return (
    <div class="card-body">
      <AttachForm
        view={view}
        signer={signer}
        onCancel={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          onDone();
        }}
      />
    </div>
  );
}

function AttachForm({ view, signer, onCancel, onDone }: { view: IncidentView; signer: Signer; onCancel(): void; onDone(): void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const upload = useSigning();
  const signing = useSigning();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [mediaType, setMediaType] = useState('');
  const [capturedAt, setCapturedAt] = useState('');
  const [offset, setOffset] = useState(browserOffset());
  const [place, setPlace] = useState('');
  const [level, setLevel] = useState<(typeof CONFIDENTIALITY)[number]>('members');
  const [attempted, setAttempted] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStage({ kind: 'uploading', name: file.name, sent: 0, total: file.size });
    const done = await upload.run(async () => {
      const [local, server] = await Promise.all([
        sha256Of(file),
        uploadBytes<Uploaded>('/v1/evidence', file, file.type || 'application/octet-stream', (sent, total) => setStage({ kind: 'uploading', name: file.name, sent, total })),
      ]);
      if (local !== server.sha256) throw new Error(t('attach.hashMismatch', { local, server: server.sha256 }));
      if (server.size !== file.size) throw new Error(t('attach.sizeMismatch', { size: file.size, stored: server.size }));
      return { local, server };
    });
    if (!done) {
      setStage({ kind: 'idle' });
      return;
    }
    setStage({ kind: 'ready', name: file.name, ...done });
    setMediaType(done.server.mediaType);
    if (!title) setTitle(file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim());
  };

  const ready = stage.kind === 'ready' ? stage : null;
  const build = () => {
    if (!ready) return null;
    return {
      sha256: ready.server.sha256,
      media_type: mediaType.trim(),
      size: ready.server.size,
      ...(capturedAt ? { captured_at: `${capturedAt.length === 16 ? `${capturedAt}:00` : capturedAt}${offset}` } : {}),
      ...(place.trim() ? { captured_place: { place: place.trim() } } : {}),
      title: title.trim(),
      description: description.trim(),
      confidentiality: level,
      reports: [view.id],
    };
  };
  const body = build();
  const errors: FieldErrors = attempted && body ? checkBody(evidenceRegisterBody, body) : {};

  const submit = async (e: Event) => {
    e.preventDefault();
    setAttempted(true);
    if (!body || hasErrors(checkBody(evidenceRegisterBody, body))) return;
    if (await signing.sign(signer.session, 'evidence.register', body)) onDone();
  };

  const field = (id: string, path: string) => ({ id, ...invalid(errors, path, id) });

  return (
    <form class="action-form" onSubmit={submit} noValidate aria-label={t('attach.label')} data-testid="evidence-form">
      <h4>{t('attach.title')}</h4>
      <div class="field">
        <label for="ev-file">{t('evidence.file')}</label>
        <input id="ev-file" type="file" disabled={stage.kind === 'uploading' || signing.busy} onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        <p class="hint">{t('attach.fileHint')}</p>
      </div>
      {stage.kind === 'uploading' && (
        <div role="status" class="small" data-testid="evidence-progress">
          <progress max={stage.total || 1} value={stage.sent} style={{ width: '100%' }} /> {t('attach.uploading', { name: stage.name, sent: size(stage.sent), total: size(stage.total) })}
        </div>
      )}
      <Refusal error={readerError(upload.error)} what={t('attach.notUploaded')} />
      {ready && (
        <>
          <div class="alert alert-info small" role="status" data-testid="evidence-uploaded">
            {tRich('attach.uploaded', {
              name: ready.name,
              size: size(ready.server.size),
              hash: () => (
                <span class="hash" data-testid="evidence-local-hash">
                  {ready.local}
                </span>
              ),
            })}
          </div>
          {ready.server.registered && (
            <div class="alert alert-info small" role="status">
              {t('attach.already')}
            </div>
          )}
          <div class="field">
            <label for="ev-title">{t('attach.titleField')}</label>
            <input dir="auto" type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...field('ev-title', 'title')} />
            <FieldError errors={errors} path="title" id="ev-title" />
          </div>
          <div class="field">
            <label for="ev-description">{t('attach.description')}</label>
            <textarea dir="auto" rows={3} maxLength={5000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} {...field('ev-description', 'description')} />
            <FieldError errors={errors} path="description" id="ev-description" />
          </div>
          <div class="form-grid form-grid-2">
            <div class="field">
              <label for="ev-media">{t('attach.mediaType')}</label>
              <input type="text" maxLength={200} value={mediaType} onInput={(e) => setMediaType(e.currentTarget.value)} {...field('ev-media', 'media_type')} />
              <p class="hint">
                {ready.server.declaredType && ready.server.declaredType !== ready.server.mediaType
                  ? t('attach.mediaDeclared', { declared: ready.server.declaredType })
                  : t('attach.mediaHint')}
              </p>
              <FieldError errors={errors} path="media_type" id="ev-media" />
            </div>
            <div class="field">
              <label for="ev-place">{t('attach.place')}</label>
              <input dir="auto" type="text" maxLength={200} value={place} onInput={(e) => setPlace(e.currentTarget.value)} {...field('ev-place', 'captured_place')} />
              <FieldError errors={errors} path="captured_place" id="ev-place" />
            </div>
            <div class="field">
              <label for="ev-captured">{t('attach.capturedAt')}</label>
              <input type="datetime-local" value={capturedAt} onInput={(e) => setCapturedAt(e.currentTarget.value)} {...field('ev-captured', 'captured_at')} />
              <FieldError errors={errors} path="captured_at" id="ev-captured" />
            </div>
            <div class="field">
              <label for="ev-offset">{t('rff.offset')}</label>
              <select id="ev-offset" value={offset} onChange={(e) => setOffset(e.currentTarget.value)}>
                {OFFSETS.map((o) => (
                  <option key={o} value={o}>
                    {offsetLabel(o)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset class="choice-list" id="ev-confidentiality">
            <legend>{t('attach.who')}</legend>
            {CONFIDENTIALITY.map((c) => (
              <label key={c} class="choice">
                <input type="radio" name="ev-confidentiality" value={c} checked={level === c} onChange={() => setLevel(c)} />
                <span>
                  {tEnum('confidentiality', c)}
                  <span class="hint">{t(LEVEL_HELP[c])}</span>
                </span>
              </label>
            ))}
            <p class="hint">{t('attach.public')}</p>
          </fieldset>
          <Refusal error={readerError(signing.error)} />
        </>
      )}
      <div class="row">
        {ready && (
          <button type="submit" class="btn btn-primary" disabled={signing.busy || ready.server.registered} data-testid="evidence-submit">
            {signing.busy ? t('form.signing') : t('attach.submit')}
          </button>
        )}
        <button type="button" class="btn" onClick={onCancel} disabled={signing.busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
