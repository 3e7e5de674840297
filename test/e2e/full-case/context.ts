// What the steps of the full case share: its people, what earlier steps learned, and the helpers every step uses.
import assert from 'node:assert/strict';
import type { RunningServer } from '../helpers/server.js';
import { member, signed, type TestMember } from '../helpers/members.js';
import { getJson, mustAppend, type Json } from '../helpers/http.js';
import type { agreementBody } from '../helpers/case-bodies.js';

/** An RFC 3339 UTC time, now. */
export const at = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export const ids = (items: Json[]) => items.map((i) => i.id as string);
export const sorted = (xs: readonly string[]) => [...xs].sort();

/** The people of the case, with fresh keys for each run. */
function cast() {
  return {
    operator: member('secretariat'),
    pk: member('pk'),
    af: member('af'),
    qa: member('qa'),
    tr: member('tr'),
    monitor: member('field-team-1'),
    osint: member('osint-desk'),
  };
}

/** Everything the steps learn and later steps rely on. */
export interface CaseState {
  agreement: ReturnType<typeof agreementBody>;
  reports: { r1: string; r2: string; r3: string; r4: string };
  indexes: Record<string, number>;
  evidence: { sha256: string; bytes: Uint8Array; access: string };
  investigation: string;
  finding: string;
  action: string;
}

export interface CaseContext {
  readonly url: string;
  readonly server: RunningServer;
  readonly m: ReturnType<typeof cast>;
  readonly c: CaseState;
  /** Append a statement that must be accepted, remembering its log index under `name`; resolves with its id. */
  readonly append: (name: string, by: TestMember, type: Parameters<typeof signed>[1], body: Json, when?: string) => Promise<string>;
  /** GET /v1/incidents with a query, which must answer 200. */
  readonly incidents: (query: string) => Promise<{ items: Json[]; next: string | null }>;
  /** A time a minute before the case started, for a statement repeated on purpose (see caseContext). */
  readonly early: () => string;
}

export function caseContext(server: RunningServer): CaseContext {
  const { url } = server;
  const c = { indexes: {} } as CaseState;
  // A statement repeated on purpose (to be refused by the workflow, not as a replay) is dated a minute before the case
  // started, so its bytes differ from every statement signed during the case.
  const started = Date.now();
  return {
    url,
    server,
    m: cast(),
    c,
    early: () => new Date(started - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    append: async (name, by, type, body, when = at()) => {
      const r = await mustAppend(url, await signed(by, type, body, when));
      c.indexes[name] = r.index;
      return r.id;
    },
    incidents: async (query) => {
      const r = await getJson(url, `/v1/incidents?${query}`);
      assert.equal(r.status, 200, `${query}: ${JSON.stringify(r.body)}`);
      return r.body as { items: Json[]; next: string | null };
    },
  };
}
