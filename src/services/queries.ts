import { agreementView } from '../domain/views/agreement.js';
import { type ComplianceView, complianceView } from '../domain/views/compliance.js';
import { type IncidentView, incidentView } from '../domain/views/incident.js';
import { meetingsView } from '../domain/views/meetings.js';
import { actionStatus, listActions } from '../domain/records/commitments.js';
import { commitmentsView } from '../domain/views/commitments.js';
import { toBase64 } from '../log/encoding.js';
import type { IncidentQuery } from '../store/store.js';
import type { Mechanism } from './mechanism.js';
import { type Arrival, arrivals } from './arrival.js';
import { encryptionKeys } from '../domain/records/seals.js';
import { type Reader, accessTo, notPublic, presentIncident, presentsAsStored, summarizeIncident, withPartiesFrom } from '../domain/views/publication.js';

const clock = (m: Mechanism): number => (m.options.now ?? Date.now)();
const COMMA = Buffer.from(',');

/**
 * GET /v1/incidents: the projection table answers; each item is the incident's view as `reader` may read it
 * (domain/views/publication.ts): reports it may not read in full are left out of `items`, a party gets their
 * summaries, and everyone gets the same count of reports not yet public (`notPublic`, per grid cell within the bbox).
 * The answer is JSON in UTF-8: `{"items": [...], "next": ..., "notPublic": ..., "summaries"?: [...]}`.
 */
export async function listIncidents(m: Mechanism, query: IncidentQuery, reader: Reader = null): Promise<Buffer> {
  const page = await m.store.listIncidentViews(query);
  const now = clock(m);
  const items: Buffer[] = [];
  const summaries = [];
  // A party's delay counts from each filing's arrival (the report.file statement's); the public's answer depends on
  // the log alone.
  const arrived = reader?.role === 'party' ? await m.store.arrivals(page.items.map((row) => row.logIndex)) : new Map<number, string | null>();
  for (const row of page.items) {
    const filing = arrived.get(row.logIndex) ?? null;
    const access = accessTo(m.state, row.id, reader, now, filing);
    // Most views go out as the store's text: a page is 50-500 views of 2-3 KB, and parsing and writing them again
    // was most of the server's cost of a page (docs/QUERY-PLANS.md, point 8).
    if (access === 'full') {
      const json = presentsAsStored(m.state, row.id, reader) ? row.viewJson : JSON.stringify(presentIncident(m.state, JSON.parse(row.viewJson) as IncidentView, reader));
      // The comma apart: prepending it would copy the (two-byte) view text once more before it is encoded.
      if (items.length) items.push(COMMA);
      items.push(Buffer.from(json));
    } else if (access === 'summary') summaries.push(summarizeIncident(m.state, JSON.parse(row.viewJson) as IncidentView, filing));
  }
  const rest = JSON.stringify({ next: page.next, notPublic: notPublic(m.state, query.bbox), ...(summaries.length ? { summaries } : {}) });
  // Encoded view by view and joined as bytes: joining the (mostly two-byte) strings first and encoding the whole
  // copied every character twice more.
  return Buffer.concat([Buffer.from('{"items":['), ...items, Buffer.from(`],${rest.slice(1)}`)]);
}

/**
 * GET /v1/incidents/:id: the view, plus an RFC 9162 inclusion proof of every statement it cites against the latest
 * checkpoint, so a reader can check each record is in the log everyone audits (statements newer than the checkpoint
 * are listed as pending), and when each arrived (services/arrival.ts) beside the "at" its signer gave.
 */
export async function getIncident(m: Mechanism, id: string, reader: Reader = null) {
  const full = incidentView(m.state, id);
  if (!full) return null;
  const filing = (await m.store.arrivals([full.filed.index])).get(full.filed.index) ?? null;
  const access = accessTo(m.state, id, reader, clock(m), filing);
  if (access === 'none') return { withheld: true as const };
  if (access === 'summary') return summarizeIncident(m.state, full, filing);
  const view = withPartiesFrom(m.state, presentIncident(m.state, full, reader), filing);
  const checkpoint = m.published;
  const positions = logPositions(view);
  const arrived = await arrivals(m.store, [...new Set(positions.map((p) => p.index))]);
  const entries: Record<string, ({ id: string; proof: string[] } | { id: string; pending: true }) & { arrival: Arrival | null }> = {};
  for (const ref of positions) {
    const arrival = arrived.get(ref.index) ?? null;
    entries[ref.index] = checkpoint && ref.index < checkpoint.size
      ? { id: ref.id, proof: (await m.tree.inclusionProof(ref.index, checkpoint.size)).map(toBase64), arrival }
      : { id: ref.id, pending: true, arrival };
  }
  return { ...view, proofs: { checkpoint: checkpoint ? { size: checkpoint.size, root: toBase64(checkpoint.rootHash) } : null, entries } };
}

/** Every {index, id} log position inside a view, wherever it sits. */
function logPositions(value: unknown, out: { index: number; id: string }[] = []): { index: number; id: string }[] {
  if (Array.isArray(value)) value.forEach((v) => logPositions(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.index === 'number' && typeof o.id === 'string' && /^[0-9a-f]{64}$/.test(o.id)) out.push({ index: o.index, id: o.id });
    Object.values(o).forEach((v) => logPositions(v, out));
  }
  return out;
}

export const getAgreement = (m: Mechanism, asOf = new Date().toISOString()) => agreementView(m.state, asOf);
/**
 * GET /v1/compliance (the overview asks it on every load) reads every report, finding and action: at 80,000 reports
 * about 250 ms on the event loop, which every append waiting behind it waits too. The view names the log size it
 * was computed at, so one is kept per mechanism and given again until the log grows; and once computing it costs
 * more than FRESH_BELOW_MS, it is computed anew at most so often that it takes no more than COMPLIANCE_SHARE of the
 * event loop (a view of 250 ms: at most every 5 s), the kept one, with its own size, answered in between. Only a view
 * of the committed log is kept (the state's size equal to the tree's): one computed while a batch is applied but not
 * yet committed is answered once and not kept.
 */
const complianceKept = new WeakMap<Mechanism, KeptView<ComplianceView>>();
export function getCompliance(m: Mechanism): ComplianceView {
  const kept = complianceKept.get(m);
  if (kept && !viewDue(kept, m.size, performance.now())) return kept.view;
  const started = performance.now();
  const view = complianceView(m.state);
  const done = performance.now();
  if (view.size === m.size) complianceKept.set(m, { view, computedAt: done, costMs: done - started });
  return view;
}

/** The share of the event loop a whole-state view may take when the log grows all the time. */
export const COMPLIANCE_SHARE = 0.05;
/** A view cheaper than this is always computed anew when the log has grown: a small record reads its own writes. */
export const FRESH_BELOW_MS = 20;

interface KeptView<V extends { readonly size: number } = { readonly size: number }> {
  readonly view: V;
  /** performance.now() when it was computed, and what computing it cost. */
  readonly computedAt: number;
  readonly costMs: number;
}

/**
 * Whether a kept view must be computed anew for a log of `size` at `now`: never while the log has not grown; always
 * when computing it is cheap; otherwise once 1/COMPLIANCE_SHARE times its cost has passed since it was computed.
 * @example viewDue({ view: { size: 9 }, computedAt: 0, costMs: 250 }, 10, 1000) // false: not before 5,000 ms
 */
export function viewDue(kept: KeptView, size: number, now: number): boolean {
  if (kept.view.size === size) return false;
  return kept.costMs < FRESH_BELOW_MS || now - kept.computedAt >= kept.costMs / COMPLIANCE_SHARE;
}
export const getMeetings = (m: Mechanism) => meetingsView(m.state);

/**
 * GET /v1/commitments: every action a party reported on a commitment, attributed to it ("reported by"), with the
 * mediators' verdicts beside it and where it stands (unverified, verified, not_verified, disputed); optionally one side's.
 */
export function listCommitments(m: Mechanism, side?: string, asOf = new Date().toISOString()) {
  const items = listActions(m.state)
    .filter((a) => side === undefined || a.side === side)
    .map((a) => ({ ...a, attribution: `reported by ${m.state.members.get(a.member)?.name ?? a.member} (${a.member})`, status: actionStatus(a) }));
  const view = commitmentsView(m.state, asOf);
  const mine = <T extends { side?: string; from?: string; to?: string }>(x: T) => side === undefined || x.side === side || x.from === side || x.to === side;
  return { items, asOf, commitments: view.commitments.filter(mine), requests: view.requests.filter(mine) };
}

/** GET /v1/members: who is in the mechanism, with what role and keys (public keys are public). */
export function listMembers(m: Mechanism) {
  const keys = [...m.state.keys.values()];
  return {
    items: [...m.state.members.values()].map((member) => ({
      id: member.id,
      name: member.name,
      role: member.role,
      side: member.side,
      admitted: member.admitted,
      keys: keys.filter((k) => k.member === member.id).map((k) => ({ key: k.key, added: k.added, revoked: k.revoked })),
      /** The X25519 key others seal fields to (enckey.add), or null if the member registered none. */
      encryptionKey: encryptionKeys(m.state).get(member.id)?.key ?? null,
    })),
  };
}

/** GET /v1/statements: the log in order, each entry with its parsed statement. */
export async function readStatements(m: Mechanism, from: number, limit: number, order: 'asc' | 'desc') {
  const size = m.size;
  const [start, end] = order === 'asc' ? [Math.min(from, size), Math.min(size, from + limit)] : [Math.max(0, size - from - limit), Math.max(0, size - from)];
  const entries = await m.store.entries(start, end);
  const items = entries.map((e) => ({ index: e.index, id: e.id, type: e.type, by: e.by, at: e.at, statement: JSON.parse(new TextDecoder().decode(e.bytes)) as unknown }));
  return { items: order === 'asc' ? items : items.reverse(), size };
}
