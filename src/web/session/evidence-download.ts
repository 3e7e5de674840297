// Download a restricted evidence item (loaded lazily). The member signs an evidence.access statement, which the log
// keeps in the item's custody chain, then signs the download request with the same key (evidenceDownloadMessage), so
// the public id of the access record opens nothing by itself. The bytes are checked against the registered SHA-256
// before they are handed to the member.
import { toBase64, toHex } from '../../domain/encoding.js';
import { evidenceDownloadMessage } from '../../domain/records/evidence.js';
import { getBlob, query } from '../api/http.js';
import { signWith, type StoredKey } from './keystore.js';
import { nowUtc, submitStatement } from './submit.js';
import { errorText } from '../api/error-text.js';
import { t } from '../i18n/index.js';

export interface Downloaded {
  readonly blob: Blob;
  /** The evidence.access statement: the custody record of this download. */
  readonly access: { readonly id: string; readonly index: number };
}

export async function downloadRestricted(session: StoredKey, sha256: string): Promise<Downloaded> {
  const access = await submitStatement(session, 'evidence.access', { sha256 });
  try {
    const at = nowUtc();
    const sig = await signWith(session, evidenceDownloadMessage(sha256, access.id, at));
    const blob = await getBlob(`/v1/evidence/${sha256}${query({ access: access.id, at, sig: toBase64(sig) })}`);
    const digest = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())));
    if (digest !== sha256) throw new Error(t('download.hashMismatch', { digest, sha256 }));
    return { blob, access };
  } catch (e) {
    // The custody record stands in the log whatever happens next: say so with the reason.
    throw new Error(t('download.failedAfterAccess', { index: access.index, reason: errorText(e as Error) }), { cause: e });
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/pdf': 'pdf',
  'application/json': 'json',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'application/zip': 'zip',
};

/** A file name from the item's title and hash: "field-team-notes-chaman-891b1f2a74ee.txt". */
export function fileNameFor(title: string, sha256: string, mediaType: string): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'evidence';
  const ext = EXTENSIONS[mediaType.split(';')[0]!.trim()] ?? 'bin';
  return `${base}-${sha256.slice(0, 12)}.${ext}`;
}
