// Attach evidence to an incident (evidence.register), for a member whose role may register evidence: the file's bytes
// are uploaded first (POST /v1/evidence, with progress), hashed in this browser as well, and the two SHA-256 values
// must agree before the member describes the file and signs its registration. The log keeps the hash and metadata;
// the server keeps the bytes apart and serves them as the confidentiality allows.
import { useState } from 'preact/hooks';
import { toHex } from '../../domain/encoding.js';
import { CONFIDENTIALITY, evidenceRegisterBody } from '../../domain/records/evidence.js';
import { ApiError, uploadBytes } from '../api/http.js';
import type { IncidentView } from '../api/types.js';
import { FieldError, invalid, Refusal, useSigning } from '../forms/form-bits.js';
import { checkBody, hasErrors, type FieldErrors } from '../forms/issues.js';
import { browserOffset, OFFSETS, offsetLabel } from '../report/report-draft.js';
import type { Signer } from '../session/rights.js';
import { formatNumber } from '../ui/format.js';

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

const LEVEL_HELP: Readonly<Record<(typeof CONFIDENTIALITY)[number], { label: string; help: string }>> = {
  public: { label: 'Public', help: 'Anyone may download the file.' },
  members: { label: 'Members only', help: 'Members of the mechanism (not observers) may download it, each download signed and recorded.' },
  mediators: { label: 'Mediators only', help: 'Only the mediators and you, who register it, may download it, each download signed and recorded.' },
};

function size(n: number): string {
  if (n < 1024) return `${formatNumber(n)} bytes`;
  if (n < 1024 * 1024) return `${formatNumber(Math.round(n / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(n / (1024 * 102.4)) / 10)} MB`;
}

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
          Attach evidence…
        </button>
        <span class="small muted">Upload a file and sign its registration: the log keeps its SHA-256 and description.</span>
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
      if (local !== server.sha256) throw new ApiError(0, 'Hash mismatch', `This browser hashed the file to ${local}, but the server stored bytes hashing to ${server.sha256}. Nothing was registered; try the upload again.`);
      if (server.size !== file.size) throw new ApiError(0, 'Size mismatch', `The file has ${file.size} bytes, but the server stored ${server.size}. Nothing was registered; try the upload again.`);
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
    <form class="action-form" onSubmit={submit} noValidate aria-label="Attach evidence" data-testid="evidence-form">
      <h4>Attach evidence to this report</h4>
      <div class="field">
        <label for="ev-file">File</label>
        <input id="ev-file" type="file" disabled={stage.kind === 'uploading' || signing.busy} onChange={(e) => onFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        <p class="hint">The bytes are uploaded now; nothing is in the log until you sign the registration below.</p>
      </div>
      {stage.kind === 'uploading' && (
        <div role="status" class="small" data-testid="evidence-progress">
          <progress max={stage.total || 1} value={stage.sent} style={{ width: '100%' }} /> Uploading {stage.name}: {size(stage.sent)} of {size(stage.total)}
        </div>
      )}
      <Refusal error={upload.error} what="Not uploaded" />
      {ready && (
        <>
          <div class="alert alert-info small" role="status" data-testid="evidence-uploaded">
            Uploaded {ready.name}, {size(ready.server.size)}. SHA-256 computed in this browser{' '}
            <span class="hash" data-testid="evidence-local-hash">
              {ready.local}
            </span>{' '}
            matches the server's.
          </div>
          {ready.server.registered && (
            <div class="alert alert-info small" role="status">
              This file is already registered in the log; another member may acknowledge it, but it is not registered twice.
            </div>
          )}
          <div class="field">
            <label for="ev-title">Title</label>
            <input type="text" maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} {...field('ev-title', 'title')} />
            <FieldError errors={errors} path="title" id="ev-title" />
          </div>
          <div class="field">
            <label for="ev-description">Description: what the file shows, and where it comes from</label>
            <textarea rows={3} maxLength={5000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} {...field('ev-description', 'description')} />
            <FieldError errors={errors} path="description" id="ev-description" />
          </div>
          <div class="form-grid form-grid-2">
            <div class="field">
              <label for="ev-media">Media type</label>
              <input type="text" maxLength={200} value={mediaType} onInput={(e) => setMediaType(e.currentTarget.value)} {...field('ev-media', 'media_type')} />
              <p class="hint">As the server read it from the bytes{ready.server.declaredType && ready.server.declaredType !== ready.server.mediaType ? `; the browser declared ${ready.server.declaredType}` : ''}.</p>
              <FieldError errors={errors} path="media_type" id="ev-media" />
            </div>
            <div class="field">
              <label for="ev-place">Captured where (optional)</label>
              <input type="text" maxLength={200} value={place} onInput={(e) => setPlace(e.currentTarget.value)} {...field('ev-place', 'captured_place')} />
              <FieldError errors={errors} path="captured_place" id="ev-place" />
            </div>
            <div class="field">
              <label for="ev-captured">Captured at (optional, local time)</label>
              <input type="datetime-local" value={capturedAt} onInput={(e) => setCapturedAt(e.currentTarget.value)} {...field('ev-captured', 'captured_at')} />
              <FieldError errors={errors} path="captured_at" id="ev-captured" />
            </div>
            <div class="field">
              <label for="ev-offset">UTC offset of the place</label>
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
            <legend>Who may download the file</legend>
            {CONFIDENTIALITY.map((c) => (
              <label key={c} class="choice">
                <input type="radio" name="ev-confidentiality" value={c} checked={level === c} onChange={() => setLevel(c)} />
                <span>
                  {LEVEL_HELP[c].label}
                  <span class="hint">{LEVEL_HELP[c].help}</span>
                </span>
              </label>
            ))}
            <p class="hint">Whatever the level, the hash and this description are public in the log.</p>
          </fieldset>
          <Refusal error={signing.error} />
        </>
      )}
      <div class="row">
        {ready && (
          <button type="submit" class="btn btn-primary" disabled={signing.busy || ready.server.registered} data-testid="evidence-submit">
            {signing.busy ? 'Signing…' : 'Sign and register the evidence'}
          </button>
        )}
        <button type="button" class="btn" onClick={onCancel} disabled={signing.busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
