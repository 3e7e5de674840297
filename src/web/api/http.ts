// The one place the UI talks HTTP. Every non-2xx answer becomes an ApiError carrying the problem+json `detail`
// (RFC 9457), which the screens show as is: the server's sentence names the rule that was broken.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code?: string,
    /** How long the server asked to be left alone (Retry-After on a 429 or 503), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

interface Problem {
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly code?: unknown;
}

async function problemOf(res: Response): Promise<ApiError> {
  let p: Problem = {};
  try {
    // The body may be anything (a proxy's HTML error page): read it as text and parse defensively.
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') p = parsed as Problem;
  } catch {
    p = {};
  }
  const title = typeof p.title === 'string' ? p.title : res.statusText || `HTTP ${res.status}`;
  const detail = typeof p.detail === 'string' ? p.detail : `The server answered ${res.status} ${title}.`;
  return new ApiError(res.status, title, detail, typeof p.code === 'string' ? p.code : undefined, retryAfterMs(res.headers.get('retry-after')));
}

/** Retry-After (RFC 9110 §10.2.3): seconds, or an HTTP date; undefined if absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function networkError(e: unknown): ApiError {
  if (e instanceof DOMException && e.name === 'AbortError') throw e;
  return new ApiError(0, 'Network error', 'The server could not be reached. Check your connection and try again.');
}

/**
 * A body read, with a failure on the way turned into the network error it is: fetch resolves once the headers are
 * in, and the body can still be cut off or fail to decode (TypeError "Failed to fetch"). A JSON syntax error passes.
 */
async function readBody<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof TypeError) throw networkError(e);
    throw e;
  }
}

/** fetch, with network failures and problem answers turned into ApiError (aborts pass through). */
async function fetchOk(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** GET a JSON document (with extra headers, e.g. a signed read's); throws ApiError on a problem answer or a network failure. */
export async function getJson<T>(path: string, signal?: AbortSignal, headers: Readonly<Record<string, string>> = {}): Promise<T> {
  return (await readBody((await fetchOk(path, { headers: { accept: 'application/json', ...headers }, signal: signal ?? null })).json())) as T;
}

/** GET raw bytes (log tiles, the checkpoint note). */
export async function getBytes(path: string, signal?: AbortSignal): Promise<Uint8Array> {
  return new Uint8Array(await readBody((await fetchOk(path, { signal: signal ?? null })).arrayBuffer()));
}

/** GET a file as a Blob with the media type the server gave it (restricted evidence, after a signed access). */
export async function getBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  return readBody((await fetchOk(path, { signal: signal ?? null })).blob());
}

/** POST exact bytes as application/json (a signed statement must arrive byte for byte as it was signed). */
export async function postBytes<T>(path: string, body: Uint8Array): Promise<T> {
  const res = await fetchOk(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body as BufferSource });
  return (await res.json()) as T;
}

/** A query string from a record, leaving out empty values. */
export function query(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * POST a file's raw bytes (evidence), reporting upload progress as bytes sent. XMLHttpRequest, because fetch reports
 * no upload progress. A problem answer becomes an ApiError like every other.
 */
export function uploadBytes<T>(path: string, body: Blob, contentType: string, onProgress?: (sent: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onerror = () => reject(networkError(null));
    xhr.onabort = () => reject(new ApiError(0, 'Aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (xhr.status < 200 || xhr.status >= 300) {
        void problemOf(res).then(reject, reject);
        return;
      }
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(new ApiError(xhr.status, 'Bad answer', 'The server answered with something that is not JSON.'));
      }
    };
    xhr.send(body);
  });
}
