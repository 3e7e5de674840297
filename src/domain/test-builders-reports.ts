// Small builders for the tests of reports, evidence, candidates, the incident view, ACLED and the demo.
// Signatures are not checked by applyStatement (the service does that), so statements carry a fixed dummy signature.
import { applyStatement } from './apply.js';
import { toBase64 } from './encoding.js';
import type { Result } from './errors.js';
import type { Touched } from './handler.js';
import type { Role } from './roles.js';
import { createState, type LogRef, type MechanismState } from './state.js';
import { entryBytes, statementId, type Statement, type StatementType } from './statement.js';
import type { ReportBody } from './records/report-schema.js';
import type { AgreementContent } from './records/agreement-schema.js';
import { agreementVersions } from './records/agreement.js';
import { admissionMessage } from './records/admission.js';
import { publicKeyFromSeed, signEd25519 } from '../log/ed25519.js';
import { sha256 } from '../log/hash.js';

/** A deterministic Ed25519 seed per name (a member id, or "pk-second" for a second key): tests only. */
export function seedOf(name: string): Uint8Array {
  return sha256(new TextEncoder().encode(`truce test seed: ${name}`));
}

const publicKeys = new Map<string, string>();
/** The public key of seedOf(name). Statement signatures are not checked here; admission signatures (pop, consents) are. */
export function keyOf(name: string): string {
  let key = publicKeys.get(name);
  if (!key) publicKeys.set(name, (key = toBase64(publicKeyFromSeed(seedOf(name)))));
  return key;
}

/**
 * A member.admit body with its proof of possession (the key of `keyName`, default the member id) and the consents
 * of `consenters` (member ids, each signing with keyOf(its id)).
 */
export function admissionBody(state: MechanismState, body: Record<string, unknown>, consenters: readonly string[] = [], keyName = String(body.member)): Record<string, unknown> {
  const content = { ...body, key: keyOf(keyName) };
  const message = admissionMessage(state.mechanism ?? '', 'member.admit', content);
  const consents = consenters.map((m) => ({ member: m, key: keyOf(m), sig: toBase64(signEd25519(seedOf(m), message)) }));
  return { ...content, pop: toBase64(signEd25519(seedOf(keyName), message)), ...(consents.length ? { consents } : {}) };
}

/** A key.add body for `member` with the proof of possession of keyOf(keyName). */
export function keyAddBody(state: MechanismState, member: string, keyName: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const content = { key: keyOf(keyName), ...over };
  const pop = signEd25519(seedOf(keyName), admissionMessage(state.mechanism ?? '', 'key.add', { ...content, member }));
  return { ...content, pop: toBase64(pop) };
}

/** Admit a member by the operator ("secretariat"), with its proof of possession and the consents it needs. */
export function admit(w: World, member: string, role: Role, extra: Record<string, unknown> = {}, consenters?: readonly string[]): LogRef {
  const needed = consenters ?? (role === 'mediator' ? partiesOf(w.state) : []);
  return w.must('secretariat', 'member.admit', admissionBody(w.state, { member, name: member.toUpperCase(), role, ...extra }, needed));
}

/** One member per party side, the first admitted: who consents for that side in the builders. */
function partiesOf(state: MechanismState): string[] {
  const bySide = new Map<string, string>();
  for (const m of state.members.values()) if (m.role === 'party' && m.side && !bySide.has(m.side)) bySide.set(m.side, m.id);
  return [...bySide.values()];
}

const DUMMY_SIG = toBase64(new Uint8Array(64));

export function statement(by: string, type: StatementType, body: Record<string, unknown>, at = '2025-10-20T00:00:00Z'): Statement {
  return { v: 1, type, by, key: keyOf(by), at, body, sig: DUMMY_SIG };
}

export interface World {
  readonly state: MechanismState;
  /** Apply a statement; the result as applyStatement gives it, plus the log ref it got. */
  apply(by: string, type: StatementType, body: Record<string, unknown>, at?: string): Result<readonly Touched[]> & { ref: LogRef };
  /** Apply and throw unless accepted; returns the ref (its id names the record created). */
  must(by: string, type: StatementType, body: Record<string, unknown>, at?: string): LogRef;
}

export function world(): World {
  const state = createState();
  let clock = Date.parse('2025-10-01T00:00:00Z');
  const apply: World['apply'] = (by, type, body, at) => {
    clock += 60_000;
    const s = statement(by, type, body, at ?? new Date(clock).toISOString().replace('.000Z', 'Z'));
    const ref: LogRef = { index: state.size, id: statementId(entryBytes(s)), at: s.at, by };
    return { ...applyStatement(state, s, ref), ref };
  };
  const must: World['must'] = (by, type, body, at) => {
    const r = apply(by, type, body, at);
    if (!r.ok) throw new Error(`${type} by ${by} refused: ${r.code}: ${r.detail}`);
    return r.ref;
  };
  return { state, apply, must };
}

const MEMBERS: readonly [string, Role, string?][] = [
  ['pk', 'party'],
  ['af', 'party'],
  ['qa', 'mediator'],
  ['tr', 'mediator'],
  ['field-team-1', 'monitor'],
  ['osint-desk', 'monitor'],
  ['press', 'observer'],
];

/** A world with the secretariat (genesis) and the case's members admitted. */
export function mechanism(): World {
  const w = world();
  w.must('secretariat', 'member.admit', { member: 'secretariat', name: 'Secretariat', role: 'operator', key: keyOf('secretariat'), mechanism: 'test' });
  for (const [id, role] of MEMBERS) admit(w, id, role);
  return w;
}

export function agreementContent(over: Partial<AgreementContent> = {}): AgreementContent {
  return {
    agreement: 'ceasefire',
    version: 1,
    title: 'Test ceasefire',
    preamble: 'For tests.',
    parties: ['pk', 'af'],
    mediators: ['qa', 'tr'],
    quorum: 2,
    replyDeadlineHours: 72,
    clauses: [
      { id: 'C1', text: 'Cease hostilities along the border.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No verified attack.' },
      { id: 'C3', text: 'No cross-border strikes.', bound: ['pk', 'af'], kind: 'prohibition', indicator: 'No verified strike.' },
    ],
    penalties: { serious: { penalty: 'Public censure by the mediators.' } },
    ...over,
  };
}

/** Put an agreement in force: proposed by qa, signed by both parties and both mediators. */
export function inForce(w: World, over: Partial<AgreementContent> = {}): void {
  const content = agreementContent(over);
  w.must('qa', 'agreement.propose', content as unknown as Record<string, unknown>);
  const hash = agreementVersions(w.state).at(-1)?.hash;
  for (const m of ['pk', 'af', 'qa', 'tr']) w.must(m, 'agreement.sign', { agreement: content.agreement, version: content.version, hash });
}

export function reportBody(over: Partial<ReportBody> = {}): ReportBody {
  return {
    when: { start: '2025-11-06T00:00:00+05:00', end: '2025-11-07T00:00:00+05:00', precision: 'day' },
    where: { lat: 30.92, lon: 66.45, place: 'Chaman', admin1: 'Balochistan', country: 'Pakistan', geo_precision: 1 },
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actors: [
      { name: 'Afghan Taliban forces', side: 'af', role: 'perpetrator', actor_type: 'State forces' },
      { name: 'Civilians (Pakistan)', side: null, role: 'target', actor_type: 'Civilians' },
    ],
    casualties: { killed: { civilian: { min: 1, best: 1, max: 2 }, unknown: { min: 0, best: 1, max: 1 } } },
    narrative: 'Exchange of fire at the crossing.',
    sources: [{ kind: 'witness', title: 'Field team account' }],
    clauses: [],
    accused: ['af'],
    ...over,
  };
}

/** A hex SHA-256-looking string for tests (not the hash of anything). */
export const fakeSha = (n: number): string => n.toString(16).padStart(64, '0');

export function evidenceBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { sha256: fakeSha(1), media_type: 'image/jpeg', size: 1234, title: 'Photo', description: 'A photo of the crossing.', confidentiality: 'public', ...over };
}
