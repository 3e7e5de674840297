import { canonicalJson } from '../domain/jcs.js';
import { createState, type MechanismState } from '../domain/state.js';
import { agreementView } from '../domain/views/agreement.js';
import { complianceView } from '../domain/views/compliance.js';
import { incidentView } from '../domain/views/incident.js';
import { accessTo, notPublic, presentIncident } from '../domain/views/publication.js';
import { fromBase64, toBase64 } from '../log/encoding.js';
import { openCheckpoint } from '../log/checkpoint-note.js';
import { cosignatureNoteVerifier } from '../log/cosignature.js';
import { noteVerifierFromKey } from '../log/note-ed25519.js';
import { parseVerifierKey } from '../log/note-keys.js';
import { openNote } from '../log/signed-note.js';
import { auditLog, type AuditProgress } from '../log/tile-client.js';
import { verifyConsistency } from '../log/proof-verify.js';
import type { MerkleTree } from '../log/merkle-tree.js';
import { verifyEd25519Node } from './node-ed25519.js';
import { checkEntry } from '../domain/entry-check.js';
import { mechanismRules } from '../domain/records/agreement-rules.js';

/** A log as an auditor reaches it: the server or any mirror of its tiles (HTTP in the CLI). */
export interface AuditSource {
  info(): Promise<{ origin: string; vkey: string; size: number }>;
  checkpoint(): Promise<string>;
  tile(path: string): Promise<Uint8Array>;
  consistency(from: number, to: number): Promise<string[]>;
  /** The signed notes of the checkpoints the server lists (recent first): each must be a view of the one tree. */
  checkpoints?(): Promise<string[]>;
  /** The server's own projections, to compare with the ones rebuilt here. */
  agreement(asOf: string): Promise<unknown>;
  compliance(): Promise<unknown>;
  incidents(): Promise<unknown[]>;
  /** The server's count of reports not yet public (GET /v1/incidents, "notPublic"), to compare with the log's. */
  notPublic?(): Promise<unknown>;
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** A warning does not fail the audit (e.g. a checkpoint short of its witness quorum). */
  readonly warning?: boolean;
  /** The log indexes of the entries that failed this check (statements). */
  readonly failedEntries?: readonly number[];
}

export interface AuditReport {
  readonly ok: boolean;
  readonly origin: string;
  readonly size: number;
  readonly root: string | null;
  readonly checks: readonly Check[];
  readonly state?: MechanismState;
}

export interface AuditOptions {
  readonly vkey?: string;
  readonly previous?: { size: number; root: string };
  readonly onProgress?: (p: AuditProgress | { phase: 'statements'; done: number; total: number }) => void;
  /**
   * Compare the server's views with the replayed ones (default true). `truce report` computes from the replayed state
   * alone and never shows the server's views, so it leaves this to `truce verify` (four requests and three views less).
   */
  readonly projections?: boolean;
}

/**
 * `truce verify`: everything from the log alone. The checkpoint's signature under the pinned key; every entry and
 * hash tile (tree rebuilt, root compared); every statement's canonical form, signature, key registration, rights and
 * workflow (replayed into a fresh state); witness cosignatures against the replayed members' keys; consistency with a
 * checkpoint verified earlier; and the server's projections compared with the ones rebuilt here.
 */
export async function auditMechanism(source: AuditSource, options: AuditOptions = {}): Promise<AuditReport> {
  const checks: Check[] = [];
  const info = await source.info();
  const vkey = options.vkey ?? info.vkey;
  const parsedKey = parseVerifierKey(vkey);
  const log = noteVerifierFromKey(vkey, verifyEd25519Node);
  const fail = (name: string, detail: string): AuditReport => ({ ok: false, origin: info.origin, size: 0, root: null, checks: [...checks, { name, ok: false, detail }] });
  if (!parsedKey || !log) return fail('log key', `not an Ed25519 verifier key: ${vkey}`);
  checks.push({ name: 'log key', ok: info.vkey === vkey, detail: info.vkey === vkey ? `${vkey}${options.vkey ? ' (pinned)' : ' (as served: pin it with --vkey)'}` : `the server now serves ${info.vkey}, not the pinned key` });

  const note = await source.checkpoint();
  const opened = openCheckpoint(note, { origin: parsedKey.name, log });
  if (!opened.ok) return fail('checkpoint signature', opened.detail);
  const { size, rootHash } = opened.checkpoint;
  const root = toBase64(rootHash);
  checks.push({ name: 'checkpoint signature', ok: true, detail: `size ${size}, root ${root}, signed by ${parsedKey.name}` });

  if (options.previous) checks.push(await consistencyCheck(source, options.previous, size, rootHash));

  const audited = await auditLog({ fetchTile: (p) => source.tile(p), size, root: rootHash, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  if (!audited.ok) return { ...fail('tree', audited.detail), size, root };
  checks.push({ name: 'tree', ok: true, detail: `${size} entries and every hash tile match the checkpoint's root` });
  if (source.checkpoints) checks.push(forkCheck(await source.checkpoints(), audited.tree, size, (text) => openCheckpoint(text, { origin: parsedKey.name, log })));

  const state = createState();
  const failures: { index: number; detail: string }[] = [];
  audited.entries.forEach((bytes, index) => {
    const checked = checkEntry(state, bytes, index, verifyEd25519Node);
    if (!checked.ok) failures.push({ index, detail: `${checked.code}: ${checked.detail}` });
    if (index % 1000 === 999) options.onProgress?.({ phase: 'statements', done: index + 1, total: size });
  });
  checks.push({
    name: 'statements',
    ok: failures.length === 0,
    failedEntries: failures.map((f) => f.index),
    detail: failures.length === 0 ? `${size} statements: canonical, signed by registered keys, within their signers' rights and the workflow` : `${failures.length} refused on replay: ${failures.slice(0, 10).map((f) => `entry ${f.index}: ${f.detail}`).join('; ')}${failures.length > 10 ? '; …' : ''}`,
  });

  checks.push(witnessCheck(state, note));
  if (options.projections !== false) checks.push(...(await projectionChecks(source, state, info.size === size)));
  return { ok: checks.every((c) => c.ok || c.warning), origin: parsedKey.name, size, root, checks, state };
}

async function consistencyCheck(source: AuditSource, previous: { size: number; root: string }, size: number, rootHash: Uint8Array): Promise<Check> {
  const name = 'consistency with last verified';
  if (size < previous.size) return { name, ok: false, detail: `the log shrank from ${previous.size} to ${size}` };
  if (size === previous.size) {
    const same = previous.root === toBase64(rootHash);
    return { name, ok: same, detail: same ? `unchanged at ${size}` : `two different trees of size ${size}: the log forked` };
  }
  const proof = (await source.consistency(previous.size, size)).map((h) => fromBase64(h) ?? new Uint8Array());
  const ok = verifyConsistency(previous.size, size, proof, fromBase64(previous.root) ?? new Uint8Array(), rootHash);
  return { name, ok, detail: ok ? `size ${previous.size} → ${size}: nothing recorded before was changed or removed` : `checkpoint ${size} is not an extension of checkpoint ${previous.size}` };
}

/**
 * Every checkpoint the log lists, signed by its key, must be the root of the verified tree at its size: two signed
 * trees of one size (or a listed tree the verified one does not extend) is a split view, and fails the audit.
 */
function forkCheck(notes: readonly string[], tree: MerkleTree, size: number, open: (text: string) => ReturnType<typeof openCheckpoint>): Check {
  const name = 'listed checkpoints';
  for (const note of notes) {
    const opened = open(note);
    if (!opened.ok) return { name, ok: false, detail: `a checkpoint the log lists does not verify under its key: ${opened.detail}` };
    const cp = opened.checkpoint;
    if (cp.size > size) continue; // published after the one verified here
    if (toBase64(tree.root(cp.size)) !== toBase64(cp.rootHash)) return { name, ok: false, detail: `the log signed a different tree of size ${cp.size} than the one verified here: the log forked` };
  }
  return { name, ok: true, detail: `${notes.length} listed checkpoints are all views of the verified tree` };
}

/** Cosignatures verified against the keys of the witnesses named in the rules every party signed (replayed here). */
function witnessCheck(state: MechanismState, note: string): Check {
  const named = mechanismRules(state).witnesses;
  if (!named) return { name: 'witnesses', ok: false, warning: true, detail: 'the parties have named no witnesses in rules they all signed: no checkpoint can be witnessed' };
  const witnesses = named.members.map((id) => state.members.get(id)).filter((m) => m !== undefined);
  const verifiers = witnesses.flatMap((m) => [...state.keys.values()].filter((k) => k.member === m.id && !k.revoked).map((k) => cosignatureNoteVerifier(m.id, fromBase64(k.key)!, verifyEd25519Node)));
  const quorum = named.quorum;
  const opened = openNote(note, verifiers);
  if (!opened.ok && opened.reason !== 'unverified') return { name: 'witnesses', ok: false, detail: `a cosignature on the checkpoint does not verify: ${opened.detail}` };
  const names = opened.ok ? [...new Set(opened.verifiedBy.map((v) => v.name))] : [];
  const witnessed = names.length >= quorum;
  return { name: 'witnesses', ok: witnessed, warning: !witnessed, detail: `${names.length} of ${witnesses.length} witnesses cosigned (${names.join(', ') || 'none'}); quorum ${quorum}${witnessed ? '' : ': not yet witnessed'}` };
}

async function projectionChecks(source: AuditSource, state: MechanismState, sameSize: boolean): Promise<Check[]> {
  if (!sameSize) return [{ name: 'projections', ok: true, warning: true, detail: 'the log grew while verifying; run again on a quiet log to compare projections' }];
  const asOf = '2100-01-01T00:00:00Z';
  const same = (a: unknown, b: unknown) => canonicalJson(JSON.parse(JSON.stringify(a))) === canonicalJson(b);
  const checks: Check[] = [];
  const agreement = same(agreementView(state, asOf), await source.agreement(asOf));
  checks.push({ name: 'projection: agreement', ok: agreement, detail: agreement ? 'the server shows the agreement the log makes' : 'the server\'s agreement view differs from the replayed log' });
  const compliance = same(complianceView(state), await source.compliance());
  checks.push({ name: 'projection: compliance', ok: compliance, detail: compliance ? 'the server shows the compliance the log makes' : 'the server\'s compliance view differs from the replayed log' });
  const served = await source.incidents();
  const reports = state.records.get('reports');
  // The public's answer (no signature): what the terms stage is left out until the mediators' review, which is in the log.
  const ids = (reports ? [...reports.keys()] : []).filter((id) => accessTo(state, id, null, Date.now(), null) === 'full');
  const byId = new Map(served.map((v) => [(v as { id: string }).id, v]));
  const differing = ids.filter((id) => !byId.has(id) || !same(presentIncident(state, incidentView(state, id)!, null), byId.get(id)));
  const ok = differing.length === 0 && served.length === ids.length;
  checks.push({ name: 'projection: incidents', ok, detail: ok ? `${ids.length} incidents as the log makes them` : `${differing.length} incidents differ or are missing; server lists ${served.length}, log has ${ids.length} public` });
  if (source.notPublic) {
    const expected = notPublic(state);
    const counted = same(expected, await source.notPublic());
    checks.push({ name: 'projection: not yet public', ok: counted, detail: counted ? `${expected.count} reports not yet public, in ${expected.cells.length} cells, as the log makes them` : 'the server\'s count of reports not yet public differs from the replayed log' });
  }
  return checks;
}
