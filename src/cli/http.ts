import { TruceError, type ErrorCode } from '../domain/errors.js';

/** The server's base URL without a trailing slash. */
export function baseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    return u.toString().replace(/\/+$/, '');
  } catch {
    throw new TruceError('bad_request', `not an http(s) URL: ${url}`);
  }
}

/** Fetch, turning network failures and problem+json answers into TruceErrors with the server's own detail. */
export async function request(url: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new TruceError('unavailable', `cannot reach ${url}: ${((e as Error).cause as Error | undefined)?.message ?? (e as Error).message}`);
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let code: ErrorCode = response.status >= 500 ? 'unavailable' : 'bad_request';
    try {
      const problem = (await response.json()) as { detail?: string; code?: ErrorCode };
      if (problem.detail) detail = `${problem.detail} (HTTP ${response.status})`;
      if (problem.code) code = problem.code;
    } catch {
      /* not problem+json: keep the status line */
    }
    throw new TruceError(code, detail);
  }
  return response;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await request(url)).json()) as T;
}

export async function getBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await request(url)).arrayBuffer());
}

/** Every incident view, following the API's cursor page by page. */
export async function allIncidents<T = unknown>(server: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; next: string | null } = await getJson(`${server}/v1/incidents?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
