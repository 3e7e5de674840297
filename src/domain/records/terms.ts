import type { LogRef, MechanismState } from '../state.js';
import type { Clause } from './agreement-schema.js';
import { agreementVersions, type AgreementVersion } from './agreement.js';
import { standingIntervals } from './agreement-status.js';
import { ms } from './fields.js';
import { getMeeting } from './meetings.js';
import { listTermRecords, type BasisKind, type TermRecord } from './terms-store.js';

/** A dated period [from, until); until null: open, as far as the record goes. */
export interface Period {
  readonly from: string;
  readonly until: string | null;
}

/** Why a party is bound by a term: the source, and the periods that source gives. */
export interface Basis {
  readonly side: string;
  readonly kind: BasisKind;
  /** signed_text: the version and the party's signature over its hash. */
  readonly version: { readonly id: string; readonly agreement: string; readonly version: number; readonly hash: string; readonly signature: LogRef } | null;
  /** verbal, declaration, joint_statement: the record, who gave it, when, before whom, acknowledged or not. */
  readonly record: {
    readonly id: string;
    readonly recordedBy: readonly string[];
    readonly recorded: LogRef;
    readonly givenBy: string;
    readonly givenAt: string;
    readonly before: readonly string[];
    readonly meeting: string | null;
    readonly acknowledged: LogRef | null;
  } | null;
  readonly periods: readonly Period[];
}

/** One term and, per party bound, its bases and the periods it is in force (suspensions taken out). */
export interface Term extends Clause {
  /** The ceasefire whose standing the term follows (suspended while it is suspended), if any. */
  readonly ceasefire: string | null;
  readonly parties: readonly {
    readonly side: string;
    readonly bases: readonly Basis[];
    readonly inForce: readonly Period[];
    /** Times within a basis's period when the term was not in force (its ceasefire suspended, lapsed or ended). */
    readonly suspended: readonly Period[];
  }[];
}

type Span = { from: number; until: number | null };
const END = Number.POSITIVE_INFINITY;
const iso = (t: number | null) => (t === null || t === END ? null : new Date(t).toISOString().replace('.000Z', 'Z'));
const toPeriod = (s: Span): Period => ({ from: iso(s.from) as string, until: iso(s.until) });

/** Union of spans, sorted and merged. */
function union(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const last = out.at(-1);
    if (last && (last.until ?? END) >= s.from) last.until = Math.max(last.until ?? END, s.until ?? END);
    else out.push({ ...s });
  }
  return out.map((s) => ({ from: s.from, until: s.until === END ? null : s.until }));
}

function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) for (const y of b) {
    const from = Math.max(x.from, y.from);
    const until = Math.min(x.until ?? END, y.until ?? END);
    if (until > from) out.push({ from, until: until === END ? null : until });
  }
  return union(out);
}

function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  let rest = a.map((s) => ({ ...s }));
  for (const y of b) {
    rest = rest.flatMap((x) => {
      const parts: Span[] = [];
      if (y.from > x.from) parts.push({ from: x.from, until: Math.min(x.until ?? END, y.from) });
      if ((y.until ?? END) < (x.until ?? END)) parts.push({ from: Math.max(x.from, y.until ?? END), until: x.until });
      return parts.filter((p) => (p.until ?? END) > p.from);
    });
  }
  return rest;
}

/** The first signature of each side on a version, as [side, ref]. */
function sideSignatures(v: AgreementVersion): Map<string, LogRef> {
  const out = new Map<string, LogRef>();
  for (const s of v.signatures) if (s.role === 'party' && s.side && !out.has(s.side)) out.set(s.side, s.ref);
  return out;
}

/** When a signed version binds the signer: the text's own effective date if it states one, else the signature. */
const startOf = (v: AgreementVersion, signature: LogRef): number => ms(v.content.effective ?? signature.at);

/** Bases from written texts: a side is bound by the clauses of the version it signed, until it signs a later one. */
function writtenBases(versions: readonly AgreementVersion[]): Map<string, { clause: Clause; bases: Basis[] }> {
  const out = new Map<string, { clause: Clause; bases: Basis[] }>();
  const signed = versions.map((v) => ({ v, sigs: sideSignatures(v) }));
  for (const { v, sigs } of signed) {
    for (const clause of v.content.clauses) {
      const entry = out.get(clause.id) ?? { clause, bases: [] };
      entry.clause = clause; // the latest version's wording
      for (const [side, ref] of sigs) {
        if (!clause.bound.includes(side)) continue;
        const later = signed.filter((x) => x.v.content.version > v.content.version && x.sigs.has(side)).map((x) => startOf(x.v, x.sigs.get(side) as LogRef));
        const until = later.length ? Math.min(...later) : null;
        const version = { id: v.id, agreement: v.content.agreement, version: v.content.version, hash: v.hash, signature: ref };
        entry.bases.push({ side, kind: 'signed_text', version, record: null, periods: [toPeriod({ from: startOf(v, ref), until })] });
      }
      out.set(clause.id, entry);
    }
  }
  return out;
}

/** The sides a recorded basis binds now: a joint statement binds only sides whose delegation signed it. */
function recordSides(state: MechanismState, r: TermRecord): string[] {
  const { basis } = r.content;
  if (basis.kind !== 'joint_statement' || basis.meeting === undefined) return basis.sides;
  const signers = new Set((getMeeting(state, basis.meeting)?.signatures ?? []).map((s) => state.members.get(s.member)?.side).filter((s) => s));
  return basis.sides.filter((s) => signers.has(s));
}

function recordBasis(r: TermRecord, side: string): Basis {
  const { basis, from, until } = r.content;
  return {
    side,
    kind: basis.kind,
    version: null,
    record: {
      id: r.id,
      recordedBy: r.signatures.map((s) => s.member),
      recorded: r.recorded as LogRef,
      givenBy: basis.given_by,
      givenAt: basis.given_at,
      before: basis.before,
      meeting: basis.meeting ?? null,
      acknowledged: r.acknowledgements.find((a) => a.side === side)?.ref ?? null,
    },
    periods: [toPeriod({ from: ms(from), until: until !== undefined ? ms(until) : null })],
  };
}

const spans = (ps: readonly Period[]): Span[] => ps.map((p) => ({ from: ms(p.from), until: p.until === null ? null : ms(p.until) }));

/**
 * Every term the log knows, from written texts (each side bound by what it signed) and from records (verbal
 * undertakings, declarations, joint statements) that reached the mediators' quorum; per party bound, its bases and
 * the periods in force.
 * @example listTerms(state).find((t) => t.id === 'V1')?.parties.map((p) => p.side) // ['pk', 'af']
 */
export function listTerms(state: MechanismState): Term[] {
  const terms = new Map<string, { clause: Clause; bases: Basis[]; ceasefire: string | null }>();
  for (const [id, e] of writtenBases(agreementVersions(state))) terms.set(id, { ...e, ceasefire: null });
  for (const r of listTermRecords(state)) {
    if (!r.recorded) continue;
    const entry = terms.get(r.content.term.id) ?? { clause: r.content.term, bases: [], ceasefire: null };
    entry.ceasefire = r.content.ceasefire ?? entry.ceasefire;
    entry.clause = { ...entry.clause, bound: [...new Set([...entry.clause.bound, ...r.content.term.bound])] };
    for (const side of recordSides(state, r)) entry.bases.push(recordBasis(r, side));
    terms.set(r.content.term.id, entry);
  }
  const standing = standingIntervals(state);
  return [...terms.values()].map(({ clause, bases, ceasefire }) => ({
    ...clause,
    ceasefire,
    parties: clause.bound.map((side) => {
      const own = bases.filter((b) => b.side === side);
      const all = union(own.flatMap((b) => spans(b.periods)));
      const inForce = ceasefire ? intersect(all, standing) : all;
      return { side, bases: own, inForce: inForce.map(toPeriod), suspended: subtract(all, inForce).map(toPeriod) };
    }),
  }));
}

export function findTerm(state: MechanismState, id: string): Term | undefined {
  return listTerms(state).find((t) => t.id === id);
}

/** Whether a term was in force for a side at some time within [start, end] (an instant when start = end). */
export function inForceDuring(term: Term, side: string, start: string, end: string): boolean {
  const p = term.parties.find((x) => x.side === side);
  const from = ms(start);
  const until = Math.max(ms(end), from);
  return (p?.inForce ?? []).some((q) => ms(q.from) <= until && (q.until === null || ms(q.until) > from));
}

/** One line naming a side's periods in force, for refusals, e.g. "from 2025-10-15T13:00:00Z (verbal)". */
export function describePeriods(term: Term, side: string): string {
  const p = term.parties.find((x) => x.side === side);
  if (!p || p.bases.length === 0) {
    const others = term.parties.filter((x) => x.bases.length > 0).map((x) => x.side);
    return `${side} has no basis for it (${others.length ? `binding on ${others.join(', ')} only` : 'no party is bound yet'})`;
  }
  const kinds = [...new Set(p.bases.map((b) => b.kind.replace('_', ' ')))].join(', ');
  if (p.inForce.length === 0) return `it was never in force for ${side} (${kinds})`;
  return `in force for ${side} ${p.inForce.map((q) => `from ${q.from}${q.until ? ` until ${q.until}` : ''}`).join('; ')} (${kinds})`;
}
